// Actions of SKM follow-ups and public forums (DESIGN §2): owner free text, a due day, open or done.
// Pure: who changed what and when is passed in; "overdue" is judged against the tenant's local day.

export type ActionStatus = 'open' | 'done';

export interface ActionInput { title: string; owner: string; due: string }

export interface ActionItem extends ActionInput {
  id: string;
  status: ActionStatus;
  note?: string;
  /** When and by whom the status last changed. */
  updatedAt?: string;
  updatedBy?: string;
}

export interface ActionCounts { actionsOpen: number; actionsDone: number }

/** New actions start open, numbered a1, a2, … in the order given. */
export const openActions = (inputs: readonly ActionInput[]): ActionItem[] =>
  inputs.map((a, i) => ({ id: `a${i + 1}`, title: a.title, owner: a.owner, due: a.due, status: 'open' }));

/** Open and due before today (both `YYYY-MM-DD` in the tenant's calendar). */
export const isOverdue = (a: Pick<ActionItem, 'status' | 'due'>, today: string): boolean => a.status === 'open' && a.due < today;

export const withOverdue = (actions: readonly ActionItem[], today: string) => actions.map((a) => ({ ...a, overdue: isOverdue(a, today) }));

export function countActions(actions: readonly Pick<ActionItem, 'status'>[]): ActionCounts {
  const done = actions.filter((a) => a.status === 'done').length;
  return { actionsOpen: actions.length - done, actionsDone: done };
}

/** What moving one action from `before` to `after` adds to the open/done counts. */
export function statusDelta(before: ActionStatus, after: ActionStatus): ActionCounts {
  if (before === after) return { actionsOpen: 0, actionsDone: 0 };
  return after === 'done' ? { actionsOpen: -1, actionsDone: 1 } : { actionsOpen: 1, actionsDone: -1 };
}

// The open actions of public forums and SKM follow-ups by due day (DESIGN §2 Notifications: "action due in
// 3 days or overdue"). Their owners are free text, so the notice goes to the admins of the agency; one item
// per open action in the tenant's partition, put in the transaction that creates the action and deleted
// (or put back) in the one that changes its status, so the daily pass reads them with one Query.
import { queryPage } from './batch.js';
import { tableName } from './client.js';
import * as keys from './keys.js';
import type { TransactItem } from './action-repository.js';
import type { ActionItem } from '../domain/action-items.js';

export type ActionSource = 'forum' | 'followUp';

/** What an open action's notice needs, without reading the forum or follow-up. */
export interface OpenAction {
  source: ActionSource;
  itemId: string;
  actionId: string;
  title: string;
  due: string;
  agencyId: string;
  unitId?: string;
}

/** The forum or follow-up an action belongs to. */
export interface ActionHolder { tenant: string; id: string; agencyId: string; unitId?: string; actions: readonly ActionItem[] }

const keyOf = (h: ActionHolder, source: ActionSource, a: Pick<ActionItem, 'id' | 'due'>) => keys.openAction(h.tenant, a.due, source, h.id, a.id);

const itemOf = (h: ActionHolder, source: ActionSource, a: ActionItem) => ({
  ...keyOf(h, source, a), type: 'openAction', tenant: h.tenant,
  source, itemId: h.id, actionId: a.id, title: a.title, due: a.due, agencyId: h.agencyId, ...(h.unitId ? { unitId: h.unitId } : {}),
} satisfies OpenAction & Record<string, unknown>);

/** The index items of a new forum or follow-up: one per open action. */
export const openActionItems = (h: ActionHolder, source: ActionSource) => h.actions.filter((a) => a.status === 'open').map((a) => itemOf(h, source, a));

/** What a status change does to the index: an action done leaves it, one reopened comes back. */
export function openActionChanges(before: ActionHolder, after: ActionHolder, source: ActionSource): TransactItem[] {
  return after.actions.flatMap((a): TransactItem[] => {
    const was = before.actions.find((b) => b.id === a.id)?.status;
    if (was === a.status) return [];
    return a.status === 'open'
      ? [{ Put: { TableName: tableName(), Item: itemOf(after, source, a) } }]
      : [{ Delete: { TableName: tableName(), Key: keyOf(after, source, a) } }];
  });
}

/** One page of a tenant's open actions due on or before `until` (overdue ones first). */
export async function pageOpenActionsDue(tenant: string, until: string, page: { limit: number; startKey?: Record<string, unknown> }) {
  // SK `DUE#<day>#…`: everything below `DUE#<until>~` is due on or before `until`.
  return queryPage<OpenAction>({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.openActionsOfTenant(tenant), ':from': 'DUE#', ':to': `DUE#${until}~` },
    ProjectionExpression: '#s, itemId, actionId, title, due, agencyId, unitId',
    ExpressionAttributeNames: { '#s': 'source' },
  }, page);
}

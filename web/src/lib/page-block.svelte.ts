// A screen that cannot be shown to this user: their roles do not open it (the menu's rule, or the API
// refused its main data: 403) or what it names does not exist (404). The app shows a panel saying so,
// with the way to the user's home page, instead of the screen with an error in its charts.
import { ApiError } from './api.js';

export type Block = 'refused' | 'notfound';
export const pageBlock = $state<{ kind: Block | null }>({ kind: null });

/** Blocks the screen. Refused wins: a reader refused an agency may also not find it in the list they may read. */
export function block(kind: Block): void {
  if (kind === 'refused') pageBlock.kind = 'refused';
  else pageBlock.kind ??= 'notfound';
}

/** Blocks the screen when `e` is the API refusing (403) or not finding (404) its main data; true if it did. */
export function blockOn(e: unknown): boolean {
  if (!(e instanceof ApiError) || (e.status !== 403 && e.status !== 404)) return false;
  block(e.status === 403 ? 'refused' : 'notfound');
  return true;
}

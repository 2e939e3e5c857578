// The caller's notifications: their own inbox and the shared inbox of each admin role they hold, merged
// newest first. A cursor carries each inbox's position; a page reads at most one page of each inbox.
import { Invalid, NotFound } from '../domain/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { pageLimit, type PageRequest } from '../http/paging.js';
import * as keys from '../data/keys.js';
import { agencyAdmins, officerInbox, REGION_ADMINS } from './deliver.js';
import { countUnread, markRead, pageInbox, unreadKeys } from './repository.js';

/** The inboxes a caller reads: their own (as an officer) and their admin roles' shared ones. */
export function inboxesOf(p: Principal): string[] {
  return [
    ...(p.officerId ? [officerInbox(p.officerId)] : []),
    ...(hasRole(p, 'region_admin') ? [REGION_ADMINS] : []),
    ...(hasRole(p, 'agency_admin') && p.agencyId ? [agencyAdmins(p.agencyId)] : []),
  ];
}

/** Public id of a notification: its inbox and sort key, so a mark-read addresses it without a lookup. */
const publicId = (recipient: string, sk: string) => Buffer.from(`${recipient}|${sk}`, 'utf8').toString('base64url');
function parseId(id: string): { recipient: string; sk: string } | undefined {
  const [recipient, sk, ...rest] = Buffer.from(id, 'base64url').toString('utf8').split('|');
  return recipient && sk?.startsWith('N#') && rest.length === 0 ? { recipient, sk } : undefined;
}

type Position = Record<string, string | null>; // inbox → last SK taken; null: that inbox is exhausted
const badCursor = () => Invalid('Invalid cursor', [{ field: 'cursor', message: 'Not a cursor of this list; start again without it' }]);

function decodePosition(cursor: string | undefined, inboxes: string[]): Position | undefined {
  if (!cursor) return undefined;
  let pos: unknown;
  try { pos = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')); } catch { throw badCursor(); }
  if (!pos || typeof pos !== 'object' || Array.isArray(pos)) throw badCursor();
  const entries = Object.entries(pos as Record<string, unknown>);
  if (entries.length > inboxes.length || !entries.every(([k, v]) => inboxes.includes(k) && (v === null || (typeof v === 'string' && v.startsWith('N#') && v.length < 200)))) throw badCursor();
  return pos as Position;
}

export async function myNotifications(p: Principal, q: PageRequest) {
  const inboxes = inboxesOf(p);
  const limit = pageLimit(q);
  const pos = decodePosition(q.cursor, inboxes);
  const pages = await Promise.all(inboxes.map(async (recipient) => {
    const at = pos ? pos[recipient] : undefined;
    if (at === null) return { recipient, items: [], more: false };
    const page = await pageInbox(p.tenant, recipient, { limit, startKey: at ? { PK: keys.inbox(p.tenant, recipient), SK: at } : undefined });
    return { recipient, items: page.items, more: page.lastKey !== undefined };
  }));
  const merged = pages.flatMap((pg) => pg.items.map((i) => ({ ...i, recipient: pg.recipient }))).sort((a, b) => (a.sk < b.sk ? 1 : -1));
  const taken = merged.slice(0, limit);
  // Each inbox continues after its last item taken; one whose items were all taken and has no more is done
  // (null); one none of whose items fit keeps its old place (absent: from the top).
  const next: Position = {};
  for (const pg of pages) {
    const mine = taken.filter((t) => t.recipient === pg.recipient);
    const place = mine.length === pg.items.length && !pg.more ? null : (mine.at(-1)?.sk ?? pos?.[pg.recipient]);
    if (place !== undefined) next[pg.recipient] = place;
  }
  const more = inboxes.some((r) => next[r] !== null);
  const unread = await countUnread(p.tenant, inboxes);
  return {
    items: taken.map(({ recipient, sk, item }) => ({
      id: publicId(recipient, sk), kind: item.kind, title: item.title, body: item.body, link: item.link ?? null,
      createdAt: item.createdAt, read: item.read, shared: recipient !== officerInbox(p.officerId ?? ''),
    })),
    nextCursor: more ? Buffer.from(JSON.stringify(next), 'utf8').toString('base64url') : null,
    unread,
  };
}

const MARK_ALL_MAX = 500;

export async function markNotificationsRead(p: Principal, body: { ids?: string[]; all?: boolean }) {
  const inboxes = inboxesOf(p);
  const at = new Date().toISOString();
  let targets: { recipient: string; sk: string }[];
  if (body.all) {
    targets = (await Promise.all(inboxes.map(async (recipient) => (await unreadKeys(p.tenant, recipient, MARK_ALL_MAX)).map((sk) => ({ recipient, sk }))))).flat();
  } else {
    targets = (body.ids ?? []).map((id) => {
      const parsed = parseId(id);
      // Another user's notification is not found, whether it exists or not.
      if (!parsed || !inboxes.includes(parsed.recipient)) throw NotFound('Notification');
      return parsed;
    });
  }
  let marked = 0;
  for (const t of targets) if (await markRead(p.tenant, t.recipient, t.sk, at)) marked++;
  const unread = await countUnread(p.tenant, inboxes, { consistent: true }); // right after its own writes
  return { marked, unread };
}

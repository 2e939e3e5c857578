// Public forums (forum konsultasi publik, PermenPANRB 16/2017; DESIGN §2): admins record a forum with
// its issues (tied to an SKM element where they fit) and actions, and close the actions; readers of
// the tenant see them with overdue actions flagged.
import { randomBytes } from 'node:crypto';
import { getAgency, getUnit } from '../data/org-repository.js';
import { claimIdempotencyKey, getIdempotencyRecord } from '../data/idempotency-repository.js';
import { openActions, withOverdue, type ActionStatus } from '../domain/action-items.js';
import { Conflict, Forbidden, Invalid, NotFound, Unavailable } from '../domain/errors.js';
import { bodyFingerprint, replayOf } from '../http/idempotency.js';
import { decodeCursor, encodeCursor, pageLimit } from '../http/paging.js';
import { hasRole, type Principal } from '../http/principal.js';
import { assertAgencyAdmin, assertTenantReader, tenantToday } from '../surveys/follow-ups.js';
import { forumQuery, insertForum, pageForums, patchForumAction, type Forum } from './repository.js';
import type { ForumFilter, ForumInput } from './schema.js';

const invalid = (field: string, message: string) => Invalid(`Invalid forum: ${field}`, [{ field, message }]);
const present = (f: Forum, today: string) => ({ ...f, actions: withOverdue(f.actions, today) });
type ForumView = ReturnType<typeof present>;

/** Records a forum; a retry under the same Idempotency-Key (same caller, same body) answers the first, counted once. */
export async function recordForum(p: Principal, input: ForumInput, idempotencyKey?: string, now = new Date()): Promise<ForumView> {
  if (!hasRole(p, 'region_admin', 'agency_admin')) throw Forbidden('Only admins record public forums');
  const agency = await getAgency(p.tenant, input.agencyId);
  if (!agency) throw NotFound('Agency');
  assertAgencyAdmin(p, agency.id);
  const today = tenantToday(p.tenant, now);
  if (input.date > today) throw invalid('date', 'A forum is recorded once held: today or earlier in the city\'s time zone');
  if (input.unitId) {
    const unit = await getUnit(p.tenant, input.unitId);
    if (unit?.agencyId !== agency.id) throw invalid('unitId', 'The unit does not belong to this agency');
  }
  const early = input.actions.findIndex((a) => a.due < input.date);
  if (early >= 0) throw invalid(`actions.${early}.due`, 'An action is due on or after the forum\'s date');

  const forum: Forum = {
    id: `frm_${randomBytes(8).toString('hex')}`, tenant: p.tenant, agencyId: agency.id, ...(input.unitId ? { unitId: input.unitId } : {}),
    date: input.date, place: input.place, participants: input.participants, minutes: input.minutes, issues: input.issues,
    actions: openActions(input.actions), version: 1, createdAt: now.toISOString(), createdBy: p.sub,
  };
  const result = present(forum, today);
  const bodyHash = bodyFingerprint(input);
  // The key is the caller's: another admin's identical key is another request.
  const scopedKey = idempotencyKey && `${p.sub}\n${idempotencyKey}`;
  const claim = scopedKey ? claimIdempotencyKey(p.tenant, 'forum', scopedKey, { bodyHash, result }, now) : undefined;
  if (await insertForum(forum, claim)) return result;
  const first = scopedKey ? await getIdempotencyRecord<ForumView>(p.tenant, 'forum', scopedKey, now) : undefined;
  if (first) return replayOf(first, bodyHash);
  throw Unavailable();
}

export async function listForums(p: Principal, q: ForumFilter, now = new Date()) {
  assertTenantReader(p);
  let agencyId = q.agencyId;
  if (q.unitId && !agencyId) {
    // A unit's forums are read from its agency's list.
    agencyId = (await getUnit(p.tenant, q.unitId))?.agencyId;
    if (!agencyId) return { items: [], nextCursor: null };
  }
  const scope = { agencyId, unitId: q.unitId, year: q.year };
  const page = await pageForums(p.tenant, scope, { limit: pageLimit(q), startKey: decodeCursor(q.cursor, forumQuery(p.tenant, scope).partition) });
  const today = tenantToday(p.tenant, now);
  return { items: page.items.map((f) => present(f, today)), nextCursor: encodeCursor(page.lastKey) };
}

export async function updateForumAction(p: Principal, id: string, actionId: string, change: { status: ActionStatus; note?: string }, now = new Date()) {
  if (!hasRole(p, 'region_admin', 'agency_admin')) throw Forbidden('Only admins update forum actions');
  const forum = await patchForumAction(p.tenant, id, { actionId, ...change, by: p.sub, at: now.toISOString() }, {
    authorize: (f) => assertAgencyAdmin(p, f.agencyId),
    errors: {
      item: () => NotFound('Forum'),
      action: () => NotFound('Action'),
      busy: () => Conflict('Another admin changed this forum at the same moment; reload and try again'),
    },
  });
  return present(forum, tenantToday(p.tenant, now));
}

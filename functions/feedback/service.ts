// Continuous feedback (umpan balik berkelanjutan, PermenPANRB 6/2022): a supervisor of the officer
// (direct or indirect) or their agency's admin records apresiasi / bimbingan / perbaikan about a
// month and optionally an RHK; the officer replies; counts per author show the agency who coaches.
import { randomUUID } from 'node:crypto';
import { getAgency, getOfficer } from '../data/org-repository.js';
import { getPlan } from '../data/plan-repository.js';
import * as keys from '../data/keys.js';
import { monthOf } from '../domain/periods.js';
import { isInSupervisorChain, readableOfficer } from '../http/access.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.js';
import { bodyFingerprint, replayOf } from '../http/idempotency.js';
import { encodeCursor, pageLimit, type PageRequest } from '../http/paging.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';
import { decodeRangeCursor } from '../http/range-cursor.js';
import { tenantZone } from '../trainings/service.js';
import {
  appendReply, feedbackRange, getFeedbackRef, MAX_REPLIES, pageFeedback, pageFeedbackStats, putFeedback,
  type Feedback, type FeedbackKind, type Reply,
} from './repository.js';

export interface FeedbackInput { kind: FeedbackKind; period: string; rhkId?: string; note: string }

/** Who may give feedback: the officer's supervisor chain or their agency's admin; never the officer,
 *  and not the BKPSDM merely for being tenant-wide (DESIGN §2: "a supervisor or the agency_admin"). */
async function authorRole(p: Principal, officer: Parameters<typeof isInSupervisorChain>[2]): Promise<Feedback['authorRole'] | undefined> {
  if (p.officerId === officer.id) return undefined;
  if (p.officerId && (await isInSupervisorChain(p.tenant, p.officerId, officer))) return 'supervisor';
  if (hasRole(p, 'agency_admin') && p.agencyId === officer.agencyId) return 'agency_admin';
  return undefined;
}

export async function giveFeedback(p: Principal, officerId: string, input: FeedbackInput, idempotencyKey?: string, now = new Date()): Promise<Feedback> {
  const officer = await readableOfficer(p, officerId);
  const role = await authorRole(p, officer);
  if (!role) throw Forbidden('Only the officer\'s supervisors or their agency\'s admin may give feedback');
  const zone = tenantZone(p.tenant);
  const thisMonth = monthOf(now, zone);
  if (input.period > thisMonth) throw Invalid('The month is in the future', [{ field: 'period', message: `Must be ${thisMonth} or earlier in the city's time zone` }]);
  let rhkTitle: string | undefined;
  if (input.rhkId) {
    const plan = await getPlan(p.tenant, officer.id, Number(input.period.slice(0, 4)));
    const rhk = plan?.rhk.find((r) => r.id === input.rhkId);
    if (!rhk) throw Invalid('No such RHK in the officer\'s plan of that year', [{ field: 'rhkId', message: `Not an RHK of the officer's ${input.period.slice(0, 4)} plan` }]);
    rhkTitle = rhk.title;
  }
  const author = p.officerId ? await getOfficer(p.tenant, p.officerId) : undefined;
  const feedback: Feedback = {
    id: `fb_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    officerId: officer.id,
    agencyId: officer.agencyId,
    kind: input.kind,
    period: input.period,
    ...(input.rhkId ? { rhkId: input.rhkId, rhkTitle } : {}),
    note: input.note,
    authorId: p.officerId ?? p.sub,
    authorName: author?.name ?? p.sub,
    authorRole: role,
    createdAt: now.toISOString(),
    replies: [],
  };
  const bodyHash = bodyFingerprint({ officerId: officer.id, ...input });
  // Scoped to the caller: two people's keys never collide.
  const idem = idempotencyKey ? { key: `${p.sub}\n${idempotencyKey}`, bodyHash } : undefined;
  const replay = await putFeedback(p.tenant, feedback, thisMonth, idem, now);
  return replay ? replayOf(replay, bodyHash) : feedback;
}

/** A page of the officer's feedback, newest month first, each with its replies and author. */
export async function officerFeedback(p: Principal, officerId: string, query: PageRequest & { year?: number }) {
  const officer = await readableOfficer(p, officerId);
  const startKey = decodeRangeCursor(query.cursor, keys.officerPartition(p.tenant, officer.id), feedbackRange(query.year));
  const page = await pageFeedback(p.tenant, officer.id, query.year, { limit: pageLimit(query), startKey });
  return { officerId: officer.id, items: page.items, nextCursor: encodeCursor(page.lastKey) };
}

const FEEDBACK_ID = /^fb_[0-9a-f]{16}$/;

/** The officer the feedback is about replies; nobody else (403), not even their supervisor. */
export async function replyToFeedback(p: Principal, feedbackId: string, note: string, now = new Date()): Promise<Reply & { feedbackId: string }> {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  const ref = FEEDBACK_ID.test(feedbackId) ? await getFeedbackRef(p.tenant, feedbackId) : undefined;
  if (!ref) throw NotFound('Feedback');
  if (p.officerId !== ref.officerId) throw Forbidden('Only the officer the feedback is about may reply');
  const me = await getOfficer(p.tenant, ref.officerId);
  const reply: Reply = { note, at: now.toISOString(), byId: ref.officerId, byName: me?.name ?? ref.officerId };
  if (!(await appendReply(ref, reply))) throw Conflict(`This thread already has ${MAX_REPLIES} replies`);
  return { feedbackId, ...reply };
}

/** Feedback given per author in an agency and month (default: this month), most first. */
export async function feedbackStats(p: Principal, agencyId: string, query: PageRequest & { period?: string }, now = new Date()) {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  if (!isTenantWide(p) && !(hasRole(p, 'agency_admin') && p.agencyId === agencyId)) throw Forbidden('Only the agency\'s admin, the BKPSDM and leaders see these counts');
  if (!(await getAgency(p.tenant, agencyId))) throw NotFound('Agency');
  const period = query.period ?? monthOf(now, tenantZone(p.tenant));
  const prefix = `PERIOD#${period}#AUTHOR#`;
  const startKey = decodeRangeCursor(query.cursor, keys.feedbackStatsPartition(p.tenant, agencyId), { from: prefix, to: `${prefix}~` });
  const page = await pageFeedbackStats(p.tenant, agencyId, period, { limit: pageLimit(query), startKey });
  const items = page.items.sort((a, b) => b.count - a.count || a.authorName.localeCompare(b.authorName));
  return { agencyId, period, items, nextCursor: encodeCursor(page.lastKey) };
}

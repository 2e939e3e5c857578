// Complaints (pengaduan): filed publicly against a unit, tracked by code, answered by admins within
// the tenant's working-day limit (DESIGN §2).
import { randomBytes } from 'node:crypto';
import { findTenant } from '../config/tenants.js';
import { loadPolicy } from '../data/policy-repository.js';
import { getOfficer, getUnit } from '../data/org-repository.js';
import { byMonth, idsOf, summarise, type StatsContext } from './stats.js';
import { complaintTimeliness } from '../domain/workdays.js';
import { getOfficers, getTenantOrg } from '../data/org-repository.js';
import { Conflict, Forbidden, Invalid, NotFound, Unavailable } from '../domain/errors.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';
import { clientHash, enforceRateLimit, RATE_RULES } from '../http/rate-limit.js';
import { bodyFingerprint, replayOf } from '../http/idempotency.js';
import { decodeCursor, encodeCursor, pageLimit, type Page } from '../http/paging.js';
import { newTrackingCode, normaliseTrackingCode } from './code.js';
import { complaintListPartition, findByCode, getComplaint, getComplaintStats, insertComplaint, listComplaints, saveTransition, storedComplaintAnswer, type Complaint } from './repository.js';
import { COMPLAINT_CATEGORIES, STATUS_LABELS, type ComplaintInput, type ComplaintListInput, type ComplaintPatchInput, type ComplaintStatsInput, type ComplaintStatus } from './schemas.js';

const field = (name: string, message: string) => Invalid(`Invalid complaint: ${name}`, [{ field: name, message }]);

export async function fileComplaint(input: ComplaintInput, sourceIp: string, idempotencyKey?: string, now = new Date()): Promise<{ code: string }> {
  await enforceRateLimit(RATE_RULES.complaint, clientHash(sourceIp), now);
  const tenant = findTenant(input.tenant);
  if (!tenant) throw field('tenant', 'Unknown region');
  const unit = await getUnit(tenant.id, input.unitId);
  if (!unit) throw field('unitId', 'Unknown service unit');
  if (input.officerId && (await getOfficer(tenant.id, input.officerId))?.unitId !== unit.id) throw field('officerId', 'Officer does not serve at this unit');
  const at = now.toISOString();
  const bodyHash = bodyFingerprint(input);
  const stats = await statsContext(tenant.id);
  // A code collision (1 in 2^40 per stored code) just draws again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const complaint: Complaint = {
      id: `cmp_${randomBytes(8).toString('hex')}`, code: newTrackingCode(), tenant: tenant.id, unitId: unit.id, agencyId: unit.agencyId,
      officerId: input.officerId, category: input.category, description: input.description, contact: input.contact,
      status: 'received', createdAt: at, updatedAt: at, history: [{ status: 'received', at, by: 'public' }],
    };
    const outcome = await insertComplaint(complaint, stats, idempotencyKey ? { key: idempotencyKey, bodyHash } : undefined, now);
    if (outcome === 'stored') return { code: complaint.code };
    if (outcome === 'codeTaken') continue;
    // A retried send: the first one's code (or 422 for another body under the same key).
    const first = outcome === 'retry' && idempotencyKey ? await storedComplaintAnswer(tenant.id, idempotencyKey, now) : undefined;
    if (first) return replayOf(first, bodyHash);
    throw Unavailable();
  }
  throw new Error('Could not draw a free tracking code');
}

/** What anyone holding the code sees: status, dates, the unit and the answer. Never the text or the contact. */
export async function trackComplaint(rawCode: string, sourceIp: string) {
  await enforceRateLimit(RATE_RULES.complaintTrack, clientHash(sourceIp));
  // A malformed code still costs the same lookups, so timing does not tell malformed from unknown.
  const code = normaliseTrackingCode(rawCode);
  const complaint = await findByCode(code ?? 'ADU-0000-0000');
  if (!code || !complaint) throw NotFound('Complaint');
  const unit = await getUnit(complaint.tenant, complaint.unitId);
  return {
    code: complaint.code,
    status: complaint.status,
    statusLabel: STATUS_LABELS[complaint.status],
    category: complaint.category,
    categoryLabel: COMPLAINT_CATEGORIES[complaint.category],
    unit: { id: complaint.unitId, name: unit?.name ?? complaint.unitId },
    tenant: { id: complaint.tenant, name: findTenant(complaint.tenant)?.name ?? complaint.tenant },
    createdAt: complaint.createdAt,
    updatedAt: complaint.updatedAt,
    // Each step with its date; never who handled it or anything internal.
    steps: complaint.history.map(({ status, at }) => ({ status, at })),
    reason: complaint.status === 'rejected' ? complaint.rejectReason ?? null : null,
    answeredAt: complaint.answeredAt ?? null,
    answer: complaint.answer ?? null,
  };
}

/** region_admin, leader and inspector see the whole tenant; agency_admin only their agency. */
function adminScope(p: Principal, agencyId: string | undefined): string | undefined {
  if (hasRole(p, 'region_admin', 'leader', 'inspector')) return agencyId;
  if (hasRole(p, 'agency_admin') && p.agencyId) {
    if (agencyId && agencyId !== p.agencyId) throw Forbidden('You may only see complaints about your own agency');
    return p.agencyId;
  }
  throw Forbidden('Only admins handle complaints');
}

/** The city's zone, holidays and answer limit: the deadlines and counters are computed with them. */
async function statsContext(tenant: string): Promise<StatsContext> {
  const policy = await loadPolicy(tenant);
  return { timeZone: findTenant(tenant)?.timeZone ?? 'Asia/Jakarta', holidays: policy.holidays, answerDays: policy.complaintAnswerWorkingDays };
}

/** Each complaint with its two deadlines (verification, answer) and whether each is overdue. */
async function withDeadline(tenant: string, now: Date) {
  const ctx = await statsContext(tenant);
  return (c: Complaint) => {
    const tl = complaintTimeliness(c, now, ctx.timeZone, ctx.holidays, ctx.answerDays);
    const open = !['rejected', 'closed'].includes(c.status);
    const verifyOverdue = tl.verifyOverdue && (open || tl.verifyOnTime === false);
    const answerOverdue = tl.answerOverdue && (open || tl.answerOnTime === false);
    return {
      ...c,
      verifyDeadline: tl.verifyDue, verifyOverdue,
      answerDeadline: tl.answerDue, answerOverdue,
      // The step now due: verification until decided, then the answer.
      deadline: c.status === 'received' ? tl.verifyDue : tl.answerDue ?? tl.verifyDue,
      overdue: verifyOverdue || answerOverdue,
    };
  };
}

/** One page of the caller's complaints (DESIGN §4 Lists). `overdue` depends on the clock and the
 *  holidays, not on a key, so it filters the page read: a page may hold fewer than `limit`. */
export async function adminListComplaints(p: Principal, q: ComplaintListInput, now = new Date()): Promise<Page<Complaint & { deadline: string; overdue: boolean }>> {
  const agencyId = adminScope(p, q.agencyId);
  const part = complaintListPartition(p.tenant, q.status);
  const startKey = decodeCursor(q.cursor, { [part.pk]: part.value });
  // A list cursor carries the table key and the index key; anything else is not one of ours.
  if (startKey && !['PK', 'SK', part.pk, part.sk].every((k) => k in startKey)) throw Invalid('Invalid cursor', [{ field: 'cursor', message: 'Not a cursor of this list; start again without it' }]);
  const decorate = await withDeadline(p.tenant, now);
  const page = await listComplaints(p.tenant, { status: q.status, agencyId, limit: pageLimit(q), startKey });
  const items = page.items.map(decorate);
  return {
    items: q.overdue === undefined ? items : items.filter((c) => c.overdue === (q.overdue === 'true')),
    nextCursor: encodeCursor(page.lastKey),
  };
}

// SP4N-LAPOR! practice (DESIGN §2): verify or reject first; an answer may be corrected before closing.
const NEXT: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  received: ['verified', 'rejected'],
  verified: ['in_progress', 'answered'],
  in_progress: ['answered'],
  answered: ['answered', 'closed'],
  rejected: ['closed'],
  closed: [],
};

export async function patchComplaint(p: Principal, id: string, change: ComplaintPatchInput, now = new Date()) {
  if (!hasRole(p, 'region_admin', 'agency_admin')) throw Forbidden('Only admins answer complaints');
  const complaint = await getComplaint(p.tenant, id);
  if (!complaint) throw NotFound('Complaint');
  if (!hasRole(p, 'region_admin') && complaint.agencyId !== p.agencyId) throw Forbidden('You may only answer complaints about your own agency');
  const allowed = NEXT[complaint.status] ?? [];
  if (!allowed.includes(change.status)) {
    throw Conflict(`A complaint that is ${complaint.status} cannot become ${change.status}`, [{ field: 'status', message: allowed.length ? `Allowed next: ${allowed.join(', ')}` : 'No further status' }]);
  }
  const at = now.toISOString();
  const by = p.officerId ?? p.sub;
  const after: Complaint = {
    ...complaint, status: change.status, updatedAt: at,
    ...(change.status === 'verified' ? { verifiedAt: at } : {}),
    ...(change.status === 'rejected' ? { rejectedAt: at, rejectReason: change.reason } : {}),
    ...(change.status === 'answered' ? { answer: change.answer, answeredAt: complaint.answeredAt ?? at, answeredBy: by, cause: change.cause, substantiated: change.substantiated } : {}),
  };
  const ok = await saveTransition(complaint, after, { status: change.status, at, by }, await statsContext(p.tenant));
  if (!ok) throw Conflict('The complaint changed meanwhile; reload and try again');
  const decorate = await withDeadline(p.tenant, now);
  return decorate((await getComplaint(p.tenant, id))!);
}

/** Admins of the city (or of one agency), leaders and inspectors: counts of a filing year. */
export async function complaintStats(p: Principal, q: ComplaintStatsInput) {
  let agencyId = q.agencyId;
  if (!isTenantWide(p)) {
    if (!hasRole(p, 'agency_admin') || !p.agencyId) throw Forbidden('Complaint statistics are for admins, leaders and the inspectorate');
    if (agencyId && agencyId !== p.agencyId) throw Forbidden('You may only see your own agency');
    agencyId = p.agencyId;
  }
  const ctx = await statsContext(p.tenant);
  const year = String(q.year ?? new Intl.DateTimeFormat('en-CA', { timeZone: ctx.timeZone, year: 'numeric' }).format(new Date()));
  const org = await getTenantOrg(p.tenant);
  if (q.unitId) {
    const unit = org.units.find((u) => u.id === q.unitId);
    if (!unit || (agencyId && unit.agencyId !== agencyId)) throw Invalid('Unknown unit', [{ field: 'unitId', message: agencyId ? `No unit ${q.unitId} in agency ${agencyId}` : `No unit ${q.unitId}` }]);
    agencyId = unit.agencyId;
  }
  if (agencyId && !org.agencies.some((a) => a.id === agencyId)) throw NotFound('Agency');
  const counters = await getComplaintStats(p.tenant, year, agencyId ?? null);
  const unitIds = q.unitId ? [q.unitId] : idsOf(counters, 'unit');
  const officerIds = idsOf(counters, 'officer');
  const names = new Map((await getOfficers(p.tenant, officerIds)).map((o) => [o.id, o]));
  const unitName = new Map(org.units.map((u) => [u.id, u.name]));
  return {
    year: Number(year), agencyId: agencyId ?? null, unitId: q.unitId ?? null,
    ...(q.unitId ? summarise(counters, `unit#${q.unitId}#`) : summarise(counters)),
    ...(q.unitId ? {} : { byMonth: byMonth(counters) }),
    units: unitIds.map((id) => ({ unitId: id, name: unitName.get(id) ?? id, ...summarise(counters, `unit#${id}#`) })).sort((a, b) => b.total - a.total),
    officers: officerIds
      .filter((id) => !q.unitId || names.get(id)?.unitId === q.unitId)
      .map((id) => ({ officerId: id, name: names.get(id)?.name ?? null, ...summarise(counters, `officer#${id}#`) })).sort((a, b) => b.total - a.total),
  };
}

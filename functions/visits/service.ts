// Field supervision (DESIGN §2): who may record a visit to a unit, the checks a visit must pass,
// the lists as visible, and closing or reopening a follow-up action.
import { randomBytes } from 'node:crypto';
import { findTenant } from '../config/tenants.js';
import { getAgency, getOfficers, getUnit, type Unit } from '../data/org-repository.js';
import { dayOf } from '../domain/periods.js';
import { Conflict, Forbidden, Invalid, NotFound, type FieldProblem } from '../domain/errors.js';
import { bodyFingerprint, replayOf } from '../http/idempotency.js';
import { decodeCursor, encodeCursor, pageLimit, type Page } from '../http/paging.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';
import {
  getVisit, openVisitPartition, pageOverdueVisits, pageVisits, putVisit, saveVisitActions, visitPartition,
  type Visit, type VisitScope,
} from './repository.js';
import type { ActionPatchInput, VisitInput, VisitsQueryInput } from './schema.js';

export interface VisitView extends Visit { openActions: number; overdueActions: number }

const today = (tenant: string, now: Date) => dayOf(now, findTenant(tenant)?.timeZone ?? 'Asia/Jakarta');

/** Open actions, and those of them past their due date (due before today in the tenant's zone). */
export function withCounts(v: Visit, todayIs: string): VisitView {
  const open = v.actions.filter((a) => a.status === 'open');
  return { ...v, openActions: open.length, overdueActions: open.filter((a) => a.due < todayIs).length };
}

/** Supervisors for units of their agency, its agency_admin, and anywhere in the tenant the BKPSDM and the Inspektorat. */
export const mayRecordFor = (p: Principal, agencyId: string) =>
  hasRole(p, 'region_admin', 'inspector') || (hasRole(p, 'agency_admin', 'supervisor') && p.agencyId === agencyId);

/** Reads: tenant-wide readers (leaders, the BKPSDM, the Inspektorat) and the agency's admin and supervisors. */
const mayReadAgency = (p: Principal, agencyId: string) => isTenantWide(p) || (hasRole(p, 'agency_admin', 'supervisor') && p.agencyId === agencyId);

async function unitOf(p: Principal, unitId: string): Promise<Unit> {
  const unit = await getUnit(p.tenant, unitId);
  if (!unit) throw NotFound('Unit');
  return unit;
}

const newVisitId = (date: string) => `${date.replace(/-/g, '')}-${randomBytes(8).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 10)}`;

/** The cross-item checks of a visit body (the schema did the shapes): every problem named at once. */
async function visitProblems(p: Principal, input: VisitInput, todayIs: string): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.date > todayIs) problems.push({ field: 'date', message: 'Must be today or earlier in the city\'s time zone' });
  const officerIds = [...new Set([...input.findings.flatMap((f) => f.officerId ?? []), ...input.actions.flatMap((a) => a.ownerOfficerId ?? [])])];
  const unitIds = [...new Set(input.actions.flatMap((a) => a.ownerUnitId ?? []))];
  const [officers, units] = await Promise.all([getOfficers(p.tenant, officerIds), Promise.all(unitIds.map((u) => getUnit(p.tenant, u)))]);
  const known = new Set(officers.map((o) => o.id));
  const knownUnits = new Set(units.flatMap((u) => u?.id ?? []));
  input.findings.forEach((f, i) => {
    if (f.officerId && !known.has(f.officerId)) problems.push({ field: `findings.${i}.officerId`, message: 'No such officer in this city' });
  });
  input.actions.forEach((a, i) => {
    if (a.due < input.date) problems.push({ field: `actions.${i}.due`, message: 'Must be on or after the visit date' });
    if (a.ownerOfficerId && !known.has(a.ownerOfficerId)) problems.push({ field: `actions.${i}.ownerOfficerId`, message: 'No such officer in this city' });
    if (a.ownerUnitId && !knownUnits.has(a.ownerUnitId)) problems.push({ field: `actions.${i}.ownerUnitId`, message: 'No such unit in this city' });
  });
  return problems;
}

/** POST /v1/visits: a retried send under the same Idempotency-Key (same caller, same body) is stored once. */
export async function recordVisit(p: Principal, input: VisitInput, idempotencyKey?: string, now = new Date()): Promise<VisitView> {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  const unit = await unitOf(p, input.unitId);
  if (!mayRecordFor(p, unit.agencyId)) throw Forbidden('Visits are recorded by the agency\'s supervisors and admin, the BKPSDM and the Inspektorat');
  const todayIs = today(p.tenant, now);
  const problems = await visitProblems(p, input, todayIs);
  if (problems.length) throw Invalid(`Invalid body: ${problems.map((d) => d.field).join(', ')}`, problems);

  const visit: Visit = {
    id: newVisitId(input.date), tenant: p.tenant, unitId: unit.id, unitName: unit.name, agencyId: unit.agencyId, date: input.date,
    checklist: input.checklist, ...(input.notes ? { notes: input.notes } : {}),
    findings: input.findings.map((f) => ({ note: f.note, severity: f.severity, ...(f.officerId ? { officerId: f.officerId } : {}), ...(f.evidenceUrl ? { evidenceUrl: f.evidenceUrl } : {}) })),
    actions: input.actions.map((a, i) => ({
      id: `a${i + 1}`, title: a.title, due: a.due, status: 'open' as const, history: [],
      ...(a.ownerUnitId ? { ownerUnitId: a.ownerUnitId } : {}), ...(a.ownerOfficerId ? { ownerOfficerId: a.ownerOfficerId } : {}),
    })),
    recordedBy: p.officerId ?? p.sub, createdAt: now.toISOString(), rev: 1,
  };
  const bodyHash = bodyFingerprint(input);
  // The key is the caller's: another user's identical key is another request.
  const replay = await putVisit(visit, idempotencyKey ? { key: `${p.sub}\n${idempotencyKey}`, bodyHash } : undefined, now);
  return withCounts(replay ? replayOf(replay, bodyHash) : visit, todayIs);
}

/** The list's scope from the query and the caller: an explicit unit or agency, else the caller's widest view. */
async function scopeOf(p: Principal, q: VisitsQueryInput): Promise<VisitScope> {
  if (q.unitId && q.agencyId) throw Invalid('Filter by unitId or agencyId, not both', [{ field: 'agencyId', message: 'Use one filter' }]);
  if (q.unitId) {
    const unit = await unitOf(p, q.unitId);
    if (!mayReadAgency(p, unit.agencyId)) throw Forbidden('You may not see this unit\'s visits');
    return { kind: 'unit', unitId: unit.id };
  }
  if (q.agencyId) {
    if (!(await getAgency(p.tenant, q.agencyId))) throw NotFound('Agency');
    if (!mayReadAgency(p, q.agencyId)) throw Forbidden('You may not see this agency\'s visits');
    return { kind: 'agency', agencyId: q.agencyId };
  }
  if (isTenantWide(p)) return { kind: 'tenant' };
  if (hasRole(p, 'agency_admin', 'supervisor') && p.agencyId) return { kind: 'agency', agencyId: p.agencyId };
  throw Forbidden('Visits are for supervisors, admins, leaders and the Inspektorat');
}

/** GET /v1/visits: newest first, or for `status=overdue` across an agency or the city, by the earliest open due date, latest first. */
export async function listVisits(p: Principal, q: VisitsQueryInput, now = new Date()): Promise<Page<VisitView>> {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  const scope = await scopeOf(p, q);
  const todayIs = today(p.tenant, now);
  const limit = pageLimit(q);
  if (q.status === 'overdue' && scope.kind !== 'unit') {
    const part = openVisitPartition(p.tenant, scope.kind === 'agency' ? scope.agencyId : undefined);
    const page = await pageOverdueVisits(p.tenant, scope.kind === 'agency' ? scope.agencyId : undefined, todayIs, { limit, startKey: decodeCursor(q.cursor, { [part.attr]: part.value }) });
    return { items: page.items.map((v) => withCounts(v, todayIs)), nextCursor: encodeCursor(page.lastKey) };
  }
  const part = visitPartition(p.tenant, scope);
  const page = await pageVisits(p.tenant, scope, {
    open: q.status === 'open', overdueBefore: q.status === 'overdue' ? todayIs : undefined,
    limit, startKey: decodeCursor(q.cursor, { [part.attr]: part.value }),
  });
  return { items: page.items.map((v) => withCounts(v, todayIs)), nextCursor: encodeCursor(page.lastKey) };
}

/** PATCH /v1/visits/{id}/actions/{actionId}: whoever may record a visit for the unit, or the action's
 *  owner officer. Each change is kept on the action (who, when); a concurrent change is re-read and reapplied. */
export async function updateAction(p: Principal, visitId: string, actionId: string, change: ActionPatchInput, now = new Date()): Promise<VisitView> {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  for (let attempt = 0; attempt < 4; attempt++) {
    const visit = await getVisit(p.tenant, visitId);
    if (!visit) throw NotFound('Visit');
    const action = visit.actions.find((a) => a.id === actionId);
    if (!action) throw NotFound('Action');
    if (!mayRecordFor(p, visit.agencyId) && !(p.officerId && p.officerId === action.ownerOfficerId)) {
      throw Forbidden('Only who may record visits for this unit, or the action\'s owner, may change it');
    }
    const todayIs = today(p.tenant, now);
    if (action.status === change.status && (change.note === undefined || change.note === action.note)) return withCounts(visit, todayIs);
    const at = now.toISOString();
    const by = p.officerId ?? p.sub;
    const next: Visit = {
      ...visit, rev: visit.rev + 1,
      actions: visit.actions.map((a) => a.id !== actionId ? a : {
        ...a, status: change.status, ...(change.note !== undefined ? { note: change.note } : {}),
        history: [...a.history, { status: change.status, ...(change.note !== undefined ? { note: change.note } : {}), at, by }],
      }),
    };
    if (await saveVisitActions(visit, next)) return withCounts(next, todayIs);
  }
  throw Conflict('The visit kept changing meanwhile; reload and try again');
}

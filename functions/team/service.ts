// GET /v1/team: a supervisor's direct and indirect reports (the chain pairs), or an agency's officers
// for its admin, one page at a time, each row with the reporting month's report status, the latest
// evaluation's (final) predikat and flags, and the JP of the year — one Query and BatchGets per page.
import { findTenant } from '../config/tenants.js';
import { getAgency, pageOfficersOfAgency, pageTeam, type Officer } from '../data/org-repository.js';
import * as keys from '../data/keys.js';
import { loadPolicy } from '../data/policy-repository.js';
import { OFFICER_STATUSES, SERVICE_ENDED } from '../domain/officer-status.js';
import { addMonths, dayOf, lastEndedPeriod, monthOf, previousPeriod } from '../domain/periods.js';
import { readableOfficer } from '../http/access.js';
import { Forbidden, Invalid, NotFound } from '../domain/errors.js';
import { decodeCursor, encodeCursor, pageLimit } from '../http/paging.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';
import { TeamQuery } from './schema.js';

export { TeamQuery };
import { finalPredikat } from '../evaluations/repository.js';
import { teamRowItems } from './repository.js';
import { elapsedWorkingShare, judgeProgress } from '../domain/progress.js';


const ACTIVE = OFFICER_STATUSES.filter((s) => !SERVICE_ENDED.has(s));

/** The month whose report is being filed now: last month until its due day, then this month. */
export function reportingMonth(today: string, reportDueDay: number): string {
  const month = today.slice(0, 7);
  return Number(today.slice(8, 10)) <= reportDueDay ? addMonths(month, -1) : month;
}

async function officersPage(p: Principal, q: TeamQuery, limit: number): Promise<{ items: Officer[]; lastKey?: Record<string, string | number>; supervisorId: string | null }> {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  if (q.agencyId) {
    if (q.supervisorId) throw Invalid('Ask for a team or an agency, not both', [{ field: 'agencyId', message: 'Not with supervisorId' }]);
    if (!isTenantWide(p) && !(hasRole(p, 'agency_admin') && p.agencyId === q.agencyId)) throw Forbidden('Only the agency\'s admin and the BKPSDM see a whole agency');
    if (!(await getAgency(p.tenant, q.agencyId))) throw NotFound('Agency');
    const startKey = decodeCursor(q.cursor, { GSI1PK: keys.officersOfAgency(p.tenant, q.agencyId) });
    return { ...(await pageOfficersOfAgency(p.tenant, q.agencyId, { limit, startKey, statuses: ACTIVE })), supervisorId: null };
  }
  const supervisorId = q.supervisorId ?? p.officerId;
  if (!supervisorId) throw Invalid('supervisorId is required', [{ field: 'supervisorId', message: 'Required for a caller who is no officer' }]);
  // Someone else's team: whoever may see that supervisor (their chain, their agency's admin, the BKPSDM).
  if (supervisorId !== p.officerId) await readableOfficer(p, supervisorId);
  const startKey = decodeCursor(q.cursor, { PK: keys.chainOf(p.tenant, supervisorId) });
  return { ...(await pageTeam(p.tenant, supervisorId, { limit, startKey, statuses: ACTIVE })), supervisorId };
}

export async function listTeam(p: Principal, q: TeamQuery, now = new Date()) {
  const tz = findTenant(p.tenant)?.timeZone ?? 'Asia/Jakarta';
  const page = await officersPage(p, q, pageLimit(q));
  const policy = await loadPolicy(p.tenant);
  const reportPeriod = reportingMonth(dayOf(now, tz), policy.reportDueDay);
  const latest = lastEndedPeriod(now, tz, policy.evaluationFrequency);
  const evalPeriods = [latest, previousPeriod(latest)];
  const year = Number(monthOf(now, tz).slice(0, 4));
  const progressPeriod = monthOf(now, tz);
  const pace = elapsedWorkingShare(progressPeriod, dayOf(now, tz), policy.holidays);
  const rows = page.items.length ? await teamRowItems(p.tenant, page.items.map((o) => o.id), reportPeriod, evalPeriods, year, progressPeriod) : new Map();
  const items = page.items.map((o) => {
    const row = rows.get(o.id)!;
    const evaluation = evalPeriods.map((period) => row.evaluations.find((e: { period: string }) => e.period === period)).find(Boolean);
    const depth = page.supervisorId && o.ancestors ? o.ancestors.indexOf(page.supervisorId) + 1 : null;
    return {
      officer: { id: o.id, nip: o.nip, name: o.name, position: o.position, agencyId: o.agencyId, unitId: o.unitId, supervisorId: o.supervisorId, status: o.status ?? 'aktif' },
      depth: depth && depth > 0 ? depth : null,
      report: { period: reportPeriod, status: row.report?.status ?? null },
      evaluation: evaluation ? {
        period: evaluation.period,
        predikat: finalPredikat(evaluation as Parameters<typeof finalPredikat>[0]),
        flags: evaluation.flags.map((f: { code: string }) => f.code),
      } : null,
      trainingJp: row.trainingJp,
      lastFeedbackAt: row.lastFeedbackAt ?? null,
      progress: row.progress ? {
        period: progressPeriod,
        updatedAt: row.progress.updatedAt,
        onTrack: judgeProgress(row.progress.targets, row.progress.items, pace).onTrack,
      } : null,
    };
  });
  return { supervisorId: page.supervisorId, agencyId: q.agencyId ?? null, reportPeriod, year, items, nextCursor: encodeCursor(page.lastKey) };
}

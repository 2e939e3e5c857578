// Evaluation runs started by the BKPSDM: the same dispatch the scheduler does, its progress, and the
// tenant's upcoming automatic runs. A function of its own, so only it carries the queue client.
import { findTenant } from '../config/tenants.js';
import { loadPolicy } from '../data/policy-repository.js';
import { isoInZone, upcomingRuns } from '../domain/calendar.js';
import { hasEnded } from '../domain/periods.js';
import { Conflict, Forbidden, Invalid, NotFound, Unavailable } from '../domain/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { RunQueueFailed, startRun } from './dispatcher.js';
import { getOfficers } from '../data/org-repository.js';
import * as keys from '../data/keys.js';
import { decodeCursor, encodeCursor, pageLimit, type Page, type PageRequest } from '../http/paging.js';
import { getRun, pageRunsOfPeriod, RunInProgress, runsOfPeriodPrefix, type EvaluationRun } from './runs.js';

const requireRegionAdmin = (p: Principal) => {
  if (!hasRole(p, 'region_admin')) throw Forbidden('Only the BKPSDM (region_admin) runs evaluations');
};

export async function startEvaluationRun(p: Principal, period: string, now = new Date()): Promise<EvaluationRun> {
  requireRegionAdmin(p);
  const tenant = findTenant(p.tenant);
  if (!tenant) throw NotFound('Tenant');
  if (!hasEnded(period, now, tenant.timeZone)) {
    throw Invalid(`${period} has not ended yet in ${tenant.timeZone}`, [{ field: 'period', message: 'The period must have ended in the city\'s time zone' }]);
  }
  try {
    return await startRun(p.tenant, period, { trigger: 'manual', startedBy: p.officerId ?? p.sub, now });
  } catch (error) {
    if (error instanceof RunInProgress) {
      throw Conflict(`An evaluation of ${period} is already running; wait for it to end`, [{ field: 'period', message: error.runId ? `Run ${error.runId} is running` : 'A run is running' }]);
    }
    if (error instanceof RunQueueFailed) {
      throw Unavailable(30, 'RUN_NOT_QUEUED', `The run could not be queued and was marked failed (${error.run.id}); nothing was evaluated, please start it again`, [{ field: 'period', message: error.run.failureReason ?? '' }]);
    }
    throw error;
  }
}

export async function evaluationRun(p: Principal, runId: string): Promise<EvaluationRun> {
  requireRegionAdmin(p);
  const run = await getRun(p.tenant, runId);
  if (!run) throw NotFound('Evaluation run');
  return run;
}

/** A run as the period's list shows it: who started it by name (null for the scheduler or a name no longer found). */
export type ListedRun = EvaluationRun & { startedByName: string | null };

/** GET /v1/evaluations/runs?period=: the period's runs, newest first, with who started each. */
export async function evaluationRunsOfPeriod(p: Principal, q: PageRequest & { period: string }): Promise<Page<ListedRun>> {
  requireRegionAdmin(p);
  const startKey = decodeCursor(q.cursor, { PK: keys.evaluationRuns(p.tenant) }, { SK: runsOfPeriodPrefix(q.period) });
  const page = await pageRunsOfPeriod(p.tenant, q.period, { limit: pageLimit(q), startKey });
  const names = new Map((await getOfficers(p.tenant, [...new Set(page.items.map((r) => r.startedBy))].filter((id) => id.startsWith('ofc_')))).map((o) => [o.id, o.name]));
  // Ids made before they carried their start time sort at random within the period: the page is ordered by it.
  const items = page.items.map((r) => ({ ...r, startedByName: names.get(r.startedBy) ?? null })).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return { items, nextCursor: encodeCursor(page.lastKey) };
}

/** GET /v1/evaluations/schedule: the next automatic runs `[{kind, period, at}]` (DESIGN §4), `at` with the
 *  zone's offset, from the policy the dispatcher reads. */
export async function evaluationSchedule(p: Principal, now = new Date()) {
  if (!hasRole(p, 'region_admin', 'leader')) throw Forbidden('The schedule is for the BKPSDM and leaders');
  const tenant = findTenant(p.tenant);
  if (!tenant) throw NotFound('Tenant');
  const policy = await loadPolicy(tenant.id);
  return upcomingRuns(now, policy, tenant.timeZone).map((r) => ({ kind: r.kind, period: r.period, at: isoInZone(r.at, tenant.timeZone) }));
}

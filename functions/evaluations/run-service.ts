// Evaluation runs started by the BKPSDM: the same dispatch the scheduler does, its progress, and the
// tenant's upcoming automatic runs. A function of its own, so only it carries the queue client.
import { findTenant } from '../config/tenants.js';
import { loadPolicy } from '../data/policy-repository.js';
import { isoInZone, upcomingRuns } from '../domain/calendar.js';
import { hasEnded } from '../domain/periods.js';
import { Conflict, Forbidden, Invalid, NotFound, Unavailable } from '../domain/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { RunQueueFailed, startRun } from './dispatcher.js';
import { getRun, RunInProgress, type EvaluationRun } from './runs.js';

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

/** GET /v1/evaluations/schedule: the next automatic runs `[{kind, period, at}]` (DESIGN §4), `at` with the
 *  zone's offset, from the policy the dispatcher reads. */
export async function evaluationSchedule(p: Principal, now = new Date()) {
  if (!hasRole(p, 'region_admin', 'leader')) throw Forbidden('The schedule is for the BKPSDM and leaders');
  const tenant = findTenant(p.tenant);
  if (!tenant) throw NotFound('Tenant');
  const policy = await loadPolicy(tenant.id);
  return upcomingRuns(now, policy, tenant.timeZone).map((r) => ({ kind: r.kind, period: r.period, at: isoInZone(r.at, tenant.timeZone) }));
}

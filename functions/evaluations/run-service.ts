// Evaluation runs started by the BKPSDM: the same dispatch the scheduler does, and its progress.
// A function of its own, so only it carries the queue client and the right to enqueue.
import { findTenant } from '../config/tenants.js';
import { hasEnded } from '../domain/periods.js';
import { badRequest, forbidden, notFound } from '../http/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { startRun } from './dispatcher.js';
import { getRun, type EvaluationRun } from './runs.js';

const requireRegionAdmin = (p: Principal) => {
  if (!hasRole(p, 'region_admin')) throw forbidden('Only the BKPSDM (region_admin) runs evaluations');
};

export async function startEvaluationRun(p: Principal, period: string, now = new Date()): Promise<EvaluationRun> {
  requireRegionAdmin(p);
  const tenant = findTenant(p.tenant);
  if (!tenant) throw notFound('Tenant');
  if (!hasEnded(period, now, tenant.timeZone)) {
    throw badRequest(`${period} has not ended yet in ${tenant.timeZone}`, [{ field: 'period', message: 'The period must have ended in the city\'s time zone' }]);
  }
  return startRun(p.tenant, period, { trigger: 'manual', startedBy: p.officerId ?? p.sub, now });
}

export async function evaluationRun(p: Principal, runId: string): Promise<EvaluationRun> {
  requireRegionAdmin(p);
  const run = await getRun(p.tenant, runId);
  if (!run) throw notFound('Evaluation run');
  return run;
}


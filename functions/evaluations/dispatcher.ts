// Evaluation dispatcher: the scheduler's target (one schedule per tenant and kind, in the tenant's
// time zone) and the service behind POST /v1/evaluations/runs. Lists the tenant's officers (one
// GSI1 Query per agency), writes the run record and enqueues batches of officers for the workers.
import { randomUUID } from 'node:crypto';
import { findTenant } from '../config/tenants.js';
import { getTenantOrg, listOfficersOfAgency } from '../data/org-repository.js';
import { lastEndedPeriod, lastEndedYear } from '../domain/periods.js';
import { logger } from '../http/logger.js';
import { finaliseRun } from './finalise.js';
import { evaluationQueue, type EvaluationBatch } from './queue.js';
import { closeRun, createRun, type EvaluationRun } from './runs.js';

/** What EventBridge Scheduler (and the local scheduler) sends. */
export interface ScheduleEvent { tenant: string; kind: 'monthly' | 'quarterly' | 'annual' }

export const BATCH_SIZE = 25;

/** The period a schedule evaluates: the latest month, quarter or year that has ended in the zone. */
export function scheduledPeriod(kind: ScheduleEvent['kind'], now: Date, timeZone: string): string {
  return kind === 'annual' ? lastEndedYear(now, timeZone) : lastEndedPeriod(now, timeZone, kind);
}

export async function startRun(tenant: string, period: string, opts: { trigger: EvaluationRun['trigger']; startedBy: string; now?: Date }): Promise<EvaluationRun> {
  const { agencies } = await getTenantOrg(tenant);
  const officers = (await Promise.all(agencies.map((a) => listOfficersOfAgency(tenant, a.id)))).flat().sort((a, b) => a.id.localeCompare(b.id));
  const batches: EvaluationBatch[] = [];
  for (let i = 0; i < officers.length; i += BATCH_SIZE) {
    batches.push({
      tenant, period, runId: '', batchNo: batches.length,
      officers: officers.slice(i, i + BATCH_SIZE).map((o) => ({ id: o.id, agencyId: o.agencyId, unitId: o.unitId })),
    });
  }
  const startedAt = (opts.now ?? new Date()).toISOString();
  const run: EvaluationRun = {
    id: `run_${period}_${randomUUID().replace(/-/g, '').slice(0, 10)}`,
    tenant, period, trigger: opts.trigger, startedBy: opts.startedBy,
    officersTotal: officers.length, batchesTotal: batches.length, officersDone: 0, officersFailed: 0, dlq: 0,
    status: 'running', startedAt, endedAt: null,
  };
  await createRun(run);
  if (batches.length === 0) {
    await closeRun(tenant, run.id, 'done', startedAt);
    await finaliseRun(run);
    return { ...run, status: 'done', endedAt: startedAt };
  }
  await evaluationQueue().send(batches.map((b) => ({ ...b, runId: run.id })));
  logger.info('evaluation run dispatched', { tenant, period, runId: run.id, officers: officers.length, batches: batches.length });
  return run;
}

export const handler = async (event: ScheduleEvent): Promise<{ runId: string; period: string }> => {
  const tenant = findTenant(event.tenant);
  if (!tenant) throw new Error(`Unknown tenant in schedule: ${event.tenant}`);
  const period = scheduledPeriod(event.kind, new Date(), tenant.timeZone);
  const run = await startRun(tenant.id, period, { trigger: 'schedule', startedBy: `schedule:${event.kind}` });
  return { runId: run.id, period };
};

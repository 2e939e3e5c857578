// Evaluation dispatcher: the daily scheduler's target (one schedule per tenant at 01:00 in its zone)
// and the service behind POST /v1/evaluations/runs. The daily pass decides from the tenant's policy
// which period, if any, falls due today (DESIGN §2 Reporting calendar); a run lists the tenant's
// officers (one GSI1 Query per agency), takes the period's lock with the run record, and enqueues
// batches of officers for the workers: BATCH_SIZE officers a message, in agency order, so a message's
// reads are two or three 100-key BatchGets (its evaluations only where a run has published the period),
// its per-agency counts one or two agencies, and the per-message work (run read, count-once
// transaction) is spread over a hundred officers.
import { randomUUID } from 'node:crypto';
import { findTenant } from '../config/tenants.js';
import { getTenantOrg, listOfficersOfAgency } from '../data/org-repository.js';
import { loadPolicy } from '../data/policy-repository.js';
import { runsDueOn } from '../domain/calendar.js';
import { logger } from '../http/logger.js';
import { recountExpected } from '../org/expected.js';
import { finaliseRun } from './finalise.js';
import { evaluationQueue, type EvaluationBatch } from './queue.js';
import { closeRun, createRun, newRunId, RunInProgress, type EvaluationRun } from './runs.js';
import { publishedRunOf, publishRun, putRunMembers } from './repository.js';
import type { ScheduleEvent } from './schedule.js';

export const BATCH_SIZE = 100;

/** The queue refused a run's batches: the run has been closed `failed` with the reason. */
export class RunQueueFailed extends Error {
  constructor(readonly run: EvaluationRun) {
    super(`evaluation run ${run.id} could not be queued: ${run.failureReason}`);
    this.name = 'RunQueueFailed';
  }
}

export async function startRun(tenant: string, period: string, opts: { trigger: EvaluationRun['trigger']; startedBy: string; now?: Date }): Promise<EvaluationRun> {
  const { agencies } = await getTenantOrg(tenant);
  const officers = (await Promise.all(agencies.map((a) => listOfficersOfAgency(tenant, a.id)))).flat()
    .sort((a, b) => a.agencyId.localeCompare(b.agencyId) || a.id.localeCompare(b.id));
  const batches: EvaluationBatch[] = [];
  for (let i = 0; i < officers.length; i += BATCH_SIZE) {
    batches.push({
      tenant, period, runId: '', batchNo: batches.length,
      officers: officers.slice(i, i + BATCH_SIZE).map((o) => ({ id: o.id, agencyId: o.agencyId, unitId: o.unitId, ...(o.statuses?.length ? { statuses: o.statuses } : {}) })),
    });
  }
  const startedAt = (opts.now ?? new Date()).toISOString();
  const run: EvaluationRun = {
    id: newRunId(period, startedAt, randomUUID().replace(/-/g, '').slice(0, 6)),
    tenant, period, trigger: opts.trigger, startedBy: opts.startedBy,
    officersTotal: officers.length, batchesTotal: batches.length, officersDone: 0, officersFailed: 0, dlq: 0,
    status: 'running', startedAt, endedAt: null,
  };
  await createRun(run); // throws RunInProgress while another run of the period holds the lock
  if (batches.length === 0) {
    await publishRun(tenant, period, run.id, startedAt);
    await closeRun(tenant, run.id, 'done', startedAt);
    await finaliseRun(run);
    return { ...run, status: 'done', endedAt: startedAt };
  }
  let step = 'Listing the run\'s officers failed';
  try {
    // Who the run evaluates, before any batch: the period's readers list the run's officers from these pages.
    await putRunMembers(tenant, period, run.id, officers.map((o) => ({ id: o.id, agencyId: o.agencyId })));
    // Read while the run holds the period, so any earlier run has ended (and published before it did).
    const firstRun = !(await publishedRunOf(tenant, period));
    step = 'Queueing failed';
    await evaluationQueue().send(batches.map((b) => ({ ...b, runId: run.id, ...(firstRun ? { firstRun } : {}) })));
  } catch (error) {
    // Batches already sent find the run closed and do nothing; the run never stays `running`.
    const failureReason = `${step}: ${(error as Error).message}`.slice(0, 500);
    const endedAt = new Date().toISOString();
    await closeRun(tenant, run.id, 'failed', endedAt, failureReason);
    logger.error('evaluation run could not be queued', { tenant, period, runId: run.id, error: error as Error });
    throw new RunQueueFailed({ ...run, status: 'failed', endedAt, failureReason });
  }
  logger.info('evaluation run dispatched', { tenant, period, runId: run.id, officers: officers.length, batches: batches.length });
  return run;
}

/** The daily pass of one tenant: keep this month's expected reporters exact (month rollover), then
 *  start whatever evaluation the policy makes due today. `period` forces one (drills, operators). */
export const handler = async (event: ScheduleEvent & { period?: string }, _context?: unknown, now = new Date()): Promise<{ started: { runId: string; period: string }[]; skipped: string[] }> => {
  const tenant = findTenant(event.tenant);
  if (!tenant) throw new Error(`Unknown tenant in schedule: ${event.tenant}`);
  const policy = await loadPolicy(tenant.id);
  await recountExpected(tenant.id, { now });
  const due = event.period ? [{ period: event.period }] : runsDueOn(now, policy, tenant.timeZone);
  const started: { runId: string; period: string }[] = [];
  const skipped: string[] = [];
  for (const { period } of due) {
    try {
      const run = await startRun(tenant.id, period, { trigger: 'schedule', startedBy: 'schedule:daily', now });
      started.push({ runId: run.id, period });
    } catch (error) {
      // A retried invocation, or a run the BKPSDM started by hand: the period is being evaluated already.
      if (!(error instanceof RunInProgress)) throw error;
      logger.info('evaluation already running; scheduled start skipped', { tenant: tenant.id, period, runId: error.runId });
      skipped.push(period);
    }
  }
  return { started, skipped };
};

// The pass function's side of a run started through the API: one SQS message per run. It marks the run
// running, records each step as the pass finishes it, sends the queued e-mails and ends the run. A failed
// attempt is redelivered (the notices already created are not created again); on the last receive the run
// ends `failed` and the message goes to the dead-letter queue, so a run never hangs.
import { logger } from '../http/logger.js';
import { drainOutbox } from './outbox.js';
import { runDailyPass } from './pass.js';
import { PASS_STEPS } from './pass-steps.js';
import type { PassRequest } from './run-queue.js';
import { endRun, recordStep, startRunning } from './run-repository.js';

/** SQS maxReceiveCount of the run queue's redrive policy (CDK sets the same number). */
const MAX_RECEIVE_COUNT = Number(process.env.NOTIFICATION_RUN_MAX_RECEIVE ?? 3);

export async function processPassRequest(req: PassRequest, receiveCount: number): Promise<void> {
  if (!(await startRunning(req.tenant, req.runId, new Date().toISOString()))) return; // ended already: a late redelivery
  try {
    await runDailyPass(req.tenant, {
      day: req.day,
      onStep: (step, created, total) => recordStep(req.tenant, req.runId, step, PASS_STEPS.indexOf(step) + 1, created, total),
    });
    const sent = await drainOutbox(req.tenant);
    await endRun(req.tenant, req.runId, { status: 'done', at: new Date().toISOString(), sent });
  } catch (error) {
    if (receiveCount < MAX_RECEIVE_COUNT) throw error;
    logger.error('notification run goes to the DLQ', { runId: req.runId, tenant: req.tenant, error: error as Error });
    await endRun(req.tenant, req.runId, { status: 'failed', at: new Date().toISOString(), failureReason: 'The pass failed; the notices it created stay, a new run sends the rest' });
    throw error;
  }
}

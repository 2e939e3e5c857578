// Evaluation worker: an SQS handler. Each message is a batch of up to 100 officers of one run; the batch is
// evaluated, changed evaluations are batch-written, and the batch is counted once in the run.
// A failing message is reported in batchItemFailures (Powertools' batch processor); on its last
// delivery it is counted as failed, so a poison batch ends in the DLQ and the run reports 'partial'
// instead of hanging.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { loadPolicy } from '../data/policy-repository.js';
import { injectLambdaContext, logger } from '../http/logger.js';
import { countMetric } from '../http/metrics.js';
import { evaluateOfficerPeriod } from './evaluate-officer.js';
import { countEvaluation, finaliseRun } from './finalise.js';
import { loadEvaluationInputs } from './inputs.js';
import type { EvaluationBatch } from './queue.js';
import { EvaluationChanged, evaluationId, publishRun, resultOf, writeEvaluations, type Evaluation } from './repository.js';
import { closeRun, finalStatus, getRun, recordBatch, type BatchAggregates } from './runs.js';

/** SQS maxReceiveCount of the queue's redrive policy (CDK sets the same number). */
export const MAX_RECEIVE_COUNT = Number(process.env.EVALUATION_MAX_RECEIVE ?? 3);

// Fault injection for tests and drills (kill-and-resume, poison batches); never set in AWS.
const FAULT = Symbol.for('kinerja-asn.evaluationFault');
/** Called as a message starts, and again once it has been counted in the run (a crash there is the
 *  redelivery that must not count twice). */
type FaultHook = (batch: EvaluationBatch, receiveCount: number, stage: 'start' | 'counted') => void;
export function setWorkerFault(hook: FaultHook | undefined): void {
  (globalThis as { [FAULT]?: FaultHook })[FAULT] = hook;
}

/** Key-order-independent JSON, so an item read back from DynamoDB compares equal to a fresh result. */
const stable = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(stable).join(',')}]`
    : v && typeof v === 'object' ? `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`
      : JSON.stringify(v ?? null);

/** Times a message re-reads and re-evaluates at once when a conditional write lost (another delivery of
 *  the same message, or a writer between its read and its write), before it gives the message back. */
const REREADS = 3;

export async function evaluateBatch(batch: EvaluationBatch, now = new Date()): Promise<BatchAggregates> {
  for (let attempt = 1; ; attempt++) {
    try {
      // A first run's batch reads no evaluations the first time; once an insert has found one, it reads them.
      return await evaluateOnce(batch, now, attempt > 1 || !batch.firstRun);
    } catch (error) {
      // (a first run's unread attempt does not count as one of the re-reads)
      if (!(error instanceof EvaluationChanged) || attempt >= REREADS + (batch.firstRun ? 1 : 0)) throw error;
      logger.info('evaluation changed since read; reading again', { runId: batch.runId, batchNo: batch.batchNo, evaluationId: error.evaluationId });
    }
  }
}

async function evaluateOnce(batch: EvaluationBatch, now: Date, readExisting: boolean): Promise<BatchAggregates> {
  const policy = await loadPolicy(batch.tenant);
  const inputs = await loadEvaluationInputs(batch.tenant, batch.officers, batch.period, policy, batch.runId, readExisting);
  const changed: { evaluation: Evaluation; read?: Evaluation }[] = [];
  const aggregates: BatchAggregates = {};
  for (const o of batch.officers) {
    const { input, existing } = inputs.get(o.id)!;
    const result = evaluateOfficerPeriod(input);
    // A rerun that finds the same result leaves the item (and its evaluatedAt, the objection clock) untouched.
    const same = existing && stable(resultOf(existing)) === stable(result) && existing.agencyId === o.agencyId;
    const evaluation: Evaluation = same ? existing : {
      id: evaluationId(o.id, batch.period), tenant: batch.tenant, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId,
      period: batch.period, ...result, runId: batch.runId, evaluatedAt: now.toISOString(), ...(existing?.objection ? { objection: existing.objection } : {}),
    };
    if (!same) changed.push({ evaluation, read: existing });
    countEvaluation(aggregates, evaluation);
  }
  await writeEvaluations(changed);
  return aggregates;
}

/** Closes the run once every officer is accounted for; the caller that closes it finalises it. */
async function completeIfLast(tenant: string, runId: string): Promise<void> {
  const run = await getRun(tenant, runId);
  if (!run || run.status !== 'running' || run.officersDone + run.officersFailed < run.officersTotal) return;
  const status = finalStatus(run);
  // Published before it closes, so a run seen `done` is the one the period's readers list (a run that
  // evaluated no one leaves the last one published).
  if (status !== 'failed') await publishRun(tenant, run.period, runId, run.startedAt);
  if (await closeRun(tenant, runId, status, new Date().toISOString())) await finaliseRun({ ...run, status });
}

export async function processBatch(batch: EvaluationBatch, receiveCount: number): Promise<void> {
  const run = await getRun(batch.tenant, batch.runId);
  if (!run || run.status !== 'running') return; // unknown or already closed: nothing to count into
  try {
    (globalThis as { [FAULT]?: FaultHook })[FAULT]?.(batch, receiveCount, 'start');
    const aggregates = await evaluateBatch(batch);
    if (await recordBatch(batch.tenant, batch.runId, batch.batchNo, { done: batch.officers.length, failed: 0, aggregates })) countMetric('EvaluationOfficersDone', batch.officers.length);
    (globalThis as { [FAULT]?: FaultHook })[FAULT]?.(batch, receiveCount, 'counted');
  } catch (error) {
    if (receiveCount < MAX_RECEIVE_COUNT) throw error;
    logger.error('evaluation batch goes to the DLQ', { runId: batch.runId, batchNo: batch.batchNo, error: error as Error });
    if (await recordBatch(batch.tenant, batch.runId, batch.batchNo, { done: 0, failed: batch.officers.length, aggregates: {} })) countMetric('EvaluationOfficersFailed', batch.officers.length);
    await completeIfLast(batch.tenant, batch.runId);
    throw error;
  }
  await completeIfLast(batch.tenant, batch.runId);
}

async function processRecord(record: SQSRecord): Promise<void> {
  try {
    await processBatch(JSON.parse(record.body) as EvaluationBatch, Number(record.attributes?.ApproximateReceiveCount ?? 1));
  } catch (error) {
    logger.warn('evaluation batch failed', { messageId: record.messageId, error: error as Error });
    throw error;
  }
}

// One message after another (a batch may close the run), a processor per invocation (the local
// queue runs workers side by side), and a wholly failed batch reported message by message, not thrown.
const handle = (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, processRecord, new BatchProcessor(EventType.SQS, { logger }), { context, processInParallel: false, throwOnFullBatchFailure: false });

const wrapped = middy<SQSEvent, SQSBatchResponse>().use(injectLambdaContext(logger, { resetKeys: true })).handler(handle);

/** Lambda passes its context (logged with every line, as in the HTTP functions); the local queue too. */
export const handler = (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => wrapped(event, context ?? ({} as Context));

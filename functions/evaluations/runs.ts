// The run record of an evaluation run and its per-batch markers. A batch is counted once: its marker
// is put on condition it does not exist, in the same transaction as the ADD to the run's counters.
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll, queryPage } from '../data/batch.js';
import { ddb, tableName } from '../data/client.js';
import * as keys from '../data/keys.js';
import { conditionFailed, transactionConditionFailed } from '../data/conditions.js';

export type RunStatus = 'running' | 'done' | 'failed' | 'partial';

export interface EvaluationRun {
  id: string;
  tenant: string;
  period: string;
  trigger: 'schedule' | 'manual' | 'cli';
  startedBy: string;
  officersTotal: number;
  batchesTotal: number;
  officersDone: number;
  officersFailed: number;
  /** Batches that ended in the dead-letter queue. */
  dlq: number;
  status: RunStatus;
  startedAt: string;
  endedAt: string | null;
  /** Why a run ended `failed` before evaluating anyone (e.g. the queue refused its batches). */
  failureReason?: string;
}

/** Per-agency aggregates of a batch: `eval_*` and `flag_*` counts, summed when the run completes. */
export type BatchAggregates = Record<string, Record<string, number>>;

export const RUN_TTL_DAYS = 400;
const expiresAt = () => Math.floor(Date.now() / 1000) + RUN_TTL_DAYS * 86_400;

/** A run that has held its period's lock this long without closing is taken to have died. */
export const STALE_RUN_MS = 6 * 3_600_000;

/** Another run of the same tenant and period is still running. */
export class RunInProgress extends Error {
  constructor(readonly runId: string | undefined) {
    super(`an evaluation run of this period is already running${runId ? ` (${runId})` : ''}`);
    this.name = 'RunInProgress';
  }
}

/** Creates the run and takes its period's lock in one transaction; throws RunInProgress when another run holds it. */
export async function createRun(run: EvaluationRun): Promise<void> {
  const lock = keys.evaluationRunLock(run.tenant, run.period);
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName(), Item: runItem(run) } },
        {
          Put: {
            TableName: tableName(),
            Item: { ...lock, type: 'evaluationRunLock', tenant: run.tenant, period: run.period, runId: run.id, status: 'running', startedAt: run.startedAt, expiresAt: expiresAt() },
            ConditionExpression: 'attribute_not_exists(PK) OR #s <> :running OR startedAt < :stale',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':running': 'running', ':stale': new Date(Date.parse(run.startedAt) - STALE_RUN_MS).toISOString() },
          },
        },
      ],
    }));
  } catch (error) {
    if (!transactionConditionFailed(error, 1)) throw error;
    const held = await ddb().send(new GetCommand({ TableName: tableName(), Key: lock, ConsistentRead: true }));
    throw new RunInProgress(held.Item?.runId as string | undefined);
  }
}

/** A stored run record without its keys and expiry. */
const runOf = ({ PK: _pk, SK: _sk, type: _t, expiresAt: _e, ...run }: Record<string, unknown>) => run as unknown as EvaluationRun;

export async function getRun(tenant: string, runId: string): Promise<EvaluationRun | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.evaluationRun(tenant, runId), ConsistentRead: true }));
  return res.Item ? runOf(res.Item) : undefined;
}

/** A run's id: its period, then its start time (base 36, zero-padded to a fixed width) and `random`, so
 *  a period's runs sort by when they started. */
export const newRunId = (period: string, startedAt: string, random: string) => `run_${period}_${Date.parse(startedAt).toString(36).padStart(9, '0')}${random}`;

/** The run record as stored (kept RUN_TTL_DAYS after it is written). */
export const runItem = (run: EvaluationRun, expires = expiresAt()) => ({ ...keys.evaluationRun(run.tenant, run.id), type: 'evaluationRun', ...run, expiresAt: expires });

/** The SK prefix of a period's run records (newRunId). */
export const runsOfPeriodPrefix = (period: string) => `RUN#run_${period}_`;

/** One page of a period's runs, newest id first (ids carry their start time since 2026-12-02). */
export async function pageRunsOfPeriod(tenant: string, period: string, page: { limit: number; startKey?: Record<string, unknown> }) {
  const res = await queryPage<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.evaluationRuns(tenant), ':prefix': runsOfPeriodPrefix(period) },
    ScanIndexForward: false,
  }, page);
  return { items: res.items.map(runOf), lastKey: res.lastKey };
}

const countedOnce = (e: unknown) => conditionFailed(e) || transactionConditionFailed(e);

/** Records a batch's outcome once; false when this batch was already recorded (a redelivery). */
export async function recordBatch(tenant: string, runId: string, batchNo: number, outcome: { done: number; failed: number; aggregates: BatchAggregates }): Promise<boolean> {
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName(),
            // An empty map is left out: DynamoDB Local's stream images render it as `{}`, which unmarshall rejects.
            Item: {
              ...keys.evaluationRunBatch(tenant, runId, batchNo), type: 'evaluationRunBatch', batchNo, done: outcome.done, failed: outcome.failed,
              ...(Object.keys(outcome.aggregates).length ? { aggregates: outcome.aggregates } : {}), expiresAt: expiresAt(),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Update: {
            TableName: tableName(),
            Key: keys.evaluationRun(tenant, runId),
            UpdateExpression: 'ADD officersDone :d, officersFailed :f, dlq :q',
            ExpressionAttributeValues: { ':d': outcome.done, ':f': outcome.failed, ':q': outcome.failed > 0 ? 1 : 0 },
          },
        },
      ],
    }));
    return true;
  } catch (error) {
    if (countedOnce(error)) return false;
    throw error;
  }
}

/** Moves a running run to its final status and releases its period's lock; true for the one caller
 *  that wins (and so finalises it). */
export async function closeRun(tenant: string, runId: string, status: RunStatus, endedAt: string, failureReason?: string): Promise<boolean> {
  let run: Record<string, unknown> | undefined;
  try {
    run = (await ddb().send(new UpdateCommand({
      TableName: tableName(),
      Key: keys.evaluationRun(tenant, runId),
      UpdateExpression: `SET #s = :s, endedAt = :e${failureReason ? ', failureReason = :r' : ''}`,
      ConditionExpression: '#s = :running',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': status, ':e': endedAt, ':running': 'running', ...(failureReason ? { ':r': failureReason } : {}) },
      ReturnValues: 'ALL_NEW',
    }))).Attributes;
  } catch (error) {
    if (countedOnce(error)) return false;
    throw error;
  }
  // Release the lock if this run still holds it (a stale lock may have been taken over since).
  try {
    await ddb().send(new UpdateCommand({
      TableName: tableName(),
      Key: keys.evaluationRunLock(tenant, String(run?.period)),
      UpdateExpression: 'SET #s = :s, endedAt = :e',
      ConditionExpression: 'runId = :id',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': status, ':e': endedAt, ':id': runId },
    }));
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
  return true;
}

export async function listBatchAggregates(tenant: string, runId: string): Promise<BatchAggregates[]> {
  const items = await queryAll<{ aggregates?: BatchAggregates }>({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.evaluationRunBatches(tenant, runId) },
  });
  return items.map((i) => i.aggregates ?? {});
}

/** done, failed (nothing evaluated) or partial (some batches in the DLQ). */
export const finalStatus = (run: Pick<EvaluationRun, 'officersDone' | 'officersFailed'>): RunStatus =>
  run.officersFailed === 0 ? 'done' : run.officersDone === 0 ? 'failed' : 'partial';

// A daily pass started through the API runs in the background: its run item (status, the step reached, what
// it created so far) is what the caller follows, and the tenant's lease refuses a second run while one is
// queued or running. The lease expires on its own, so a run lost to a crash never blocks the next one.
import { DeleteCommand, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../data/client.js';
import { conditionFailed, transactionConditionFailed, transactionConflicted } from '../data/conditions.js';
import * as keys from '../data/keys.js';
import type { Counts } from './deliver.js';

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface NotificationRun {
  id: string;
  tenant: string;
  /** The tenant-local day the pass runs as. */
  day: string;
  status: RunStatus;
  /** The last step finished (`reports`, `reviews`, `complaints`, `visits`, `actions`), and how many of how many. */
  step: string | null;
  stepsDone: number;
  stepsTotal: number;
  created: Counts;
  total: number;
  /** E-mails sent after the pass (those queued by other functions too). */
  sent: number | null;
  startedBy: string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  /** Why a run failed (no internals). */
  failureReason?: string;
}

/** Longer than the pass function's timeout (5 min) and its retries: after it, a new run may start anyway. */
export const LEASE_MS = 15 * 60_000;

export class PassRunning extends Error {
  constructor(readonly runId: string | undefined) {
    super(`a notification pass of this tenant is already running${runId ? ` (${runId})` : ''}`);
    this.name = 'PassRunning';
  }
}

// Times not reached yet are absent from the item (so `if_not_exists` sets them once) and null in the view.
const view = ({ PK: _p, SK: _s, type: _t, ...rest }: Record<string, unknown>) =>
  ({ startedAt: null, endedAt: null, sent: null, step: null, ...rest }) as unknown as NotificationRun;
const stored = (run: NotificationRun) => Object.fromEntries(Object.entries(run).filter(([, v]) => v !== null));

/** Stores the queued run and takes the tenant's lease in one transaction; PassRunning when a run holds it. */
export async function createRun(run: NotificationRun, now = new Date()): Promise<void> {
  const lease = keys.notificationRunLease(run.tenant);
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName(), Item: { ...lease, type: 'notificationRunLease', runId: run.id, until: now.getTime() + LEASE_MS },
            ConditionExpression: 'attribute_not_exists(PK) OR #u < :now', ExpressionAttributeNames: { '#u': 'until' }, ExpressionAttributeValues: { ':now': now.getTime() },
          },
        },
        { Put: { TableName: tableName(), Item: { ...keys.notificationRun(run.tenant, run.id), type: 'notificationRun', ...stored(run) }, ConditionExpression: 'attribute_not_exists(PK)' } },
      ],
    }));
  } catch (error) {
    // A conflict is another start at the same moment taking the lease: that one runs.
    if (!transactionConditionFailed(error, 0) && !transactionConflicted(error)) throw error;
    const held = (await ddb().send(new GetCommand({ TableName: tableName(), Key: lease, ConsistentRead: true }))).Item;
    throw new PassRunning(held?.runId as string | undefined);
  }
}

export async function getRun(tenant: string, id: string): Promise<NotificationRun | undefined> {
  const item = (await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.notificationRun(tenant, id), ConsistentRead: true }))).Item;
  return item ? view(item) : undefined;
}

/** Marks the run running (a redelivered message finds it running and runs it again); false once it ended. */
export async function startRunning(tenant: string, id: string, at: string): Promise<boolean> {
  try {
    await ddb().send(new UpdateCommand({
      TableName: tableName(), Key: keys.notificationRun(tenant, id),
      UpdateExpression: 'SET #s = :running, startedAt = if_not_exists(startedAt, :at)',
      ConditionExpression: '#s IN (:queued, :running)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':running': 'running', ':queued': 'queued', ':at': at },
    }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/** Records the step just finished and what the pass created so far. */
export async function recordStep(tenant: string, id: string, step: string, stepsDone: number, created: Counts, total: number): Promise<void> {
  await ddb().send(new UpdateCommand({
    TableName: tableName(), Key: keys.notificationRun(tenant, id),
    UpdateExpression: 'SET step = :step, stepsDone = :n, created = :c, #t = :t',
    ExpressionAttributeNames: { '#t': 'total' },
    ExpressionAttributeValues: { ':step': step, ':n': stepsDone, ':c': created, ':t': total },
  }));
}

/** Ends the run (done or failed), giving the tenant's lease back first if this run still holds it: whoever
 *  reads the run ended may start the next one at once. */
export async function endRun(tenant: string, id: string, end: { status: 'done' | 'failed'; at: string; sent?: number; failureReason?: string }): Promise<void> {
  try {
    await ddb().send(new DeleteCommand({
      TableName: tableName(), Key: keys.notificationRunLease(tenant), ConditionExpression: 'runId = :id', ExpressionAttributeValues: { ':id': id },
    }));
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
  await ddb().send(new UpdateCommand({
    TableName: tableName(), Key: keys.notificationRun(tenant, id),
    UpdateExpression: `SET #s = :s, endedAt = :at${end.sent !== undefined ? ', sent = :sent' : ''}${end.failureReason ? ', failureReason = :why' : ''}`,
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':s': end.status, ':at': end.at, ...(end.sent !== undefined ? { ':sent': end.sent } : {}), ...(end.failureReason ? { ':why': end.failureReason } : {}) },
  }));
}

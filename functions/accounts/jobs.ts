// Provisioning jobs (DESIGN §5: accounts are provisioned in the background after an import, with the
// progress visible to the admin). Starting a job counts the officers whose account needs work (the
// ledger decides), writes the job item and enqueues their ids ten a message; the worker counts each
// batch exactly once (a marker item in the same transaction), and the batch that completes the
// count closes the job.
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { conditionFailed, transactionConditionFailed } from '../data/conditions.js';
import { ddb, tableName } from '../data/client.js';
import * as keys from '../data/keys.js';
import type { Officer } from '../data/org-repository.js';
import { Forbidden, NotFound } from '../domain/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { accountAction } from './provision.js';
import { ACCOUNTS_PER_MESSAGE, accountQueue, type AccountBatch } from './queue.js';
import { accountRecords } from './repository.js';

export interface AccountJob { id: string; status: 'running' | 'done'; total: number; done: number; failed: number; createdAt: string }

const JOB_ID = /^acj_[0-9a-f]{16}$/;

export async function startAccountJob(tenant: string, officers: Officer[], now = new Date()): Promise<AccountJob> {
  const ledger = await accountRecords(tenant, officers.map((o) => o.nip));
  const pending = officers.filter((o) => accountAction(o, ledger.get(o.nip)));
  const job: AccountJob = { id: `acj_${randomBytes(8).toString('hex')}`, status: pending.length ? 'running' : 'done', total: pending.length, done: 0, failed: 0, createdAt: now.toISOString() };
  await ddb().send(new PutCommand({ TableName: tableName(), Item: { ...keys.accountJob(tenant, job.id), type: 'accountJob', tenant, ...job }, ConditionExpression: 'attribute_not_exists(PK)' }));
  const batches: AccountBatch[] = [];
  for (let i = 0; i < pending.length; i += ACCOUNTS_PER_MESSAGE) {
    batches.push({ tenant, jobId: job.id, batchNo: batches.length, officerIds: pending.slice(i, i + ACCOUNTS_PER_MESSAGE).map((o) => o.id) });
  }
  if (batches.length) await accountQueue().send(batches);
  return job;
}

async function readJob(tenant: string, jobId: string): Promise<AccountJob | undefined> {
  const item = (await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.accountJob(tenant, jobId), ConsistentRead: true }))).Item;
  return item ? { id: item.id, status: item.status, total: item.total, done: item.done, failed: item.failed, createdAt: item.createdAt } : undefined;
}

/** GET /v1/account-jobs/{id}: the tenant's region_admin only; another tenant's job is not found. */
export async function getAccountJob(p: Principal, jobId: string): Promise<AccountJob> {
  if (!hasRole(p, 'region_admin')) throw Forbidden('Only the BKPSDM (region_admin) follows account provisioning');
  const job = JOB_ID.test(jobId) ? await readJob(p.tenant, jobId) : undefined;
  if (!job) throw NotFound('Account job');
  return job;
}

/** Counts one batch once (a redelivered batch finds its marker), then closes the job when all are counted. */
export async function recordAccountBatch(batch: AccountBatch, counts: { done: number; failed: number }): Promise<void> {
  const job = keys.accountJob(batch.tenant, batch.jobId);
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName(), Item: { ...keys.accountJobBatch(batch.tenant, batch.jobId, batch.batchNo), type: 'accountJobBatch', ...counts }, ConditionExpression: 'attribute_not_exists(PK)' } },
        { Update: { TableName: tableName(), Key: job, UpdateExpression: 'ADD done :d, failed :f', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':d': counts.done, ':f': counts.failed } } },
      ],
    }));
  } catch (error) {
    if (!transactionConditionFailed(error, 0)) throw error;
  }
  const now = await readJob(batch.tenant, batch.jobId);
  if (!now || now.status !== 'running' || now.done + now.failed < now.total) return;
  try {
    await ddb().send(new UpdateCommand({ TableName: tableName(), Key: job, UpdateExpression: 'SET #s = :done', ConditionExpression: '#s = :running', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':done': 'done', ':running': 'running' } }));
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
}

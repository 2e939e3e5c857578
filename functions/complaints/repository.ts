// Complaint items: one per complaint in its own partition, a global tracking-code pointer, and two
// listings (GSI1 per tenant × status, GSI2 per tenant), both sorted newest first and read a page at a time.
import { GetCommand, TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { queryPage } from '../data/batch.js';
import { ddb, tableName } from '../data/client.js';
import { keys } from '../data/keys.js';
import { GSI1, GSI2 } from '../data/table.js';
import type { ComplaintCategory, ComplaintStatus } from './schemas.js';
import { conditionFailed, transactionConditionFailed, transactionConflicted } from '../data/conditions.js';
import { claimIdempotencyKey, getIdempotencyRecord } from '../data/idempotency-repository.js';

export interface Complaint {
  id: string;
  code: string;
  tenant: string;
  unitId: string;
  agencyId: string;
  officerId?: string;
  category: ComplaintCategory;
  description: string;
  contact?: string;
  status: ComplaintStatus;
  createdAt: string;
  updatedAt: string;
  answer?: string;
  answeredAt?: string;
  answeredBy?: string;
  history: { status: ComplaintStatus; at: string; by: string }[];
}

export function complaintItem(c: Complaint): Record<string, unknown> {
  const sort = keys.complaintSort(c.createdAt, c.id);
  return {
    ...keys.complaint(c.tenant, c.id), type: 'complaint', ...c,
    GSI1PK: keys.complaintsByStatus(c.tenant, c.status), GSI1SK: sort,
    GSI2PK: keys.complaintsOfTenant(c.tenant), GSI2SK: sort,
  };
}

export const codeItem = (c: Pick<Complaint, 'code' | 'tenant' | 'id'>) => ({ ...keys.complaintCode(c.code), type: 'complaintCode', tenant: c.tenant, complaintId: c.id });

const view = (item: Record<string, unknown> | undefined): Complaint | undefined => {
  if (!item) return undefined;
  const { PK: _p, SK: _s, GSI1PK: _g1, GSI1SK: _g1s, GSI2PK: _g2, GSI2SK: _g2s, type: _t, ...c } = item;
  return c as unknown as Complaint;
};

export type InsertOutcome = 'stored' | 'codeTaken' | 'retry' | 'busy';

/** Writes the complaint and claims its code in one transaction, with the Idempotency-Key record when given. */
export async function insertComplaint(c: Complaint, idempotency?: { key: string; bodyHash: string }, now = new Date()): Promise<InsertOutcome> {
  const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
    { Put: { TableName: tableName(), Item: codeItem(c), ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName(), Item: complaintItem(c) } },
  ];
  if (idempotency) items.push(claimIdempotencyKey(c.tenant, 'complaint', idempotency.key, { bodyHash: idempotency.bodyHash, result: { code: c.code } }, now));
  try {
    await ddb().send(new TransactWriteCommand({ TransactItems: items }));
    return 'stored';
  } catch (error) {
    if (idempotency && transactionConditionFailed(error, 2)) return 'retry';
    if (transactionConditionFailed(error, 0)) return 'codeTaken';
    if (transactionConflicted(error)) return 'busy';
    throw error;
  }
}

export const storedComplaintAnswer = (tenant: string, key: string, now: Date) => getIdempotencyRecord<{ code: string }>(tenant, 'complaint', key, now);

export async function getComplaint(tenant: string, id: string): Promise<Complaint | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.complaint(tenant, id) }));
  return view(res.Item);
}

/** The complaint a tracking code points at (two GetItems, whether or not the code exists). */
export async function findByCode(code: string): Promise<Complaint | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.complaintCode(code) }));
  const ref = res.Item as { tenant: string; complaintId: string } | undefined;
  const found = await getComplaint(ref?.tenant ?? '-', ref?.complaintId ?? '-');
  return found?.code === code ? found : undefined;
}

/** The index and partition a listing reads: per status (GSI1) or the whole tenant (GSI2). */
export function complaintListPartition(tenant: string, status?: ComplaintStatus) {
  return status !== undefined
    ? { index: GSI1, pk: 'GSI1PK', sk: 'GSI1SK', value: keys.complaintsByStatus(tenant, status) }
    : { index: GSI2, pk: 'GSI2PK', sk: 'GSI2SK', value: keys.complaintsOfTenant(tenant) };
}

/** One page of a tenant's complaints, newest first; the agency is a filter, so a page may hold fewer than `limit`. */
export async function listComplaints(tenant: string, opts: { status?: ComplaintStatus; agencyId?: string; limit: number; startKey?: Record<string, unknown> }): Promise<{ items: Complaint[]; lastKey?: Record<string, string | number> }> {
  const part = complaintListPartition(tenant, opts.status);
  const page = await queryPage<Record<string, unknown>>({
    IndexName: part.index,
    KeyConditionExpression: `${part.pk} = :pk`,
    ExpressionAttributeValues: { ':pk': part.value, ...(opts.agencyId ? { ':a': opts.agencyId } : {}) },
    ...(opts.agencyId ? { FilterExpression: 'agencyId = :a' } : {}),
    ScanIndexForward: false,
  }, { limit: opts.limit, startKey: opts.startKey });
  return { items: page.items.map((i) => view(i)!), lastKey: page.lastKey };
}

/** Moves a complaint to a new status if it is still in `from` (409 upstream otherwise). */
export async function updateStatus(c: Complaint, from: ComplaintStatus, change: { status: ComplaintStatus; answer?: string; by: string; at: string }): Promise<boolean> {
  const answering = change.answer !== undefined;
  try {
    await ddb().send(new UpdateCommand({
      TableName: tableName(),
      Key: keys.complaint(c.tenant, c.id),
      UpdateExpression: `SET #status = :status, GSI1PK = :g1, updatedAt = :at, history = list_append(history, :h)${answering ? ', answer = :answer, answeredAt = if_not_exists(answeredAt, :at), answeredBy = :by' : ''}`,
      ConditionExpression: '#status = :from',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': change.status, ':from': from, ':g1': keys.complaintsByStatus(c.tenant, change.status), ':at': change.at,
        ':h': [{ status: change.status, at: change.at, by: change.by }], ...(answering ? { ':answer': change.answer, ':by': change.by } : {}),
      },
    }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

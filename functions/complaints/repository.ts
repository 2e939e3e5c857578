// Complaint items: one per complaint in its own partition, a global tracking-code pointer, and two
// listings (GSI1 per tenant × status, GSI2 per tenant), both sorted newest first and read a page at a time.
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { queryAll, queryPage } from '../data/batch.js';
import { ddb, tableName } from '../data/client.js';
import * as keys from '../data/keys.js';
import { GSI1, GSI2 } from '../data/table.js';
import type { ComplaintCategory, ComplaintCause, ComplaintStatus } from './schemas.js';
import { contribution, delta, filingMonth, type StatsContext } from './stats.js';
import { transactionConditionFailed, transactionConflicted } from '../data/conditions.js';
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
  verifiedAt?: string;
  rejectedAt?: string;
  /** Why it was rejected: shown to the citizen. */
  rejectReason?: string;
  cause?: ComplaintCause;
  substantiated?: boolean;
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
export async function insertComplaint(c: Complaint, stats: StatsContext, idempotency?: { key: string; bodyHash: string }, now = new Date()): Promise<InsertOutcome> {
  const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
    { Put: { TableName: tableName(), Item: codeItem(c), ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName(), Item: complaintItem(c) } },
  ];
  if (idempotency) items.push(claimIdempotencyKey(c.tenant, 'complaint', idempotency.key, { bodyHash: idempotency.bodyHash, result: { code: c.code } }, now));
  items.push(...statsUpdates(c, delta({}, contribution(c, stats)), stats));
  try {
    await sendRetryingConflicts(items);
    return 'stored';
  } catch (error) {
    if (idempotency && transactionConditionFailed(error, 2)) return 'retry';
    if (transactionConditionFailed(error, 0)) return 'codeTaken';
    if (transactionConflicted(error)) return 'busy';
    throw error;
  }
}

/** The city's counters are one item every complaint change updates: two changes at the same moment
 *  conflict, and the later one is simply tried again (a few times, with jitter) before giving up. */
async function sendRetryingConflicts(items: NonNullable<TransactWriteCommandInput['TransactItems']>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await ddb().send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!transactionConflicted(error) || attempt >= 4) throw error;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80 * (attempt + 1)));
    }
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

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** ADDs a change of counters to the city's and the agency's items of the complaint's filing year. */
function statsUpdates(c: Complaint, change: Record<string, number>, ctx: StatsContext): TransactItem[] {
  const names = Object.keys(change);
  if (!names.length) return [];
  const year = filingMonth(c, ctx.timeZone).slice(0, 4);
  return [null, c.agencyId].map((agencyId) => ({
    Update: {
      TableName: tableName(),
      Key: keys.complaintStats(c.tenant, year, agencyId),
      UpdateExpression: `SET #type = :type, #year = :year ADD ${names.map((_, i) => `#n${i} :v${i}`).join(', ')}`,
      ExpressionAttributeNames: { '#type': 'type', '#year': 'year', ...Object.fromEntries(names.map((n, i) => [`#n${i}`, n])) },
      ExpressionAttributeValues: { ':type': 'complaintStats', ':year': year, ...Object.fromEntries(names.map((n, i) => [`:v${i}`, change[n]])) },
    },
  }));
}

/** The complaint's counters as stored (one GetItem): the city's, or an agency's. */
export async function getComplaintStats(tenant: string, year: string, agencyId: string | null): Promise<Record<string, number>> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.complaintStats(tenant, year, agencyId) }));
  const { PK: _p, SK: _s, type: _t, year: _y, ...counters } = res.Item ?? {};
  return counters as Record<string, number>;
}

/** Moves a complaint from `before` to `after` if it is still in `before`'s status (409 upstream otherwise),
 *  with its counters and its substantiated-complaint item for the officer's evaluation, in one transaction. */
export async function saveTransition(before: Complaint, after: Complaint, entry: { status: ComplaintStatus; at: string; by: string }, ctx: StatsContext): Promise<boolean> {
  const set: Record<string, unknown> = { status: after.status, GSI1PK: keys.complaintsByStatus(after.tenant, after.status), updatedAt: entry.at };
  for (const k of ['answer', 'answeredAt', 'answeredBy', 'verifiedAt', 'rejectedAt', 'rejectReason', 'cause', 'substantiated'] as const) {
    if (after[k] !== undefined && after[k] !== before[k]) set[k] = after[k];
  }
  const names = Object.keys(set);
  const month = filingMonth(after, ctx.timeZone);
  const officerItem = after.officerId ? keys.substantiatedComplaint(after.tenant, after.officerId, month, after.id) : null;
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName(),
        Key: keys.complaint(after.tenant, after.id),
        UpdateExpression: `SET ${names.map((_, i) => `#s${i} = :s${i}`).join(', ')}, history = list_append(history, :h)`,
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { ...Object.fromEntries(names.map((n, i) => [`#s${i}`, n])), '#status': 'status' },
        ExpressionAttributeValues: { ...Object.fromEntries(names.map((n, i) => [`:s${i}`, set[n]])), ':from': before.status, ':h': [entry] },
      },
    },
    ...statsUpdates(after, delta(contribution(before, ctx), contribution(after, ctx)), ctx),
  ];
  if (officerItem && after.substantiated && !before.substantiated) {
    items.push({ Put: { TableName: tableName(), Item: { ...officerItem, type: 'substantiatedComplaint', tenant: after.tenant, officerId: after.officerId, complaintId: after.id, unitId: after.unitId, period: month, cause: after.cause, answeredAt: after.answeredAt } } });
  } else if (officerItem && !after.substantiated && before.substantiated) {
    items.push({ Delete: { TableName: tableName(), Key: officerItem } });
  }
  try {
    await sendRetryingConflicts(items);
    return true;
  } catch (error) {
    if (transactionConditionFailed(error, 0)) return false;
    throw error;
  }
}

export interface SubstantiatedRef { officerId: string; complaintId: string; unitId: string; cause?: string; period: string }

/** Substantiated complaints of the months of a period, whole tenant: one Query per month (rare items). */
export async function substantiatedComplaintsOfMonths(tenant: string, months: readonly string[]): Promise<SubstantiatedRef[]> {
  const pages = await Promise.all(months.map((m) => queryAll<SubstantiatedRef>({
    KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.substantiatedComplaintsOfMonth(tenant, m) },
    ProjectionExpression: 'officerId, complaintId, unitId, cause, period',
  })));
  return pages.flat();
}

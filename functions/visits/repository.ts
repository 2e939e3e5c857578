// Field supervision visits (DESIGN §2): the visit item in the tenant's visit partition (GSI1 per
// agency, GSI2 per unit), one "open visit" item per visit with open actions keyed by its earliest
// open due date (overdue now = one Query), and one index item per `berat` finding about an officer
// in a tenant × month partition that the evaluation reads.
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet, queryAll, queryPage } from '../data/batch.js';
import { ddb, tableName } from '../data/client.js';
import { transactionConditionFailed, transactionConflicted } from '../data/conditions.js';
import { claimIdempotencyKey, transactOnce, type IdempotencyRecord } from '../data/idempotency-repository.js';
import * as keys from '../data/keys.js';
import { GSI1, GSI2 } from '../data/table.js';
import type { StartKey } from '../http/paging.js';
import type { Severity } from './schema.js';

export type ChecklistValue = 'sesuai' | 'perlu_perbaikan' | 'tidak_sesuai';
export interface VisitFinding { note: string; severity: Severity; officerId?: string; evidenceUrl?: string }
export interface ActionChange { status: 'open' | 'done'; note?: string; at: string; by: string }
export interface VisitAction {
  id: string; title: string; ownerUnitId?: string; ownerOfficerId?: string; due: string;
  status: 'open' | 'done'; note?: string;
  /** Who changed the status and when, oldest first (the audit trail of the action). */
  history: ActionChange[];
}
export interface Visit {
  id: string; tenant: string; unitId: string; unitName: string; agencyId: string; date: string;
  checklist: Record<string, ChecklistValue>; notes?: string; findings: VisitFinding[]; actions: VisitAction[];
  recordedBy: string; createdAt: string;
  /** Bumped by every action change: the condition of the next write. */
  rev: number;
}

/** A visit id carries its date (`YYYYMMDD-<random>`), so the id alone finds the item. */
export const visitIdPattern = /^(\d{4})(\d{2})(\d{2})-[a-z0-9]{10}$/;
const dateOfId = (id: string) => { const m = visitIdPattern.exec(id); return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined; };

/** The earliest due date among the open actions, or undefined when none is open. */
export const firstOpenDue = (v: Pick<Visit, 'actions'>) => v.actions.filter((a) => a.status === 'open').map((a) => a.due).sort()[0];

export function visitItem(v: Visit) {
  const first = firstOpenDue(v);
  return {
    ...keys.visit(v.tenant, v.date, v.id), type: 'visit',
    GSI1PK: keys.visitsOfAgency(v.tenant, v.agencyId), GSI1SK: keys.visitSort(v.date, v.id),
    GSI2PK: keys.visitsOfUnit(v.tenant, v.unitId), GSI2SK: keys.visitSort(v.date, v.id),
    ...v, ...(first ? { firstOpenDue: first } : {}),
  };
}

const openVisitItem = (v: Visit, first: string) => ({
  ...keys.openVisit(v.tenant, first, v.id), type: 'openVisit',
  GSI1PK: keys.openVisitsOfAgency(v.tenant, v.agencyId), GSI1SK: keys.openVisitSort(first, v.id),
  visitId: v.id, date: v.date, agencyId: v.agencyId, unitId: v.unitId, firstOpenDue: first,
});

export interface FieldFinding { officerId: string; visitId: string; unitId: string; unitName: string; date: string; note: string }
const findingItems = (v: Visit) => v.findings.flatMap((f, i) => f.severity === 'berat' && f.officerId ? [{
  ...keys.fieldFinding(v.tenant, v.date.slice(0, 7), f.officerId, v.id, i), type: 'fieldFinding',
  officerId: f.officerId, visitId: v.id, unitId: v.unitId, unitName: v.unitName, date: v.date, note: f.note,
} satisfies FieldFinding & Record<string, unknown>] : []);

/** Every item a new visit writes (also what the seed puts). */
export function newVisitItems(v: Visit): Record<string, unknown>[] {
  const first = firstOpenDue(v);
  return [visitItem(v), ...(first ? [openVisitItem(v, first)] : []), ...findingItems(v)];
}

const view = (item: Record<string, unknown>): Visit => {
  const { PK: _pk, SK: _sk, GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, type: _t, firstOpenDue: _f, ...rest } = item;
  return rest as unknown as Visit;
};

export const VISIT_ROUTE = 'visit';

/** Stores a new visit with its index items in one transaction. With an Idempotency-Key its record is
 *  claimed in the same transaction: of two sends exactly one is stored; the other gets the first's record. */
export async function putVisit(v: Visit, idem?: { key: string; bodyHash: string }, now = new Date()): Promise<IdempotencyRecord<Visit> | undefined> {
  const claim = idem && claimIdempotencyKey<Visit>(v.tenant, VISIT_ROUTE, idem.key, { bodyHash: idem.bodyHash, result: v }, now);
  const puts = newVisitItems(v).map((Item) => ({ Put: { TableName: tableName(), Item, ConditionExpression: 'attribute_not_exists(PK)' } }));
  return transactOnce<Visit>([...(claim ? [claim] : []), ...puts], idem && { tenant: v.tenant, route: VISIT_ROUTE, key: idem.key }, now);
}

export async function getVisit(tenant: string, id: string): Promise<Visit | undefined> {
  const date = dateOfId(id);
  if (!date) return undefined;
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.visit(tenant, date, id), ConsistentRead: true }));
  return res.Item ? view(res.Item) : undefined;
}

/** Writes the visit with a changed action, on condition nobody changed it since `read`; moves its
 *  open-visit item when the earliest open due date changed. False when the condition failed. */
export async function saveVisitActions(read: Visit, next: Visit): Promise<boolean> {
  const [before, after] = [firstOpenDue(read), firstOpenDue(next)];
  const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [{
    Put: { TableName: tableName(), Item: visitItem(next), ConditionExpression: '#rev = :rev', ExpressionAttributeNames: { '#rev': 'rev' }, ExpressionAttributeValues: { ':rev': read.rev } },
  }];
  if (before !== after) {
    if (before) items.push({ Delete: { TableName: tableName(), Key: keys.openVisit(read.tenant, before, read.id) } });
    if (after) items.push({ Put: { TableName: tableName(), Item: openVisitItem(next, after) } });
  }
  try {
    await ddb().send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    if (transactionConditionFailed(error, 0) || transactionConflicted(error)) return false;
    throw error;
  }
}

export type VisitScope = { kind: 'tenant' } | { kind: 'agency'; agencyId: string } | { kind: 'unit'; unitId: string };

/** The partition a visit list queries, as the attribute the cursor must match. */
export function visitPartition(tenant: string, scope: VisitScope): { index?: string; attr: 'PK' | 'GSI1PK' | 'GSI2PK'; sortAttr: string; value: string } {
  if (scope.kind === 'agency') return { index: GSI1, attr: 'GSI1PK', sortAttr: 'GSI1SK', value: keys.visitsOfAgency(tenant, scope.agencyId) };
  if (scope.kind === 'unit') return { index: GSI2, attr: 'GSI2PK', sortAttr: 'GSI2SK', value: keys.visitsOfUnit(tenant, scope.unitId) };
  return { attr: 'PK', sortAttr: 'SK', value: keys.visitsOfTenant(tenant) };
}

/** One page of visits, newest first; `open` keeps those with an open action (a filter: one table page per page). */
export async function pageVisits(tenant: string, scope: VisitScope, q: { open?: boolean; overdueBefore?: string; limit: number; startKey?: StartKey }) {
  const part = visitPartition(tenant, scope);
  const filter = q.overdueBefore ? { FilterExpression: 'firstOpenDue < :today', ExpressionAttributeValues: { ':today': q.overdueBefore } }
    : q.open ? { FilterExpression: 'attribute_exists(firstOpenDue)' } : {};
  const { items, lastKey } = await queryPage({
    ...(part.index ? { IndexName: part.index } : {}),
    KeyConditionExpression: `${part.attr} = :pk AND begins_with(${part.sortAttr}, :visit)`,
    ...filter,
    ExpressionAttributeValues: { ':pk': part.value, ':visit': 'VISIT#', ...(filter.ExpressionAttributeValues ?? {}) },
    ScanIndexForward: false,
  }, q);
  return { items: items.map(view), lastKey };
}

export const openVisitPartition = (tenant: string, agencyId?: string) => agencyId
  ? { index: GSI1, attr: 'GSI1PK' as const, sortAttr: 'GSI1SK', value: keys.openVisitsOfAgency(tenant, agencyId) }
  : { index: undefined, attr: 'PK' as const, sortAttr: 'SK', value: keys.openVisitsOfTenant(tenant) };

/** Visits with an action open past its due date (due < today), the latest due first (what just slipped
 *  leads; the long-overdue follow): one Query on the
 *  open-visit items, then one BatchGet of the page's visits. */
export async function pageOverdueVisits(tenant: string, agencyId: string | undefined, today: string, page: { limit: number; startKey?: StartKey }) {
  const part = openVisitPartition(tenant, agencyId);
  const { items, lastKey } = await queryPage<{ visitId: string; date: string }>({
    ...(part.index ? { IndexName: part.index } : {}),
    KeyConditionExpression: `${part.attr} = :pk AND ${part.sortAttr} BETWEEN :from AND :to`,
    ExpressionAttributeValues: { ':pk': part.value, ':from': 'DUE#', ':to': `DUE#${today}` },
    ScanIndexForward: false,
  }, page);
  const found = await batchGet(items.map((i) => keys.visit(tenant, i.date, i.visitId)));
  const byId = new Map(found.map((f) => [f.id as string, view(f)]));
  return { items: items.map((i) => byId.get(i.visitId)).filter((v): v is Visit => v !== undefined), lastKey };
}

/** The `berat` findings about officers in the given months (one Query per month, tenant-wide). */
export async function fieldFindingsOfMonths(tenant: string, months: readonly string[]): Promise<FieldFinding[]> {
  const lists = await Promise.all(months.map((m) => queryAll<FieldFinding>({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.fieldFindingsOfMonth(tenant, m) },
  })));
  return lists.flat();
}

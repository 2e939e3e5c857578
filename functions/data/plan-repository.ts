// SKP plans: one item per officer and year in the officer's partition. Every change and agreement
// leaves an audit item (ordered by year, then time); an agreed version that is replaced is kept as a
// snapshot, so a report scores against the version it was made for.
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Rhk } from '../domain/types.js';
import { batchGet } from './batch.js';
import { ddb, tableName } from './client.js';
import * as keys from './keys.js';

export type PlanStatus = 'draft' | 'agreed';
export interface Signature { by: string; at: string }

export interface PlanItem {
  tenant: string;
  officerId: string;
  year: number;
  /** The content version shown to people (a change of RHK makes a new one). */
  version: number;
  /** Write counter: every write (a change or an agreement) takes the next, conditioned on the one read. */
  rev: number;
  /** A plan stored before agreements existed reads as agreed: reports were already filed against it. */
  status: PlanStatus;
  /** Who has agreed the current draft (both: the plan becomes `agreed`). */
  agreement: { officer?: Signature; supervisor?: Signature };
  agreedAt?: string;
  /** Why the current version of an agreed plan was made. */
  reason?: string;
  rhk: Rhk[];
  updatedAt: string;
  updatedBy: string;
}

export interface PlanAudit { at: string; by: string; version: number; action: 'change' | 'agreement'; changes: string[]; reason?: string }

export const planItem = (p: PlanItem) => ({ ...keys.plan(p.tenant, p.officerId, p.year), type: 'plan', ...p });

const planView = (item: Record<string, unknown>): PlanItem => ({
  tenant: item.tenant as string, officerId: item.officerId as string, year: item.year as number, version: item.version as number, rev: (item.rev as number | undefined) ?? 0,
  status: (item.status as PlanStatus | undefined) ?? 'agreed', agreement: (item.agreement as PlanItem['agreement'] | undefined) ?? {},
  ...(item.agreedAt ? { agreedAt: item.agreedAt as string } : {}), ...(item.reason ? { reason: item.reason as string } : {}),
  rhk: item.rhk as Rhk[], updatedAt: item.updatedAt as string, updatedBy: item.updatedBy as string,
});

export async function getPlan(tenant: string, officerId: string, year: number, consistent = false): Promise<PlanItem | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.plan(tenant, officerId, year), ConsistentRead: consistent }));
  return res.Item ? planView(res.Item) : undefined;
}

/** The plan as it was at `version` (the current item, or the snapshot kept when that agreed version was replaced). */
export async function getPlanVersion(tenant: string, officerId: string, year: number, version: number | undefined): Promise<PlanItem | undefined> {
  const current = await getPlan(tenant, officerId, year);
  if (!current || version === undefined || current.version === version) return current;
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.planVersion(tenant, officerId, year, version) }));
  return res.Item ? planView(res.Item) : current;
}

/** Plans of many officers for one year (BatchGet; absent plans are left out). */
export async function getPlans(tenant: string, officerIds: readonly string[], year: number): Promise<PlanItem[]> {
  const items = await batchGet(officerIds.map((id) => keys.plan(tenant, id, year)));
  return items.map(planView);
}

export interface PlanWrite {
  /** Written with rev + 1. */
  plan: PlanItem;
  /** The plan as read (undefined: no plan yet). */
  read: PlanItem | undefined;
  audit: PlanAudit;
  /** The replaced agreed version, kept for reports made against it. */
  snapshot?: PlanItem;
  /** Plans that must be as read (rev; null: still absent): the supervisor's plan whose RHK were the parents
   *  checked, the subordinates' plans checked for RHK that name a removed one. */
  unchanged?: { officerId: string; rev: number | null }[];
}

// Plans written before the counter existed have no `rev`: they read as 0.
const revIs = (rev: number) => rev === 0
  ? { ConditionExpression: 'attribute_not_exists(rev)' }
  : { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': rev } };

/** Writes the plan only if nothing it was checked against changed since it was read. False: someone came first. */
export async function savePlan(w: PlanWrite): Promise<boolean> {
  const { plan, audit } = w;
  const condition = w.read === undefined ? { ConditionExpression: 'attribute_not_exists(PK)' } : revIs(w.read.rev);
  const written = { ...plan, rev: (w.read?.rev ?? 0) + 1 };
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName(), Item: planItem(written), ...condition } },
        {
          Put: {
            TableName: tableName(),
            Item: { ...keys.planAudit(plan.tenant, plan.officerId, plan.year, audit.at, `v${audit.version}-${audit.action}`), type: 'planAudit', tenant: plan.tenant, officerId: plan.officerId, year: plan.year, ...audit },
          },
        },
        ...(w.snapshot ? [{ Put: { TableName: tableName(), Item: { ...planItem(w.snapshot), ...keys.planVersion(plan.tenant, plan.officerId, plan.year, w.snapshot.version), type: 'planVersion' } } }] : []),
        ...(w.unchanged ?? []).map((u) => ({
          ConditionCheck: { TableName: tableName(), Key: keys.plan(plan.tenant, u.officerId, plan.year), ...(u.rev === null ? { ConditionExpression: 'attribute_not_exists(PK)' } : revIs(u.rev)) },
        })),
      ],
    }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') return false;
    throw error;
  }
}

/** The audit trail of an officer's plan for one year, newest first, one page. */
export async function planHistory(tenant: string, officerId: string, year: number, limit = 100): Promise<PlanAudit[]> {
  const res = await ddb().send(new QueryCommand({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId), ':sk': keys.planAuditPrefix(year) },
    ScanIndexForward: false,
    Limit: limit,
  }));
  return (res.Items ?? []).map((i) => ({ at: i.at, by: i.by, version: i.version, action: i.action ?? 'change', changes: i.changes, ...(i.reason ? { reason: i.reason } : {}) }));
}

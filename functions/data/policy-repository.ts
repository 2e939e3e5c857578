// Tenant policy: the regulation's judgement calls and sanctions, configured per city by its BKPSDM.
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { findTenant } from '../config/tenants.js';
import { DEFAULT_POLICY, type TenantPolicy as Policy } from '../domain/policy.js';
import { ddb, tableName } from './client.js';
import * as keys from './keys.js';

const cache = new Map<string, { at: number; policy: Policy }>();
const CACHE_MS = 30_000;

/** The tenant's stored policy over the defaults (cached briefly per warm function). */
export async function loadPolicy(tenant: string): Promise<Policy> {
  const hit = cache.get(tenant);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.policy;
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.policy(tenant) }));
  // Only the fields the policy has today: a field retired since it was stored is dropped.
  const stored = Object.fromEntries(Object.entries((res.Item?.policy ?? {}) as Record<string, unknown>).filter(([k]) => k in DEFAULT_POLICY)) as Partial<Policy>;
  const defaults = { ...DEFAULT_POLICY, evaluationFrequency: findTenant(tenant)?.evaluationFrequency ?? DEFAULT_POLICY.evaluationFrequency };
  const policy: Policy = { ...defaults, ...stored, hasilKerjaThresholds: { ...DEFAULT_POLICY.hasilKerjaThresholds, ...stored.hasilKerjaThresholds } };
  cache.set(tenant, { at: Date.now(), policy });
  return policy;
}

export interface PolicyAudit { at: string; by: string; changes: string[] }

/** Stores the policy with the audit item of what changed (one transaction: no change goes unrecorded). */
export async function savePolicy(tenant: string, policy: Policy, by: string, changes: string[]): Promise<void> {
  const at = new Date().toISOString();
  await ddb().send(new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: tableName(), Item: { ...keys.policy(tenant), type: 'policy', policy, updatedBy: by, updatedAt: at } } },
      { Put: { TableName: tableName(), Item: { ...keys.policyAudit(tenant, at), type: 'policyAudit', tenant, at, by, changes } } },
    ],
  }));
  cache.delete(tenant);
}

/** The policy's change history, newest first (one page). */
export async function policyHistory(tenant: string, limit = 100): Promise<PolicyAudit[]> {
  const res = await ddb().send(new QueryCommand({
    TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.policyAuditPartition(tenant) },
    ScanIndexForward: false, Limit: limit,
  }));
  return (res.Items ?? []).map((i) => ({ at: i.at, by: i.by, changes: i.changes }));
}

/** The stored policy without the cache (a change is compared with what is really there). */
export async function loadPolicyFresh(tenant: string): Promise<Policy> {
  cache.delete(tenant);
  return loadPolicy(tenant);
}

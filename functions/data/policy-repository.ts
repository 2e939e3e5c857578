// Tenant policy: the regulation's judgement calls and sanctions, configured per city by its BKPSDM.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { findTenant } from '../config/tenants.js';
import { DEFAULT_POLICY, type TenantPolicy as Policy } from '../domain/policy.js';
import { ddb, tableName } from './client.js';
import { keys } from './keys.js';

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

export async function savePolicy(tenant: string, policy: Policy, by: string): Promise<void> {
  await ddb().send(new PutCommand({
    TableName: tableName(),
    Item: { ...keys.policy(tenant), type: 'policy', policy, updatedBy: by, updatedAt: new Date().toISOString() },
  }));
  cache.delete(tenant);
}

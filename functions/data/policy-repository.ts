// Tenant policy: the regulation's judgement calls and sanctions, configured per city by its BKPSDM.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
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
  const stored = (res.Item?.policy ?? {}) as Partial<Policy>;
  const policy: Policy = { ...DEFAULT_POLICY, ...stored, hasilKerjaThresholds: { ...DEFAULT_POLICY.hasilKerjaThresholds, ...stored.hasilKerjaThresholds } };
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

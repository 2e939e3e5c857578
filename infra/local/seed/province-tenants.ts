// Tenants added to one local data directory (a province seeded with `npm run seed:province`), kept in
// <data>/tenants.local.json and added by `npm start` to the tenants of infra/deployments.ts, so the
// functions find them in TENANTS as they would a configured city. Local data only.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TenantConfig } from '../../../functions/config/tenants.js';

const file = (dataDir: string) => join(dataDir, 'tenants.local.json');

export function localTenants(dataDir: string): TenantConfig[] {
  return existsSync(file(dataDir)) ? (JSON.parse(readFileSync(file(dataDir), 'utf8')) as TenantConfig[]) : [];
}

export function addLocalTenant(dataDir: string, t: TenantConfig): void {
  const { id, name, timeZone, evaluationFrequency } = t;
  writeFileSync(file(dataDir), `${JSON.stringify([...localTenants(dataDir).filter((x) => x.id !== id), { id, name, timeZone, evaluationFrequency }], null, 2)}\n`);
}

/** TENANTS plus this data directory's own tenants (after applyLocalEnv); their ids, for the start-up banner. */
export function applyLocalTenants(dataDir: string): string[] {
  const extra = localTenants(dataDir);
  if (!extra.length) return [];
  const configured = JSON.parse(process.env.TENANTS ?? '[]') as TenantConfig[];
  process.env.TENANTS = JSON.stringify([...configured.filter((c) => !extra.some((x) => x.id === c.id)), ...extra]);
  return extra.map((x) => x.id);
}

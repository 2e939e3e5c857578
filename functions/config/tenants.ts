// Tenants (cities) come from the deployments config, handed to every function as the TENANTS
// environment variable (JSON), so a new city is configuration, never code.
import { requireEnv } from './env.js';

export interface TenantConfig {
  id: string;
  name: string;
  /** IANA zone the tenant's periods are computed in (WIB Asia/Jakarta, WITA Asia/Makassar, WIT Asia/Jayapura). */
  timeZone: string;
  evaluationFrequency: 'monthly' | 'quarterly';
}

let cached: { raw: string; tenants: TenantConfig[] } | undefined;

export function tenants(): TenantConfig[] {
  const raw = requireEnv('TENANTS');
  if (cached?.raw !== raw) cached = { raw, tenants: JSON.parse(raw) as TenantConfig[] };
  return cached.tenants;
}

export function findTenant(id: string): TenantConfig | undefined {
  return tenants().find((t) => t.id === id);
}

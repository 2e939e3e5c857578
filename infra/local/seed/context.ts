// What every seeder receives: the PRNG, "now", the org built by the org seeder, and a progress line.
import type { Agency, Officer, Unit } from '../../../functions/data/org-repository.js';
import type { TenantConfig } from '../../../functions/config/tenants.js';
import type { Rng } from './prng.js';

export interface SeededTenant {
  tenant: TenantConfig;
  agencies: (Agency & { templateKind: string })[];
  units: Unit[];
  officers: Officer[];
}

export interface DevUser {
  username: string;
  name: string;
  tenant: string;
  roles: string[];
  officerId: string | null;
  agencyId: string | null;
}

export interface SeedContext {
  rng: Rng;
  tenantConfigs: TenantConfig[];
  /** NIPs are national: unique across every seeded tenant. */
  usedNips: Set<string>;
  now: Date;
  tenants: SeededTenant[];
  users: DevUser[];
  progress: (message: string) => void;
}

export interface Seeder {
  name: string;
  run: (ctx: SeedContext) => Promise<void>;
}

// The caller, from claims the JWT authorizer has already verified. Authority comes from here and
// the org chart, never from the request body.
import { unauthorized } from './errors.js';

export const ROLES = ['officer', 'supervisor', 'agency_admin', 'region_admin', 'leader', 'inspector', 'national'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  sub: string;
  tenant: string;
  roles: ReadonlySet<Role>;
  officerId?: string;
  agencyId?: string;
}

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/** API Gateway hands array claims over as "[a b]" strings; tokens may carry either form. */
function claimList(value: Claims[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

export function principalFromClaims(claims: Claims | undefined): Principal {
  if (!claims || typeof claims.sub !== 'string' || typeof claims.tenant !== 'string' || !claims.tenant) {
    throw unauthorized('Token lacks the subject or tenant claim');
  }
  const roles = new Set(claimList(claims.roles).filter((r): r is Role => (ROLES as readonly string[]).includes(r)));
  if (roles.size === 0) throw unauthorized('Token carries no known role');
  const str = (v: Claims[string]) => (typeof v === 'string' && v !== '' ? v : undefined);
  return { sub: claims.sub, tenant: claims.tenant, roles, officerId: str(claims.officer_id), agencyId: str(claims.agency_id) };
}

export const hasRole = (p: Principal, ...roles: Role[]) => roles.some((r) => p.roles.has(r));
/** Sees everything in its own tenant (READS only: the Inspektorat reads like a leader and writes nothing more). */
export const isTenantWide = (p: Principal) => hasRole(p, 'region_admin', 'leader', 'inspector');

// The caller, from claims the JWT authorizer has already verified. Authority comes from here and
// the org chart, never from the request body.
import { getOfficer, type Officer } from '../data/org-repository.js';
import { SERVICE_ENDED } from '../domain/officer-status.js';
import { GRANTABLE_ROLES } from '../domain/roles.js';
import { forbidden, unauthorized } from './errors.js';

export const ROLES = ['officer', 'supervisor', 'agency_admin', 'region_admin', 'leader', 'inspector', 'national'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  sub: string;
  tenant: string;
  roles: ReadonlySet<Role>;
  officerId?: string;
  agencyId?: string;
  /** The caller's officer item as read for this request (freshPrincipal), so handlers need not read it again. */
  officer?: Officer;
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

const grantable = new Set<string>(GRANTABLE_ROLES);

/**
 * Fresh authority (DESIGN §5): what can change after a token was minted — agency, status, granted
 * roles — is read from the caller's officer item at request time (one GetItem; the supervisor chain
 * is read from the chain items by the access checks anyway). A moved officer holds only the new
 * agency; an officer whose service ended is refused; a revoked role is gone on the next request.
 * Accounts without an officer (the demo leader, inspector and national reader) keep their claims.
 */
export async function freshPrincipal(p: Principal): Promise<Principal> {
  if (!p.officerId) return p;
  const officer = await getOfficer(p.tenant, p.officerId);
  if (!officer) throw forbidden('The token names no officer of this region');
  if (SERVICE_ENDED.has(officer.status ?? 'aktif')) throw unauthorized('This officer\'s service has ended: sign-in is closed');
  const roles = new Set([...p.roles].filter((r) => !grantable.has(r)));
  for (const r of officer.roles ?? []) if (grantable.has(r)) roles.add(r as Role);
  if (roles.size === 0) throw forbidden('No role left for this account');
  return { ...p, roles, agencyId: officer.agencyId, officer };
}

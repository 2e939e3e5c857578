// Who may see or act on an officer: the caller's tenant and roles from the token, and the
// supervisor chain from the org chart (direct and indirect), never the request body.
import { getOfficer, type Officer } from '../data/org-repository.js';
import { findTenant } from '../config/tenants.js';
import { Forbidden, Invalid, NotFound } from '../domain/errors.js';
import { hasRole, isTenantWide, type Principal } from './principal.js';

const MAX_CHAIN_DEPTH = 12;

/** True when `supervisorId` stands above `officer` in the org chart (any number of levels): the
 *  officer's stored chain answers without a read; an item written before chains were kept is walked. */
export async function isInSupervisorChain(tenant: string, supervisorId: string, officer: Officer): Promise<boolean> {
  if (officer.ancestors) return officer.ancestors.includes(supervisorId);
  let current: Officer | undefined = officer;
  for (let depth = 0; current?.supervisorId && depth < MAX_CHAIN_DEPTH; depth++) {
    if (current.supervisorId === supervisorId) return true;
    current = await getOfficer(tenant, current.supervisorId);
  }
  return false;
}

/** Personal data: the officer, their chain, their agency's admin, tenant-wide readers. National never. */
export async function canReadOfficer(p: Principal, officer: Officer): Promise<boolean> {
  if (p.officerId === officer.id || isTenantWide(p)) return true;
  if (hasRole(p, 'agency_admin') && p.agencyId === officer.agencyId) return true;
  return p.officerId !== undefined && isInSupervisorChain(p.tenant, p.officerId, officer);
}

/** Plans, reviews: the supervisor chain, the agency's admin, the tenant's BKPSDM (not the officer alone). */
export async function canManageOfficer(p: Principal, officer: Officer): Promise<boolean> {
  if (hasRole(p, 'region_admin')) return true;
  if (hasRole(p, 'agency_admin') && p.agencyId === officer.agencyId) return true;
  return p.officerId !== undefined && p.officerId !== officer.id && isInSupervisorChain(p.tenant, p.officerId, officer);
}

/** Loads an officer of the caller's own tenant: 404 if absent there, 403 if not visible. */
export async function readableOfficer(p: Principal, officerId: string): Promise<Officer> {
  // Before any lookup: national callers get the same 403 whether or not the officer exists.
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  const officer = await getOfficer(p.tenant, officerId);
  if (!officer) throw NotFound('Officer');
  if (!(await canReadOfficer(p, officer))) throw Forbidden('You may not see this officer');
  return officer;
}

export async function manageableOfficer(p: Principal, officerId: string): Promise<Officer> {
  const officer = await readableOfficer(p, officerId);
  if (!(await canManageOfficer(p, officer))) throw Forbidden('Only the officer\'s supervisors or admins may do this');
  return officer;
}


/** The tenant a read is about: the caller's own; national callers name one with ?tenant=. */
export function readTenant(p: Principal, requested: string | undefined): string {
  if (hasRole(p, 'national')) {
    if (!requested) throw Invalid('National readers must name a tenant', [{ field: 'tenant', message: 'Required' }]);
    if (!findTenant(requested)) throw NotFound('Tenant');
    return requested;
  }
  if (requested && requested !== p.tenant) throw Forbidden('You may only read your own region');
  return p.tenant;
}

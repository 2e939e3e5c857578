// Organisation reads: the caller, tenants, agencies with units, officers as the caller may see them.
import { findTenant, tenants } from '../config/tenants.js';
import { getOfficer, getTenantOrg, listOfficersOfAgency, listSubordinates, type Officer } from '../data/org-repository.js';
import { readTenant, subordinatesInChain } from '../http/access.js';
import { badRequest, forbidden } from '../http/errors.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';

export async function me(p: Principal) {
  const tenant = findTenant(p.tenant);
  // Direct reports only: one Query on every page load is enough to know the caller supervises.
  const [officer, direct] = p.officerId
    ? await Promise.all([getOfficer(p.tenant, p.officerId), listSubordinates(p.tenant, p.officerId)])
    : [undefined, []];
  const subordinates = direct.length;
  return {
    tenant: tenant ? { id: tenant.id, name: tenant.name, timeZone: tenant.timeZone } : { id: p.tenant, name: p.tenant, timeZone: 'Asia/Jakarta' },
    roles: [...p.roles],
    agencyId: p.agencyId ?? officer?.agencyId ?? null,
    officer: officer ?? null,
    subordinates,
  };
}

export function visibleTenants(p: Principal) {
  const list = hasRole(p, 'national') ? tenants() : tenants().filter((t) => t.id === p.tenant);
  return list.map(({ id, name, timeZone, evaluationFrequency }) => ({ id, name, timeZone, evaluationFrequency }));
}

export async function agenciesWithUnits(p: Principal, requestedTenant?: string) {
  const tenant = readTenant(p, requestedTenant);
  const { agencies, units } = await getTenantOrg(tenant);
  return agencies
    .map((a) => ({ ...a, units: units.filter((u) => u.agencyId === a.id).map(({ agencyId: _a, ...u }) => u) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

/** An agency's officers filtered to what the caller may see; without agencyId, the caller's own chain. */
export async function listOfficers(p: Principal, agencyId: string | undefined): Promise<Officer[]> {
  if (hasRole(p, 'national')) throw forbidden('National readers see aggregates only');
  if (!agencyId) {
    if (!p.officerId) throw badRequest('agencyId is required', [{ field: 'agencyId', message: 'Required' }]);
    const self = await getOfficer(p.tenant, p.officerId);
    return [...(self ? [self] : []), ...(await subordinatesInChain(p.tenant, p.officerId))];
  }
  const wholeAgency = isTenantWide(p) || (hasRole(p, 'agency_admin') && p.agencyId === agencyId);
  if (!wholeAgency && p.agencyId !== agencyId) throw forbidden('You may not list another agency');
  const officers = await listOfficersOfAgency(p.tenant, agencyId);
  if (wholeAgency) return officers;
  const visible = new Set([p.officerId, ...(p.officerId ? (await subordinatesInChain(p.tenant, p.officerId)).map((o) => o.id) : [])]);
  return officers.filter((o) => visible.has(o.id));
}


// Organisation reads: the caller, tenants, agencies with units, officers as the caller may see them.
import { findTenant, tenants } from '../config/tenants.js';
import { getOfficer, getTenantOrg, listSubordinates } from '../data/org-repository.js';
import { readTenant } from '../http/access.js';
import { hasRole, type Principal } from '../http/principal.js';

export async function me(p: Principal) {
  const tenant = findTenant(p.tenant);
  // Direct reports only: one Query on every page load is enough to know the caller supervises.
  const [officer, direct] = p.officerId
    ? await Promise.all([p.officer ?? getOfficer(p.tenant, p.officerId), listSubordinates(p.tenant, p.officerId)])
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

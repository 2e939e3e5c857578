// Today's activity (DESIGN §4 GET /v1/activity): the counters of the tenant's local day, read with one
// GetItem (tenant) or one BatchGetItem (agency and its day item). Visibility follows the trends.
import { findTenant } from '../config/tenants.js';
import { dayOf } from '../domain/periods.js';
import { Forbidden, Invalid, NotFound } from '../domain/errors.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';
import { agencyActivity, tenantActivity, type ActivityCounts } from './repository.js';

export interface ActivityQuery { scope: 'tenant' | 'agency'; id?: string }
export interface ActivityResult { scope: ActivityQuery['scope']; id: string; day: string; timeZone: string; asOf: string; counts: ActivityCounts }

/** Agency scope: tenant-wide readers, and the agency's own admin and supervisors. */
const mayReadAgency = (p: Principal, agencyId: string) => isTenantWide(p) || (hasRole(p, 'agency_admin', 'supervisor') && p.agencyId === agencyId);

export async function activity(p: Principal, q: ActivityQuery, now = new Date()): Promise<ActivityResult> {
  if (hasRole(p, 'national') && !p.officerId) throw Forbidden('National readers see the national scope only');
  const timeZone = findTenant(p.tenant)?.timeZone;
  if (!timeZone) throw NotFound('Tenant');
  const day = dayOf(now, timeZone);
  if (q.scope === 'tenant') {
    if (q.id !== undefined && q.id !== p.tenant) throw Forbidden('You may only read your own region');
    if (!isTenantWide(p)) throw Forbidden('Tenant-wide activity is for leaders and the BKPSDM');
    const item = await tenantActivity(p.tenant, day);
    return { scope: 'tenant', id: p.tenant, day, timeZone, asOf: item.updatedAt ?? now.toISOString(), counts: item.counts };
  }
  if (!q.id) throw Invalid('scope=agency needs an id', [{ field: 'id', message: 'Required for this scope' }]);
  if (!mayReadAgency(p, q.id)) throw Forbidden('Agency activity is for its admin and supervisors, leaders and the BKPSDM');
  const item = await agencyActivity(p.tenant, q.id, day);
  if (!item) throw NotFound('Agency');
  return { scope: 'agency', id: q.id, day, timeZone, asOf: item.updatedAt ?? now.toISOString(), counts: item.counts };
}

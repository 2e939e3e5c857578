// Organisational ratings (the BKPSDM rates each agency per year) and the distribution curve they fix:
// GET /v1/agencies/{id}/curve holds the year's final predikat of the agency to its rating's curve.
import { findTenant } from '../config/tenants.js';
import { agencyPeriodCounts, getOrgRating, putOrgRating } from '../data/agency-repository.js';
import { getAgency } from '../data/org-repository.js';
import { countsOfYear, curveStatus, type CurveStatus } from '../domain/curve.js';
import type { OrgRating } from '../domain/types.js';
import { Conflict, Forbidden, NotFound } from '../domain/errors.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';
import { CurveQuery, OrgRatingBody, YearParam } from './schema.js';

export { CurveQuery, OrgRatingBody, YearParam };


const national = (p: Principal) => {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
};

async function existingAgency(p: Principal, agencyId: string) {
  const agency = await getAgency(p.tenant, agencyId);
  if (!agency) throw NotFound('Agency');
  return agency;
}

/** GET: any signed-in reader of the tenant; `rating: null` when the BKPSDM has not rated that year. */
export async function readOrgRating(p: Principal, agencyId: string, y: number) {
  national(p);
  const [, stored] = await Promise.all([existingAgency(p, agencyId), getOrgRating(p.tenant, agencyId, y)]);
  return stored ?? { agencyId, year: y, rating: null };
}

export async function setOrgRating(p: Principal, agencyId: string, y: number, body: OrgRatingBody, now = new Date()) {
  if (!hasRole(p, 'region_admin')) throw Forbidden('Only the BKPSDM (region_admin) rates agencies');
  const [, stored] = await Promise.all([existingAgency(p, agencyId), getOrgRating(p.tenant, agencyId, y)]);
  if (stored?.rating === body.rating) return stored;
  const at = now.toISOString();
  const by = p.officerId ?? p.sub;
  const record = { agencyId, year: y, rating: body.rating, setAt: at, setBy: by };
  const audit = { at, by, changes: { [`rating.${y}`]: { from: stored?.rating ?? null, to: body.rating } } };
  if (!(await putOrgRating(p.tenant, record, stored?.rating, audit))) {
    throw Conflict('The rating was changed by someone else at the same time; reload and try again', [{ field: 'rating', message: 'Changed concurrently' }]);
  }
  return record;
}

/** Leaders and the BKPSDM for any agency, an agency_admin for their own (there is no inspector role yet). */
const mayReadCurve = (p: Principal, agencyId: string) => isTenantWide(p) || (hasRole(p, 'agency_admin') && p.agencyId === agencyId);

export async function agencyCurve(p: Principal, agencyId: string, requestedYear?: number): Promise<{ year: number; rating: OrgRating | null; basis: 'annual' | 'periods' } & CurveStatus> {
  national(p);
  if (!mayReadCurve(p, agencyId)) throw Forbidden('The curve is for leaders, the BKPSDM and the agency\'s admin');
  const y = requestedYear ?? Number(new Intl.DateTimeFormat('en-CA', { timeZone: findTenant(p.tenant)?.timeZone ?? 'Asia/Jakarta', year: 'numeric' }).format(new Date()));
  const [, stored, periods] = await Promise.all([existingAgency(p, agencyId), getOrgRating(p.tenant, agencyId, y), agencyPeriodCounts(p.tenant, agencyId, y)]);
  const rating = stored?.rating ?? null;
  // Until the annual evaluation exists, the counts are officer-periods of the year so far (said as `basis`).
  const basis = periods.some((p) => p.period === String(y)) ? 'annual' as const : 'periods' as const;
  return { year: y, rating, basis, ...curveStatus(rating, countsOfYear(String(y), periods)) };
}

// Awards (DESIGN §2 Awards and recognition): a region_admin confirms a `kinerja` award on an
// evaluation carrying the AWARD_CANDIDATE recommendation, or gives an `inovasi` award (no candidacy);
// lists as visible; the city's public recognition list names no NIP.
import { findTenant } from '../config/tenants.js';
import { getAgency, getOfficer } from '../data/org-repository.js';
import { dayOf } from '../domain/periods.js';
import { evaluationId, getEvaluation } from '../evaluations/repository.js';
import { readableOfficer } from '../http/access.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.js';
import { decodeCursor, encodeCursor, pageLimit, type PageRequest } from '../http/paging.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';
import { clientHash, enforceRateLimit, type RateRule } from '../http/rate-limit.js';
import { awardId, getAward, pageAwards, parseAwardId, putAward, scopeQuery, type Award, type AwardScope } from './repository.js';
import type { AwardInput } from './schema.js';

/** Reading a city's recognition list: generous for a citizen, too slow to hammer the table. */
export const PUBLIC_AWARDS_RATE: RateRule = { name: 'awards-public', limit: 120, windowSeconds: 600 };

const zoneOf = (tenant: string) => findTenant(tenant)?.timeZone ?? 'Asia/Jakarta';

export async function createAward(p: Principal, input: AwardInput, now = new Date()): Promise<Award> {
  if (!hasRole(p, 'region_admin')) throw Forbidden('Only the BKPSDM (region_admin) gives awards');
  const officer = await getOfficer(p.tenant, input.officerId);
  if (!officer) throw NotFound('Officer');
  const day = dayOf(now, zoneOf(p.tenant));
  let period = input.period ?? day.slice(0, 4);
  let evaluation: string | null = null;
  if (input.kind === 'kinerja') {
    if (!input.period) throw Invalid('A kinerja award names the evaluated period', [{ field: 'period', message: 'Required for kind kinerja' }]);
    period = input.period;
    const e = await getEvaluation(p.tenant, officer.id, period);
    if (!e?.recommendations.some((r) => r.rule === 'AWARD_CANDIDATE')) {
      throw Conflict(`The evaluation of ${period} carries no AWARD_CANDIDATE recommendation for this officer`, [{ field: 'period', message: 'No award candidacy in this period' }]);
    }
    evaluation = evaluationId(officer.id, period);
  }
  const agency = await getAgency(p.tenant, officer.agencyId);
  const award: Award = {
    id: awardId(officer.id, input.kind, period), officerId: officer.id, officerName: officer.name, officerNip: officer.nip, position: officer.position,
    agencyId: officer.agencyId, agencyName: agency?.name ?? officer.agencyId, kind: input.kind, title: input.title, citation: input.citation,
    period, evaluationId: evaluation, day, awardedAt: now.toISOString(), awardedBy: p.officerId ?? p.sub,
  };
  if (!(await putAward(p.tenant, award))) {
    throw Conflict(`This officer already has a ${input.kind} award for ${period}`, [{ field: 'period', message: 'Already awarded' }]);
  }
  return award;
}

/** Whose awards a caller lists: tenant-wide readers any scope, an agency_admin their agency, others their own. */
async function scopeOf(p: Principal, q: { agencyId?: string; officerId?: string }): Promise<AwardScope> {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  if (q.officerId) return { officerId: (await readableOfficer(p, q.officerId)).id };
  if (isTenantWide(p)) {
    if (q.agencyId && !(await getAgency(p.tenant, q.agencyId))) throw NotFound('Agency');
    return q.agencyId ? { agencyId: q.agencyId } : { tenant: p.tenant };
  }
  if (hasRole(p, 'agency_admin') && p.agencyId && (!q.agencyId || q.agencyId === p.agencyId)) return { agencyId: p.agencyId };
  if (q.agencyId) throw Forbidden('Only admins list an agency\'s awards');
  if (!p.officerId) throw Forbidden('No officer profile');
  return { officerId: p.officerId };
}

export async function listAwards(p: Principal, q: PageRequest & { agencyId?: string; officerId?: string }) {
  const { input, partition } = scopeQuery(p.tenant, await scopeOf(p, q));
  const page = await pageAwards(input, { limit: pageLimit(q), startKey: decodeCursor(q.cursor, partition) });
  return { items: page.items, nextCursor: encodeCursor(page.lastKey) };
}

/** An award the caller may see (whoever may read its officer); 404 for an unknown id. */
export async function readableAward(p: Principal, id: string): Promise<Award> {
  const ref = parseAwardId(id);
  if (!ref) throw NotFound('Award');
  await readableOfficer(p, ref.officerId);
  const award = await getAward(p.tenant, ref.officerId, ref.kind, ref.period);
  if (!award) throw NotFound('Award');
  return award;
}

/** The public recognition list of a city and year: name, position, agency, award, date; never a NIP. */
export async function publicAwards(tenant: string, q: PageRequest & { year?: number }, sourceIp: string, now = new Date()) {
  await enforceRateLimit(PUBLIC_AWARDS_RATE, clientHash(sourceIp), now);
  const config = findTenant(tenant);
  if (!config) throw NotFound('City');
  const thisYear = Number(dayOf(now, config.timeZone).slice(0, 4));
  const year = q.year ?? thisYear;
  if (year > thisYear) throw NotFound('Recognition list of that year');
  const { input, partition } = scopeQuery(tenant, { tenant }, `${year}-`);
  const page = await pageAwards(input, { limit: pageLimit(q), startKey: decodeCursor(q.cursor, partition) });
  return {
    tenant, city: config.name, year,
    items: page.items.map((a) => ({ name: a.officerName, position: a.position, agency: a.agencyName, title: a.title, kind: a.kind, citation: a.citation, date: a.day })),
    nextCursor: encodeCursor(page.lastKey),
  };
}

// The officers behind a flag count (the "12 pegawai: MISSING_REPORT" alerts of the city and agency
// pages): a period's evaluations read one page at a time (pageEvaluationsOfPeriod), those carrying the flag answered.
import { getAgency, getOfficers } from '../data/org-repository.js';
import type { FlagCode } from '../domain/types.js';
import { Forbidden, NotFound } from '../domain/errors.js';
import { decodeCursor, encodeCursor, pageLimit, type PageRequest } from '../http/paging.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';
import { evaluationsOfPeriod, finalPredikat, pageEvaluationsOfPeriod } from './repository.js';

export interface FlaggedQuery extends PageRequest { period: string; flag: FlagCode; agencyId?: string }

/** Tenant-wide readers: the tenant or one agency; an agency_admin: their own agency (the default for them). */
async function scopeOf(p: Principal, agencyId: string | undefined): Promise<string | undefined> {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  if (isTenantWide(p)) {
    if (agencyId && !(await getAgency(p.tenant, agencyId))) throw NotFound('Agency');
    return agencyId;
  }
  if (hasRole(p, 'agency_admin') && p.agencyId && (!agencyId || agencyId === p.agencyId)) return p.agencyId;
  throw Forbidden('Only the BKPSDM, leaders and the agency\'s admin see who carries a flag');
}

/**
 * One page of the period's evaluations is read (`limit` of them, in agency then officer order) and the
 * flagged ones answered, so a page may hold fewer items than `limit`: follow `nextCursor` to the end.
 */
export async function listFlagged(p: Principal, q: FlaggedQuery) {
  const agencyId = await scopeOf(p, q.agencyId);
  // A cursor of another agency's list would start outside this one's key range.
  const startKey = decodeCursor(q.cursor, { GSI1PK: evaluationsOfPeriod(p.tenant, q.period) }, agencyId ? { GSI1SK: `AGENCY#${agencyId}#` } : {});
  const page = await pageEvaluationsOfPeriod(p.tenant, q.period, agencyId, { limit: pageLimit(q), startKey });
  const flagged = page.items.filter((e) => e.flags.some((f) => f.code === q.flag));
  const officers = new Map((await getOfficers(p.tenant, flagged.map((e) => e.officerId))).map((o) => [o.id, o]));
  const items = flagged.map((e) => {
    const o = officers.get(e.officerId);
    return {
      evaluationId: e.id, period: e.period, agencyId: e.agencyId, unitId: e.unitId,
      officer: o ? { id: o.id, nip: o.nip, name: o.name, position: o.position } : { id: e.officerId, nip: null, name: null, position: null },
      capaian: e.capaian, predikat: e.predikat, finalPredikat: finalPredikat(e),
      flag: e.flags.find((f) => f.code === q.flag)!, flags: e.flags.map((f) => f.code),
    };
  });
  return { period: q.period, flag: q.flag, agencyId: agencyId ?? null, items, nextCursor: encodeCursor(page.lastKey) };
}

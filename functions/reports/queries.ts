// Report reads: one report, an officer's year, and the caller's review queue (pending `submitted`
// reports of the officers they may review: their supervisor chain, their agency for agency_admin,
// the tenant for region_admin and leaders).
import * as keys from '../data/keys.js';
import { getOfficers, type Officer } from '../data/org-repository.js';
import { getReportWithHistory, pagePendingReports, pageReportsOfYear, parseReportId, reportYearRange } from '../data/report-repository.js';
import { readableOfficer } from '../http/access.js';
import { decodeCursor, encodeCursor, pageLimit, type PageRequest } from '../http/paging.js';
import { Forbidden, NotFound } from '../domain/errors.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';
import { decodeRangeCursor } from '../http/range-cursor.js';
import { publicReport } from './submit.js';

const noNational = (p: Principal) => {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
};

export async function readReport(p: Principal, id: string) {
  noNational(p);
  const ref = parseReportId(id);
  if (!ref) throw NotFound('Report');
  await readableOfficer(p, ref.officerId);
  // The whole history: earlier cycles archived off the item are read back here (one Query, only when there are any).
  const report = await getReportWithHistory(p.tenant, ref.officerId, ref.period);
  if (!report) throw NotFound('Report');
  return publicReport(report);
}

/** A page of an officer's reports of a year (DESIGN §4 Lists), `reports` kept beside `items` for one version. */
export async function officerReports(p: Principal, officerId: string, year: number, page: PageRequest) {
  noNational(p);
  const officer = await readableOfficer(p, officerId);
  const startKey = decodeRangeCursor(page.cursor, keys.officerPartition(p.tenant, officer.id), reportYearRange(year));
  const { items, lastKey } = await pageReportsOfYear(p.tenant, officer.id, year, { limit: pageLimit(page), startKey });
  const reports = items.map(publicReport);
  return { year, items: reports, nextCursor: encodeCursor(lastKey), reports };
}

const brief = (o: Officer) => ({ id: o.id, nip: o.nip, name: o.name, position: o.position, unitId: o.unitId });

/** Pending reports the caller may review, one page at a time (by agency, then month), each with the
 *  officer's name: the tenant's for tenant-wide readers, the agency's for its admin, a supervisor's
 *  whole team (direct and indirect) otherwise. */
export async function reviewQueue(p: Principal, q: PageRequest & { agencyId?: string }) {
  noNational(p);
  const startKey = decodeCursor(q.cursor, { GSI2PK: keys.pendingReports(p.tenant) });
  const limit = pageLimit(q);
  const ownAgency = hasRole(p, 'agency_admin') && p.agencyId && (!q.agencyId || q.agencyId === p.agencyId) ? p.agencyId : undefined;
  const page = isTenantWide(p) ? await pagePendingReports(p.tenant, { agencyId: q.agencyId, limit, startKey })
    : ownAgency ? await pagePendingReports(p.tenant, { agencyId: ownAgency, limit, startKey })
      : p.officerId ? await pagePendingReports(p.tenant, { agencyId: q.agencyId, ancestorId: p.officerId, limit, startKey })
        : { items: [], lastKey: undefined };
  const pending = page.items.filter((r) => r.officerId !== p.officerId);
  const officers = new Map((await getOfficers(p.tenant, [...new Set(pending.map((r) => r.officerId))])).map((o) => [o.id, o]));
  const items = pending.map((r) => ({ ...publicReport(r), officer: officers.has(r.officerId) ? brief(officers.get(r.officerId)!) : null }));
  return { items, reports: items, nextCursor: encodeCursor(page.lastKey) };
}

// Report reads: one report, an officer's year, and the caller's review queue (pending `submitted`
// reports of the officers they may review: their supervisor chain, their agency for agency_admin,
// the tenant for region_admin and leaders).
import { batchGet } from '../data/batch.js';
import { keys } from '../data/keys.js';
import { officerView, type Officer } from '../data/org-repository.js';
import { getReportWithHistory, listPendingReports, pageReportsOfYear, parseReportId, reportYearRange, type Report } from '../data/report-repository.js';
import { readableOfficer, subordinatesInChain } from '../http/access.js';
import { forbidden, notFound } from '../http/errors.js';
import { encodeCursor, pageLimit, type PageRequest } from '../http/paging.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';
import { decodeRangeCursor } from '../http/range-cursor.js';
import { publicReport } from './submit.js';

const noNational = (p: Principal) => {
  if (hasRole(p, 'national')) throw forbidden('National readers see aggregates only');
};

export async function readReport(p: Principal, id: string) {
  noNational(p);
  const ref = parseReportId(id);
  if (!ref) throw notFound('Report');
  await readableOfficer(p, ref.officerId);
  // The whole history: earlier cycles archived off the item are read back here (one Query, only when there are any).
  const report = await getReportWithHistory(p.tenant, ref.officerId, ref.period);
  if (!report) throw notFound('Report');
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

/** Pending reports the caller may review, oldest month first, each with the officer's name. */
export async function reviewQueue(p: Principal, agencyId: string | undefined) {
  noNational(p);
  let pending: Report[];
  let known = new Map<string, Officer>();
  if (isTenantWide(p)) {
    pending = await listPendingReports(p.tenant, agencyId);
  } else {
    const chain = p.officerId ? await subordinatesInChain(p.tenant, p.officerId) : [];
    known = new Map(chain.map((o) => [o.id, o]));
    const wholeAgency = hasRole(p, 'agency_admin') && p.agencyId ? p.agencyId : undefined;
    const agencies = new Set([...chain.map((o) => o.agencyId), ...(wholeAgency ? [wholeAgency] : [])].filter((a) => !agencyId || a === agencyId));
    const lists = await Promise.all([...agencies].map((a) => listPendingReports(p.tenant, a)));
    pending = lists.flat().filter((r) => r.agencyId === wholeAgency || known.has(r.officerId));
  }
  pending = pending.filter((r) => r.officerId !== p.officerId).sort((a, b) => a.period.localeCompare(b.period) || a.submittedAt.localeCompare(b.submittedAt));
  const missing = [...new Set(pending.map((r) => r.officerId).filter((id) => !known.has(id)))];
  const loaded = await batchGet(missing.map((id) => keys.officer(p.tenant, id)));
  for (const o of loaded.map(officerView)) known.set(o.id, o);
  return pending.map((r) => ({ ...publicReport(r), officer: known.has(r.officerId) ? brief(known.get(r.officerId)!) : null }));
}

// Report reads: one report, an officer's year, and the caller's review queue (pending `submitted`
// reports of the officers they may review: their supervisor chain, their agency for agency_admin,
// the tenant for region_admin and leaders).
import { batchGet } from '../data/batch.js';
import { keys } from '../data/keys.js';
import { officerView, type Officer } from '../data/org-repository.js';
import { getReport, listPendingReports, listReportsOfYear, parseReportId, type Report } from '../data/report-repository.js';
import { readableOfficer, subordinatesInChain } from '../http/access.js';
import { forbidden, notFound } from '../http/errors.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';
import { publicReport } from './submit.js';

const noNational = (p: Principal) => {
  if (hasRole(p, 'national')) throw forbidden('National readers see aggregates only');
};

export async function readReport(p: Principal, id: string) {
  noNational(p);
  const ref = parseReportId(id);
  if (!ref) throw notFound('Report');
  await readableOfficer(p, ref.officerId);
  const report = await getReport(p.tenant, ref.officerId, ref.period);
  if (!report) throw notFound('Report');
  return publicReport(report);
}

export async function officerReports(p: Principal, officerId: string, year: number) {
  noNational(p);
  await readableOfficer(p, officerId);
  return (await listReportsOfYear(p.tenant, officerId, year)).map(publicReport);
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

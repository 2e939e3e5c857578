// DESIGN §2 Officer status: the expected reporters of each agency × month (the compliance
// denominator), recounted from the officers' own status records whenever they can change — after an
// import, after a status change or move, by the daily pass (month rollover) — never only by the seed.
import { findTenant } from '../config/tenants.js';
import { getTenantOrg, listOfficersOfAgency, setOfficerStatus } from '../data/org-repository.js';
import { expectedOfficersOfMonth, setExpectedOfficers } from '../data/rollup-repository.js';
import { isExpectedToReport, statusOn } from '../domain/officer-status.js';
import { addMonths, dayOf, monthOf } from '../domain/periods.js';

/** At most this many months back are recounted after a backdated change. */
export const RECOUNT_MONTHS_MAX = 24;

/** The months from `fromMonth` to the current one (bounded), oldest first. */
export function monthsSince(fromMonth: string, now: Date, timeZone: string): string[] {
  const current = monthOf(now, timeZone);
  const out: string[] = [];
  for (let m = current; m >= fromMonth && out.length < RECOUNT_MONTHS_MAX; m = addMonths(m, -1)) out.unshift(m);
  return out.length ? out : [current];
}

export async function recountExpected(tenant: string, opts: { now?: Date; agencyIds?: readonly string[]; months?: readonly string[] } = {}): Promise<Record<string, Record<string, number>>> {
  const asOf = new Date().toISOString(); // before the reads: a recount that read later wins
  const now = opts.now ?? new Date();
  const timeZone = findTenant(tenant)?.timeZone ?? 'Asia/Jakarta';
  const months = opts.months?.length ? [...opts.months] : [monthOf(now, timeZone)];
  const today = dayOf(now, timeZone);
  const all = (await getTenantOrg(tenant)).agencies.map((a) => a.id);
  const wanted = new Set(opts.agencyIds ?? all);
  // The tenant total sums every agency's count: an agency never counted for a month is counted now.
  if (opts.agencyIds) {
    for (const month of months) {
      const counted = await expectedOfficersOfMonth(tenant, month);
      for (const id of all) if (!counted.has(id)) wanted.add(id);
    }
  }
  const counts: Record<string, Record<string, number>> = {};
  for (const agencyId of wanted) {
    const officers = await listOfficersOfAgency(tenant, agencyId);
    // A status change effective today (recorded earlier) becomes the officer's listed status.
    await Promise.all(officers.filter((o) => statusOn(o.statuses, today) !== (o.status ?? 'aktif'))
      .map((o) => setOfficerStatus(tenant, o.id, statusOn(o.statuses, today))));
    counts[agencyId] = {};
    for (const month of months) {
      const n = officers.filter((o) => isExpectedToReport(o.statuses, month)).length;
      counts[agencyId][month] = n;
      await setExpectedOfficers(tenant, agencyId, month, n, asOf);
    }
  }
  for (const month of months) {
    const total = [...(await expectedOfficersOfMonth(tenant, month)).values()].reduce((a, b) => a + b, 0);
    await setExpectedOfficers(tenant, null, month, total, asOf);
  }
  return counts;
}

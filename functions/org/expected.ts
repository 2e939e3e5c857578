// DESIGN §2 Officer status: the expected reporters of each agency × month (the compliance
// denominator), recounted from the officers' own status records whenever they can change — after an
// import, after a status change or move, by the daily pass (month rollover) — never only by the seed.
import { findTenant } from '../config/tenants.js';
import { inParallel } from '../data/batch.js';
import { getTenantOrg, listOfficersOfAgency, setOfficerStatus, type Officer } from '../data/org-repository.js';
import { expectedOfficersOfMonths, setExpectedOfficers } from '../data/rollup-repository.js';
import { isExpectedToReport, statusOn } from '../domain/officer-status.js';
import { addMonths, dayOf, monthOf } from '../domain/periods.js';

/** At most this many months back are recounted after a backdated change. */
export const RECOUNT_MONTHS_MAX = 24;
const WRITE_CONCURRENCY = 16;

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
  const months = opts.months?.length ? [...opts.months].sort() : [monthOf(now, timeZone)];
  const today = dayOf(now, timeZone);
  const all = (await getTenantOrg(tenant)).agencies.map((a) => a.id);
  // What is stored for the months (one Query): the tenant total sums every agency, so an agency never
  // counted for one of these months is counted now too.
  const stored = await expectedOfficersOfMonths(tenant, months[0]!, months.at(-1)!);
  const wanted = new Set(opts.agencyIds ?? all);
  for (const id of all) if (months.some((m) => !stored.get(m)?.has(id))) wanted.add(id);

  const counts: Record<string, Record<string, number>> = {};
  const listed = new Map<string, Officer[]>();
  await inParallel([...wanted], 4, async (agencyId) => { listed.set(agencyId, await listOfficersOfAgency(tenant, agencyId)); });
  const writes: (() => Promise<void>)[] = [];
  for (const [agencyId, officers] of listed) {
    // A status change effective today (recorded earlier) becomes the officer's listed status.
    for (const o of officers) {
      const current = statusOn(o.statuses, today);
      if (current !== (o.status ?? 'aktif')) writes.push(() => setOfficerStatus(tenant, o.id, current));
    }
    counts[agencyId] = {};
    for (const month of months) {
      const n = officers.filter((o) => isExpectedToReport(o.statuses, month)).length;
      counts[agencyId][month] = n;
      writes.push(() => setExpectedOfficers(tenant, agencyId, month, n, asOf));
    }
  }
  for (const month of months) {
    const byAgency = new Map(stored.get(month) ?? []);
    for (const [agencyId, c] of Object.entries(counts)) byAgency.set(agencyId, c[month]!);
    const total = [...byAgency].filter(([id]) => all.includes(id)).reduce((sum, [, n]) => sum + n, 0);
    writes.push(() => setExpectedOfficers(tenant, null, month, total, asOf));
  }
  await inParallel(writes, WRITE_CONCURRENCY, (w) => w());
  return counts;
}

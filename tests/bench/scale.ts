// Synthesises "10× the data" for the dashboard-read check: 10× the officers of a tenant (profiles,
// and rollup counts and sums ×10 as if they all reported) and 10× the history (nine more copies of
// every month's rollups and of one officer's scores and reports, in months before the seeded ones).
import { batchPut, queryAll } from '../../functions/data/batch.js';
import * as keys from '../../functions/data/keys.js';
import { getTenantOrg, listOfficersOfAgency, officerItem } from '../../functions/data/org-repository.js';
import { scoreItem } from '../../functions/data/score-repository.js';
import { addMonths, isMonthPeriod } from '../../functions/domain/periods.js';

type Item = Record<string, unknown>;
const HISTORY_COPIES = 9;
const SEEDED_MONTHS = 25;

const periodOf = (i: Item) => (typeof i.period === 'string' ? i.period : String(i.SK).split('#')[1]!);

/** The same item in another month: the period in its sort keys and attribute replaced. */
function shifted(item: Item, months: number, prefix: string): Item {
  const from = periodOf(item);
  const to = addMonths(from, months);
  const swap = (v: unknown) => (typeof v === 'string' ? v.replace(`${prefix}${from}`, `${prefix}${to}`) : v);
  const { GSI2PK: _a, GSI2SK: _b, ...rest } = item; // history never enters the review queue
  return { ...rest, SK: swap(item.SK), ...(item.GSI1SK ? { GSI1SK: swap(item.GSI1SK) } : {}), ...(typeof item.period === 'string' ? { period: to } : {}) };
}

const IDENTITY = new Set(['expiresAt', 'version']);
const times10 = (item: Item): Item =>
  Object.fromEntries(Object.entries(item).map(([k, v]) => [k, typeof v === 'number' && !IDENTITY.has(k) ? v * 10 : v]));

export async function scaleTenFold(tenant: string, officerId: string, log: (l: string) => void): Promise<Record<string, number>> {
  const now = new Date().toISOString();
  const officers: Item[] = [];
  const rowItems: Item[] = [];
  const { agencies } = await getTenantOrg(tenant);
  const recent = recentPeriods(now);
  for (const a of agencies) {
    for (const o of await listOfficersOfAgency(tenant, a.id)) {
      const row = await teamRowOf(tenant, o.id, recent);
      for (let k = 1; k < 10; k++) {
        const id = `${o.id}x${k}`;
        const copy = officerItem(tenant, { ...o, id, supervisorId: o.supervisorId ? `${o.supervisorId}x${k}` : null }, now);
        // Behind every original in the agency's list (as the lists' own copies go behind page 1), so a first
        // page holds the same officers at 1× and 10× and any difference is the route reading more.
        officers.push({ ...copy, GSI1SK: `~${copy.GSI1SK as string}` });
        rowItems.push(...row.map((i) => asCopy(i, tenant, id)));
      }
    }
  }
  const partitions = [keys.tenantRollup(tenant, '').PK, keys.agencyRollup(tenant, '-', '').PK, keys.unitRollup(tenant, '-', '').PK, keys.nationalRollup('-', '').PK];
  const rollups: Item[] = [];
  for (const pk of partitions) rollups.push(...(await queryAll<Item>({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } })));
  const scaled = rollups.map(times10);
  // Month items only: quarter and year rollups (evaluations) are not points of a monthly chart.
  const history = scaled.filter((i) => isMonthPeriod(periodOf(i))).flatMap((i) => Array.from({ length: HISTORY_COPIES }, (_, j) => shifted(i, -SEEDED_MONTHS * (j + 1), 'PERIOD#')));
  const own = await queryAll<Item>({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId) } });
  const officerHistory = own
    .filter((i) => /^(SCORE|REPORT)#\d{4}-\d{2}$/.test(String(i.SK)))
    .flatMap((i) => Array.from({ length: HISTORY_COPIES }, (_, j) => shifted(i, -SEEDED_MONTHS * (j + 1), String(i.SK).split('#')[0] + '#')));
  const all = [...officers, ...rowItems, ...scaled, ...history, ...officerHistory];
  log(`10× data: ${officers.length} officers (with ${rowItems.length} items a team row reads), ${scaled.length} rollups ×10, ${history.length} earlier rollup months, ${officerHistory.length} earlier score/report items`);
  await batchPut(all, { concurrency: 8 });
  return { officersAdded: officers.length, officerRowItemsAdded: rowItems.length, rollupsScaled: scaled.length, rollupHistoryAdded: history.length, officerHistoryAdded: officerHistory.length };
}

/** The months and years a team row may read now (its report, the two latest evaluations, the year's JP,
 *  the running month's progress), generously: the last 13 months, and this and last year. */
function recentPeriods(now: string): Set<string> {
  const month = now.slice(0, 7);
  const months = Array.from({ length: 14 }, (_, i) => addMonths(month, 1 - i));
  const years = [Number(month.slice(0, 4)) - 1, Number(month.slice(0, 4))].map(String);
  const quarters = months.map((m) => `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5, 7)) / 3)}`);
  return new Set([...months, ...years, ...quarters]);
}

/** An officer's items a team row reads (functions/team/repository.ts), in the recent periods. */
async function teamRowOf(tenant: string, officerId: string, recent: Set<string>): Promise<Item[]> {
  const own = await queryAll<Item>({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId) } });
  return own.filter((i) => {
    const [kind, period] = String(i.SK).split('#');
    if (kind === 'FEEDBACKLAST') return true;
    return ['REPORT', 'EVAL', 'TRAININGYEAR', 'PROGRESS'].includes(kind!) && recent.has(period!);
  });
}

/** The item as the copy officer's: its partition and officerId, and out of every index (a team row
 *  reads it by key; the lists and charts that read the indexes are scaled on their own). */
function asCopy(item: Item, tenant: string, officerId: string): Item {
  const { GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, ...rest } = item;
  return { ...rest, PK: keys.officerPartition(tenant, officerId), officerId };
}

// --- synthetic tenants of any size (the evaluation bench: 1,000 → 100,000 officers in one tenant) ---

export const OFFICERS_PER_AGENCY = 250;
export const OFFICERS_PER_UNIT = 50;
const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG'] as const;

/** The items of a synthetic tenant in chunks (never the whole tenant in memory): one agency per
 *  OFFICERS_PER_AGENCY officers, one unit per OFFICERS_PER_UNIT with a month of IKM sums, and a score in
 *  the evaluated month for 90% of the officers (the rest are MISSING_REPORT). */
export function* syntheticTenantItems(id: string, officers: number, period: string, chunk = 5_000): Generator<Item[]> {
  const now = new Date().toISOString();
  let items: Item[] = [];
  const agencies = Math.max(1, Math.ceil(officers / OFFICERS_PER_AGENCY));
  for (let a = 0; a < agencies; a++) items.push({ ...keys.agency(id, `opd${a}`), type: 'agency', id: `opd${a}`, name: `Dinas ${a}`, shortName: `D${a}`, kind: 'umum' });
  const units = Math.ceil(officers / OFFICERS_PER_UNIT);
  for (let u = 0; u < units; u++) {
    const agencyId = `opd${u % agencies}`;
    items.push({ ...keys.unit(id, `unit${u}`), type: 'unit', id: `unit${u}`, agencyId, name: `Loket ${u}`, kind: 'loket' });
    items.push({ ...keys.unitRollup(id, `unit${u}`, period), type: 'unitRollup', tenant: id, unitId: `unit${u}`, agencyId, period, GSI1PK: keys.unitRollupSeries(id, `unit${u}`), GSI1SK: keys.periodSort(period), ikmRespondents: 40, ...Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`ikm_u${k + 1}`, 120 + ((u + k) % 30)])) });
  }
  for (let i = 0; i < officers; i++) {
    if (items.length >= chunk) { yield items; items = []; }
    const officerId = `ofc_${id}_${String(i).padStart(6, '0')}`;
    const agencyId = `opd${i % agencies}`;
    const unitId = i % 3 === 0 ? `unit${(i * 7) % units}` : null;
    items.push(officerItem(id, { id: officerId, nip: `19800101200501${String(1000 + (i % 9000)).padStart(4, '0')}`, name: `Pegawai ${i}`, position: 'Pelaksana', grade: 'III/a', agencyId, unitId, supervisorId: null }, now));
    if (i % 10 === 9) continue; // 10% did not report: MISSING_REPORT
    const predikat = PREDIKATS[i % PREDIKATS.length]!;
    items.push(scoreItem({
      tenant: id, officerId, agencyId, unitId, period, capaian: 80 + (i % 40), hasilKerjaSuggested: 'SESUAI', hasilKerja: 'SESUAI', hasilKerjaOverridden: false,
      perilaku: 'SESUAI', predikat, reportId: `${officerId}.${period}`, scoredAt: now, scoredVersion: 2,
    } as Parameters<typeof scoreItem>[0]));
  }
  if (items.length) yield items;
}

/** Writes a synthetic tenant with batchPut (16 BatchWrites in flight), logging progress every ~10 s. */
export async function writeSyntheticTenant(id: string, officers: number, period: string, log: (l: string) => void): Promise<{ items: number; seconds: number }> {
  const started = performance.now();
  let written = 0, lastLog = started;
  for (const chunk of syntheticTenantItems(id, officers, period)) {
    await batchPut(chunk, { concurrency: 16 });
    written += chunk.length;
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      const s = (lastLog - started) / 1000;
      log(`${id}: ${written.toLocaleString('en')} items written (${Math.round(written / s)}/s)`);
    }
  }
  return { items: written, seconds: (performance.now() - started) / 1000 };
}

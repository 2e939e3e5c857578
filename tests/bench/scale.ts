// Synthesises "10× the data" for the dashboard-read check: 10× the officers of a tenant (profiles,
// and rollup counts and sums ×10 as if they all reported) and 10× the history (nine more copies of
// every month's rollups and of one officer's scores and reports, in months before the seeded ones).
import { batchPut, queryAll } from '../../functions/data/batch.js';
import { keys } from '../../functions/data/keys.js';
import { getTenantOrg, listOfficersOfAgency, officerItem } from '../../functions/data/org-repository.js';
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
  const { agencies } = await getTenantOrg(tenant);
  for (const a of agencies) {
    for (const o of await listOfficersOfAgency(tenant, a.id)) {
      for (let k = 1; k < 10; k++) officers.push(officerItem(tenant, { ...o, id: `${o.id}x${k}`, supervisorId: o.supervisorId ? `${o.supervisorId}x${k}` : null }, now));
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
  const all = [...officers, ...scaled, ...history, ...officerHistory];
  log(`10× data: ${officers.length} officers, ${scaled.length} rollups ×10, ${history.length} earlier rollup months, ${officerHistory.length} earlier score/report items`);
  await batchPut(all, { concurrency: 8 });
  return { officersAdded: officers.length, rollupsScaled: scaled.length, rollupHistoryAdded: history.length, officerHistoryAdded: officerHistory.length };
}

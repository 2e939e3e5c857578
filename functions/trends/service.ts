// Trend charts: each call is ONE Query over pre-aggregated rollup items (DESIGN §3), never a Scan.
import { queryAll } from '../data/batch.js';
import * as keys from '../data/keys.js';
import { GSI1 } from '../data/table.js';
import { findTenant, tenants } from '../config/tenants.js';
import { addMonths, monthOf } from '../domain/periods.js';
import { readableOfficer } from '../http/access.js';
import { Forbidden, Invalid } from '../domain/errors.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';
import { groupSeries, rollupPoint, scorePoint, sumByPeriod, toSeries, type TrendPoint } from './series.js';

export type TrendScope = 'tenant' | 'agency' | 'agencies' | 'officer' | 'national';
export interface TrendQuery { scope: TrendScope; id?: string; from?: string; to?: string }

export interface TrendResult {
  scope: TrendScope;
  id: string | null;
  from: string;
  to: string;
  series: TrendPoint[];
  /** scope=agencies: one series per agency; scope=national: one per tenant. */
  groups?: { id: string; name?: string; series: TrendPoint[] }[];
}

const MAX_MONTHS = 60;

function range(q: TrendQuery, timeZone: string, now: Date): { from: string; to: string } {
  const to = q.to ?? monthOf(now, timeZone);
  const from = q.from ?? addMonths(to, -11);
  if (from > to) throw Invalid('from is after to', [{ field: 'from', message: 'Must not be after to' }]);
  if (addMonths(from, MAX_MONTHS - 1) < to) throw Invalid(`At most ${MAX_MONTHS} months per chart`, [{ field: 'from', message: `Range exceeds ${MAX_MONTHS} months` }]);
  return { from, to };
}

/** SK bounds covering every item of the months from..to (`PERIOD#YYYY-MM` with or without a suffix). */
const skBetween = (from: string, to: string) => ({ ':from': keys.periodSort(from), ':to': `${keys.periodSort(to)}#~` });

const requireId = (q: TrendQuery): string => {
  if (!q.id) throw Invalid(`scope=${q.scope} needs an id`, [{ field: 'id', message: 'Required for this scope' }]);
  return q.id;
};

export async function trends(p: Principal, q: TrendQuery, now = new Date()): Promise<TrendResult> {
  if (q.scope === 'national') return national(p, q, now);
  if (hasRole(p, 'national') && !p.officerId) throw Forbidden('National readers see the national scope only');
  const tz = findTenant(p.tenant)?.timeZone ?? 'Asia/Jakarta';
  const { from, to } = range(q, tz, now);
  const base = { scope: q.scope, from, to };

  if (q.scope === 'tenant' || q.scope === 'agencies') {
    if (!isTenantWide(p)) throw Forbidden('Tenant-wide trends are for leaders and the BKPSDM');
    const pk = q.scope === 'tenant' ? keys.tenantRollup(p.tenant, from).PK : keys.agencyRollup(p.tenant, '-', from).PK;
    const items = await queryAll<Record<string, unknown>>({
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk, ...skBetween(from, to) },
    });
    if (q.scope === 'tenant') return { ...base, id: p.tenant, series: toSeries(items, rollupPoint) };
    return { ...base, id: p.tenant, series: [], groups: groupSeries(items, 'agencyId') };
  }

  if (q.scope === 'agency') {
    const agencyId = requireId(q);
    if (!isTenantWide(p) && !(hasRole(p, 'agency_admin') && p.agencyId === agencyId)) throw Forbidden('Agency trends are for its admin, leaders and the BKPSDM');
    const items = await queryAll<Record<string, unknown>>({
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.agencyRollupSeries(p.tenant, agencyId), ...skBetween(from, to) },
    });
    return { ...base, id: agencyId, series: toSeries(items, rollupPoint) };
  }

  // officer: the score items of the officer's own partition
  const officer = await readableOfficer(p, requireId(q));
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.officerPartition(p.tenant, officer.id), ':from': `SCORE#${from}`, ':to': `SCORE#${to}` },
  });
  return { ...base, id: officer.id, series: toSeries(items, scorePoint) };
}

/** All tenants side by side, tenant-level figures only (no officer appears). */
async function national(p: Principal, q: TrendQuery, now: Date): Promise<TrendResult> {
  if (!hasRole(p, 'national')) throw Forbidden('The national scope is for national readers');
  const { from, to } = range(q, 'Asia/Jakarta', now);
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.nationalRollup('-', from).PK, ...skBetween(from, to) },
  });
  const names = new Map(tenants().map((t) => [t.id, t.name]));
  const groups = groupSeries(items, 'tenant').map((g) => ({ ...g, name: names.get(g.id) }));
  return { scope: 'national', id: null, from, to, series: toSeries(sumByPeriod(items), rollupPoint), groups };
}

// Rollup items → the chart points the dashboard draws. Pure: the same mapping for every scope.
import { ikmFromSums } from '../domain/ikm.js';
import { round2 } from '../domain/numbers.js';
import { isMonthPeriod } from '../domain/periods.js';
import { FLAGS, PREDIKATS, type FlagCode, type Predikat } from '../domain/types.js';
import { sumsFromRollup } from '../surveys/aggregate.js';

export interface TrendPoint {
  period: string;
  avgCapaian: number | null;
  predikat: Record<Predikat, number>;
  /** Officers who submitted a report for the month / officers expected to report. */
  reportCompliance: number | null;
  /** Officers expected to report the month (aktif on its last day, DESIGN §2 Officer status). */
  officersExpected: number;
  reportsSubmitted: number;
  reportsApproved: number;
  ikm: number | null;
  respondents: number;
  trainingJp: number;
  /** Officers evaluated by the month's evaluation run, and how many carry each flag. */
  evaluated: number;
  flags: Record<FlagCode, number>;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v ?? 0) || 0);

/** `PERIOD#2025-10` or `PERIOD#2025-10#AGENCY#x` → `2025-10`. */
export const periodOfItem = (item: Record<string, unknown>): string =>
  typeof item.period === 'string' ? item.period : String(item.SK ?? '').split('#')[1] ?? '';

export function rollupPoint(item: Record<string, unknown>): TrendPoint {
  const scored = num(item.scored);
  const officers = num(item.officers);
  const ikm = ikmFromSums(sumsFromRollup(item));
  return {
    period: periodOfItem(item),
    avgCapaian: scored > 0 ? round2(num(item.capaianSum) / scored) : null,
    predikat: Object.fromEntries(PREDIKATS.map((p) => [p, num(item[`predikat_${p}`])])) as Record<Predikat, number>,
    reportCompliance: officers > 0 ? round2(Math.min(1, num(item.submitted) / officers)) : null,
    officersExpected: officers,
    reportsSubmitted: num(item.submitted),
    reportsApproved: num(item.approved),
    ikm: ikm?.ikm ?? null,
    respondents: ikm?.respondents ?? 0,
    trainingJp: round2(num(item.trainingJp)),
    evaluated: num(item.eval_evaluated),
    flags: Object.fromEntries(FLAGS.map((f) => [f, num(item[`flag_${f}`])])) as Record<FlagCode, number>,
  };
}

/** An officer's month from their score item: the same shape, counts of one. */
export function scorePoint(item: Record<string, unknown>): TrendPoint {
  const predikat = Object.fromEntries(PREDIKATS.map((p) => [p, item.predikat === p ? 1 : 0])) as Record<Predikat, number>;
  return {
    period: String(item.period),
    avgCapaian: typeof item.capaian === 'number' ? item.capaian : null,
    predikat,
    reportCompliance: 1,
    officersExpected: 1,
    reportsSubmitted: 1,
    reportsApproved: 1,
    ikm: null,
    respondents: 0,
    trainingJp: 0,
    evaluated: 0,
    flags: Object.fromEntries(FLAGS.map((f) => [f, 0])) as Record<FlagCode, number>,
  };
}

/** Month items only (quarter and year items, if any, are not points of a monthly chart), oldest first. */
export function toSeries(items: readonly Record<string, unknown>[], point: (i: Record<string, unknown>) => TrendPoint): TrendPoint[] {
  return items.filter((i) => isMonthPeriod(periodOfItem(i))).map(point).sort((a, b) => a.period.localeCompare(b.period));
}

/** Items grouped by an attribute (agencyId, tenant), each group a series. */
export function groupSeries(items: readonly Record<string, unknown>[], by: string): { id: string; series: TrendPoint[] }[] {
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const item of items) {
    const id = String(item[by] ?? '');
    groups.set(id, [...(groups.get(id) ?? []), item]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, list]) => ({ id, series: toSeries(list, rollupPoint) }));
}

/** Items of the same month added attribute by attribute (national total across tenants). */
export function sumByPeriod(items: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const byPeriod = new Map<string, Record<string, number | string>>();
  for (const item of items) {
    const period = periodOfItem(item);
    const acc = byPeriod.get(period) ?? { period };
    for (const [k, v] of Object.entries(item)) if (typeof v === 'number') acc[k] = num(acc[k]) + v;
    byPeriod.set(period, acc);
  }
  return [...byPeriod.values()];
}

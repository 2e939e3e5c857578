// Chart data, options and table rows built from the same numbers, so chart, table and CSV agree.
import type { ChartData, ChartOptions } from 'chart.js';
import type { Cell } from './csv.js';
import { monthLabel, num, t } from './i18n.svelte.js';
import { BRAND, PREDIKAT_COLOR, PREDIKATS, seriesColor } from './palette.js';
import type { NamedSeries, TrendPoint } from './trends.js';
import { ikmGrade, periodRange } from './domain.js';

export interface Built { data: ChartData; columns: string[]; rows: Cell[][] }
const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export function lineOptions(opts: { min?: number; max?: number; suffix?: string; legend?: boolean } = {}): ChartOptions {
  return {
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { display: opts.legend ?? true, position: 'bottom', labels: { boxWidth: 12, usePointStyle: true } },
      tooltip: { callbacks: { label: (c: any) => `${c.dataset.label}: ${num(c.parsed.y, 2)}${opts.suffix ?? ''}` } },
    },
    scales: {
      y: { min: opts.min, max: opts.max, grid: { color: '#eef1f4' }, ticks: { callback: (v: any) => `${num(Number(v), Number.isInteger(Number(v)) ? 0 : 1)}${opts.suffix ?? ''}` } },
      x: { grid: { display: false } },
    },
    spanGaps: true,
  } as ChartOptions;
}

export const stackedOptions: ChartOptions = {
  interaction: { mode: 'index', intersect: false },
  plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
  scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, max: 100, ticks: { callback: (v: any) => `${v}%` }, grid: { color: '#eef1f4' } } },
} as ChartOptions;

/** Periods with any data, within [from, to]: the x axis. */
export function periodsOf(from: string, to: string, series: TrendPoint[][]): string[] {
  const has = new Set(series.flat().filter((p) => p.avgCapaian !== null || p.ikm !== null || p.respondents > 0).map((p) => p.period));
  return periodRange(from, to).filter((p) => has.has(p));
}

export function lineByGroup(groups: NamedSeries[], periods: string[], pick: (p: TrendPoint) => number | null): Built {
  const value = (g: NamedSeries, period: string) => r2(pick(g.series.find((p) => p.period === period) ?? ({} as TrendPoint)) ?? null);
  return {
    data: {
      labels: periods.map((p) => monthLabel(p)),
      datasets: groups.map((g, i) => ({ label: g.name, data: periods.map((p) => value(g, p)), borderColor: seriesColor(i), backgroundColor: seriesColor(i), borderWidth: 2, pointRadius: 2, tension: 0.25 })),
    },
    columns: [t('col.period'), ...groups.map((g) => g.name)],
    rows: periods.map((p) => [p, ...groups.map((g) => value(g, p))]),
  };
}

export function singleLine(series: TrendPoint[], periods: string[], label: string, pick: (p: TrendPoint) => number | null, color = BRAND): Built {
  const built = lineByGroup([{ id: 'x', name: label, series }], periods, pick);
  Object.assign(built.data.datasets[0], { borderColor: color, backgroundColor: color + '22', fill: true, borderWidth: 2.5, pointRadius: 3 });
  return built;
}

/** Share of each predikat per period, in percent of the officers rated that period. */
export function predikatStack(series: TrendPoint[], periods: string[]): Built {
  const pts = periods.map((p) => series.find((s) => s.period === p));
  const total = (p?: TrendPoint) => (p ? PREDIKATS.reduce((a, k) => a + p.predikat[k], 0) : 0);
  const share = (p: TrendPoint | undefined, k: (typeof PREDIKATS)[number]) => (p && total(p) ? r2((p.predikat[k] / total(p)) * 100) : null);
  return {
    data: {
      labels: periods.map((p) => monthLabel(p)),
      datasets: PREDIKATS.map((k) => ({ label: t(`predikat.${k}` as any), data: pts.map((p) => share(p, k)), backgroundColor: PREDIKAT_COLOR[k], borderWidth: 0, barPercentage: 0.85 })),
    },
    columns: [t('col.period'), ...PREDIKATS.map((k) => `${t(`predikat.${k}` as any)} (n)`), t('col.officers')],
    rows: periods.map((p, i) => [p, ...PREDIKATS.map((k) => pts[i]?.predikat[k] ?? 0), total(pts[i])]),
  };
}

export function ikmTable(groups: NamedSeries[], periods: string[]): Built {
  const built = lineByGroup(groups, periods, (p) => p.ikm);
  const single = groups.length === 1;
  if (single) {
    const g = groups[0];
    built.columns = [t('col.period'), t('col.ikm'), 'Mutu', t('col.respondents')];
    built.rows = periods.map((p) => { const s = g.series.find((x) => x.period === p); return [p, r2(s?.ikm ?? null), s?.ikm ? ikmGrade(s.ikm) : null, s?.respondents ?? 0]; });
    built.data.datasets[0] = { ...built.data.datasets[0], borderColor: BRAND, backgroundColor: BRAND, borderWidth: 2.5 } as any;
  }
  return built;
}

export const ikmOptions = (): ChartOptions => lineOptions({ min: 50, max: 100 });

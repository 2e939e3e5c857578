import type { OrgRating, Predikat } from './types.js';
import { PREDIKATS } from './types.js';
import { isMonthPeriod, isQuarterPeriod, monthsOf } from './periods.js';

export interface CurveBreach {
  /** Stable code, e.g. ISTIMEWA_MAX_70_SANGAT_BAIK. */
  rule: string;
  message: string;
  expected: string;
  actual: string;
}

export interface CurveCheck {
  ok: boolean;
  breaches: CurveBreach[];
}

type Bound = 'max' | 'min';

interface CurveRule {
  rule: string;
  bound: Bound;
  predikats: readonly Predikat[];
  /** Percent of officers evaluated; a `min` of 0 with `atLeastOne` means "at least one officer". */
  percent: number;
  atLeastOne?: boolean;
}

const rule = (code: string, bound: Bound, percent: number, ...predikats: Predikat[]): CurveRule => ({
  rule: code,
  bound,
  percent,
  predikats,
});

/** The five curves of PermenPANRB 6/2022 as listed in DESIGN §2. */
export const DISTRIBUTION_CURVES: Readonly<Record<OrgRating, readonly CurveRule[]>> = Object.freeze({
  ISTIMEWA: [rule('ISTIMEWA_MAX_70_SANGAT_BAIK', 'max', 70, 'SANGAT_BAIK')],
  BAIK: [
    rule('BAIK_MAX_70_BAIK', 'max', 70, 'BAIK'),
    { ...rule('BAIK_MIN_1_BUTUH_PERBAIKAN_OR_KURANG', 'min', 0, 'BUTUH_PERBAIKAN', 'KURANG'), atLeastOne: true },
  ],
  BUTUH_PERBAIKAN: [
    rule('BUTUH_PERBAIKAN_MIN_60_BUTUH_PERBAIKAN', 'min', 60, 'BUTUH_PERBAIKAN'),
    rule('BUTUH_PERBAIKAN_MAX_10_SANGAT_BAIK', 'max', 10, 'SANGAT_BAIK'),
  ],
  KURANG: [
    rule('KURANG_MIN_60_KURANG', 'min', 60, 'KURANG'),
    rule('KURANG_MIN_10_BUTUH_PERBAIKAN', 'min', 10, 'BUTUH_PERBAIKAN'),
    rule('KURANG_MAX_10_SANGAT_BAIK', 'max', 10, 'SANGAT_BAIK'),
  ],
  SANGAT_KURANG: [
    rule('SANGAT_KURANG_MIN_60_SANGAT_KURANG', 'min', 60, 'SANGAT_KURANG'),
    rule('SANGAT_KURANG_MIN_10_KURANG_OR_BUTUH_PERBAIKAN', 'min', 10, 'KURANG', 'BUTUH_PERBAIKAN'),
    rule('SANGAT_KURANG_MAX_0_SANGAT_BAIK', 'max', 0, 'SANGAT_BAIK'),
  ],
});

const percentText = (count: number, total: number): string =>
  `${((count / total) * 100).toFixed(2)}% (${count} of ${total})`;

// PermenPANRB 6/2022, kurva distribusi: where an agency's predikat counts break its organisational rating's curve
export function checkDistributionCurve(orgRating: OrgRating, counts: Record<Predikat, number>): CurveCheck {
  const total = PREDIKATS.reduce((sum, p) => sum + (counts[p] ?? 0), 0);
  if (total === 0) return { ok: true, breaches: [] };

  const breaches: CurveBreach[] = [];
  for (const r of DISTRIBUTION_CURVES[orgRating]) {
    const count = r.predikats.reduce((sum, p) => sum + (counts[p] ?? 0), 0);
    const names = r.predikats.join(' or ');
    // Compare count × 100 with percent × total: integers, so no rounding at the boundary.
    if (r.atLeastOne) {
      if (count >= 1) continue;
      breaches.push({
        rule: r.rule,
        message: `Curve ${orgRating} needs at least one officer rated ${names}`,
        expected: 'at least 1',
        actual: percentText(count, total),
      });
    } else if (r.bound === 'max' ? count * 100 > r.percent * total : count * 100 < r.percent * total) {
      const expected = r.bound === 'max' ? (r.percent === 0 ? 'none' : `at most ${r.percent}%`) : `at least ${r.percent}%`;
      breaches.push({
        rule: r.rule,
        message: `Curve ${orgRating}: ${names} should be ${expected} of officers evaluated`,
        expected,
        actual: percentText(count, total),
      });
    }
  }
  return { ok: breaches.length === 0, breaches };
}

export interface CurveStatus {
  status: 'pass' | 'breach' | 'unchecked';
  counts: Record<Predikat, number>;
  /** Share of each final predikat among the evaluated, 0–1 with four decimals (0 when none). */
  shares: Record<Predikat, number>;
  rules: { rule: string; ok: boolean }[];
}

// PermenPANRB 6/2022, kurva distribusi: each rule of the agency's curve with pass/fail; without a rating
// or a final predikat there is nothing to hold the agency to (never a rating assumed)
export function curveStatus(orgRating: OrgRating | null, counts: Partial<Record<Predikat, number>>): CurveStatus {
  const full = Object.fromEntries(PREDIKATS.map((p) => [p, counts[p] ?? 0])) as Record<Predikat, number>;
  const total = PREDIKATS.reduce((sum, p) => sum + full[p], 0);
  const shares = Object.fromEntries(PREDIKATS.map((p) => [p, total ? Math.round((full[p] / total) * 10_000) / 10_000 : 0])) as Record<Predikat, number>;
  if (!orgRating || total === 0) return { status: 'unchecked', counts: full, shares, rules: [] };
  const broken = new Set(checkDistributionCurve(orgRating, full).breaches.map((b) => b.rule));
  const rules = DISTRIBUTION_CURVES[orgRating].map((r) => ({ rule: r.rule, ok: !broken.has(r.rule) }));
  return { status: broken.size ? 'breach' : 'pass', counts: full, shares, rules };
}

// PermenPANRB 6/2022: the curve holds the year's predikat. The annual evaluation (`YYYY`) is that predikat;
// until it exists, the year so far is the sum of its evaluated months, and of quarters none of whose
// months were evaluated (a tenant that changed frequency mid-year is counted once per month)
export function countsOfYear(year: string, periods: readonly { period: string; counts?: Partial<Record<Predikat, number>> }[]): Partial<Record<Predikat, number>> {
  const annual = periods.find((p) => p.period === year);
  if (annual) return { ...annual.counts };
  const months = new Set(periods.filter((p) => isMonthPeriod(p.period) && p.period.startsWith(`${year}-`)).map((p) => p.period));
  const used = periods.filter((p) => p.period.startsWith(`${year}-`) && (months.has(p.period) || (isQuarterPeriod(p.period) && !monthsOf(p.period).some((m) => months.has(m)))));
  const out: Partial<Record<Predikat, number>> = {};
  for (const p of used) for (const k of PREDIKATS) out[k] = (out[k] ?? 0) + (p.counts?.[k] ?? 0);
  return out;
}

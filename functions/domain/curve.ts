import type { OrgRating, Predikat } from './types.js';
import { PREDIKATS } from './types.js';

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

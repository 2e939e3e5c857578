import { describe, expect, it } from 'vitest';
import { checkDistributionCurve, countsOfYear, curveStatus } from '../../../functions/domain/curve.js';
import type { Predikat } from '../../../functions/domain/types.js';

const counts = (c: Partial<Record<Predikat, number>>): Record<Predikat, number> => ({
  SANGAT_BAIK: 0,
  BAIK: 0,
  BUTUH_PERBAIKAN: 0,
  KURANG: 0,
  SANGAT_KURANG: 0,
  ...c,
});

const rules = (r: ReturnType<typeof checkDistributionCurve>): string[] => r.breaches.map((b) => b.rule);

describe('checkDistributionCurve', () => {
  it('ISTIMEWA passes at exactly 70% SANGAT_BAIK', () => {
    const result = checkDistributionCurve('ISTIMEWA', counts({ SANGAT_BAIK: 7, BAIK: 3 }));
    expect(result).toEqual({ ok: true, breaches: [] });
  });

  it('ISTIMEWA breaks above 70% SANGAT_BAIK', () => {
    // Act
    const result = checkDistributionCurve('ISTIMEWA', counts({ SANGAT_BAIK: 8, BAIK: 2 }));
    // Assess
    expect(result.ok).toBe(false);
    expect(result.breaches).toEqual([
      expect.objectContaining({ rule: 'ISTIMEWA_MAX_70_SANGAT_BAIK', expected: 'at most 70%', actual: '80.00% (8 of 10)' }),
    ]);
  });

  it('BAIK passes with at most 70% BAIK and one BUTUH_PERBAIKAN or KURANG', () => {
    expect(checkDistributionCurve('BAIK', counts({ SANGAT_BAIK: 2, BAIK: 7, BUTUH_PERBAIKAN: 1 })).ok).toBe(true);
    expect(checkDistributionCurve('BAIK', counts({ SANGAT_BAIK: 2, BAIK: 7, KURANG: 1 })).ok).toBe(true);
  });

  it('BAIK breaks with too many BAIK and nobody rated BUTUH_PERBAIKAN or KURANG', () => {
    const result = checkDistributionCurve('BAIK', counts({ SANGAT_BAIK: 2, BAIK: 8 }));
    expect(rules(result)).toEqual(['BAIK_MAX_70_BAIK', 'BAIK_MIN_1_BUTUH_PERBAIKAN_OR_KURANG']);
  });

  it('BUTUH_PERBAIKAN passes with 60% BUTUH_PERBAIKAN and 10% SANGAT_BAIK', () => {
    const result = checkDistributionCurve('BUTUH_PERBAIKAN', counts({ BUTUH_PERBAIKAN: 6, BAIK: 3, SANGAT_BAIK: 1 }));
    expect(result.ok).toBe(true);
  });

  it('BUTUH_PERBAIKAN breaks below 60% BUTUH_PERBAIKAN and above 10% SANGAT_BAIK', () => {
    const result = checkDistributionCurve('BUTUH_PERBAIKAN', counts({ BUTUH_PERBAIKAN: 5, BAIK: 3, SANGAT_BAIK: 2 }));
    expect(rules(result)).toEqual(['BUTUH_PERBAIKAN_MIN_60_BUTUH_PERBAIKAN', 'BUTUH_PERBAIKAN_MAX_10_SANGAT_BAIK']);
  });

  it('KURANG passes with 60% KURANG, 10% BUTUH_PERBAIKAN, 10% SANGAT_BAIK', () => {
    const result = checkDistributionCurve('KURANG', counts({ KURANG: 6, BUTUH_PERBAIKAN: 1, BAIK: 2, SANGAT_BAIK: 1 }));
    expect(result.ok).toBe(true);
  });

  it('KURANG breaks on each of its three rules', () => {
    const result = checkDistributionCurve('KURANG', counts({ KURANG: 5, BAIK: 3, SANGAT_BAIK: 2 }));
    expect(rules(result)).toEqual(['KURANG_MIN_60_KURANG', 'KURANG_MIN_10_BUTUH_PERBAIKAN', 'KURANG_MAX_10_SANGAT_BAIK']);
  });

  it('SANGAT_KURANG passes with 60% SANGAT_KURANG, 10% KURANG or BUTUH_PERBAIKAN and no SANGAT_BAIK', () => {
    const result = checkDistributionCurve('SANGAT_KURANG', counts({ SANGAT_KURANG: 6, BUTUH_PERBAIKAN: 1, BAIK: 3 }));
    expect(result.ok).toBe(true);
  });

  it('SANGAT_KURANG breaks with any SANGAT_BAIK and too few KURANG or BUTUH_PERBAIKAN', () => {
    const result = checkDistributionCurve('SANGAT_KURANG', counts({ SANGAT_KURANG: 6, BAIK: 3, SANGAT_BAIK: 1 }));
    expect(rules(result)).toEqual([
      'SANGAT_KURANG_MIN_10_KURANG_OR_BUTUH_PERBAIKAN',
      'SANGAT_KURANG_MAX_0_SANGAT_BAIK',
    ]);
    expect(result.breaches[1]!.expected).toBe('none');
  });

  it('passes with no officers evaluated', () => {
    expect(checkDistributionCurve('BAIK', counts({}))).toEqual({ ok: true, breaches: [] });
  });
});

describe('curveStatus', () => {
  it('is unchecked without a rating, whatever the counts: no rating is ever assumed', () => {
    expect(curveStatus(null, { BAIK: 10 })).toMatchObject({ status: 'unchecked', rules: [], shares: { BAIK: 1 } });
  });

  it('is unchecked with a rating but no final predikat yet', () => {
    expect(curveStatus('BAIK', {})).toEqual({ status: 'unchecked', counts: counts({}), shares: counts({}), rules: [] });
  });

  it('lists every rule of the curve with ok, pass at the boundary', () => {
    const result = curveStatus('BAIK', { BAIK: 7, SANGAT_BAIK: 2, KURANG: 1 });
    expect(result.status).toBe('pass');
    expect(result.rules).toEqual([{ rule: 'BAIK_MAX_70_BAIK', ok: true }, { rule: 'BAIK_MIN_1_BUTUH_PERBAIKAN_OR_KURANG', ok: true }]);
    expect(result.shares).toEqual({ SANGAT_BAIK: 0.2, BAIK: 0.7, BUTUH_PERBAIKAN: 0, KURANG: 0.1, SANGAT_KURANG: 0 });
  });

  it('breaks one rule just past the boundary and keeps the other ok', () => {
    const result = curveStatus('BAIK', { BAIK: 8, SANGAT_BAIK: 1, BUTUH_PERBAIKAN: 1 });
    expect(result).toMatchObject({ status: 'breach', rules: [{ rule: 'BAIK_MAX_70_BAIK', ok: false }, { rule: 'BAIK_MIN_1_BUTUH_PERBAIKAN_OR_KURANG', ok: true }] });
  });
});

describe('countsOfYear', () => {
  const p = (period: string, c: Partial<Record<Predikat, number>>) => ({ period, counts: c });

  it('takes the annual evaluation when there is one', () => {
    expect(countsOfYear('2025', [p('2025', { BAIK: 3 }), p('2025-01', { BAIK: 9 })])).toEqual({ BAIK: 3 });
  });

  it('sums the months of the year so far, and quarters none of whose months were evaluated', () => {
    const periods = [p('2025-01', { BAIK: 2 }), p('2025-02', { BAIK: 1, KURANG: 1 }), p('2025-Q1', { BAIK: 5 }), p('2025-Q3', { SANGAT_BAIK: 4 }), p('2024-12', { KURANG: 7 })];
    expect(countsOfYear('2025', periods)).toMatchObject({ BAIK: 3, KURANG: 1, SANGAT_BAIK: 4 });
  });

  it('is empty before any evaluation of the year', () => {
    expect(curveStatus('BAIK', countsOfYear('2025', [])).status).toBe('unchecked');
  });
});

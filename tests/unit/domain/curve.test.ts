import { describe, expect, it } from 'vitest';
import { checkDistributionCurve } from '../../../functions/domain/curve.js';
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

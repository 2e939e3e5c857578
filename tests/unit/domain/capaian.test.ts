import { describe, expect, it } from 'vitest';
import { capaianIndikator, capaianPeriode, capaianRhk } from '../../../functions/domain/capaian.js';
import { round2 } from '../../../functions/domain/numbers.js';

describe('capaianIndikator', () => {
  it.each([
    ['kuantitas', 10, 8, 80],
    ['kualitas', 80, 88, 110],
    ['waktu', 10, 8, 120],
    ['waktu', 10, 12.5, 80],
    ['biaya', 1_000_000, 1_250_000, 80],
    ['biaya', 100, 95, (100 / 95) * 100],
  ] as const)('%s with target %d and realisasi %d gives %d', (aspect, target, realisasi, expected) => {
    // Act
    const capaian = capaianIndikator(aspect, target, realisasi);
    // Assess
    expect(capaian).toBeCloseTo(expected, 10);
  });

  it('caps higher-is-better aspects at 120 and never goes below 0', () => {
    expect(capaianIndikator('kuantitas', 10, 50)).toBe(120);
    expect(capaianIndikator('kualitas', 10, 0)).toBe(0);
  });

  it('caps lower-is-better aspects at 120 when the officer beats the target by far', () => {
    expect(capaianIndikator('biaya', 100, 10)).toBe(120);
  });

  it('scores realisasi 0 on waktu and biaya as 120', () => {
    expect(capaianIndikator('waktu', 5, 0)).toBe(120);
    expect(capaianIndikator('biaya', 5, 0)).toBe(120);
  });

  it('rejects a target that is not positive and a negative realisasi', () => {
    expect(() => capaianIndikator('kuantitas', 0, 5)).toThrow(RangeError);
    expect(() => capaianIndikator('waktu', 5, -1)).toThrow(RangeError);
  });
});

describe('capaianRhk', () => {
  it('is the mean of its indicators', () => {
    expect(capaianRhk([100, 80, 120])).toBe(100);
    expect(capaianRhk([95])).toBe(95);
  });

  it('refuses an RHK without indicators', () => {
    expect(() => capaianRhk([])).toThrow(RangeError);
  });
});

describe('capaianPeriode', () => {
  it('is the plain mean of utama RHK when weights are not set', () => {
    // Prepare
    const rhk = [
      { kind: 'utama', capaian: 100 },
      { kind: 'utama', capaian: 80 },
    ] as const;
    // Act
    const result = capaianPeriode(rhk);
    // Assess
    expect(result).toBe(90);
  });

  it('ignores a tambahan RHK at or below the utama mean: extra work never lowers the result', () => {
    const rhk = [
      { kind: 'utama', capaian: 100 },
      { kind: 'utama', capaian: 80 },
      { kind: 'tambahan', capaian: 90 },
      { kind: 'tambahan', capaian: 40 },
    ] as const;
    expect(capaianPeriode(rhk)).toBe(90);
  });

  it('counts a tambahan RHK above the utama mean with weight 0.5', () => {
    // (100 + 80 + 0.5 × 120) / 2.5 = 240 / 2.5 = 96
    const rhk = [
      { kind: 'utama', capaian: 100 },
      { kind: 'utama', capaian: 80 },
      { kind: 'tambahan', capaian: 120 },
    ] as const;
    expect(capaianPeriode(rhk)).toBe(96);
  });

  it('uses plan weights on utama RHK and the tenant weight on tambahan RHK', () => {
    // utama mean = (3×100 + 1×60) / 4 = 90; tambahan 110 > 90 counts with weight 1:
    // (360 + 110) / 5 = 94
    const rhk = [
      { kind: 'utama', weight: 3, capaian: 100 },
      { kind: 'utama', weight: 1, capaian: 60 },
      { kind: 'tambahan', weight: 9, capaian: 110 },
    ] as const;
    expect(capaianPeriode(rhk, 1)).toBe(94);
  });

  it('compares tambahan against the weighted utama mean, not the plain mean', () => {
    // weighted utama mean = (3×100 + 60) / 4 = 90; plain mean would be 80. A tambahan of 85 is below 90.
    const rhk = [
      { kind: 'utama', weight: 3, capaian: 100 },
      { kind: 'utama', capaian: 60 },
      { kind: 'tambahan', capaian: 85 },
    ] as const;
    expect(capaianPeriode(rhk)).toBe(90);
  });

  it('is null without utama RHK', () => {
    expect(capaianPeriode([{ kind: 'tambahan', capaian: 100 }])).toBeNull();
    expect(capaianPeriode([])).toBeNull();
  });
});

describe('round2', () => {
  it('rounds half away from zero despite binary noise', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(80.555)).toBe(80.56);
    expect(round2(-2.345)).toBe(-2.35);
    expect(round2(84.374)).toBe(84.37);
  });
});

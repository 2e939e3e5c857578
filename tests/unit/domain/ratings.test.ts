import { describe, expect, it } from 'vitest';
import {
  isLowPredikat,
  predikatKinerja,
  ratingHasilKerja,
  ratingPerilaku,
} from '../../../functions/domain/ratings.js';
import type { Behaviour } from '../../../functions/domain/types.js';

const behaviour = (...scores: (1 | 2 | 3)[]): Behaviour => ({
  berorientasi_pelayanan: scores[0]!,
  akuntabel: scores[1]!,
  kompeten: scores[2]!,
  harmonis: scores[3]!,
  loyal: scores[4]!,
  adaptif: scores[5]!,
  kolaboratif: scores[6]!,
});

describe('ratingHasilKerja', () => {
  it.each([
    [120, 'DI_ATAS'],
    [110, 'DI_ATAS'],
    [109.99, 'SESUAI'],
    [90, 'SESUAI'],
    [89.99, 'DI_BAWAH'],
    [0, 'DI_BAWAH'],
  ] as const)('capaian %d → %s with default thresholds', (capaian, rating) => {
    expect(ratingHasilKerja(capaian)).toBe(rating);
  });

  it('follows tenant thresholds', () => {
    const thresholds = { diAtas: 100, sesuai: 80 };
    expect(ratingHasilKerja(100, thresholds)).toBe('DI_ATAS');
    expect(ratingHasilKerja(85, thresholds)).toBe('SESUAI');
    expect(ratingHasilKerja(79, thresholds)).toBe('DI_BAWAH');
  });
});

describe('ratingPerilaku', () => {
  it('is SESUAI with three values rated 3', () => {
    expect(ratingPerilaku(behaviour(3, 3, 3, 2, 2, 2, 2))).toBe('SESUAI');
  });

  it('is DI_ATAS with four values rated 3', () => {
    expect(ratingPerilaku(behaviour(2, 3, 2, 3, 3, 2, 3))).toBe('DI_ATAS');
  });

  it('is DI_BAWAH with any value rated 1, even when the rest are 3', () => {
    expect(ratingPerilaku(behaviour(3, 3, 3, 3, 3, 3, 1))).toBe('DI_BAWAH');
  });

  it('is SESUAI when all values are 2', () => {
    expect(ratingPerilaku(behaviour(2, 2, 2, 2, 2, 2, 2))).toBe('SESUAI');
  });
});

describe('predikatKinerja', () => {
  it.each([
    ['DI_ATAS', 'DI_ATAS', 'SANGAT_BAIK'],
    ['DI_ATAS', 'SESUAI', 'BAIK'],
    ['DI_ATAS', 'DI_BAWAH', 'KURANG'],
    ['SESUAI', 'DI_ATAS', 'BAIK'],
    ['SESUAI', 'SESUAI', 'BAIK'],
    ['SESUAI', 'DI_BAWAH', 'KURANG'],
    ['DI_BAWAH', 'DI_ATAS', 'BUTUH_PERBAIKAN'],
    ['DI_BAWAH', 'SESUAI', 'BUTUH_PERBAIKAN'],
    ['DI_BAWAH', 'DI_BAWAH', 'SANGAT_KURANG'],
  ] as const)('hasil kerja %s × perilaku %s → %s', (hasilKerja, perilaku, predikat) => {
    expect(predikatKinerja(hasilKerja, perilaku)).toBe(predikat);
  });
});

describe('isLowPredikat', () => {
  it('counts KURANG and SANGAT_KURANG as low, nothing else', () => {
    expect(isLowPredikat('KURANG')).toBe(true);
    expect(isLowPredikat('SANGAT_KURANG')).toBe(true);
    expect(isLowPredikat('BUTUH_PERBAIKAN')).toBe(false);
    expect(isLowPredikat('BAIK')).toBe(false);
  });
});

import { BERAKHLAK, PREDIKATS } from './types.js';
import type { Behaviour, Predikat, Rating } from './types.js';

export interface HasilKerjaThresholds {
  /** capaian at or above this → DI_ATAS */
  diAtas: number;
  /** capaian at or above this (and below diAtas) → SESUAI */
  sesuai: number;
}

/** Product default from PP 30/2019's bands; configurable per tenant. */
export const DEFAULT_HASIL_KERJA_THRESHOLDS: HasilKerjaThresholds = Object.freeze({ diAtas: 110, sesuai: 90 });

// PP 30/2019 bands (tenant-configurable default): suggested rating hasil kerja from capaian
export function ratingHasilKerja(
  capaian: number,
  thresholds: HasilKerjaThresholds = DEFAULT_HASIL_KERJA_THRESHOLDS,
): Rating {
  if (capaian >= thresholds.diAtas) return 'DI_ATAS';
  if (capaian >= thresholds.sesuai) return 'SESUAI';
  return 'DI_BAWAH';
}

/** How many BerAKHLAK values rated 3 make the overall behaviour DI_ATAS. */
export const PERILAKU_DI_ATAS_MIN_COUNT = 4;

// PermenPANRB 6/2022, rating perilaku kerja: any 1 → DI_BAWAH; ≥ 4 threes → DI_ATAS; else SESUAI
export function ratingPerilaku(behaviour: Behaviour): Rating {
  const scores = BERAKHLAK.map((value) => behaviour[value]);
  if (scores.some((s) => s === 1)) return 'DI_BAWAH';
  const threes = scores.filter((s) => s === 3).length;
  return threes >= PERILAKU_DI_ATAS_MIN_COUNT ? 'DI_ATAS' : 'SESUAI';
}

/** Rows: hasil kerja; columns: perilaku. DI_BAWAH behaviour with good results is KURANG (misconduct). */
export const PREDIKAT_MATRIX: Readonly<Record<Rating, Readonly<Record<Rating, Predikat>>>> = Object.freeze({
  DI_ATAS: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'SANGAT_BAIK' },
  SESUAI: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'BAIK' },
  DI_BAWAH: { DI_BAWAH: 'SANGAT_KURANG', SESUAI: 'BUTUH_PERBAIKAN', DI_ATAS: 'BUTUH_PERBAIKAN' },
});

// PermenPANRB 6/2022, predikat kinerja from the hasil kerja × perilaku matrix
export function predikatKinerja(hasilKerja: Rating, perilaku: Rating): Predikat {
  return PREDIKAT_MATRIX[hasilKerja][perilaku];
}

/** Best first: index 0 is SANGAT_BAIK. */
export const PREDIKAT_ORDER: readonly Predikat[] = PREDIKATS;

// PermenPANRB 6/2022, the two predikats that count as low performance (KURANG, SANGAT_KURANG)
export function isLowPredikat(p: Predikat): boolean {
  return p === 'KURANG' || p === 'SANGAT_KURANG';
}

// One palette for the whole product: a predikat has the same colour on every chart and badge.
export const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type Predikat = (typeof PREDIKATS)[number];

export const PREDIKAT_COLOR: Record<Predikat, string> = {
  SANGAT_BAIK: '#1b7f4b',
  BAIK: '#63b97c',
  BUTUH_PERBAIKAN: '#f2b705',
  KURANG: '#e8710a',
  SANGAT_KURANG: '#c5221f',
};

/** The same hues darkened for text (badges, labels): each ≥ 4.5:1 on white and on its 12% tint. */
export const PREDIKAT_TEXT: Record<Predikat, string> = {
  SANGAT_BAIK: '#145c37',
  BAIK: '#1f6b3a',
  BUTUH_PERBAIKAN: '#755600',
  KURANG: '#9a4500',
  SANGAT_KURANG: '#a01b18',
};

/** Grade bands of IKM (PermenPANRB 14/2017), drawn behind IKM charts. */
export const IKM_BANDS = [
  { grade: 'A', from: 88.31, to: 100, color: 'rgba(27,127,75,0.10)' },
  { grade: 'B', from: 76.61, to: 88.31, color: 'rgba(99,185,124,0.10)' },
  { grade: 'C', from: 65, to: 76.61, color: 'rgba(242,183,5,0.12)' },
  { grade: 'D', from: 25, to: 65, color: 'rgba(197,34,31,0.08)' },
] as const;

/** Distinct, colour-blind-friendlier series colours (agencies, tenants). */
export const SERIES = ['#1d6fa3', '#e8710a', '#1b7f4b', '#8e44ad', '#c5221f', '#00897b', '#6d4c41', '#d81b60', '#546e7a', '#f2b705', '#3949ab', '#7cb342'];
export const seriesColor = (i: number) => SERIES[i % SERIES.length];
export const BRAND = '#0f3d5e';

// Shared vocabulary of the domain: enums and plan shapes (PermenPANRB 6/2022, 14/2017).

export const ASPECTS = ['kuantitas', 'kualitas', 'waktu', 'biaya'] as const;
export type Aspect = (typeof ASPECTS)[number];

export const RATINGS = ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] as const;
export type Rating = (typeof RATINGS)[number];

/** Best first. */
export const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type Predikat = (typeof PREDIKATS)[number];

export const BERAKHLAK = [
  'berorientasi_pelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
] as const;
export type BerakhlakValue = (typeof BERAKHLAK)[number];
/** Supervisor's score per BerAKHLAK value: 1 DI_BAWAH, 2 SESUAI, 3 DI_ATAS. */
export type Behaviour = Record<BerakhlakValue, 1 | 2 | 3>;

/** An agency's organisational rating, which fixes its distribution curve. */
export const ORG_RATINGS = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type OrgRating = (typeof ORG_RATINGS)[number];

export type RhkKind = 'utama' | 'tambahan';
/** `report`: the officer reports the value; `ikm`: the unit's IKM for the period. */
export type IndicatorSource = 'report' | 'ikm';

export interface Indicator {
  id: string;
  name: string;
  aspect: Aspect;
  /** > 0 */
  target: number;
  unit: string;
  source: IndicatorSource;
}

/** Rencana Hasil Kerja. */
export interface Rhk {
  id: string;
  kind: RhkKind;
  title: string;
  /** Weight within the plan's utama RHK; default 1. Ignored for tambahan (tenant weight applies). */
  weight?: number;
  /** The supervisor's RHK this one supports (cascading). */
  parentRhkId?: string;
  indicators: Indicator[];
}

/** SKP: one per officer per calendar year. */
export interface Plan {
  officerId: string;
  year: number;
  rhk: Rhk[];
  version: number;
}

export const FLAGS = [
  'MISSING_REPORT',
  'LOW_IKM',
  'TRAINING_BEHIND',
  'CONSECUTIVE_LOW',
  'AWARD_CANDIDATE',
  'CURVE_BREACH',
  'FIELD_FINDING',
  'SUBSTANTIATED_COMPLAINTS',
] as const;
export type FlagCode = (typeof FLAGS)[number];

/** The ratings of one scored month (DESIGN §2): what a score item and a score computation share. */
export interface MonthRatings {
  /** Percent, two decimals; null when no utama RHK had a value. */
  capaian: number | null;
  hasilKerjaSuggested: Rating | null;
  hasilKerja: Rating | null;
  hasilKerjaOverridden: boolean;
  perilaku: Rating;
  predikat: Predikat | null;
}

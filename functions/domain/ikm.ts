import { IKM_KEYS } from './ikm-wording.js';
import type { IkmKey } from './ikm-wording.js';
import { krejcieMorganMinimum } from './krejcie-morgan.js';
import { round2 } from './numbers.js';

export { IKM_KEYS, IKM_ELEMENTS, IKM_ANSWER_WORDING } from './ikm-wording.js';
export type { IkmKey, IkmElement, IkmAnswerWording, FourPoint } from './ikm-wording.js';
export { krejcieMorganMinimum, KREJCIE_MORGAN_MAX } from './krejcie-morgan.js';

export type IkmScores = Record<IkmKey, number>;

/** Running totals of survey answers: what rollups store, so IKM can be computed for any union of periods. */
export interface IkmSums {
  respondents: number;
  sums: IkmScores;
}

export type IkmGrade = 'A' | 'B' | 'C' | 'D';
export type IkmLabel = 'Sangat Baik' | 'Baik' | 'Kurang Baik' | 'Tidak Baik';

export interface IkmResult {
  respondents: number;
  /** Nilai rata-rata per element (unrounded). */
  nrr: IkmScores;
  /** Mean of the nine NRR, on the 1–4 scale (unrounded). */
  ikmRaw: number;
  /** Unit IKM on the 25–100 scale, two decimals. */
  ikm: number;
  grade: IkmGrade;
  label: IkmLabel;
}

/** Unit IKM below this (i.e. not B or better) raises LOW_IKM. */
export const IKM_LOW_THRESHOLD = 76.61;

export const IKM_GRADE_LABELS: Readonly<Record<IkmGrade, { id: IkmLabel; en: string }>> = Object.freeze({
  A: { id: 'Sangat Baik', en: 'Very good' },
  B: { id: 'Baik', en: 'Good' },
  C: { id: 'Kurang Baik', en: 'Poor' },
  D: { id: 'Tidak Baik', en: 'Very poor' },
});

export function emptyIkmSums(): IkmSums {
  return { respondents: 0, sums: { u1: 0, u2: 0, u3: 0, u4: 0, u5: 0, u6: 0, u7: 0, u8: 0, u9: 0 } };
}

// PermenPANRB 14/2017, totals of two sets of responses add element by element
export function addIkmSums(a: IkmSums, b: IkmSums): IkmSums {
  const sums = {} as IkmScores;
  for (const k of IKM_KEYS) sums[k] = a.sums[k] + b.sums[k];
  return { respondents: a.respondents + b.respondents, sums };
}

// PermenPANRB 14/2017, NRR = sum / respondents; IKM = mean of nine NRR (weight 1/9) × 25, two decimals
export function ikmFromSums(s: IkmSums): IkmResult | null {
  if (s.respondents <= 0) return null;
  const nrr = {} as IkmScores;
  let total = 0;
  for (const k of IKM_KEYS) {
    nrr[k] = s.sums[k] / s.respondents;
    total += s.sums[k];
  }
  const ikmRaw = total / (9 * s.respondents);
  const ikm = ikmTwoDecimals(total, s.respondents);
  const grade = ikmGrade(ikm);
  return { respondents: s.respondents, nrr, ikmRaw, ikm, grade, label: IKM_GRADE_LABELS[grade].id };
}

/** total × 25 / (9 × respondents), rounded half up on exact integers when the sums are whole numbers. */
function ikmTwoDecimals(total: number, respondents: number): number {
  if (Number.isSafeInteger(total) && Number.isSafeInteger(respondents)) {
    const num = total * 2500;
    const den = 9 * respondents;
    return Math.floor((2 * num + den) / (2 * den)) / 100;
  }
  return round2((total * 25) / (9 * respondents));
}

// PermenPANRB 14/2017, mutu pelayanan: A ≥ 88.31, B ≥ 76.61, C ≥ 65.00, else D (on the two-decimal value)
export function ikmGrade(ikm: number): IkmGrade {
  const v = round2(ikm);
  if (v >= 88.31) return 'A';
  if (v >= 76.61) return 'B';
  if (v >= 65) return 'C';
  return 'D';
}

// PermenPANRB 14/2017 with Krejcie & Morgan 1970: enough respondents for the unit's yearly users? null if unknown
export function sampleSufficient(respondents: number, population: number | undefined): boolean | null {
  if (population === undefined || !Number.isFinite(population) || population <= 0) return null;
  return respondents >= krejcieMorganMinimum(population);
}

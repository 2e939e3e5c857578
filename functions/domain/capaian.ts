import type { Aspect, RhkKind } from './types.js';
import { clamp, mean } from './numbers.js';

export const CAPAIAN_MIN = 0;
export const CAPAIAN_MAX = 120;

// PermenPANRB 6/2022, capaian per indikator: higher-is-better vs lower-is-better aspects, capped to [0, 120]
export function capaianIndikator(aspect: Aspect, target: number, realisasi: number): number {
  if (!Number.isFinite(target) || target <= 0) throw new RangeError(`target must be > 0, got ${target}`);
  if (!Number.isFinite(realisasi) || realisasi < 0) throw new RangeError(`realisasi must be >= 0, got ${realisasi}`);
  if (aspect === 'kuantitas' || aspect === 'kualitas') {
    return clamp((realisasi / target) * 100, CAPAIAN_MIN, CAPAIAN_MAX);
  }
  if (realisasi === 0) return CAPAIAN_MAX;
  return clamp((target / realisasi) * 100, CAPAIAN_MIN, CAPAIAN_MAX);
}

// PermenPANRB 6/2022, capaian RHK = mean of its indicators' capaian
export function capaianRhk(capaianIndikators: readonly number[]): number {
  if (capaianIndikators.length === 0) throw new RangeError('an RHK needs at least one indicator capaian');
  return mean(capaianIndikators);
}

export interface RhkCapaian {
  kind: RhkKind;
  /** Plan weight for utama RHK; default 1. */
  weight?: number;
  capaian: number;
}

// PermenPANRB 6/2022, capaian periode: weighted utama mean; tambahan counts only when above it (never lowers)
export function capaianPeriode(rhk: readonly RhkCapaian[], tambahanWeight = 0.5): number | null {
  if (!(tambahanWeight >= 0)) throw new RangeError(`tambahanWeight must be >= 0, got ${tambahanWeight}`);
  let utamaSum = 0;
  let utamaWeight = 0;
  for (const r of rhk) {
    if (r.kind !== 'utama') continue;
    const w = r.weight ?? 1;
    if (!(w >= 0)) throw new RangeError(`RHK weight must be >= 0, got ${w}`);
    utamaSum += w * r.capaian;
    utamaWeight += w;
  }
  if (utamaWeight === 0) return null;
  const utamaMean = utamaSum / utamaWeight;

  let sum = utamaSum;
  let weight = utamaWeight;
  for (const r of rhk) {
    if (r.kind === 'tambahan' && r.capaian > utamaMean) {
      sum += tambahanWeight * r.capaian;
      weight += tambahanWeight;
    }
  }
  return sum / weight;
}

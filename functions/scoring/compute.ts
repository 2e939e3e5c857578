// The score of one approved monthly report (DESIGN §2), composed only from the domain rules so the
// stream processor and the seed give the same answer. Pure: no I/O.
import { capaianIndikator, capaianPeriode, capaianRhk, type RhkCapaian } from '../domain/capaian.js';
import { round2 } from '../domain/numbers.js';
import type { TenantPolicy } from '../domain/policy.js';
import { predikatKinerja, ratingHasilKerja, ratingPerilaku } from '../domain/ratings.js';
import type { Behaviour, MonthRatings, Predikat, Rating, Rhk } from '../domain/types.js';

export interface ScoreInput {
  rhk: readonly Rhk[];
  /** Reported realisasi per indicator id. */
  values: Readonly<Record<string, number>>;
  /** The unit's IKM for the period (for `ikm`-sourced indicators); null when unknown. */
  ikm: number | null;
  behaviour: Behaviour;
  hasilKerjaOverride?: { rating: Rating };
  policy: Pick<TenantPolicy, 'hasilKerjaThresholds' | 'tambahanWeight'>;
}

export interface ScoreResult extends MonthRatings {
  /** Capaian per RHK that had at least one value (two decimals). */
  rhk: { id: string; capaian: number }[];
}

/** Capaian per RHK; an indicator without a value (IKM unknown, or added to the plan later) is left out of its RHK's mean. */
export function rhkCapaians(rhk: readonly Rhk[], values: Readonly<Record<string, number>>, ikm: number | null): (RhkCapaian & { id: string })[] {
  const out: (RhkCapaian & { id: string })[] = [];
  for (const r of rhk) {
    const capaians = r.indicators.flatMap((ind) => {
      const realisasi = ind.source === 'ikm' ? ikm : values[ind.id];
      return realisasi === null || realisasi === undefined ? [] : [capaianIndikator(ind.aspect, ind.target, realisasi)];
    });
    if (capaians.length > 0) out.push({ id: r.id, kind: r.kind, weight: r.weight, capaian: capaianRhk(capaians) });
  }
  return out;
}

export function scoreReport(input: ScoreInput): ScoreResult {
  const perRhk = rhkCapaians(input.rhk, input.values, input.ikm);
  const periode = capaianPeriode(perRhk, input.policy.tambahanWeight);
  // Ratings follow the capaian as shown (two decimals), so 109.996 shown as 110.00 is DI_ATAS.
  const capaian = periode === null ? null : round2(periode);
  const hasilKerjaSuggested = capaian === null ? null : ratingHasilKerja(capaian, input.policy.hasilKerjaThresholds);
  const hasilKerja = input.hasilKerjaOverride?.rating ?? hasilKerjaSuggested;
  const perilaku = ratingPerilaku(input.behaviour);
  return {
    capaian,
    hasilKerjaSuggested,
    hasilKerja,
    hasilKerjaOverridden: input.hasilKerjaOverride !== undefined,
    perilaku,
    predikat: hasilKerja === null ? null : predikatKinerja(hasilKerja, perilaku),
    rhk: perRhk.map((r) => ({ id: r.id, capaian: round2(r.capaian) })),
  };
}

/** What a score contributes to its month's rollups; the difference of two contributions is the delta to ADD. */
export function rollupContribution(score: { capaian: number | null; predikat: Predikat | null } | undefined): Record<string, number> {
  if (!score) return {};
  return {
    approved: 1,
    ...(score.capaian !== null ? { scored: 1, capaianSum: score.capaian } : {}),
    ...(score.predikat ? { [`predikat_${score.predikat}`]: 1 } : {}),
  };
}

export function rollupDelta(previous: Record<string, number>, next: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    const d = round2((next[k] ?? 0) - (previous[k] ?? 0));
    if (d !== 0) out[k] = d;
  }
  return out;
}

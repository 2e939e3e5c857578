// The evaluation of one officer for one period (DESIGN §2): ratings from the approved months'
// scores, unit IKM, training JP to date, flags with reasons and the policy's recommendations.
// `evaluateOfficerPeriod` is pure; `loadEvaluationInputs` does the reads for a batch of officers.
import { awardCandidateFlag, consecutiveLowFlag, fieldFindingFlag, lowIkmFlag, missingReportFlag, recommendations, substantiatedComplaintsFlag, trainingBehindFlag, type FieldFindingRef, type Flag, type Recommendation, type SubstantiatedComplaintRef } from '../domain/flags.js';
import { mean, round2 } from '../domain/numbers.js';
import { monthsOf, parsePeriod } from '../domain/periods.js';
import type { TenantPolicy } from '../domain/policy.js';
import { isLowPredikat, predikatKinerja, ratingHasilKerja } from '../domain/ratings.js';
import type { Predikat, Rating } from '../domain/types.js';

/** What an approved month contributes (the score item's fields). */
export interface MonthScore {
  period: string;
  capaian: number | null;
  hasilKerja: Rating | null;
  perilaku: Rating | null;
  predikat: Predikat | null;
}

export interface EvaluationInput {
  period: string;
  /** Scores of the period's months that have an approved report (any order). */
  scores: readonly MonthScore[];
  /** IKM of the officer's service unit for the period; null without a unit or respondents. */
  ikm: number | null;
  /** JP logged from 1 January to the end of the period. */
  trainingJpToDate: number;
  /** Final predikat of the periods before this one, oldest first, the last being the previous period. */
  previous: readonly (Predikat | null)[];
  /** Months of the period in which the officer was expected to report (DESIGN §2 Officer status);
   *  every month of the period when absent. Only these can be MISSING_REPORT. */
  expectedMonths?: readonly string[];
  /** Months from January to the period's end in which the officer was active: the 20 JP pace is pro-rated over them. */
  activeMonthsToDate?: number;
  /** `berat` findings about the officer on field visits in the period's months (FIELD_FINDING). */
  fieldFindings?: readonly FieldFindingRef[];
  /** Substantiated complaints about the officer filed in the period's months (DESIGN §2 Complaints). */
  substantiatedComplaints?: readonly SubstantiatedComplaintRef[];
  /** The predikat an objection's decision set: flags and recommendations derive from it (DESIGN §2 Objection). */
  amendedPredikat?: Predikat | null;
  policy: Pick<TenantPolicy, 'hasilKerjaThresholds' | 'awardConsecutivePeriods' | 'tunjanganCutPercent' | 'sanctionAfterConsecutiveLow'>;
}

export interface EvaluationResult {
  capaian: number | null;
  hasilKerja: Rating | null;
  perilaku: Rating | null;
  predikat: Predikat | null;
  ikm: number | null;
  trainingJp: number;
  flags: Flag[];
  recommendations: Recommendation[];
  /** Substantiated complaints about the officer in the period (absent when none). */
  substantiatedComplaints?: SubstantiatedComplaintRef[];
}

/** How many earlier periods an evaluation looks back at (CONSECUTIVE_LOW needs 1, the award N − 1). */
export const lookBack = (policy: Pick<TenantPolicy, 'awardConsecutivePeriods'>): number => Math.max(1, policy.awardConsecutivePeriods - 1);

/** How many of the latest earlier periods can change the result: the previous one for a low predikat
 *  (CONSECUTIVE_LOW), the whole look-back for SANGAT_BAIK (the award run), none otherwise. */
export function earlierNeeded(input: Omit<EvaluationInput, 'previous' | 'ikm' | 'trainingJpToDate'>): number {
  const predikat = input.amendedPredikat ?? ratings({ ...input, ikm: null, trainingJpToDate: 0, previous: [] }).predikat;
  if (predikat === 'SANGAT_BAIK') return lookBack(input.policy);
  return predikat && isLowPredikat(predikat) ? 1 : 0;
}

// PermenPANRB 6/2022: a month takes its score; a quarter or year the mean capaian of its approved
// months, hasil kerja from that mean, perilaku from the latest review.
function ratings(input: EvaluationInput): Pick<EvaluationResult, 'capaian' | 'hasilKerja' | 'perilaku' | 'predikat'> {
  const scored = [...input.scores].sort((a, b) => a.period.localeCompare(b.period));
  if (parsePeriod(input.period).kind === 'month') {
    const s = scored[0];
    return { capaian: s?.capaian ?? null, hasilKerja: s?.hasilKerja ?? null, perilaku: s?.perilaku ?? null, predikat: s?.predikat ?? null };
  }
  const withCapaian = scored.filter((s) => s.capaian !== null);
  const perilaku = scored.at(-1)?.perilaku ?? null;
  if (withCapaian.length === 0) return { capaian: null, hasilKerja: null, perilaku, predikat: null };
  const capaian = round2(mean(withCapaian.map((s) => s.capaian!)));
  const hasilKerja = ratingHasilKerja(capaian, input.policy.hasilKerjaThresholds);
  return { capaian, hasilKerja, perilaku, predikat: perilaku ? predikatKinerja(hasilKerja, perilaku) : null };
}

/** Flags that follow from the final predikat (and so change when an objection amends it). */
const PREDIKAT_FLAGS = new Set(['CONSECUTIVE_LOW', 'AWARD_CANDIDATE']);

// DESIGN §2 Objection: CONSECUTIVE_LOW, AWARD_CANDIDATE and every recommendation from the final predikat
export function outcomeOf(final: Predikat | null, otherFlags: readonly Flag[], previous: readonly (Predikat | null)[], policy: EvaluationInput['policy']): Pick<EvaluationResult, 'flags' | 'recommendations'> {
  const flags = otherFlags.filter((f) => !PREDIKAT_FLAGS.has(f.code));
  if (final) {
    const low = consecutiveLowFlag(previous.at(-1) ?? null, final);
    if (low) flags.push(low);
    // The award needs an unbroken run: a period without predikat ends it.
    const run: Predikat[] = [];
    for (const p of [...previous, final]) {
      if (p === null) run.length = 0;
      else run.push(p);
    }
    const award = awardCandidateFlag(run, policy.awardConsecutivePeriods);
    if (award) flags.push(award);
  }
  return { flags, recommendations: recommendations(flags, policy, final) };
}

export function evaluateOfficerPeriod(input: EvaluationInput): EvaluationResult {
  const r = ratings(input);
  const months = monthsOf(input.period);
  const expected = new Set(input.expectedMonths ?? months);
  const approved = new Set(input.scores.map((s) => s.period));
  // An officer on leave, study or suspension is not expected to report: no MISSING_REPORT for those months.
  const missing = months.filter((m) => expected.has(m) && !approved.has(m));
  const flags: Flag[] = [];
  // Named by its missing months: the month itself, or those of a quarter or year.
  const missingFlag = missingReportFlag(missing.length === 0, missing.join(', '));
  if (missingFlag) flags.push(missingFlag);
  const ikmFlag = lowIkmFlag(input.ikm);
  if (ikmFlag) flags.push(ikmFlag);
  const trainingFlag = trainingBehindFlag(input.trainingJpToDate, months.at(-1)!, input.activeMonthsToDate);
  if (trainingFlag) flags.push(trainingFlag);
  const fieldFlag = fieldFindingFlag(input.fieldFindings ?? []);
  if (fieldFlag) flags.push(fieldFlag);
  const complaints = [...(input.substantiatedComplaints ?? [])].sort((a, b) => a.complaintId.localeCompare(b.complaintId));
  const complaintFlag = substantiatedComplaintsFlag(complaints);
  if (complaintFlag) flags.push(complaintFlag);
  return {
    ...r,
    ikm: input.ikm,
    trainingJp: input.trainingJpToDate,
    ...outcomeOf(input.amendedPredikat ?? r.predikat, flags, input.previous, input.policy),
    ...(complaints.length ? { substantiatedComplaints: complaints } : {}),
  };
}

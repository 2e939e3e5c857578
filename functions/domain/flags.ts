import type { CurveCheck } from './curve.js';
import { IKM_LOW_THRESHOLD } from './ikm.js';
import type { TenantPolicy } from './policy.js';
import { isLowPredikat } from './ratings.js';
import { trainingPace, TRAINING_JP_MIN_PER_YEAR } from './training.js';
import type { FlagCode, Predikat } from './types.js';

/** What a reason says, as values the dashboard words in the reader's language (`reason` is the English text). */
export type FlagParams = Record<string, string | number>;

export interface Flag {
  code: FlagCode;
  reason: string;
  /** Absent on evaluations written before reasons carried their values. TRAINING_BEHIND's `kind` picks the wording. */
  params?: FlagParams;
}

// DESIGN §2 evaluation flags: no approved report for the period
export function missingReportFlag(hasApprovedReport: boolean, period: string): Flag | null {
  if (hasApprovedReport) return null;
  return { code: 'MISSING_REPORT', reason: `No approved report for ${period}`, params: { period } };
}

// PermenPANRB 14/2017, unit IKM below 76.61 (grade C or D)
export function lowIkmFlag(unitIkm: number | null, unitName?: string): Flag | null {
  if (unitIkm === null || unitIkm >= IKM_LOW_THRESHOLD) return null;
  const unit = unitName ? `Unit ${unitName}` : 'Unit';
  return {
    code: 'LOW_IKM',
    reason: `${unit} IKM ${unitIkm.toFixed(2)} is below ${IKM_LOW_THRESHOLD}`,
    params: { ikm: Math.round(unitIkm * 100) / 100, threshold: IKM_LOW_THRESHOLD, ...(unitName ? { unit: unitName } : {}) },
  };
}

// PP 17/2020, behind the pro-rated 20 JP pace, or below 20 JP (pro-rated over active months) at year end
export function trainingBehindFlag(jpToDate: number, asOfMonth: string, activeMonthsToDate?: number): Flag | null {
  const pace = trainingPace(jpToDate, asOfMonth, activeMonthsToDate);
  const required = Math.round(pace.required * 10) / 10;
  if (pace.yearEndShort) {
    return required === TRAINING_JP_MIN_PER_YEAR
      ? { code: 'TRAINING_BEHIND', reason: `${jpToDate} JP in the year, below the ${TRAINING_JP_MIN_PER_YEAR} JP minimum`, params: { kind: 'yearEnd', jp: jpToDate, required } }
      : {
        code: 'TRAINING_BEHIND',
        reason: `${jpToDate} JP in the year, below the ${required} JP pro-rated over ${activeMonthsToDate} active months`,
        params: { kind: 'yearEndProrated', jp: jpToDate, required, months: activeMonthsToDate ?? 12 },
      };
  }
  if (!pace.behind) return null;
  return { code: 'TRAINING_BEHIND', reason: `${jpToDate} JP by ${asOfMonth}, pace requires ${required} JP`, params: { kind: 'pace', jp: jpToDate, month: asOfMonth, required } };
}

/** A `berat` finding about the officer on a field supervision visit (what the evaluation reads of it). */
export interface FieldFindingRef { visitId: string; unitName: string; date: string; note: string }

// DESIGN §2 Field supervision (pengawasan langsung di lapangan): a `berat` finding about the officer in the period
export function fieldFindingFlag(findings: readonly FieldFindingRef[]): Flag | null {
  if (findings.length === 0) return null;
  const sorted = [...findings].sort((a, b) => a.date.localeCompare(b.date) || a.visitId.localeCompare(b.visitId));
  const named = sorted.map((f) => `visit ${f.visitId} to ${f.unitName} on ${f.date}: ${f.note}`);
  // The findings in words of no language: unit, date (ISO) and the supervisor's own note.
  const findingsText = sorted.map((f) => `${f.unitName}, ${f.date}: ${f.note}`).join('; ');
  return { code: 'FIELD_FINDING', reason: `Serious (berat) field finding: ${named.join('; ')}`, params: { count: sorted.length, findings: findingsText } };
}

export interface SubstantiatedComplaintRef { complaintId: string; unitId: string; cause?: string; period: string }

// DESIGN §2 Complaints (SP4N-LAPOR! practice): two or more substantiated complaints about the officer in one period
export function substantiatedComplaintsFlag(complaints: readonly SubstantiatedComplaintRef[]): Flag | null {
  if (complaints.length < 2) return null;
  const named = [...complaints].sort((a, b) => a.complaintId.localeCompare(b.complaintId)).map((c) => `${c.complaintId} (${c.cause ?? 'lainnya'}, ${c.unitId})`).join('; ');
  return { code: 'SUBSTANTIATED_COMPLAINTS', reason: `${complaints.length} substantiated complaints in the period: ${named}`, params: { count: complaints.length, complaints: named } };
}

// PermenPANRB 6/2022 (tenant sanction policy): KURANG or SANGAT_KURANG in two consecutive periods
export function consecutiveLowFlag(previousPredikat: Predikat | null, currentPredikat: Predikat): Flag | null {
  if (previousPredikat === null || !isLowPredikat(previousPredikat) || !isLowPredikat(currentPredikat)) return null;
  return {
    code: 'CONSECUTIVE_LOW',
    reason: `${previousPredikat} then ${currentPredikat} in two consecutive periods`,
    params: { previous: previousPredikat, current: currentPredikat },
  };
}

// Tenant award policy: SANGAT_BAIK in each of the last N consecutive periods (list is oldest first)
export function awardCandidateFlag(recentPredikats: readonly Predikat[], requiredConsecutive: number): Flag | null {
  if (!Number.isInteger(requiredConsecutive) || requiredConsecutive < 1) {
    throw new RangeError(`requiredConsecutive must be a positive integer, got ${requiredConsecutive}`);
  }
  const last = recentPredikats.slice(-requiredConsecutive);
  if (last.length < requiredConsecutive || last.some((p) => p !== 'SANGAT_BAIK')) return null;
  return { code: 'AWARD_CANDIDATE', reason: `SANGAT_BAIK in ${requiredConsecutive} consecutive periods`, params: { periods: requiredConsecutive } };
}

// PermenPANRB 6/2022, kurva distribusi: agency-level flag when the curve is broken
export function curveBreachFlag(check: CurveCheck, agencyName?: string): Flag | null {
  if (check.ok) return null;
  const agency = agencyName ? `${agencyName}: ` : '';
  return { code: 'CURVE_BREACH', reason: agency + check.breaches.map((b) => b.message).join('; ') };
}

export type RecommendationKind = 'award' | 'coaching' | 'sanction';

export interface Recommendation {
  kind: RecommendationKind;
  /** The rule that produced it: a flag code or TUNJANGAN_CUT. */
  rule: string;
  detail: string;
  /** For TUNJANGAN_CUT: the configured percent. */
  percent?: number;
}

export type RecommendationPolicy = Pick<
  TenantPolicy,
  'tunjanganCutPercent' | 'awardConsecutivePeriods' | 'sanctionAfterConsecutiveLow'
>;

// Tenant policy (configuration, never code): awards and sanctions recommended from flags and the predikat
export function recommendations(
  flags: readonly Flag[],
  policy: RecommendationPolicy,
  predikat: Predikat | null = null,
): Recommendation[] {
  const out: Recommendation[] = [];
  const has = (code: FlagCode): boolean => flags.some((f) => f.code === code);
  if (has('AWARD_CANDIDATE')) {
    out.push({
      kind: 'award',
      rule: 'AWARD_CANDIDATE',
      detail: `Propose for award: SANGAT_BAIK in ${policy.awardConsecutivePeriods} consecutive periods`,
    });
  }
  if (has('CONSECUTIVE_LOW')) {
    out.push({ kind: 'coaching', rule: 'CONSECUTIVE_LOW', detail: 'Coaching and counselling by the supervisor' });
    out.push({ kind: 'sanction', rule: 'CONSECUTIVE_LOW', detail: policy.sanctionAfterConsecutiveLow });
  }
  if (has('TRAINING_BEHIND')) {
    out.push({ kind: 'coaching', rule: 'TRAINING_BEHIND', detail: 'Schedule competency development to reach 20 JP' });
  }
  const cut = predikat ? policy.tunjanganCutPercent[predikat] : undefined;
  if (predikat && cut !== undefined && cut > 0) {
    out.push({
      kind: 'sanction',
      rule: 'TUNJANGAN_CUT',
      detail: `Cut tunjangan kinerja by ${cut}% for predikat ${predikat}`,
      percent: cut,
    });
  }
  return out;
}

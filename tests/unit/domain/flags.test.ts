import { describe, expect, it } from 'vitest';
import { checkDistributionCurve } from '../../../functions/domain/curve.js';
import {
  awardCandidateFlag,
  consecutiveLowFlag,
  curveBreachFlag,
  lowIkmFlag,
  missingReportFlag,
  recommendations,
  trainingBehindFlag,
} from '../../../functions/domain/flags.js';
import { DEFAULT_POLICY } from '../../../functions/domain/policy.js';

describe('flag rules', () => {
  it('raises MISSING_REPORT only without an approved report', () => {
    expect(missingReportFlag(true, '2025-10')).toBeNull();
    expect(missingReportFlag(false, '2025-10')).toEqual({ code: 'MISSING_REPORT', reason: 'No approved report for 2025-10', params: { period: '2025-10' } });
  });

  it('raises LOW_IKM below 76.61 and not without an IKM', () => {
    expect(lowIkmFlag(76.61)).toBeNull();
    expect(lowIkmFlag(null)).toBeNull();
    expect(lowIkmFlag(76.6, 'Loket KTP')).toEqual({ code: 'LOW_IKM', reason: 'Unit Loket KTP IKM 76.60 is below 76.61', params: { ikm: 76.6, threshold: 76.61, unit: 'Loket KTP' } });
  });

  it('raises TRAINING_BEHIND behind pace and at a short year end', () => {
    expect(trainingBehindFlag(10, '2025-06')).toBeNull();
    expect(trainingBehindFlag(9, '2025-06')?.code).toBe('TRAINING_BEHIND');
    expect(trainingBehindFlag(18, '2025-12')?.reason).toContain('below the 20 JP minimum');
  });

  it('gives every officer flag the values its reason names, for the dashboard to word in the reader\'s language', () => {
    expect(trainingBehindFlag(9, '2025-06')?.params).toEqual({ kind: 'pace', jp: 9, month: '2025-06', required: 10 });
    expect(trainingBehindFlag(18, '2025-12')?.params).toEqual({ kind: 'yearEnd', jp: 18, required: 20 });
    expect(trainingBehindFlag(5, '2025-12', 6)?.params).toEqual({ kind: 'yearEndProrated', jp: 5, required: 10, months: 6 });
    expect(consecutiveLowFlag('KURANG', 'SANGAT_KURANG')?.params).toEqual({ previous: 'KURANG', current: 'SANGAT_KURANG' });
    expect(awardCandidateFlag(['SANGAT_BAIK', 'SANGAT_BAIK', 'SANGAT_BAIK'], 3)?.params).toEqual({ periods: 3 });
    expect(lowIkmFlag(70.456)?.params).toEqual({ ikm: 70.46, threshold: 76.61 });
  });

  it('raises CONSECUTIVE_LOW for two low periods in a row only', () => {
    expect(consecutiveLowFlag('KURANG', 'SANGAT_KURANG')?.code).toBe('CONSECUTIVE_LOW');
    expect(consecutiveLowFlag('BUTUH_PERBAIKAN', 'KURANG')).toBeNull();
    expect(consecutiveLowFlag(null, 'KURANG')).toBeNull();
  });

  it('raises AWARD_CANDIDATE for SANGAT_BAIK in the last N periods', () => {
    expect(awardCandidateFlag(['BAIK', 'SANGAT_BAIK', 'SANGAT_BAIK', 'SANGAT_BAIK'], 3)?.code).toBe('AWARD_CANDIDATE');
    expect(awardCandidateFlag(['SANGAT_BAIK', 'SANGAT_BAIK', 'SANGAT_BAIK', 'BAIK'], 3)).toBeNull();
    expect(awardCandidateFlag(['SANGAT_BAIK', 'SANGAT_BAIK'], 3)).toBeNull();
  });

  it('raises CURVE_BREACH from a failed curve check', () => {
    const check = checkDistributionCurve('ISTIMEWA', {
      SANGAT_BAIK: 9, BAIK: 1, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0,
    });
    expect(curveBreachFlag(check, 'Dinas Kesehatan')?.reason).toMatch(/^Dinas Kesehatan: /);
    expect(curveBreachFlag({ ok: true, breaches: [] })).toBeNull();
  });
});

describe('recommendations', () => {
  it('names the rule behind each award, coaching and sanction', () => {
    // Prepare
    const flags = [consecutiveLowFlag('KURANG', 'KURANG')!];
    // Act
    const result = recommendations(flags, DEFAULT_POLICY, 'KURANG');
    // Assess
    expect(result.map((r) => [r.kind, r.rule])).toEqual([
      ['coaching', 'CONSECUTIVE_LOW'],
      ['sanction', 'CONSECUTIVE_LOW'],
      ['sanction', 'TUNJANGAN_CUT'],
    ]);
    expect(result[2]!.percent).toBe(15);
  });

  it('recommends an award candidate and no cut for SANGAT_BAIK', () => {
    const flags = [awardCandidateFlag(['SANGAT_BAIK', 'SANGAT_BAIK', 'SANGAT_BAIK'], 3)!];
    expect(recommendations(flags, DEFAULT_POLICY, 'SANGAT_BAIK')).toEqual([
      expect.objectContaining({ kind: 'award', rule: 'AWARD_CANDIDATE' }),
    ]);
  });

  it('follows the tenant cut percentages, not built-in ones', () => {
    const policy = { ...DEFAULT_POLICY, tunjanganCutPercent: { BUTUH_PERBAIKAN: 0, KURANG: 40 } };
    expect(recommendations([], policy, 'BUTUH_PERBAIKAN')).toEqual([]);
    expect(recommendations([], policy, 'KURANG')[0]!.percent).toBe(40);
  });
});

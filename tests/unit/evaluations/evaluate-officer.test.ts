import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../functions/domain/policy.js';
import { hasEnded } from '../../../functions/domain/periods.js';
import { evaluateOfficerPeriod, type EvaluationInput, type MonthScore } from '../../../functions/evaluations/evaluate-officer.js';
import { agencyCurves } from '../../../functions/evaluations/finalise.js';
import { nextFireTime } from '../../../functions/evaluations/schedule.js';

const month = (period: string, predikat: MonthScore['predikat'], capaian = 100, hasilKerja: MonthScore['hasilKerja'] = 'SESUAI', perilaku: MonthScore['perilaku'] = 'SESUAI'): MonthScore =>
  ({ period, capaian, hasilKerja, perilaku, predikat });
const input = (over: Partial<EvaluationInput>): EvaluationInput =>
  ({ period: '2025-10', scores: [], ikm: 85, trainingJpToDate: 30, previous: [null, null], policy: DEFAULT_POLICY, ...over });
const codes = (i: EvaluationInput) => evaluateOfficerPeriod(i).flags.map((f) => f.code);

describe('evaluateOfficerPeriod', () => {
  it('takes a month\'s ratings from its score and raises no flag for a good month', () => {
    const r = evaluateOfficerPeriod(input({ scores: [month('2025-10', 'BAIK', 101.5)] }));
    expect(r).toMatchObject({ capaian: 101.5, hasilKerja: 'SESUAI', perilaku: 'SESUAI', predikat: 'BAIK', flags: [], recommendations: [] });
  });

  it('flags a missing report, low unit IKM and training behind pace, each with its reason', () => {
    const r = evaluateOfficerPeriod(input({ ikm: 70.2, trainingJpToDate: 5 }));
    expect(r.predikat).toBeNull();
    expect(r.flags.map((f) => f.code)).toEqual(['MISSING_REPORT', 'LOW_IKM', 'TRAINING_BEHIND']);
    expect(r.flags[1]!.reason).toContain('70.20');
    expect(r.recommendations.map((x) => x.rule)).toEqual(['TRAINING_BEHIND']);
  });

  it('CONSECUTIVE_LOW only after a low previous period, with coaching, sanction and the tunjangan cut', () => {
    const low = [month('2025-10', 'KURANG', 100, 'SESUAI', 'DI_BAWAH')];
    expect(codes(input({ scores: low, previous: [null, 'BAIK'] }))).not.toContain('CONSECUTIVE_LOW');
    const r = evaluateOfficerPeriod(input({ scores: low, previous: [null, 'SANGAT_KURANG'] }));
    expect(r.flags.map((f) => f.code)).toContain('CONSECUTIVE_LOW');
    expect(r.recommendations.map((x) => `${x.kind}:${x.rule}`)).toEqual(['coaching:CONSECUTIVE_LOW', 'sanction:CONSECUTIVE_LOW', 'sanction:TUNJANGAN_CUT']);
    expect(r.recommendations.at(-1)!.percent).toBe(15);
  });

  it('AWARD_CANDIDATE needs SANGAT_BAIK in the configured number of consecutive periods', () => {
    const top = [month('2025-10', 'SANGAT_BAIK', 115, 'DI_ATAS', 'DI_ATAS')];
    expect(codes(input({ scores: top, previous: ['SANGAT_BAIK', 'SANGAT_BAIK'] }))).toContain('AWARD_CANDIDATE');
    expect(codes(input({ scores: top, previous: ['SANGAT_BAIK', 'BAIK'] }))).not.toContain('AWARD_CANDIDATE');
    expect(codes(input({ scores: top, previous: ['SANGAT_BAIK', null] }))).not.toContain('AWARD_CANDIDATE');
    const two = { ...DEFAULT_POLICY, awardConsecutivePeriods: 2 };
    expect(codes(input({ scores: top, previous: ['SANGAT_BAIK'], policy: two }))).toContain('AWARD_CANDIDATE');
  });

  it('a quarter takes the mean capaian of its approved months and the latest perilaku', () => {
    const r = evaluateOfficerPeriod(input({
      period: '2025-Q3', previous: [null, null],
      scores: [month('2025-07', 'SANGAT_BAIK', 120, 'DI_ATAS', 'DI_ATAS'), month('2025-09', 'BAIK', 100, 'SESUAI', 'DI_ATAS')],
    }));
    expect(r).toMatchObject({ capaian: 110, hasilKerja: 'DI_ATAS', perilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK' });
    expect(r.flags[0]).toEqual({ code: 'MISSING_REPORT', reason: 'No approved report for 2025-08', params: { period: '2025-08' } }); // the quarter's missing month
  });

  it('December judges the year: below 20 JP is flagged even when on pace earlier', () => {
    expect(codes(input({ period: '2025-12', scores: [month('2025-12', 'BAIK')], trainingJpToDate: 19 }))).toContain('TRAINING_BEHIND');
    expect(codes(input({ period: '2025-12', scores: [month('2025-12', 'BAIK')], trainingJpToDate: 20 }))).not.toContain('TRAINING_BEHIND');
  });
});

describe('agency curve checks', () => {
  const agencies = [{ id: 'a', name: 'Dinas A', orgRating: 'ISTIMEWA' }, { id: 'b', name: 'Dinas B', orgRating: 'BAIK' }, { id: 'c', name: 'Dinas C', orgRating: 'BUTUH_PERBAIKAN' }];
  it('flags CURVE_BREACH per agency against its own organisational rating', () => {
    const out = agencyCurves('serang', '2025-10', 'r', agencies, {
      a: { eval_SANGAT_BAIK: 8, eval_BAIK: 2 }, // 80% SANGAT_BAIK > 70%
      b: { eval_BAIK: 6, eval_BUTUH_PERBAIKAN: 1, eval_SANGAT_BAIK: 3 }, // within the BAIK curve
      c: { eval_BUTUH_PERBAIKAN: 6, eval_BAIK: 4 }, // 60% BUTUH_PERBAIKAN: fine
    });
    expect(out.map((x) => [x.agencyId, x.flags.map((f) => f.code)])).toEqual([['a', ['CURVE_BREACH']], ['b', []], ['c', []]]);
    expect(out[0]!.flags[0]!.reason).toContain('Dinas A');
  });

  it('an agency without an organisational rating is unchecked, never held to BAIK', () => {
    const [d] = agencyCurves('serang', '2025-10', 'r', [{ id: 'd', name: 'Dinas D' }], { d: { eval_BAIK: 10 } }); // 100% BAIK breaks BAIK's curve
    expect(d).toMatchObject({ orgRating: null, curve: null, flags: [] });
  });
});

describe('time zones', () => {
  it('October has ended in WITA at 16:00Z on 31 October, in WIB only at 17:00Z', () => {
    const at = new Date('2025-10-31T16:30:00Z');
    expect(hasEnded('2025-10', at, 'Asia/Makassar')).toBe(true);
    expect(hasEnded('2025-10', at, 'Asia/Jakarta')).toBe(false);
  });

  it('the daily trigger fires at 01:00 local, today if that is still ahead, else tomorrow', () => {
    expect(nextFireTime(new Date('2025-10-15T00:00:00Z'), 'Asia/Makassar').toISOString()).toBe('2025-10-15T17:00:00.000Z');
    expect(nextFireTime(new Date('2025-10-15T00:00:00Z'), 'Asia/Jakarta').toISOString()).toBe('2025-10-15T18:00:00.000Z');
    expect(nextFireTime(new Date('2025-10-14T17:30:00Z'), 'Asia/Jakarta').toISOString()).toBe('2025-10-14T18:00:00.000Z');
    expect(nextFireTime(new Date('2025-12-31T18:00:00Z'), 'Asia/Jakarta').toISOString()).toBe('2026-01-01T18:00:00.000Z');
  });
});

// IKM aggregation against a worked example computed by hand (PermenPANRB 14/2017).
import { describe, expect, it } from 'vitest';
import { ikmFromSums } from '../../../functions/domain/ikm.js';
import { aggregateSurveys, rollupAttributes, sumRollups, type SurveyFacts } from '../../../functions/surveys/aggregate.js';

const answers = (...u: number[]) => Object.fromEntries(u.map((v, i) => [`u${i + 1}`, v])) as SurveyFacts['answers'];
const survey = (period: string, unitId: string, ...u: number[]): SurveyFacts => ({ tenant: 'serang', unitId, agencyId: 'dinkes', period, answers: answers(...u) });

// Unit P1, 2025-Q1: January 2 respondents, February 3, March 1.
const Q1 = [
  survey('2025-01', 'p1', 4, 4, 4, 4, 4, 4, 4, 4, 4), // 36
  survey('2025-01', 'p1', 3, 3, 3, 3, 3, 3, 3, 3, 3), // 27
  survey('2025-02', 'p1', 2, 3, 4, 1, 2, 3, 4, 1, 2), // 22
  survey('2025-02', 'p1', 4, 4, 4, 4, 4, 4, 4, 4, 4), // 36
  survey('2025-02', 'p1', 3, 3, 3, 3, 3, 3, 3, 3, 3), // 27
  survey('2025-03', 'p1', 1, 1, 1, 1, 1, 1, 1, 1, 1), // 9
];

/** What the rollup items would hold after the batch: one item per level × scope × month. */
const monthlyUnitItems = (surveys: SurveyFacts[]) => aggregateSurveys(surveys).filter((d) => d.level === 'unit').map((d) => rollupAttributes(d.sums));

describe('IKM aggregation', () => {
  it('makes one delta per rollup item for the batch, however many responses it holds', () => {
    const deltas = aggregateSurveys(Q1);
    // 3 months × (unit, agency, tenant, national)
    expect(deltas).toHaveLength(12);
    const feb = deltas.find((d) => d.level === 'unit' && d.period === '2025-02')!;
    expect(feb.sums).toEqual({ respondents: 3, sums: { u1: 9, u2: 10, u3: 11, u4: 8, u5: 9, u6: 10, u7: 11, u8: 8, u9: 9 } });
    expect(rollupAttributes(feb.sums)).toMatchObject({ ikmRespondents: 3, ikm_u1: 9, ikm_u3: 11, ikm_u9: 9 });
  });

  it('computes each month by the formula: January 87.50 B, February 78.70 B, March 25.00 D', () => {
    const [jan, feb, mar] = monthlyUnitItems(Q1).map((item) => ikmFromSums(sumRollups([item]))!);
    // January: 63 points / (9 × 2) = 3.5 → × 25 = 87.50
    expect(jan).toMatchObject({ respondents: 2, ikm: 87.5, grade: 'B', label: 'Baik' });
    expect(jan.nrr.u1).toBe(3.5);
    // February: 85 / 27 × 25 = 78.7037… → 78.70
    expect(feb).toMatchObject({ respondents: 3, ikm: 78.7, grade: 'B' });
    expect(feb.nrr.u3).toBeCloseTo(11 / 3, 12);
    // March: every answer 1 → 25.00, the floor of the scale
    expect(mar).toMatchObject({ respondents: 1, ikm: 25, grade: 'D', label: 'Tidak Baik' });
  });

  it('combines the quarter from sums, weighting months by respondents (not a mean of monthly IKMs)', () => {
    const quarter = ikmFromSums(sumRollups(monthlyUnitItems(Q1)))!;
    // Element sums over six respondents: u1 17, u2 18, u3 19, u4 16, u5 17, u6 18, u7 19, u8 16, u9 17 (total 157)
    expect(quarter.respondents).toBe(6);
    expect(quarter.nrr).toEqual({ u1: 17 / 6, u2: 18 / 6, u3: 19 / 6, u4: 16 / 6, u5: 17 / 6, u6: 18 / 6, u7: 19 / 6, u8: 16 / 6, u9: 17 / 6 });
    // 157 / (9 × 6) = 2.907407… × 25 = 72.685… → 72.69, grade C (65.00–76.60)
    expect(quarter.ikm).toBe(72.69);
    expect(quarter).toMatchObject({ grade: 'C', label: 'Kurang Baik' });
    // The mean of the three monthly IKMs would be (87.50 + 78.70 + 25.00) / 3 = 63.73, grade D: wrong.
    expect(quarter.ikm).not.toBeCloseTo((87.5 + 78.7 + 25) / 3, 1);
  });

  it('sums two units into their agency, tenant and national rollups', () => {
    const batch = [survey('2025-04', 'p1', 4, 4, 4, 4, 4, 4, 4, 4, 4), survey('2025-04', 'p2', 2, 2, 2, 2, 2, 2, 2, 2, 2), survey('2025-04', 'p2', 3, 3, 3, 3, 3, 3, 3, 3, 3)];
    const deltas = aggregateSurveys(batch);
    expect(deltas.filter((d) => d.level === 'unit').map((d) => [d.id, d.sums.respondents])).toEqual([['p1', 1], ['p2', 2]]);
    for (const level of ['agency', 'tenant', 'national'] as const) {
      const d = deltas.filter((x) => x.level === level);
      expect(d).toHaveLength(1);
      // (36 + 18 + 27) / 27 × 25 = 75.00 → C
      expect(ikmFromSums(d[0]!.sums)).toMatchObject({ respondents: 3, ikm: 75, grade: 'C' });
    }
  });

  it('has no IKM for a scope without respondents', () => {
    expect(ikmFromSums(sumRollups([]))).toBeNull();
    expect(ikmFromSums(sumRollups([{ officers: 12, submitted: 10 }]))).toBeNull();
  });
});

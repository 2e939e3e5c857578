// DESIGN §2 Field supervision: a `berat` finding about the officer in the period adds FIELD_FINDING naming the visit.
import { describe, expect, it } from 'vitest';
import { fieldFindingFlag } from '../../../functions/domain/flags.js';
import { evaluateOfficerPeriod } from '../../../functions/evaluations/evaluate-officer.js';
import { DEFAULT_POLICY } from '../../../functions/domain/policy.js';

const finding = (visitId: string, date: string, note = 'Meminta biaya di luar tarif') => ({ visitId, unitName: 'Puskesmas Serang Kota', date, note });

describe('fieldFindingFlag', () => {
  it('is null without findings', () => {
    expect(fieldFindingFlag([])).toBeNull();
  });

  it('names the visit: its id, unit, date and the finding', () => {
    const flag = fieldFindingFlag([finding('20250612-abcdefghij', '2025-06-12')]);
    expect(flag).toEqual({
      code: 'FIELD_FINDING',
      reason: 'Serious (berat) field finding: visit 20250612-abcdefghij to Puskesmas Serang Kota on 2025-06-12: Meminta biaya di luar tarif',
      params: { count: 1, findings: 'Puskesmas Serang Kota, 2025-06-12: Meminta biaya di luar tarif' },
    });
  });

  it('is one flag naming every visit, oldest first', () => {
    const flag = fieldFindingFlag([finding('20250620-bbbbbbbbbb', '2025-06-20', 'Kedua'), finding('20250603-aaaaaaaaaa', '2025-06-03', 'Pertama')]);
    expect(flag!.reason.indexOf('Pertama')).toBeLessThan(flag!.reason.indexOf('Kedua'));
  });
});

describe('evaluateOfficerPeriod with field findings', () => {
  const base = { period: '2025-06', scores: [], ikm: null, trainingJpToDate: 20, previous: [], policy: DEFAULT_POLICY };
  it('adds FIELD_FINDING when the input carries a berat finding, not otherwise', () => {
    expect(evaluateOfficerPeriod(base).flags.map((f) => f.code)).not.toContain('FIELD_FINDING');
    expect(evaluateOfficerPeriod({ ...base, fieldFindings: [finding('20250612-abcdefghij', '2025-06-12')] }).flags.map((f) => f.code)).toContain('FIELD_FINDING');
  });
});

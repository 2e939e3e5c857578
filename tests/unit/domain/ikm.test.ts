import { describe, expect, it } from 'vitest';
import {
  addIkmSums,
  emptyIkmSums,
  IKM_ANSWER_WORDING,
  IKM_ELEMENTS,
  IKM_KEYS,
  ikmFromSums,
  ikmGrade,
  krejcieMorganMinimum,
  sampleSufficient,
} from '../../../functions/domain/ikm.js';
import type { IkmSums } from '../../../functions/domain/ikm.js';

describe('ikmFromSums', () => {
  it('matches a hand-computed survey of four respondents', () => {
    // Prepare: four respondents; element sums
    // u1 3+4+3+3=13  u2 3+3+3+3=12  u3 2+3+3+4=12  u4 4+4+4+4=16  u5 3+3+4+3=13
    // u6 3+4+4+3=14  u7 4+4+3+4=15  u8 2+2+3+3=10  u9 3+3+3+2=11  total 116
    const s: IkmSums = {
      respondents: 4,
      sums: { u1: 13, u2: 12, u3: 12, u4: 16, u5: 13, u6: 14, u7: 15, u8: 10, u9: 11 },
    };
    // Act
    const result = ikmFromSums(s);
    // Assess: NRR = sum / 4; raw = 116 / 36 = 3.2222…; IKM = 3.2222… × 25 = 80.5555… → 80.56, grade B
    expect(result).not.toBeNull();
    expect(result!.respondents).toBe(4);
    expect(result!.nrr).toEqual({ u1: 3.25, u2: 3, u3: 3, u4: 4, u5: 3.25, u6: 3.5, u7: 3.75, u8: 2.5, u9: 2.75 });
    expect(result!.ikmRaw).toBeCloseTo(116 / 36, 12);
    expect(result!.ikm).toBe(80.56);
    expect(result!.grade).toBe('B');
    expect(result!.label).toBe('Baik');
  });

  it('rounds an exact half up: 243 / 72 × 25 = 84.375 → 84.38', () => {
    const s: IkmSums = {
      respondents: 8,
      sums: { u1: 25, u2: 26, u3: 27, u4: 28, u5: 29, u6: 27, u7: 27, u8: 27, u9: 27 },
    };
    expect(ikmFromSums(s)!.ikm).toBe(84.38);
  });

  it('gives 100.00 A Sangat Baik when everyone answers 4 and 25.00 D Tidak Baik when everyone answers 1', () => {
    const all = (score: number, n: number): IkmSums => ({
      respondents: n,
      sums: Object.fromEntries(IKM_KEYS.map((k) => [k, score * n])) as IkmSums['sums'],
    });
    expect(ikmFromSums(all(4, 3))).toMatchObject({ ikm: 100, grade: 'A', label: 'Sangat Baik' });
    expect(ikmFromSums(all(1, 7))).toMatchObject({ ikm: 25, grade: 'D', label: 'Tidak Baik' });
  });

  it('is null without respondents', () => {
    expect(ikmFromSums(emptyIkmSums())).toBeNull();
  });
});

describe('addIkmSums', () => {
  it('adds respondents and every element', () => {
    const a: IkmSums = { respondents: 1, sums: { u1: 1, u2: 2, u3: 3, u4: 4, u5: 1, u6: 2, u7: 3, u8: 4, u9: 1 } };
    const b: IkmSums = { respondents: 2, sums: { u1: 8, u2: 7, u3: 6, u4: 5, u5: 4, u6: 3, u7: 2, u8: 8, u9: 7 } };
    expect(addIkmSums(a, b)).toEqual({
      respondents: 3,
      sums: { u1: 9, u2: 9, u3: 9, u4: 9, u5: 5, u6: 5, u7: 5, u8: 12, u9: 8 },
    });
  });
});

describe('ikmGrade', () => {
  it.each([
    [100, 'A'],
    [88.31, 'A'],
    [88.3, 'B'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [25, 'D'],
  ] as const)('%d → %s', (ikm, grade) => {
    expect(ikmGrade(ikm)).toBe(grade);
  });

  it('grades the two-decimal value: 88.305 is reported as 88.31 and so is A', () => {
    expect(ikmGrade(88.305)).toBe('A');
    expect(ikmGrade(88.304)).toBe('B');
  });
});

describe('element labels and wording', () => {
  it('has nine elements, each with four answers in both languages', () => {
    expect(IKM_KEYS).toHaveLength(9);
    expect(IKM_ELEMENTS.u2.id).toBe('Sistem, Mekanisme, dan Prosedur');
    for (const k of IKM_KEYS) {
      expect(IKM_ANSWER_WORDING[k].id).toHaveLength(4);
      expect(IKM_ANSWER_WORDING[k].en).toHaveLength(4);
    }
    expect(IKM_ANSWER_WORDING.u4.id).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);
    expect(IKM_ANSWER_WORDING.u8.id[3]).toBe('Dikelola dengan baik');
  });
});

describe('krejcieMorganMinimum', () => {
  it.each([
    [10, 10],
    [100, 80],
    [1000, 278],
    [10000, 370],
    [75000, 382],
    [1000000, 384],
    [5000000, 384],
  ])('population %d → %d respondents', (population, minimum) => {
    expect(krejcieMorganMinimum(population)).toBe(minimum);
  });

  it('uses the next row up between rows', () => {
    expect(krejcieMorganMinimum(101)).toBe(86);
    expect(krejcieMorganMinimum(75001)).toBe(384);
  });

  it('never asks for more respondents than the population', () => {
    expect(krejcieMorganMinimum(5)).toBe(5);
    expect(krejcieMorganMinimum(12)).toBe(12);
  });
});

describe('sampleSufficient', () => {
  it('compares respondents with the minimum, and is null when the population is unknown', () => {
    expect(sampleSufficient(80, 100)).toBe(true);
    expect(sampleSufficient(79, 100)).toBe(false);
    expect(sampleSufficient(10, undefined)).toBeNull();
  });
});

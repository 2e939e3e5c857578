import { describe, expect, it } from 'vitest';
import { parseIndonesianNumber, type NumberProblem } from '../../../functions/domain/indonesian-number.js';

describe('parseIndonesianNumber', () => {
  it.each([
    ['1500', 1500],
    ['1.500', 1500],
    ['1.500.000', 1_500_000],
    ['1.500,5', 1500.5],
    ['1.000,500', 1000.5],
    ['12,5', 12.5],
    ['0,75', 0.75],
    ['0,750', 0.75], // a leading 0 is never English thousands
    ['1234,567', 1234.567], // four digits before the comma cannot be English grouping
    ['0', 0],
    ['007', 7],
    ['  42 ', 42],
    ['100', 100],
  ])('reads %j as %d', (input, value) => {
    expect(parseIndonesianNumber(input)).toEqual({ ok: true, value });
  });

  it.each<[string, NumberProblem]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['1.5', 'dotDecimal'],
    ['12.25', 'dotDecimal'],
    ['0.500', 'dotDecimal'],
    ['1.5000', 'dotDecimal'],
    ['1234.567', 'dotDecimal'],
    ['1,500', 'ambiguousComma'],
    ['12,500', 'ambiguousComma'],
    ['1,500.5', 'englishStyle'],
    ['1..5', 'malformed'],
    ['1,2,3', 'malformed'],
    [',5', 'malformed'],
    ['12,', 'malformed'],
    ['1.', 'malformed'],
    ['.5', 'malformed'],
    ['abc', 'notANumber'],
    ['12a', 'notANumber'],
    ['1e3', 'notANumber'],
    ['1 500', 'notANumber'],
    ['Rp 1.500', 'notANumber'],
    ['-5', 'negative'],
    ['-1.500', 'negative'],
  ])('refuses %j (%s) with a reason', (input, problem) => {
    const result = parseIndonesianNumber(input);
    expect(result).toMatchObject({ ok: false, problem });
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
  });

  it('reads a negative number only where the caller allows it', () => {
    expect(parseIndonesianNumber('-1.500,5', { allowNegative: true })).toEqual({ ok: true, value: -1500.5 });
    expect(parseIndonesianNumber('-abc', { allowNegative: true })).toMatchObject({ ok: false, problem: 'notANumber' });
  });
});

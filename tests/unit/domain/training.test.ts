import { describe, expect, it } from 'vitest';
import { trainingPace } from '../../../functions/domain/training.js';

describe('trainingPace', () => {
  it('pro-rates the 20 JP a year by month', () => {
    expect(trainingPace(5, '2025-03')).toEqual({ required: 5, behind: false, yearEndShort: false });
    expect(trainingPace(4.5, '2025-03')).toEqual({ required: 5, behind: true, yearEndShort: false });
    expect(trainingPace(0, '2025-01').required).toBeCloseTo(20 / 12, 12);
  });

  it('flags a year that closes below 20 JP only in December', () => {
    expect(trainingPace(19, '2025-12')).toEqual({ required: 20, behind: true, yearEndShort: true });
    expect(trainingPace(20, '2025-12')).toEqual({ required: 20, behind: false, yearEndShort: false });
    expect(trainingPace(15, '2025-11').yearEndShort).toBe(false);
  });
});

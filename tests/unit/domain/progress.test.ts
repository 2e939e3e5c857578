import { describe, expect, it } from 'vitest';
import { elapsedWorkingShare, judgeProgress, overallOnTrack, progressOnTrack, PROGRESS_TOLERANCE } from '../../../functions/domain/progress.js';

// October 2025: 23 working days (Wed 1 … Fri 31).
describe('elapsedWorkingShare', () => {
  it('counts working days up to and including today', () => {
    expect(elapsedWorkingShare('2025-10', '2025-10-01', [])).toBeCloseTo(1 / 23);
    expect(elapsedWorkingShare('2025-10', '2025-10-10', [])).toBeCloseTo(8 / 23);
    expect(elapsedWorkingShare('2025-10', '2025-10-31', [])).toBe(1);
  });

  it('does not count a weekend day as progress', () => {
    expect(elapsedWorkingShare('2025-10', '2025-10-05', [])).toBe(elapsedWorkingShare('2025-10', '2025-10-03', []));
  });

  it('leaves holidays out of the month', () => {
    expect(elapsedWorkingShare('2025-10', '2025-10-10', ['2025-10-06'])).toBeCloseTo(7 / 22);
  });

  it('is 0 before the month and 1 after it', () => {
    expect(elapsedWorkingShare('2025-10', '2025-09-30', [])).toBe(0);
    expect(elapsedWorkingShare('2025-10', '2025-11-03', [])).toBe(1);
  });
});

describe('progressOnTrack', () => {
  it('holds kuantitas to the pro-rated target less the tolerance', () => {
    // Half the month gone, target 100: 40 is the edge (100 × (0.5 − 0.1)).
    expect(progressOnTrack('kuantitas', 100, 40, 0.5)).toBe(true);
    expect(progressOnTrack('kuantitas', 100, 39.9, 0.5)).toBe(false);
    expect(progressOnTrack('kualitas', 90, 72, 0.9)).toBe(true);
    expect(progressOnTrack('kualitas', 90, 71.9, 0.9)).toBe(false);
  });

  it('judges a missing kuantitas value as nothing done yet', () => {
    expect(progressOnTrack('kuantitas', 100, undefined, PROGRESS_TOLERANCE)).toBe(true);
    expect(progressOnTrack('kuantitas', 100, undefined, 0.3)).toBe(false);
  });

  it('judges waktu and biaya only once a value exists, lower is better', () => {
    expect(progressOnTrack('waktu', 5, undefined, 0.8)).toBeNull();
    expect(progressOnTrack('waktu', 5, 5.5, 0.8)).toBe(true);
    expect(progressOnTrack('waktu', 5, 5.6, 0.8)).toBe(false);
    expect(progressOnTrack('biaya', 1000, 0, 0.8)).toBe(true);
  });

  it('refuses a target that is not positive', () => {
    expect(() => progressOnTrack('kuantitas', 0, 1, 0.5)).toThrow(RangeError);
  });
});

describe('overallOnTrack and judgeProgress', () => {
  it('is behind when any judged indicator is behind, null when none is judged', () => {
    expect(overallOnTrack([true, null, true])).toBe(true);
    expect(overallOnTrack([true, false])).toBe(false);
    expect(overallOnTrack([null])).toBeNull();
  });

  it('judges every target, including those without a drafted value', () => {
    const targets = [
      { indicatorId: 'a', aspect: 'kuantitas' as const, target: 100 },
      { indicatorId: 'b', aspect: 'waktu' as const, target: 5 },
      { indicatorId: 'c', aspect: 'kuantitas' as const, target: 10 },
    ];
    const r = judgeProgress(targets, [{ indicatorId: 'a', value: 60 }, { indicatorId: 'b', value: 4 }], 0.5);
    expect(r.byIndicator).toEqual({ a: true, b: true, c: false });
    expect(r.onTrack).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  addMonths,
  hasEnded,
  isMonthPeriod,
  isQuarterPeriod,
  isYearPeriod,
  lastEndedPeriod,
  lastEndedYear,
  monthOf,
  monthsOf,
  parsePeriod,
  periodEnd,
  periodRange,
  periodStart,
  previousPeriod,
  quarterOf,
  zonedParts,
} from '../../../functions/domain/periods.js';

const WITA = 'Asia/Makassar';
const WIB = 'Asia/Jakarta';

describe('period strings', () => {
  it('recognises months, quarters and years', () => {
    expect(isMonthPeriod('2025-10')).toBe(true);
    expect(isMonthPeriod('2025-13')).toBe(false);
    expect(isQuarterPeriod('2025-Q4')).toBe(true);
    expect(isQuarterPeriod('2025-Q5')).toBe(false);
    expect(isYearPeriod('2025')).toBe(true);
    expect(isYearPeriod('25')).toBe(false);
  });

  it('parses each kind and rejects anything else', () => {
    expect(parsePeriod('2025-03')).toEqual({ kind: 'month', year: 2025, month: 3 });
    expect(parsePeriod('2025-Q2')).toEqual({ kind: 'quarter', year: 2025, quarter: 2 });
    expect(parsePeriod('2025')).toEqual({ kind: 'year', year: 2025 });
    expect(() => parsePeriod('2025-3')).toThrow(RangeError);
  });

  it('lists the months of a quarter and of a year', () => {
    expect(monthsOf('2025-Q4')).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(monthsOf('2024')).toHaveLength(12);
    expect(monthsOf('2024')[0]).toBe('2024-01');
    expect(monthsOf('2024')[11]).toBe('2024-12');
    expect(quarterOf('2025-07')).toBe('2025-Q3');
  });

  it('steps back across year boundaries', () => {
    expect(previousPeriod('2025-01')).toBe('2024-12');
    expect(previousPeriod('2025-Q1')).toBe('2024-Q4');
    expect(previousPeriod('2025')).toBe('2024');
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2025-02', -14)).toBe('2023-12');
  });

  it('ranges over months inclusively, expanding quarters and years', () => {
    expect(periodRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodRange('2025-Q1', '2025-Q1')).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(periodRange('2025-03', '2025-01')).toEqual([]);
  });
});

describe('periods in the tenant time zone', () => {
  it('places 2025-10-31T16:30Z in November in WITA but still October in WIB', () => {
    // Prepare
    const instant = new Date('2025-10-31T16:30:00Z');
    // Act / Assess
    expect(monthOf(instant, WITA)).toBe('2025-11');
    expect(monthOf(instant, WIB)).toBe('2025-10');
    expect(zonedParts(instant, WITA)).toEqual({ year: 2025, month: 11, day: 1, hour: 0, minute: 30, second: 0 });
  });

  it('ends a month at local midnight', () => {
    expect(periodEnd('2025-10', WITA).toISOString()).toBe('2025-10-31T16:00:00.000Z');
    expect(periodEnd('2025-10', WIB).toISOString()).toBe('2025-10-31T17:00:00.000Z');
  });

  it('ends quarters and years at the local midnight after their last day', () => {
    expect(periodEnd('2025-Q4', WIB).toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(periodEnd('2025', WITA).toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(periodStart('2025-Q1', WIB).toISOString()).toBe('2024-12-31T17:00:00.000Z');
  });

  it('handles zones with daylight saving time', () => {
    expect(periodEnd('2025-03', 'Europe/Berlin').toISOString()).toBe('2025-03-31T22:00:00.000Z');
    expect(periodEnd('2025-10', 'Europe/Berlin').toISOString()).toBe('2025-10-31T23:00:00.000Z');
    expect(periodStart('2025-03', 'America/New_York').toISOString()).toBe('2025-03-01T05:00:00.000Z');
  });

  it('says a period has ended exactly at its end instant', () => {
    expect(hasEnded('2025-10', new Date('2025-10-31T15:59:59.999Z'), WITA)).toBe(false);
    expect(hasEnded('2025-10', new Date('2025-10-31T16:00:00Z'), WITA)).toBe(true);
    expect(hasEnded('2025-10', new Date('2025-10-31T16:30:00Z'), WIB)).toBe(false);
  });

  it('finds the last ended month, quarter and year where the tenant is', () => {
    const lateOctober = new Date('2025-10-31T16:30:00Z');
    expect(lastEndedPeriod(lateOctober, WITA, 'monthly')).toBe('2025-10');
    expect(lastEndedPeriod(lateOctober, WIB, 'monthly')).toBe('2025-09');

    const newYearsEve = new Date('2025-12-31T16:30:00Z');
    expect(lastEndedPeriod(newYearsEve, WITA, 'quarterly')).toBe('2025-Q4');
    expect(lastEndedPeriod(newYearsEve, WIB, 'quarterly')).toBe('2025-Q3');
    expect(lastEndedYear(newYearsEve, WITA)).toBe('2025');
    expect(lastEndedYear(newYearsEve, WIB)).toBe('2024');
  });
});

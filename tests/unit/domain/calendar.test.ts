import { describe, expect, it } from 'vitest';
import { evaluationRunAt, isoInZone, reportWindow, runsDueOn, upcomingRuns } from '../../../functions/domain/calendar.js';
import { zonedTimeToUtc } from '../../../functions/domain/periods.js';

const policy = { reportDueDay: 5, reviewDueDay: 10, evaluationFrequency: 'monthly' as const };
const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const at = (tz: string, y: number, m: number, d: number, h = 0, min = 0) => zonedTimeToUtc(tz, y, m, d, h, min);

describe('reporting calendar', () => {
  it('a month is open until the end of reportDueDay, late until the end of reviewDueDay, then closed', () => {
    expect(reportWindow('2026-11', at(WIB, 2026, 11, 30, 23), policy, WIB)).toBe('open');
    expect(reportWindow('2026-11', at(WIB, 2026, 12, 5, 23, 59), policy, WIB)).toBe('open');
    expect(reportWindow('2026-11', at(WIB, 2026, 12, 6), policy, WIB)).toBe('late');
    expect(reportWindow('2026-11', at(WIB, 2026, 12, 10, 23, 59), policy, WIB)).toBe('late');
    expect(reportWindow('2026-11', at(WIB, 2026, 12, 11), policy, WIB)).toBe('closed');
    expect(reportWindow('2026-12', at(WIB, 2026, 11, 30), policy, WIB)).toBe('future');
  });

  it('the same instant is still day 10 in Jakarta and already day 11 in Makassar', () => {
    const instant = at(WITA, 2026, 12, 11, 0, 30); // 23:30 on the 10th in WIB
    expect(reportWindow('2026-11', instant, policy, WIB)).toBe('late');
    expect(reportWindow('2026-11', instant, policy, WITA)).toBe('closed');
  });
});

describe('automatic evaluation runs', () => {
  it('run on day 11 at 01:00 local, never on day 1', () => {
    expect(isoInZone(evaluationRunAt('2026-11', policy, WIB), WIB)).toBe('2026-12-11T01:00:00+07:00');
    expect(isoInZone(evaluationRunAt('2026-Q4', policy, WITA), WITA)).toBe('2027-01-11T01:00:00+08:00');
    expect(isoInZone(evaluationRunAt('2026', policy, WIB), WIB)).toBe('2027-01-11T01:00:00+07:00');
    expect(runsDueOn(at(WIB, 2026, 12, 1, 1), policy, WIB)).toEqual([]);
  });

  it('the daily trigger finds the month due on day 11, the quarter and year in January', () => {
    expect(runsDueOn(at(WIB, 2026, 12, 11, 1), policy, WIB)).toEqual([{ kind: 'monthly', period: '2026-11' }]);
    expect(runsDueOn(at(WIB, 2027, 1, 11, 1), policy, WIB)).toEqual([{ kind: 'monthly', period: '2026-12' }, { kind: 'annual', period: '2026' }]);
    const quarterly = { ...policy, evaluationFrequency: 'quarterly' as const };
    expect(runsDueOn(at(WITA, 2026, 12, 11, 1), quarterly, WITA)).toEqual([]);
    expect(runsDueOn(at(WITA, 2026, 10, 11, 1), quarterly, WITA)).toEqual([{ kind: 'quarterly', period: '2026-Q3' }]);
    expect(runsDueOn(at(WIB, 2026, 12, 16, 1), { ...policy, reviewDueDay: 15 }, WIB)).toEqual([{ kind: 'monthly', period: '2026-11' }]);
  });

  it('lists the next runs in the zone', () => {
    const next = upcomingRuns(at(WIB, 2026, 12, 1, 9), policy, WIB, 3);
    expect(next.map((r) => [r.kind, r.period, isoInZone(r.at, WIB)])).toEqual([
      ['monthly', '2026-11', '2026-12-11T01:00:00+07:00'],
      ['monthly', '2026-12', '2027-01-11T01:00:00+07:00'],
      ['annual', '2026', '2027-01-11T01:00:00+07:00'],
    ]);
  });
});

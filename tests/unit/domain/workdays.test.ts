import { describe, expect, it } from 'vitest';
import { addWorkingDays, complaintDeadline, isOverdue } from '../../../functions/domain/workdays.js';

const WIB = 'Asia/Jakarta';
// 2025-10-02 is a Thursday; 10:00 WIB.
const thursdayMorning = new Date('2025-10-02T03:00:00Z');

describe('addWorkingDays', () => {
  it('skips the weekend', () => {
    // Fri 3, Mon 6, Tue 7, Wed 8, Thu 9
    expect(addWorkingDays(thursdayMorning, 5, WIB, [])).toBe('2025-10-09');
    expect(addWorkingDays(thursdayMorning, 1, WIB, [])).toBe('2025-10-03');
    expect(addWorkingDays(thursdayMorning, 2, WIB, [])).toBe('2025-10-06');
  });

  it('skips a configured holiday', () => {
    expect(addWorkingDays(thursdayMorning, 5, WIB, ['2025-10-06'])).toBe('2025-10-10');
  });

  it('counts from the filing day in the tenant zone', () => {
    // 2025-10-02T17:30Z is already Friday 00:30 in WIB
    expect(addWorkingDays(new Date('2025-10-02T17:30:00Z'), 5, WIB, [])).toBe('2025-10-10');
  });
});

describe('complaint deadline and isOverdue', () => {
  it('is due at the end of the fifth working day in the zone', () => {
    expect(complaintDeadline(thursdayMorning, WIB, []).toISOString()).toBe('2025-10-09T17:00:00.000Z');
    expect(complaintDeadline(thursdayMorning, 'Asia/Makassar', []).toISOString()).toBe('2025-10-09T16:00:00.000Z');
  });

  it('becomes overdue when still unanswered at the deadline', () => {
    expect(isOverdue(thursdayMorning, null, new Date('2025-10-09T16:59:59Z'), WIB, [])).toBe(false);
    expect(isOverdue(thursdayMorning, null, new Date('2025-10-09T17:00:00Z'), WIB, [])).toBe(true);
  });

  it('gives one more day when a holiday falls inside the window', () => {
    expect(isOverdue(thursdayMorning, null, new Date('2025-10-10T12:00:00Z'), WIB, ['2025-10-06'])).toBe(false);
  });

  it('judges an answered complaint by when it was answered', () => {
    const later = new Date('2025-12-01T00:00:00Z');
    expect(isOverdue(thursdayMorning, new Date('2025-10-09T12:00:00Z'), later, WIB, [])).toBe(false);
    expect(isOverdue(thursdayMorning, new Date('2025-10-10T02:00:00Z'), later, WIB, [])).toBe(true);
  });
});

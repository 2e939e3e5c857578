import { describe, expect, it } from 'vitest';
import { addWorkingDays, complaintDeadline, complaintTimeliness } from '../../../functions/domain/workdays.js';

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

describe('complaint deadlines (SP4N-LAPOR!: verify in 3 working days, answer in 5 after verification)', () => {
  const filed = thursdayMorning.toISOString(); // Thu 2 Oct 2025, 10:00 WIB
  const at = (iso: string) => new Date(iso);

  it('is due at the end of the n-th working day in the zone', () => {
    expect(complaintDeadline(thursdayMorning, WIB, []).toISOString()).toBe('2025-10-09T17:00:00.000Z');
    expect(complaintDeadline(thursdayMorning, 'Asia/Makassar', []).toISOString()).toBe('2025-10-09T16:00:00.000Z');
  });

  it('verification is due at the end of the third working day (Fri, Mon, Tue) and overdue from then', () => {
    const t = complaintTimeliness({ createdAt: filed }, at('2025-10-07T16:59:59Z'), WIB, []);
    expect(t).toMatchObject({ verifyDue: '2025-10-07T17:00:00.000Z', verifyOverdue: false, verifyOnTime: null, answerDue: null, answerOverdue: false });
    expect(complaintTimeliness({ createdAt: filed }, at('2025-10-07T17:00:00Z'), WIB, []).verifyOverdue).toBe(true);
  });

  it('a holiday in the window moves the due day, in the tenant\'s zone', () => {
    expect(complaintTimeliness({ createdAt: filed }, at('2025-10-08T12:00:00Z'), WIB, ['2025-10-06']).verifyDue).toBe('2025-10-08T17:00:00.000Z');
    expect(complaintTimeliness({ createdAt: filed }, at('2025-10-08T12:00:00Z'), 'Asia/Makassar', []).verifyDue).toBe('2025-10-07T16:00:00.000Z');
  });

  it('the answer is due five working days after verification, and each step is judged on its own', () => {
    // Verified late (Wed 8 Oct), answered on time (Tue 14 Oct, due end of Wed 15 Oct).
    const c = { createdAt: filed, verifiedAt: '2025-10-08T02:00:00Z', answeredAt: '2025-10-14T02:00:00Z' };
    expect(complaintTimeliness(c, at('2025-12-01T00:00:00Z'), WIB, [])).toEqual({
      verifyDue: '2025-10-07T17:00:00.000Z', verifyOverdue: true, verifyOnTime: false,
      answerDue: '2025-10-15T17:00:00.000Z', answerOverdue: false, answerOnTime: true,
    });
    // Verified on time but not answered by the due time: only the answer is overdue.
    const open = complaintTimeliness({ createdAt: filed, verifiedAt: '2025-10-03T02:00:00Z' }, at('2025-10-10T17:00:00Z'), WIB, []);
    expect(open).toMatchObject({ verifyOverdue: false, verifyOnTime: true, answerDue: '2025-10-10T17:00:00.000Z', answerOverdue: true, answerOnTime: null });
  });

  it('a rejection decides the verification step; nothing is due after it', () => {
    const t = complaintTimeliness({ createdAt: filed, rejectedAt: '2025-10-03T02:00:00Z' }, at('2025-12-01T00:00:00Z'), WIB, []);
    expect(t).toMatchObject({ verifyOverdue: false, verifyOnTime: true, answerDue: null, answerOverdue: false });
  });
});

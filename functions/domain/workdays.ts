import { dayOf, zonedTimeToUtc } from './periods.js';

/** DESIGN §2 complaints: an answer is due within this many working days (of verification). */
export const COMPLAINT_ANSWER_WORKING_DAYS = 5;
/** DESIGN §2 complaints (SP4N-LAPOR! practice): verification is due within 3 working days of receipt. */
export const COMPLAINT_VERIFY_WORKING_DAYS = 3;

const DAY_MS = 86_400_000;

function toUtcMidnight(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

const fromUtcMidnight = (t: number): string => new Date(t).toISOString().slice(0, 10);

// Working day: Monday–Friday and not a configured holiday (`YYYY-MM-DD`)
export function isWorkingDay(isoDate: string, holidays: readonly string[]): boolean {
  const weekday = new Date(toUtcMidnight(isoDate)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.includes(isoDate);
}

// The calendar day (`YYYY-MM-DD`, in the zone) of the n-th working day after the start instant's day
export function addWorkingDays(start: Date, days: number, timeZone: string, holidays: readonly string[]): string {
  let t = toUtcMidnight(dayOf(start, timeZone));
  for (let left = days; left > 0; ) {
    t += DAY_MS;
    if (isWorkingDay(fromUtcMidnight(t), holidays)) left -= 1;
  }
  return fromUtcMidnight(t);
}

// DESIGN §2 complaints: due at the end (24:00 in the zone) of the 5th working day after the filing day
export function complaintDeadline(
  filedAt: Date,
  timeZone: string,
  holidays: readonly string[],
  limit = COMPLAINT_ANSWER_WORKING_DAYS,
): Date {
  const lastDay = toUtcMidnight(addWorkingDays(filedAt, limit, timeZone, holidays));
  const next = new Date(lastDay + DAY_MS);
  return zonedTimeToUtc(timeZone, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

// DESIGN §2 complaints: verification due at the end of the 3rd working day after the filing day
export const verificationDeadline = (filedAt: Date, timeZone: string, holidays: readonly string[]): Date =>
  complaintDeadline(filedAt, timeZone, holidays, COMPLAINT_VERIFY_WORKING_DAYS);

export interface ComplaintTimes { createdAt: string; verifiedAt?: string | null; rejectedAt?: string | null; answeredAt?: string | null }
export interface Timeliness {
  verifyDue: string; verifyOverdue: boolean; verifyOnTime: boolean | null;
  answerDue: string | null; answerOverdue: boolean; answerOnTime: boolean | null;
}

// DESIGN §2 complaints: verification (or rejection) due 3 working days after receipt, the answer
// `answerDays` working days after verification; each is overdue on its own (undecided past the due
// time, or decided after it). `onTime` is null until the step is done.
export function complaintTimeliness(c: ComplaintTimes, now: Date, timeZone: string, holidays: readonly string[], answerDays = COMPLAINT_ANSWER_WORKING_DAYS): Timeliness {
  const verifyDue = verificationDeadline(new Date(c.createdAt), timeZone, holidays).getTime();
  // A complaint answered before verification was recorded (older items) counts as verified when answered.
  const decided = c.verifiedAt ?? c.rejectedAt ?? c.answeredAt ?? null;
  const decidedAt = decided ? Date.parse(decided) : null;
  const answerDue = c.verifiedAt ? complaintDeadline(new Date(c.verifiedAt), timeZone, holidays, answerDays).getTime() : null;
  const answeredAt = c.answeredAt ? Date.parse(c.answeredAt) : null;
  return {
    verifyDue: new Date(verifyDue).toISOString(),
    verifyOverdue: (decidedAt ?? now.getTime()) >= verifyDue,
    verifyOnTime: decidedAt === null ? null : decidedAt < verifyDue,
    answerDue: answerDue === null ? null : new Date(answerDue).toISOString(),
    answerOverdue: answerDue !== null && (answeredAt ?? now.getTime()) >= answerDue,
    answerOnTime: answerDue === null || answeredAt === null ? null : answeredAt < answerDue,
  };
}

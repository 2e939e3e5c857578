import { dayOf, zonedTimeToUtc } from './periods.js';

/** DESIGN §2 complaints: an answer is due within this many working days. */
export const COMPLAINT_ANSWER_WORKING_DAYS = 5;

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

// DESIGN §2 complaints: overdue when unanswered at the deadline, or answered after it
export function isOverdue(
  filedAt: Date,
  answeredAt: Date | null,
  now: Date,
  timeZone: string,
  holidays: readonly string[],
  limit = COMPLAINT_ANSWER_WORKING_DAYS,
): boolean {
  const deadline = complaintDeadline(filedAt, timeZone, holidays, limit).getTime();
  return (answeredAt ?? now).getTime() >= deadline;
}

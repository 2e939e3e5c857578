// DESIGN §2 Notifications and reporting calendar: on which days the daily pass reminds whom. Days are
// `YYYY-MM-DD` in the tenant's zone; a reminder window spans several days so a missed daily run is
// caught up the next day (the notification id keeps it to one per month).
import { addMonths } from './periods.js';

/** Days before a due date that a reminder starts ("due in 3 days"). */
export const REMIND_DAYS_BEFORE = 3;

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const dueDayOf = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

// DESIGN §2: the report of month M is due on `reportDueDay` of M+1; officers without one hear of it 3 days ahead
export function reportReminder(today: string, policy: { reportDueDay: number }): { month: string; due: string } | null {
  const current = today.slice(0, 7);
  const due = dueDayOf(current, policy.reportDueDay);
  return today >= addDays(due, -REMIND_DAYS_BEFORE) && today <= due ? { month: addMonths(current, -1), due } : null;
}

// DESIGN §2: reviews still pending after `reportDueDay` (until `reviewDueDay`) are the supervisors' to finish
export function reviewReminder(today: string, policy: { reportDueDay: number; reviewDueDay: number }): { month: string; due: string } | null {
  const current = today.slice(0, 7);
  const due = dueDayOf(current, policy.reviewDueDay);
  return today > dueDayOf(current, policy.reportDueDay) && today <= due ? { month: addMonths(current, -1), due } : null;
}

/** An action due within the reminder window (or past due) needs a notice. */
export const actionNotice = (due: string, today: string): 'due' | 'overdue' | null =>
  due < today ? 'overdue' : due <= addDays(today, REMIND_DAYS_BEFORE) ? 'due' : null;

// DESIGN §2 Reporting calendar and publication: when a month's report is due, when it may no longer
// be sent without a late window, and when the automatic evaluation of a period runs. Pure; times are
// computed in the tenant's zone with the Intl helpers of periods.ts.
import { addMonths, formatMonth, monthOf, monthsOf, parsePeriod, previousPeriod, quarterOf, zonedParts, zonedTimeToUtc, type Frequency } from './periods.js';

export interface CalendarPolicy { reportDueDay: number; reviewDueDay: number; evaluationFrequency: Frequency }

export type EvaluationKind = 'monthly' | 'quarterly' | 'annual';
export interface DueRun { kind: EvaluationKind; period: string }

/** 00:00 local of `day + 1` in the month after `month`: the end of that due day. */
function endOfDayAfter(month: string, day: number, timeZone: string): Date {
  const next = parsePeriod(addMonths(month, 1)) as { year: number; month: number };
  return zonedTimeToUtc(timeZone, next.year, next.month, day + 1);
}

// DESIGN §2: the report of month M is due on day reportDueDay of M+1 and reviewed by day reviewDueDay
export function reportDeadlines(month: string, policy: Pick<CalendarPolicy, 'reportDueDay' | 'reviewDueDay'>, timeZone: string) {
  return { reportDue: endOfDayAfter(month, policy.reportDueDay, timeZone), reviewDue: endOfDayAfter(month, policy.reviewDueDay, timeZone) };
}

export type ReportWindow = 'future' | 'open' | 'late' | 'closed';

// DESIGN §2: after reviewDueDay a report for M needs a late window; between the two due days it is late but accepted
export function reportWindow(month: string, now: Date, policy: Pick<CalendarPolicy, 'reportDueDay' | 'reviewDueDay'>, timeZone: string): ReportWindow {
  if (month > monthOf(now, timeZone)) return 'future';
  const { reportDue, reviewDue } = reportDeadlines(month, policy, timeZone);
  if (now < reportDue) return 'open';
  return now < reviewDue ? 'late' : 'closed';
}

/** The evaluation kinds a tenant runs: its frequency, and the annual one. */
export const evaluationKinds = (frequency: Frequency): EvaluationKind[] => [frequency, 'annual'];

// DESIGN §2: the automatic run is at 01:00 local on the day after the reviewDueDay that follows the period's end
export function evaluationRunAt(period: string, policy: Pick<CalendarPolicy, 'reviewDueDay'>, timeZone: string): Date {
  const first = parsePeriod(addMonths(monthsOf(period).at(-1)!, 1)) as { year: number; month: number };
  return zonedTimeToUtc(timeZone, first.year, first.month, policy.reviewDueDay + 1, 1);
}

const kindOf = (period: string): EvaluationKind => {
  const k = parsePeriod(period).kind;
  return k === 'month' ? 'monthly' : k === 'quarter' ? 'quarterly' : 'annual';
};

/** The latest period of a kind that ended before the local calendar month `month` began. */
function periodBefore(kind: EvaluationKind, month: string): string {
  if (kind === 'monthly') return addMonths(month, -1);
  if (kind === 'quarterly') return previousPeriod(quarterOf(month));
  return String(Number(month.slice(0, 4)) - 1);
}

// DESIGN §2: what the daily 01:00 trigger evaluates on the local day of `now` (usually nothing)
export function runsDueOn(now: Date, policy: CalendarPolicy, timeZone: string): DueRun[] {
  const { year, month, day } = zonedParts(now, timeZone);
  if (day !== policy.reviewDueDay + 1) return [];
  const thisMonth = formatMonth(year, month);
  return evaluationKinds(policy.evaluationFrequency)
    .map((kind) => ({ kind, period: periodBefore(kind, thisMonth) }))
    // A period is due only in the month right after it ends (a quarter in Jan/Apr/Jul/Oct, a year in January).
    .filter((r) => addMonths(monthsOf(r.period).at(-1)!, 1) === thisMonth);
}

// The next automatic runs after `now`, soonest first (GET /v1/evaluations/schedule)
export function upcomingRuns(now: Date, policy: CalendarPolicy, timeZone: string, count = 4): (DueRun & { at: Date })[] {
  const out: (DueRun & { at: Date })[] = [];
  const current = monthOf(now, timeZone);
  for (let i = 0; out.length < count && i < 36; i++) {
    const month = addMonths(current, i);
    for (const kind of evaluationKinds(policy.evaluationFrequency)) {
      const period = periodBefore(kind, month);
      if (addMonths(monthsOf(period).at(-1)!, 1) !== month) continue;
      const at = evaluationRunAt(period, policy, timeZone);
      if (at > now && out.length < count) out.push({ kind: kindOf(period), period, at });
    }
  }
  return out;
}

/** ISO 8601 with the zone's offset, e.g. 2026-12-11T01:00:00+07:00. */
export function isoInZone(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  const offsetMin = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

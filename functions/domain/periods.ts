// Reporting and evaluation periods, computed in the tenant's time zone (DESIGN §2 Periods). Intl only.

export type Frequency = 'monthly' | 'quarterly';

export type ParsedPeriod =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'year'; year: number };

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
const YEAR_RE = /^(\d{4})$/;

export const isMonthPeriod = (s: string): boolean => MONTH_RE.test(s);
export const isQuarterPeriod = (s: string): boolean => QUARTER_RE.test(s);
export const isYearPeriod = (s: string): boolean => YEAR_RE.test(s);

// DESIGN §2 Periods: `YYYY-MM`, `YYYY-Qn` or `YYYY`
export function parsePeriod(s: string): ParsedPeriod {
  let m = MONTH_RE.exec(s);
  if (m) return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  m = QUARTER_RE.exec(s);
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) };
  m = YEAR_RE.exec(s);
  if (m) return { kind: 'year', year: Number(m[1]) };
  throw new RangeError(`not a period (YYYY-MM, YYYY-Qn or YYYY): ${s}`);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

// Calendar arithmetic on `YYYY-MM`
export function addMonths(month: string, n: number): string {
  const p = parsePeriod(month);
  if (p.kind !== 'month') throw new RangeError(`not a month: ${month}`);
  const index = p.year * 12 + (p.month - 1) + n;
  return formatMonth(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1);
}

// DESIGN §2 Periods: the months a period covers (a quarter → 3, a year → 12)
export function monthsOf(period: string): string[] {
  const p = parsePeriod(period);
  if (p.kind === 'month') return [period];
  const first = p.kind === 'quarter' ? (p.quarter - 1) * 3 + 1 : 1;
  const count = p.kind === 'quarter' ? 3 : 12;
  return Array.from({ length: count }, (_, i) => formatMonth(p.year, first + i));
}

// DESIGN §2 Periods: the quarter `YYYY-Qn` a month belongs to
export function quarterOf(month: string): string {
  const p = parsePeriod(month);
  if (p.kind !== 'month') throw new RangeError(`not a month: ${month}`);
  return `${pad(p.year, 4)}-Q${Math.ceil(p.month / 3)}`;
}

// DESIGN §2 Periods: the period of the same kind before this one
export function previousPeriod(period: string): string {
  return shiftPeriod(period, -1);
}

export function nextPeriod(period: string): string {
  return shiftPeriod(period, 1);
}

function shiftPeriod(period: string, n: number): string {
  const p = parsePeriod(period);
  if (p.kind === 'month') return addMonths(period, n);
  if (p.kind === 'year') return pad(p.year + n, 4);
  const index = p.year * 4 + (p.quarter - 1) + n;
  return `${pad(Math.floor(index / 4), 4)}-Q${(((index % 4) + 4) % 4) + 1}`;
}

// DESIGN §2 Periods: every month from the first month of `from` to the last month of `to`, inclusive
export function periodRange(from: string, to: string): string[] {
  const first = monthsOf(from)[0]!;
  const last = monthsOf(to).at(-1)!;
  const out: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

// The wall-clock calendar fields of an instant in a time zone
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year!,
    month: fields.month!,
    day: fields.day!,
    hour: fields.hour! % 24,
    minute: fields.minute!,
    second: fields.second!,
  };
}

/** Milliseconds the zone is ahead of UTC at this instant (WITA: +8 h). */
export function zoneOffsetMs(date: Date, timeZone: string): number {
  const t = date.getTime();
  const wholeSeconds = t - (((t % 1000) + 1000) % 1000);
  const p = zonedParts(date, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - wholeSeconds;
}

/** The instant a wall-clock time in a zone denotes (DST-safe: re-checks the offset at the result). */
export function zonedTimeToUtc(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const firstGuess = asUtc - zoneOffsetMs(new Date(asUtc), timeZone);
  const offset = zoneOffsetMs(new Date(firstGuess), timeZone);
  return new Date(asUtc - offset);
}

// DESIGN §2 Periods: the `YYYY-MM` an instant falls in, in the tenant's zone
export function monthOf(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return formatMonth(p.year, p.month);
}

// The `YYYY-MM-DD` calendar day of an instant in a zone
export function dayOf(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${formatMonth(p.year, p.month)}-${pad(p.day)}`;
}

// DESIGN §2 Periods: the instant a period starts (00:00 of its first day in the zone)
export function periodStart(period: string, timeZone: string): Date {
  const p = parsePeriod(monthsOf(period)[0]!) as { year: number; month: number };
  return zonedTimeToUtc(timeZone, p.year, p.month, 1);
}

// DESIGN §2 Periods: the instant a period ends (exclusive: 00:00 of the next period's first day in the zone)
export function periodEnd(period: string, timeZone: string): Date {
  return periodStart(addMonths(monthsOf(period).at(-1)!, 1), timeZone);
}

// DESIGN §2 Periods: a period is over once its end instant has passed in the zone
export function hasEnded(period: string, now: Date, timeZone: string): boolean {
  return now.getTime() >= periodEnd(period, timeZone).getTime();
}

// DESIGN §2 Periods: the latest month or quarter that has fully ended in the zone (what a schedule evaluates)
export function lastEndedPeriod(now: Date, timeZone: string, frequency: Frequency): string {
  const current = monthOf(now, timeZone);
  return frequency === 'monthly' ? addMonths(current, -1) : previousPeriod(quarterOf(current));
}

// DESIGN §2 Periods: the latest calendar year that has fully ended in the zone
export function lastEndedYear(now: Date, timeZone: string): string {
  return pad(zonedParts(now, timeZone).year - 1, 4);
}

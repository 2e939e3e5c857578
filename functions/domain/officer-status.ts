// DESIGN §2 Officer status: each officer has a status with an effective date; an officer is expected
// to report month M when their status is `aktif` on M's last day. Dates are calendar days `YYYY-MM-DD`
// in the tenant's zone, so they compare as strings.
import { monthsOf, parsePeriod } from './periods.js';

export const OFFICER_STATUSES = ['aktif', 'cuti', 'tugas_belajar', 'diberhentikan_sementara', 'pensiun', 'mutasi_keluar', 'meninggal'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];

/** Statuses that end service: sign-in ends and the officer leaves lists of active staff, keeping history. */
export const SERVICE_ENDED: ReadonlySet<OfficerStatus> = new Set(['pensiun', 'mutasi_keluar', 'meninggal']);

export interface StatusEntry { status: OfficerStatus; from: string }

/** The last calendar day of a month `YYYY-MM`. */
export function lastDayOf(month: string): string {
  const p = parsePeriod(month) as { year: number; month: number };
  const days = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

// DESIGN §2: the status in force on a day (aktif before the first recorded change)
export function statusOn(history: readonly StatusEntry[] | undefined, day: string): OfficerStatus {
  let status: OfficerStatus = 'aktif';
  for (const e of [...(history ?? [])].sort((a, b) => a.from.localeCompare(b.from))) {
    if (e.from <= day) status = e.status;
  }
  return status;
}

// DESIGN §2: expected to report month M when aktif on M's last day
export const isExpectedToReport = (history: readonly StatusEntry[] | undefined, month: string): boolean =>
  statusOn(history, lastDayOf(month)) === 'aktif';

// DESIGN §2 / PP 17/2020: the months of a period (or of Jan..month) in which the officer was expected
export function expectedMonths(history: readonly StatusEntry[] | undefined, period: string): string[] {
  return monthsOf(period).filter((m) => isExpectedToReport(history, m));
}

/** Adds a change to a history: a change on the same day replaces the one recorded for that day. */
export function withStatus(history: readonly StatusEntry[] | undefined, entry: StatusEntry): StatusEntry[] {
  return [...(history ?? []).filter((e) => e.from !== entry.from), entry].sort((a, b) => a.from.localeCompare(b.from));
}

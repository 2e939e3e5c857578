import type { Frequency } from './periods.js';
import type { HasilKerjaThresholds } from './ratings.js';
import type { Predikat } from './types.js';

/** What a tenant configures. The regulation leaves these to the agency; values below are examples. */
export interface TenantPolicy {
  hasilKerjaThresholds: HasilKerjaThresholds;
  /** Weight of a tambahan RHK that is above the utama mean. */
  tambahanWeight: number;
  /** DESIGN §2 reporting calendar: the report of month M is due on this day of M+1 (tenant's zone). */
  reportDueDay: number;
  /** Reviews of month M are due on this day of M+1; after it a report needs a late window. The
   *  automatic evaluation runs at 01:00 on the next day. */
  reviewDueDay: number;
  /** Days a late window opened by the BKPSDM stays open. */
  lateWindowDays: number;
  /** Monthly or quarterly; the tenant config's frequency is the default until the BKPSDM sets one. */
  evaluationFrequency: Frequency;
  /** SANGAT_BAIK in this many consecutive periods makes an award candidate. */
  awardConsecutivePeriods: number;
  /** Recommended tunjangan kinerja cut, percent, per predikat. */
  tunjanganCutPercent: Partial<Record<Predikat, number>>;
  /** Sanction recommended after KURANG/SANGAT_KURANG in consecutive periods. */
  sanctionAfterConsecutiveLow: string;
  /** Working days a complaint may wait for an answer. */
  complaintAnswerWorkingDays: number;
  /** Public holidays and cuti bersama, `YYYY-MM-DD`, excluded from working days. */
  holidays: string[];
  /** Flood ceiling of the public survey: responses per client address, unit and 10 minutes (DESIGN §2
   *  Survey intake). High enough that a busy counter behind one address never reaches it. */
  surveyAddressLimit: number;
}

/** Example defaults, overridable per tenant; none of them is fixed by regulation except where DESIGN §2 says so. */
export const DEFAULT_POLICY: Readonly<TenantPolicy> = Object.freeze({
  hasilKerjaThresholds: { diAtas: 110, sesuai: 90 },
  tambahanWeight: 0.5,
  reportDueDay: 5,
  reviewDueDay: 10,
  lateWindowDays: 7,
  evaluationFrequency: 'monthly',
  awardConsecutivePeriods: 3,
  tunjanganCutPercent: { SANGAT_KURANG: 25, KURANG: 15, BUTUH_PERBAIKAN: 5 },
  sanctionAfterConsecutiveLow: 'Teguran tertulis dan rencana perbaikan kinerja (written warning and improvement plan)',
  complaintAnswerWorkingDays: 5,
  holidays: [],
  surveyAddressLimit: 60,
} satisfies TenantPolicy);

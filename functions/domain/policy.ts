import type { Frequency } from './periods.js';
import type { HasilKerjaThresholds } from './ratings.js';
import type { Predikat } from './types.js';

/** What a tenant configures. The regulation leaves these to the agency; values below are examples. */
export interface TenantPolicy {
  hasilKerjaThresholds: HasilKerjaThresholds;
  /** Weight of a tambahan RHK that is above the utama mean. */
  tambahanWeight: number;
  /** How many months after a month ends its report may still be submitted. */
  reportingWindowMonths: number;
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
}

/** Example defaults, overridable per tenant; none of them is fixed by regulation except where DESIGN §2 says so. */
export const DEFAULT_POLICY: Readonly<TenantPolicy> = Object.freeze({
  hasilKerjaThresholds: { diAtas: 110, sesuai: 90 },
  tambahanWeight: 0.5,
  reportingWindowMonths: 2,
  evaluationFrequency: 'monthly',
  awardConsecutivePeriods: 3,
  tunjanganCutPercent: { SANGAT_KURANG: 25, KURANG: 15, BUTUH_PERBAIKAN: 5 },
  sanctionAfterConsecutiveLow: 'Teguran tertulis dan rencana perbaikan kinerja (written warning and improvement plan)',
  complaintAnswerWorkingDays: 5,
  holidays: [],
} satisfies TenantPolicy);

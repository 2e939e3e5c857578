// Strict input schemas of the survey routes; unknown fields are rejected.
import * as z from 'zod';
import { freeText } from '../http/validation.js';
import { isMonthPeriod, isQuarterPeriod, isYearPeriod } from '../domain/periods.js';

/** The fixed respondent lists (PermenPANRB 14/2017 profile); the survey page renders them from GET unit. */
export const RESPONDENT_OPTIONS = {
  gender: ['L', 'P'],
  ageGroup: ['<20', '20-29', '30-39', '40-49', '50-59', '60+'],
  education: ['SD', 'SMP', 'SMA', 'D1-D3', 'D4-S1', 'S2', 'S3'],
  occupation: ['PNS/TNI/Polri', 'Pegawai Swasta', 'Wiraswasta', 'Pelajar/Mahasiswa', 'Lainnya'],
} as const;


const id = z.string().min(1).max(80).regex(/^[A-Za-z0-9_.-]+$/, 'Invalid id');
const score = z.number().int().min(1).max(4);

export const SurveyBody = z.strictObject({
  tenant: id,
  unitId: id,
  officerId: id.optional(),
  answers: z.strictObject({ u1: score, u2: score, u3: score, u4: score, u5: score, u6: score, u7: score, u8: score, u9: score }),
  comment: freeText(1000).optional(),
  respondent: z.strictObject({
    gender: z.enum(RESPONDENT_OPTIONS.gender).optional(),
    ageGroup: z.enum(RESPONDENT_OPTIONS.ageGroup).optional(),
    education: z.enum(RESPONDENT_OPTIONS.education).optional(),
    occupation: z.enum(RESPONDENT_OPTIONS.occupation).optional(),
  }).optional(),
});
export type SurveyInput = z.infer<typeof SurveyBody>;

const period = z.string().refine((p) => isMonthPeriod(p) || isQuarterPeriod(p) || isYearPeriod(p), 'Use YYYY-MM, YYYY-Qn or YYYY');

export const IkmQuery = z.strictObject({
  unitId: id.optional(),
  agencyId: id.optional(),
  period,
  tenant: id.optional(),
}).refine((q) => !(q.unitId && q.agencyId), { message: 'Give unitId or agencyId, not both', path: ['agencyId'] });

// Strict input schemas of the survey routes; unknown fields are rejected.
import * as z from 'zod/mini';
import { freeText } from '../http/validation.js';
import { pageQuery } from '../http/paging.js';
import { isMonthPeriod, isQuarterPeriod, isYearPeriod } from '../domain/periods.js';

/** The fixed respondent lists (PermenPANRB 14/2017 profile); the survey page renders them from GET unit. */
export const RESPONDENT_OPTIONS = {
  gender: ['L', 'P'],
  ageGroup: ['<20', '20-29', '30-39', '40-49', '50-59', '60+'],
  education: ['SD', 'SMP', 'SMA', 'D1-D3', 'D4-S1', 'S2', 'S3'],
  occupation: ['PNS/TNI/Polri', 'Pegawai Swasta', 'Wiraswasta', 'Pelajar/Mahasiswa', 'Lainnya'],
} as const;


const id = z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[A-Za-z0-9_.-]+$/, 'Invalid id'));
const score = z.number().check(z.int(), z.gte(1), z.lte(4));

export const SurveyBody = z.strictObject({
  tenant: id,
  unitId: id,
  officerId: z.optional(id),
  /** The survey page's random id of the device: repeat suppression is per device, never per address. */
  deviceId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'A device id is 16–64 letters, digits, _ or -'))),
  answers: z.strictObject({ u1: score, u2: score, u3: score, u4: score, u5: score, u6: score, u7: score, u8: score, u9: score }),
  comment: z.optional(freeText(1000)),
  respondent: z.optional(
    z.strictObject({
      gender: z.optional(z.enum(RESPONDENT_OPTIONS.gender)),
      ageGroup: z.optional(z.enum(RESPONDENT_OPTIONS.ageGroup)),
      education: z.optional(z.enum(RESPONDENT_OPTIONS.education)),
      occupation: z.optional(z.enum(RESPONDENT_OPTIONS.occupation)),
    }),
  ),
});
export type SurveyInput = z.infer<typeof SurveyBody>;

export const KioskTokenBody = z.strictObject({ unitId: id });

const period = z.string().check(z.refine((p) => isMonthPeriod(p) || isQuarterPeriod(p) || isYearPeriod(p), 'Use YYYY-MM, YYYY-Qn or YYYY'));

export const IkmQuery = z.strictObject({
  unitId: z.optional(id),
  agencyId: z.optional(id),
  period,
  tenant: z.optional(id),
}).check(z.refine((q) => !(q.unitId && q.agencyId), { message: 'Give unitId or agencyId, not both', path: ['agencyId'] }));

// --- SKM follow-ups (tindak lanjut), and the action shapes public forums share ------------------
const isRealDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
export const day = z.string().check(z.refine(isRealDay, 'Use a calendar date YYYY-MM-DD'));
export const ikmElement = z.enum(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9']);
export const actionInput = z.strictObject({ title: freeText(200, 3), owner: freeText(120, 2), due: day });
export const actionList = z.array(actionInput).check(z.minLength(1), z.maxLength(20));
/** PATCH of one action's status; the follow-up route names the action in the body, the forum route in the path. */
export const actionStatus = { status: z.enum(['open', 'done']), note: z.optional(freeText(500)) };

export const FollowUpBody = z.strictObject({
  unitId: id,
  period,
  elements: z.optional(z.array(ikmElement).check(z.minLength(1), z.maxLength(9), z.refine((l) => new Set(l).size === l.length, 'Each element once'))),
  actions: actionList,
});
export type FollowUpInput = z.infer<typeof FollowUpBody>;
export const FollowUpPatchBody = z.strictObject({ actionId: id, ...actionStatus });
export const FollowUpQuery = z.strictObject({
  unitId: z.optional(id), agencyId: z.optional(id), period: z.optional(period), ...pageQuery,
}).check(z.refine((q) => !(q.unitId && q.agencyId), { message: 'Give unitId or agencyId, not both', path: ['agencyId'] }));
export const ProposalQuery = z.strictObject({ unitId: id, period });

export const UnitParams = z.object({ tenant: z.string().check(z.minLength(1), z.maxLength(60)), unitId: z.string().check(z.minLength(1), z.maxLength(80)) });

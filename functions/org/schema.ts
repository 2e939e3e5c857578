// Request schemas of the org, officers and officer-import functions (also read by the OpenAPI contract, functions/contract, whose
// bundle must not carry the services).
import * as z from 'zod/mini';
import { AGENCY_KINDS, ID_MAX, ID_PATTERN, UNIT_KINDS } from '../domain/organisation.js';
import { OFFICER_STATUSES } from '../domain/officer-status.js';
import { GRANTABLE_ROLES } from '../domain/roles.js';
import { ORG_RATINGS, PREDIKATS } from '../domain/types.js';
import { pageQuery } from '../http/paging.js';
import { freeText } from '../http/validation.js';

export const AgenciesQuery = z.object({ tenant: z.optional(z.string().check(z.minLength(1), z.maxLength(60))) });

const name = freeText(120, 1);
const shortName = freeText(40, 1);
/** Yearly service users feed the Krejcie–Morgan sample check of GET /v1/ikm. */
const yearlyServiceUsers = z.number().check(z.int(), z.gte(0), z.lte(100_000_000));
const atLeastOne = (fields: readonly string[]) => z.superRefine((b: Record<string, unknown>, ctx) => {
  if (!fields.some((f) => b[f] !== undefined)) ctx.addIssue({ code: 'custom', path: ['body'], message: `Change at least one of ${fields.join(', ')}` });
});

export const AgencyCreate = z.strictObject({
  id: z.optional(z.string().check(z.minLength(2), z.maxLength(ID_MAX), z.regex(ID_PATTERN, 'Lower-case letters, digits and single hyphens'))),
  name,
  shortName: z.optional(shortName),
  kind: z.optional(z.enum(AGENCY_KINDS)),
});
export type AgencyCreate = z.infer<typeof AgencyCreate>;

export const AgencyPatch = z.strictObject({ name: z.optional(name), shortName: z.optional(shortName), kind: z.optional(z.enum(AGENCY_KINDS)) })
  .check(atLeastOne(['name', 'shortName', 'kind']));
export type AgencyPatch = z.infer<typeof AgencyPatch>;

export const UnitCreate = z.strictObject({ name, kind: z.enum(UNIT_KINDS), yearlyServiceUsers: z.optional(yearlyServiceUsers) });
export type UnitCreate = z.infer<typeof UnitCreate>;

export const UnitPatch = z.strictObject({ name: z.optional(name), kind: z.optional(z.enum(UNIT_KINDS)), yearlyServiceUsers: z.optional(yearlyServiceUsers) })
  .check(atLeastOne(['name', 'kind', 'yearlyServiceUsers']));
export type UnitPatch = z.infer<typeof UnitPatch>;

const FIRST_YEAR = 2000;
/** A year from the path or query: from 2000 to next year (a rating may be set ahead for the coming year). */
const year = z.string().check(
  z.regex(/^\d{4}$/, 'Use YYYY'),
  z.refine((y) => Number(y) >= FIRST_YEAR && Number(y) <= new Date().getUTCFullYear() + 1, `From ${FIRST_YEAR} to next year`),
);
export const YearParam = z.strictObject({ year });
export const CurveQuery = z.strictObject({ year: z.optional(year) });
export const OrgRatingBody = z.strictObject({ rating: z.enum(ORG_RATINGS) });
export type OrgRatingBody = z.infer<typeof OrgRatingBody>;

/** An e-mail address as the import and the officer PATCH accept it. */
export const EMAIL = /^[^\s@,;<>"]{1,64}@[A-Za-z0-9.-]{1,180}\.[A-Za-z]{2,24}$/;

export const OfficersQuery = z.strictObject({
  agencyId: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  /** Officers of one service unit: filters the unit's agency (named or not) page by page. */
  unitId: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))),
  /** A status, `active` (default: everyone but those whose service ended) or `all`. */
  status: z.optional(z.enum([...OFFICER_STATUSES, 'active', 'all'])),
  ...pageQuery,
});
export type OfficersQuery = z.infer<typeof OfficersQuery>;

const day = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Use YYYY-MM-DD'));
const id = z.string().check(z.minLength(1), z.maxLength(80));

export const OfficerPatch = z.strictObject({
  status: z.optional(z.enum(OFFICER_STATUSES)),
  effectiveFrom: z.optional(day),
  email: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(254), z.regex(EMAIL, 'Not an e-mail address')))),
  koefisienAk: z.optional(z.nullable(z.number().check(z.gt(0), z.lte(100)))),
  agencyId: z.optional(id),
  unitId: z.optional(z.nullable(id)),
  supervisorId: z.optional(z.nullable(id)),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
}).check(z.superRefine((b, ctx) => {
  const fields = ['status', 'email', 'koefisienAk', 'agencyId', 'unitId', 'supervisorId'] as const;
  if (!fields.some((f) => b[f] !== undefined)) ctx.addIssue({ code: 'custom', path: ['body'], message: `Change at least one of ${fields.join(', ')}` });
  if (b.effectiveFrom && !b.status) ctx.addIssue({ code: 'custom', path: ['effectiveFrom'], message: 'effectiveFrom goes with a status' });
}));
export type OfficerPatch = z.infer<typeof OfficerPatch>;

const between = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));
const intBetween = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));

export const PolicySchema = z.strictObject({
  hasilKerjaThresholds: z.strictObject({ diAtas: between(0, 120), sesuai: between(0, 120) }),
  tambahanWeight: between(0, 1),
  reportDueDay: intBetween(1, 28),
  reviewDueDay: intBetween(1, 28),
  lateWindowDays: intBetween(1, 60),
  evaluationFrequency: z.enum(['monthly', 'quarterly']),
  awardConsecutivePeriods: intBetween(1, 12),
  tunjanganCutPercent: z.partialRecord(z.enum(PREDIKATS), between(0, 100)),
  sanctionAfterConsecutiveLow: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  complaintAnswerWorkingDays: intBetween(1, 60),
  holidays: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD'))).check(z.maxLength(100)),
  surveyAddressLimit: intBetween(10, 10_000),
});

/** PUT /v1/officers/{id}/roles: the officer's granted roles, whole (officer and supervisor follow the org chart). */
export const RolesBody = z.strictObject({
  roles: z.array(z.enum(GRANTABLE_ROLES)).check(z.maxLength(GRANTABLE_ROLES.length), z.refine((r) => new Set(r).size === r.length, 'Each role once')),
});
export type RolesBody = z.infer<typeof RolesBody>;

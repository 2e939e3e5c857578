// Request shapes of the visit routes (DESIGN §4 visit body and action PATCH), strict: an unknown
// field, a missing or unknown checklist key is a 400 naming it.
import * as z from 'zod/mini';
import { IKM_KEYS } from '../domain/ikm.js';
import { pageQuery } from '../http/paging.js';
import { calendarDay, freeText, httpsLink } from '../http/validation.js';

export const CHECKLIST_VALUES = ['sesuai', 'perlu_perbaikan', 'tidak_sesuai'] as const;
export const SEVERITIES = ['ringan', 'sedang', 'berat'] as const;
export type Severity = (typeof SEVERITIES)[number];

const id = z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[A-Za-z0-9._-]+$/, 'Not an id'));
export const day = calendarDay();

const checklistValue = z.enum(CHECKLIST_VALUES);
export const Checklist = z.strictObject(Object.fromEntries(IKM_KEYS.map((k) => [k, checklistValue])) as Record<(typeof IKM_KEYS)[number], typeof checklistValue>);

const Finding = z.strictObject({
  note: freeText(1000, 3),
  severity: z.enum(SEVERITIES),
  officerId: z.optional(id),
  evidenceUrl: z.optional(httpsLink()),
});

const Action = z.strictObject({
  title: freeText(300, 3),
  ownerUnitId: z.optional(id),
  ownerOfficerId: z.optional(id),
  due: day,
}).check(z.refine((a) => !(a.ownerUnitId && a.ownerOfficerId), { message: 'Name the owner unit or the owner officer, not both', path: ['ownerOfficerId'] }));

export const VisitBody = z.strictObject({
  unitId: id,
  date: day,
  checklist: Checklist,
  notes: z.optional(freeText(2000)),
  findings: z.array(Finding).check(z.maxLength(30)),
  actions: z.array(Action).check(z.maxLength(30)),
});
export type VisitInput = z.infer<typeof VisitBody>;

export const ActionPatch = z.strictObject({
  status: z.enum(['open', 'done']),
  note: z.optional(freeText(1000)),
});
export type ActionPatchInput = z.infer<typeof ActionPatch>;

export const VisitsQuery = z.strictObject({
  unitId: z.optional(id),
  agencyId: z.optional(id),
  status: z.optional(z.enum(['open', 'overdue'])),
  ...pageQuery,
});
export type VisitsQueryInput = z.infer<typeof VisitsQuery>;

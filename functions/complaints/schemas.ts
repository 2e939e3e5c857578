// Strict input schemas of the complaint routes; unknown fields are rejected.
import * as z from 'zod/mini';
import { pageQuery } from '../http/paging.js';
import { freeText } from '../http/validation.js';

export const COMPLAINT_CATEGORIES = {
  pelayanan: 'Prosedur pelayanan',
  petugas: 'Perilaku petugas',
  biaya: 'Biaya/pungutan',
  waktu: 'Waktu pelayanan',
  sarana: 'Sarana dan prasarana',
  lainnya: 'Lainnya',
} as const;
export type ComplaintCategory = keyof typeof COMPLAINT_CATEGORIES;

// SP4N-LAPOR! practice (DESIGN §2): received → verified | rejected → in_progress → answered → closed.
export const COMPLAINT_STATUSES = ['received', 'verified', 'rejected', 'in_progress', 'answered', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: 'Diterima', verified: 'Diverifikasi', rejected: 'Ditolak', in_progress: 'Sedang diproses', answered: 'Sudah dijawab', closed: 'Selesai',
};
/** What an answered complaint was about (DESIGN §2), recorded by the admin with the answer. */
export const COMPLAINT_CAUSES = ['prosedur', 'petugas', 'biaya', 'waktu', 'sarana', 'sistem', 'lainnya'] as const;
export type ComplaintCause = (typeof COMPLAINT_CAUSES)[number];

const id = z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[A-Za-z0-9_.-]+$/, 'Invalid id'));
const phone = z.string().check(z.regex(/^\+?[0-9][0-9 ()-]{6,18}[0-9]$/, 'Not a phone number'));
const contact = z.pipe(
  z.string().check(z.trim(), z.maxLength(120)),
  z.union([z.email(), phone], { error: 'Give an e-mail address or a phone number' }),
);

export const ComplaintBody = z.strictObject({
  tenant: id,
  unitId: id,
  officerId: z.optional(id),
  category: z.enum(Object.keys(COMPLAINT_CATEGORIES) as [ComplaintCategory, ...ComplaintCategory[]]),
  description: freeText(2000, 20),
  contact: z.optional(contact),
});
export type ComplaintInput = z.infer<typeof ComplaintBody>;

export const ComplaintPatch = z.strictObject({
  status: z.enum(['verified', 'rejected', 'in_progress', 'answered', 'closed']),
  answer: z.optional(freeText(2000, 1)),
  /** Why a complaint is rejected (not the city's authority, a duplicate, no substance): shown to the citizen. */
  reason: z.optional(freeText(500, 5)),
  cause: z.optional(z.enum(COMPLAINT_CAUSES)),
  substantiated: z.optional(z.boolean()),
}).check(z.superRefine((p, ctx) => {
  const need = (ok: boolean, path: string, message: string) => { if (!ok) ctx.addIssue({ code: 'custom', path: [path], message }); };
  need(p.status !== 'answered' || p.answer !== undefined, 'answer', 'An answer is required');
  need(p.status !== 'answered' || p.cause !== undefined, 'cause', 'The cause is recorded with the answer');
  need(p.status !== 'answered' || p.substantiated !== undefined, 'substantiated', 'Say whether the complaint was substantiated');
  need(p.status !== 'rejected' || p.reason !== undefined, 'reason', 'A rejection needs its reason');
  need(p.answer === undefined || p.status === 'answered', 'answer', 'Only send an answer with status "answered"');
  need(p.reason === undefined || p.status === 'rejected', 'reason', 'Only send a reason with status "rejected"');
  need((p.cause === undefined && p.substantiated === undefined) || p.status === 'answered', p.cause !== undefined ? 'cause' : 'substantiated', 'Only with status "answered"');
}));
export type ComplaintPatchInput = z.infer<typeof ComplaintPatch>;

export const ComplaintListQuery = z.strictObject({
  status: z.optional(z.enum(COMPLAINT_STATUSES)),
  agencyId: z.optional(id),
  overdue: z.optional(z.enum(['true', 'false'])),
  ...pageQuery,
});
export type ComplaintListInput = z.infer<typeof ComplaintListQuery>;

export const ComplaintStatsQuery = z.strictObject({
  agencyId: z.optional(id),
  unitId: z.optional(id),
  year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))),
});
export type ComplaintStatsInput = z.infer<typeof ComplaintStatsQuery>;

export const CodeParams = z.object({ code: z.string().check(z.maxLength(40)) });
export const IdParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(80)) });

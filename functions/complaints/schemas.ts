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

export const COMPLAINT_STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const STATUS_LABELS: Record<ComplaintStatus, string> = { received: 'Diterima', in_progress: 'Sedang diproses', answered: 'Sudah dijawab', closed: 'Selesai' };

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
  status: z.enum(['in_progress', 'answered', 'closed']),
  answer: z.optional(freeText(2000, 1)),
}).check(z.refine((p) => p.status !== 'answered' || p.answer !== undefined, { message: 'An answer is required', path: ['answer'] }));
export type ComplaintPatchInput = z.infer<typeof ComplaintPatch>;

export const ComplaintListQuery = z.strictObject({
  status: z.optional(z.enum(COMPLAINT_STATUSES)),
  agencyId: z.optional(id),
  overdue: z.optional(z.enum(['true', 'false'])),
  ...pageQuery,
});
export type ComplaintListInput = z.infer<typeof ComplaintListQuery>;

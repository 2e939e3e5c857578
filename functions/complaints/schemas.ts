// Strict input schemas of the complaint routes; unknown fields are rejected.
import * as z from 'zod';
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

const id = z.string().min(1).max(80).regex(/^[A-Za-z0-9_.-]+$/, 'Invalid id');
const phone = z.string().regex(/^\+?[0-9][0-9 ()-]{6,18}[0-9]$/, 'Not a phone number');
const contact = z.string().trim().max(120).pipe(z.union([z.email(), phone], { error: 'Give an e-mail address or a phone number' }));

export const ComplaintBody = z.strictObject({
  tenant: id,
  unitId: id,
  officerId: id.optional(),
  category: z.enum(Object.keys(COMPLAINT_CATEGORIES) as [ComplaintCategory, ...ComplaintCategory[]]),
  description: freeText(2000, 20),
  contact: contact.optional(),
});
export type ComplaintInput = z.infer<typeof ComplaintBody>;

export const ComplaintPatch = z.strictObject({
  status: z.enum(['in_progress', 'answered', 'closed']),
  answer: freeText(2000, 1).optional(),
}).refine((p) => p.status !== 'answered' || p.answer !== undefined, { message: 'An answer is required', path: ['answer'] });
export type ComplaintPatchInput = z.infer<typeof ComplaintPatch>;

export const ComplaintListQuery = z.strictObject({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  agencyId: id.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

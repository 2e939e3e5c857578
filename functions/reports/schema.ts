// Request shapes of the reports function (DESIGN §4), validated at the edge with zod.
import * as z from 'zod';
import { BERAKHLAK, RATINGS } from '../domain/types.js';

const httpUrl = z
  .string()
  .max(500)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Evidence must be an http(s) link');

export const ReportBody = z.object({
  officerId: z.string().min(1).max(80),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Period must be a month YYYY-MM'),
  items: z
    .array(
      z.object({
        indicatorId: z.string().min(1).max(40),
        value: z.number().min(0, 'Value must be 0 or more'),
        evidenceUrl: httpUrl.optional(),
        note: z.string().max(1000).optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type ReportBody = z.infer<typeof ReportBody>;

export const IdempotencyKey = z.string().trim().min(1).max(128).regex(/^[\x21-\x7e]+$/, 'Printable ASCII without spaces').optional();

const behaviourValue = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const Behaviour = z.object(Object.fromEntries(BERAKHLAK.map((v) => [v, behaviourValue])) as Record<(typeof BERAKHLAK)[number], typeof behaviourValue>);

export const ReviewBody = z
  .object({
    decision: z.enum(['approve', 'return']),
    feedback: z.string().trim().max(2000).default(''),
    behaviour: Behaviour.optional(),
    hasilKerjaOverride: z.object({ rating: z.enum(RATINGS), reason: z.string().trim().min(1, 'A reason is required for an override').max(1000) }).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.decision === 'approve' && !r.behaviour) {
      ctx.addIssue({ code: 'custom', path: ['behaviour'], message: 'Approval needs the seven BerAKHLAK values (1–3)' });
    }
    if (r.decision === 'return' && r.feedback === '') {
      ctx.addIssue({ code: 'custom', path: ['feedback'], message: 'Say what to fix when returning a report' });
    }
    if (r.decision === 'return' && r.hasilKerjaOverride) {
      ctx.addIssue({ code: 'custom', path: ['hasilKerjaOverride'], message: 'An override only applies to an approval' });
    }
  });
export type ReviewBody = z.infer<typeof ReviewBody>;

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const QueueQuery = z.object({ agencyId: z.string().min(1).max(80).optional() });

// Request shapes of the reports function (DESIGN §4), validated at the edge with zod.
import * as z from 'zod/mini';
import { BERAKHLAK, RATINGS } from '../domain/types.js';
import { pageQuery } from '../http/paging.js';

const httpUrl = z.string().check(
  z.maxLength(500),
  z.refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Evidence must be an http(s) link'),
);

export const ReportBody = z.object({
  officerId: z.string().check(z.minLength(1), z.maxLength(80)),
  period: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Period must be a month YYYY-MM')),
  items: z
    .array(
      z.object({
        indicatorId: z.string().check(z.minLength(1), z.maxLength(40)),
        value: z.number().check(z.gte(0, 'Value must be 0 or more')),
        evidenceUrl: z.optional(httpUrl),
        note: z.optional(z.string().check(z.maxLength(1000))),
      }),
    )
    .check(z.minLength(1), z.maxLength(50)),
});
export type ReportBody = z.infer<typeof ReportBody>;

export { IdempotencyKey } from '../http/idempotency.js';

const behaviourValue = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const Behaviour = z.object(Object.fromEntries(BERAKHLAK.map((v) => [v, behaviourValue])) as Record<(typeof BERAKHLAK)[number], typeof behaviourValue>);

export const ReviewBody = z
  .object({
    decision: z.enum(['approve', 'return']),
    feedback: z._default(z.string().check(z.trim(), z.maxLength(2000)), ''),
    behaviour: z.optional(Behaviour),
    hasilKerjaOverride: z.optional(
      z.object({
        rating: z.enum(RATINGS),
        reason: z.string().check(z.trim(), z.minLength(1, 'A reason is required for an override'), z.maxLength(1000)),
      }),
    ),
  })
  .check(
    z.superRefine((r, ctx) => {
      if (r.decision === 'approve' && !r.behaviour) {
        ctx.addIssue({ code: 'custom', path: ['behaviour'], message: 'Approval needs the seven BerAKHLAK values (1–3)' });
      }
      if (r.decision === 'return' && r.feedback === '') {
        ctx.addIssue({ code: 'custom', path: ['feedback'], message: 'Say what to fix when returning a report' });
      }
      if (r.decision === 'return' && r.hasilKerjaOverride) {
        ctx.addIssue({ code: 'custom', path: ['hasilKerjaOverride'], message: 'An override only applies to an approval' });
      }
    }),
  );
export type ReviewBody = z.infer<typeof ReviewBody>;

export const YearQuery = z.object({ year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))) });
export const QueueQuery = z.object({ agencyId: z.optional(z.string().check(z.minLength(1), z.maxLength(80))), ...pageQuery });

/** PUT /v1/officers/{id}/progress/{period}: realisasi to date of any of the plan's reported indicators. */
export const ProgressParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(120)),
  period: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Period must be a month YYYY-MM')),
});
export const ProgressBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        indicatorId: z.string().check(z.minLength(1), z.maxLength(40)),
        value: z.number().check(z.gte(0, 'Value must be 0 or more')),
        note: z.optional(z.string().check(z.maxLength(1000))),
      }),
    )
    .check(z.maxLength(50)),
  /** The draft version the browser last read (0: none yet); a newer stored draft refuses the write (409). */
  version: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type ProgressBody = z.infer<typeof ProgressBody>;

export const IdParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(120)) });
export const ReportListQuery = z.extend(YearQuery, pageQuery);
export const LateWindowBody = z.strictObject({
  officerId: z.string().check(z.minLength(1), z.maxLength(80)),
  period: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Period must be a month YYYY-MM')),
  reason: z.string().check(z.trim(), z.minLength(5, 'Say why the report is late'), z.maxLength(1000)),
});

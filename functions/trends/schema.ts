// Query schemas of the trends function (also read by the OpenAPI contract, functions/contract).
import * as z from 'zod/mini';

const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM'));
export const TrendsQuery = z.object({
  scope: z.enum(['tenant', 'agency', 'agencies', 'officer', 'national']),
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  from: z.optional(month),
  to: z.optional(month),
});

export const ActivityQuery = z.strictObject({
  scope: z.enum(['tenant', 'agency']),
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
});

export const CalendarQuery = z.strictObject({});

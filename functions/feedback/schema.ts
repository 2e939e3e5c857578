// Request shapes of the feedback routes (DESIGN §4 bodies): strict, unknown fields named in the 400.
import * as z from 'zod/mini';
import { pageQuery } from '../http/paging.js';
import { freeText } from '../http/validation.js';

export const FEEDBACK_KINDS = ['apresiasi', 'bimbingan', 'perbaikan'] as const;

const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM'));

export const FeedbackBody = z.strictObject({
  kind: z.enum(FEEDBACK_KINDS),
  period: month,
  rhkId: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  note: freeText(2000, 3),
});

export const ReplyBody = z.strictObject({ note: freeText(2000, 1) });

export const FeedbackQuery = z.strictObject({ year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))), ...pageQuery });

export const StatsQuery = z.strictObject({ period: z.optional(month), ...pageQuery });

// Request schemas of the evaluation functions (also read by the OpenAPI contract, functions/contract).
import * as z from 'zod/mini';
import { FLAGS, PREDIKATS } from '../domain/types.js';
import { pageQuery } from '../http/paging.js';

export const YearQuery = z.object({ year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))), ...pageQuery });
export const ObjectionsQuery = z.strictObject({ status: z.optional(z.enum(['pending', 'decided'])), queue: z.optional(z.enum(['mine', 'bkpsdm'])), ...pageQuery });
export const FlaggedQuery = z.strictObject({
  period: z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'Use YYYY-MM, YYYY-Qn or YYYY')),
  flag: z.enum(FLAGS),
  agencyId: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  ...pageQuery,
});
export const ObjectionBody = z.object({ reason: z.string().check(z.trim(), z.minLength(10), z.maxLength(2000)) });
export const DecisionBody = z.object({
  decision: z.enum(['uphold', 'amend']),
  note: z.string().check(z.trim(), z.minLength(3), z.maxLength(2000)),
  amendedPredikat: z.optional(z.enum(PREDIKATS)),
});

const Period = z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'Use YYYY-MM, YYYY-Qn or YYYY'));
export const RunBody = z.object({ period: Period });
export const RunsQuery = z.strictObject({ period: Period, ...pageQuery });


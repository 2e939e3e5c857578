// Request shapes of the award routes (DESIGN §4 award body): strict, unknown fields named in the 400.
import * as z from 'zod/mini';
import { pageQuery } from '../http/paging.js';
import { freeText } from '../http/validation.js';

export const AWARD_KINDS = ['kinerja', 'inovasi'] as const;

const period = z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'Use YYYY-MM, YYYY-Qn or YYYY'));
const id = z.string().check(z.minLength(1), z.maxLength(80));
const year = z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100));

export const AwardBody = z.strictObject({
  officerId: id,
  kind: z.enum(AWARD_KINDS),
  title: freeText(200, 3),
  citation: freeText(2000, 10),
  period: z.optional(period),
});
export type AwardInput = z.infer<typeof AwardBody>;

export const AwardsQuery = z.strictObject({ agencyId: z.optional(id), officerId: z.optional(id), ...pageQuery });
export const PublicAwardsQuery = z.strictObject({ year: z.optional(year), ...pageQuery });

// Input of the public transparency route: the city in the path, the year in the query.
import * as z from 'zod/mini';

export const TransparencyParams = z.object({ tenant: z.string().check(z.minLength(1), z.maxLength(60)) });

export const TransparencyQuery = z.strictObject({
  year: z.optional(z.string().check(z.regex(/^\d{4}$/, 'Use a four-digit year, e.g. 2026'), z.refine((y) => Number(y) >= 2000, 'A year from 2000'))),
});

// Query schema of the scores function (also read by the OpenAPI contract, functions/contract).
import * as z from 'zod/mini';

const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month YYYY-MM'));
export const ScoresQuery = z.object({ from: z.optional(month), to: z.optional(month) });


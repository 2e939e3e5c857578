// Query schema of GET /v1/team (also read by the OpenAPI contract, functions/contract).
import * as z from 'zod/mini';
import { pageQuery } from '../http/paging.js';

export const TeamQuery = z.strictObject({
  supervisorId: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  agencyId: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  ...pageQuery,
});
export type TeamQuery = z.infer<typeof TeamQuery>;

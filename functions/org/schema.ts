// Query schema of GET /v1/agencies (also read by the OpenAPI contract, functions/contract).
import * as z from 'zod/mini';

export const AgenciesQuery = z.object({ tenant: z.optional(z.string().check(z.minLength(1), z.maxLength(60))) });


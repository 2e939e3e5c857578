// Request schemas of the trainings function (also read by the OpenAPI contract, functions/contract).
import * as z from 'zod/mini';
import { pageQuery } from '../http/paging.js';
import { calendarDay, httpsLink } from '../http/validation.js';

export const TrainingBody = z.object({
  officerId: z.string().check(z.minLength(1), z.maxLength(80)),
  title: z.string().check(z.trim(), z.minLength(3), z.maxLength(200)),
  // JP in tenths: a 45-minute session is 1 JP, half sessions are common.
  jp: z.number().check(
    z.positive(),
    z.lte(200),
    z.refine((n) => Number.isInteger(Math.round(n * 10)) && Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, 'At most one decimal'),
  ),
  date: calendarDay(),
  provider: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
  /** A link to the certificate (sertifikat), https only. */
  certificateUrl: z.optional(httpsLink()),
});

export const YearQuery = z.object({ year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))), ...pageQuery });


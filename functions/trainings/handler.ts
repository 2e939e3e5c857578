// Trainings function: log a training (JP) and read an officer's year against the 20 JP minimum.
import * as z from 'zod/mini';
import { httpApi, ok, type Routes } from '../http/api.js';
import { pageQuery } from '../http/paging.js';
import { calendarDay, httpsLink, parse } from '../http/validation.js';
import { IdempotencyKey } from '../reports/schema.js';
import { logTraining, officerTrainings } from './service.js';

const TrainingBody = z.object({
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

const YearQuery = z.object({ year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))), ...pageQuery });

const routes: Routes = {
  'POST /v1/trainings': {
    auth: 'user',
    handle: async ({ principal, body, headers }) => {
      const training = parse(TrainingBody, body, 'body');
      const key = parse(IdempotencyKey, headers['idempotency-key'] || undefined, 'Idempotency-Key');
      return ok(await logTraining(principal, training, key), 201);
    },
  },
  'GET /v1/officers/{id}/trainings': {
    auth: 'user',
    handle: async ({ principal, params, query }) => ok(await officerTrainings(principal, params.id, parse(YearQuery, query, 'query'))),
  },
};

export const handler = httpApi(routes);

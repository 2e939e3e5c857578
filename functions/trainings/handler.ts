// Trainings function: log a training (JP) and read an officer's year against the 20 JP minimum.
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { TrainingBody, YearQuery } from './schema.js';
import { IdempotencyKey } from '../reports/schema.js';
import { logTraining, officerTrainings } from './service.js';

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

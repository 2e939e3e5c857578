// Scores function: an officer's monthly scores (capaian, hasil kerja, perilaku, predikat).
import * as z from 'zod/mini';
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { officerScores } from './scores.js';

const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month YYYY-MM'));
const ScoresQuery = z.object({ from: z.optional(month), to: z.optional(month) });

const routes: Routes = {
  'GET /v1/officers/{id}/scores': {
    auth: 'user',
    handle: async ({ principal, params, query }) => {
      const { from, to } = parse(ScoresQuery, query, 'query');
      return ok(await officerScores(principal, params.id, from, to));
    },
  },
};

export const handler = httpApi(routes);

// Scores function: an officer's monthly scores (capaian, hasil kerja, perilaku, predikat).
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { ScoresQuery } from './schema.js';
import { officerScores } from './scores.js';

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

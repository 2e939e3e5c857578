// Transparency function: the public transparency page's JSON, what the citizens' voice left behind
// (IKM, complaints, forums and follow-ups) as one city's page.
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { TransparencyParams, TransparencyQuery } from './schema.js';
import { transparency } from './service.js';

export const transparencyRoutes: Routes = {
  'GET /v1/public/cities/{tenant}/transparency': {
    auth: 'public',
    handle: async ({ params, query, sourceIp }) => {
      const { tenant } = parse(TransparencyParams, params, 'path');
      const { year } = parse(TransparencyQuery, query, 'query');
      // Aggregates of a whole year change slowly: a short public cache keeps a crowd off the table.
      return ok(await transparency(tenant, year, sourceIp), 200, { 'cache-control': 'public, max-age=300' });
    },
  },
};

export const handler = httpApi(transparencyRoutes);

// The team overview route; served by the evaluations function (its rows are mostly evaluation data).
import { ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { listTeam, TeamQuery } from './service.js';

export const teamRoutes: Routes = {
  'GET /v1/team': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await listTeam(principal, parse(TeamQuery, query, 'query'))),
  },
};

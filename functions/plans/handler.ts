// Plans function: the officer's SKP for a year (PermenPANRB 6/2022).
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { PlanBody, PlanParams } from './schema.js';
import { readPlan, writePlan } from './service.js';

const routes: Routes = {
  'GET /v1/officers/{id}/plans/{year}': {
    auth: 'user',
    handle: async ({ principal, params }) => {
      const { id, year } = parse(PlanParams, params, 'path');
      return ok(await readPlan(principal, id, year));
    },
  },
  'PUT /v1/officers/{id}/plans/{year}': {
    auth: 'user',
    handle: async ({ principal, params, body }) => {
      const { id, year } = parse(PlanParams, params, 'path');
      return ok(await writePlan(principal, id, year, parse(PlanBody, body, 'plan')));
    },
  },
};

export const handler = httpApi(routes);

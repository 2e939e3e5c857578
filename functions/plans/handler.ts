// Plans function: the officer's SKP for a year (PermenPANRB 6/2022), its agreement, history and cascade.
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { AgreementBody, PlanBody, PlanParams } from './schema.js';
import { agreePlan, readCascade, readPlan, readPlanHistory, writePlan } from './service.js';

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
  'POST /v1/officers/{id}/plans/{year}/agreement': {
    auth: 'user',
    handle: async ({ principal, params, body }) => {
      const { id, year } = parse(PlanParams, params, 'path');
      return ok(await agreePlan(principal, id, year, parse(AgreementBody, body ?? {}, 'agreement')));
    },
  },
  'GET /v1/officers/{id}/plans/{year}/history': {
    auth: 'user',
    handle: async ({ principal, params }) => {
      const { id, year } = parse(PlanParams, params, 'path');
      return ok(await readPlanHistory(principal, id, year));
    },
  },
  'GET /v1/officers/{id}/plans/{year}/cascade': {
    auth: 'user',
    handle: async ({ principal, params }) => {
      const { id, year } = parse(PlanParams, params, 'path');
      return ok(await readCascade(principal, id, year));
    },
  },
};

export const handler = httpApi(routes);

// Visits function: field supervision visits to service units and their follow-up actions (DESIGN §2, §4).
import { httpApi, ok, type Routes } from '../http/api.js';
import { idempotencyKeyOf } from '../http/idempotency.js';
import { parse } from '../http/validation.js';
import { ActionPatch, VisitBody, VisitsQuery } from './schema.js';
import { listVisits, recordVisit, updateAction } from './service.js';

const routes: Routes = {
  'POST /v1/visits': {
    auth: 'user',
    handle: async ({ principal, body, headers }) => {
      const visit = parse(VisitBody, body, 'body');
      return ok(await recordVisit(principal, visit, idempotencyKeyOf(headers)), 201);
    },
  },
  'GET /v1/visits': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await listVisits(principal, parse(VisitsQuery, query, 'query'))),
  },
  'PATCH /v1/visits/{id}/actions/{actionId}': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await updateAction(principal, params.id, params.actionId, parse(ActionPatch, body, 'body'))),
  },
};

export const handler = httpApi(routes);

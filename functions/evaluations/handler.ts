// Evaluations function: an officer's evaluations, objections and their decisions, the flagged list
// and the supervisor's team view (functions/team/routes.ts). Feedback and awards are the feedback
// function's (functions/feedback/handler.ts).
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { teamRoutes } from '../team/routes.js';
import { listFlagged } from './flagged.js';
import { evaluationHistory } from './history.js';
import { decideObjection, fileObjection, listObjections } from './objections.js';
import { DecisionBody, FlaggedQuery, ObjectionBody, ObjectionsQuery, YearQuery } from './schema.js';
import { officerEvaluations } from './service.js';

const routes: Routes = {
  ...teamRoutes,
  'GET /v1/evaluations/flagged': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await listFlagged(principal, parse(FlaggedQuery, query, 'query'))),
  },
  'GET /v1/officers/{id}/evaluations': {
    auth: 'user',
    handle: async ({ principal, params, query }) => ok(await officerEvaluations(principal, params.id, parse(YearQuery, query, 'query'))),
  },
  'GET /v1/evaluations/{id}/history': {
    auth: 'user',
    handle: async ({ principal, params }) => ok(await evaluationHistory(principal, params.id)),
  },
  'POST /v1/evaluations/{id}/objections': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await fileObjection(principal, params.id, parse(ObjectionBody, body, 'body').reason), 201),
  },
  'GET /v1/objections': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await listObjections(principal, parse(ObjectionsQuery, query, 'query'))),
  },
  'POST /v1/objections/{id}/decision': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await decideObjection(principal, params.id, parse(DecisionBody, body, 'body'))),
  },
};

export const handler = httpApi(routes);

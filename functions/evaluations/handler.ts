// Evaluations function: an officer's evaluations, objections and their decisions.
import * as z from 'zod/mini';
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { FLAGS, PREDIKATS } from '../domain/types.js';
import { teamRoutes } from '../team/routes.js';
import { feedbackRoutes } from '../feedback/handler.js';
import { listFlagged } from './flagged.js';
import { evaluationHistory } from './history.js';
import { decideObjection, fileObjection, listObjections } from './objections.js';
import { pageQuery } from '../http/paging.js';
import { officerEvaluations } from './service.js';

const YearQuery = z.object({ year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))), ...pageQuery });
const ObjectionsQuery = z.strictObject({ status: z.optional(z.enum(['pending', 'decided'])), queue: z.optional(z.enum(['mine', 'bkpsdm'])), ...pageQuery });
const FlaggedQuery = z.strictObject({
  period: z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'Use YYYY-MM, YYYY-Qn or YYYY')),
  flag: z.enum(FLAGS),
  agencyId: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  ...pageQuery,
});
const ObjectionBody = z.object({ reason: z.string().check(z.trim(), z.minLength(10), z.maxLength(2000)) });
const DecisionBody = z.object({
  decision: z.enum(['uphold', 'amend']),
  note: z.string().check(z.trim(), z.minLength(3), z.maxLength(2000)),
  amendedPredikat: z.optional(z.enum(PREDIKATS)),
});

const routes: Routes = {
  ...teamRoutes,
  ...feedbackRoutes,
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

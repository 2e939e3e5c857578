// Evaluations function: start and follow runs, an officer's evaluations, objections and decisions.
import * as z from 'zod/mini';
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { PREDIKATS } from '../domain/types.js';
import { decideObjection, fileObjection } from './objections.js';
import { evaluationRun, officerEvaluations, startEvaluationRun } from './service.js';

const RunBody = z.object({ period: z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'Use YYYY-MM, YYYY-Qn or YYYY')) });
const YearQuery = z.object({ year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))) });
const ObjectionBody = z.object({ reason: z.string().check(z.trim(), z.minLength(10), z.maxLength(2000)) });
const DecisionBody = z.object({
  decision: z.enum(['uphold', 'amend']),
  note: z.string().check(z.trim(), z.minLength(3), z.maxLength(2000)),
  amendedPredikat: z.optional(z.enum(PREDIKATS)),
});

const routes: Routes = {
  'POST /v1/evaluations/runs': {
    auth: 'user',
    handle: async ({ principal, body }) => {
      const run = await startEvaluationRun(principal, parse(RunBody, body, 'body').period);
      return ok(run, 202, { location: `/v1/evaluations/runs/${run.id}` });
    },
  },
  'GET /v1/evaluations/runs/{id}': { auth: 'user', handle: async ({ principal, params }) => ok(await evaluationRun(principal, params.id)) },
  'GET /v1/officers/{id}/evaluations': {
    auth: 'user',
    handle: async ({ principal, params, query }) => ok(await officerEvaluations(principal, params.id, parse(YearQuery, query, 'query').year)),
  },
  'POST /v1/evaluations/{id}/objections': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await fileObjection(principal, params.id, parse(ObjectionBody, body, 'body').reason), 201),
  },
  'POST /v1/objections/{id}/decision': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await decideObjection(principal, params.id, parse(DecisionBody, body, 'body'))),
  },
};

export const handler = httpApi(routes);

// Evaluation runs function: start the run the scheduler would start (202) and follow its progress.
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { RunBody, RunsQuery } from './schema.js';
import { evaluationRun, evaluationRunsOfPeriod, evaluationSchedule, startEvaluationRun } from './run-service.js';

const routes: Routes = {
  'POST /v1/evaluations/runs': {
    auth: 'user',
    handle: async ({ principal, body }) => {
      const run = await startEvaluationRun(principal, parse(RunBody, body, 'body').period);
      return ok(run, 202, { location: `/v1/evaluations/runs/${run.id}` });
    },
  },
  'GET /v1/evaluations/runs': { auth: 'user', handle: async ({ principal, query }) => ok(await evaluationRunsOfPeriod(principal, parse(RunsQuery, query, 'query'))) },
  'GET /v1/evaluations/runs/{id}': { auth: 'user', handle: async ({ principal, params }) => ok(await evaluationRun(principal, params.id)) },
  'GET /v1/evaluations/schedule': { auth: 'user', handle: async ({ principal }) => ok(await evaluationSchedule(principal)) },
};

export const handler = httpApi(routes);

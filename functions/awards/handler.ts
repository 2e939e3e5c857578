// The award routes; served by the feedback function (an award, like feedback, recognises an officer's
// work; it confirms an evaluation's recommendation). The certificate PDF is the documents function's
// (functions/documents/handler.ts).
import { ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { AwardBody, AwardsQuery, PublicAwardsQuery } from './schema.js';
import { createAward, listAwards, publicAwards } from './service.js';

export const awardRoutes: Routes = {
  'POST /v1/awards': {
    auth: 'user',
    handle: async ({ principal, body }) => ok(await createAward(principal, parse(AwardBody, body, 'body')), 201),
  },
  'GET /v1/awards': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await listAwards(principal, parse(AwardsQuery, query, 'query'))),
  },
  'GET /v1/public/cities/{tenant}/awards': {
    auth: 'public',
    handle: async ({ params, query, sourceIp }) => ok(await publicAwards(params.tenant!, parse(PublicAwardsQuery, query, 'query'), sourceIp)),
  },
};

// Survey function: the public unit card and survey intake (rate-limited), IKM reads for signed-in
// users, kiosk tokens for counter devices, SKM follow-ups, and (same function) public forums and the
// city's transparency page.
import { httpApi, ok, type Routes } from '../http/api.js';
import { HttpError, httpErrorOf } from '../http/errors.js';
import { countMetric } from '../http/metrics.js';
import { idempotencyKeyOf } from '../http/idempotency.js';
import { parse } from '../http/validation.js';
import { FollowUpBody, FollowUpPatchBody, FollowUpQuery, IkmQuery, KioskTokenBody, ProposalQuery, SurveyBody, UnitParams } from './schemas.js';
import { createFollowUp, followUpProposal, listFollowUps, updateFollowUpAction } from './follow-ups.js';
import { forumRoutes } from '../forums/handler.js';
import { transparencyRoutes } from '../transparency/handler.js';
import { issueKioskToken } from './kiosk.js';
import { publicUnit, readIkm, submitSurvey } from './service.js';

const routes: Routes = {
  ...forumRoutes,
  ...transparencyRoutes,
  'GET /v1/public/units/{tenant}/{unitId}': {
    auth: 'public',
    handle: async ({ params }) => {
      const { tenant, unitId } = parse(UnitParams, params, 'path');
      // Unit cards change rarely; a short public cache keeps a QR-code rush off the table.
      return ok(await publicUnit(tenant, unitId), 200, { 'cache-control': 'public, max-age=300' });
    },
  },
  'POST /v1/public/surveys': {
    auth: 'public',
    maxBodyBytes: 8 * 1024,
    handle: async ({ body, headers, sourceIp }) => {
      try {
        const survey = parse(SurveyBody, body, 'survey');
        const idempotencyKey = idempotencyKeyOf(headers);
        const stored = await submitSurvey(survey, { sourceIp, idempotencyKey, kioskToken: headers['x-kiosk-token'] || undefined });
        countMetric('SurveysStored');
        return ok(stored, 201);
      } catch (error) {
        // Refused: invalid, rate-limited, a repeat from the same device, a wrong kiosk token (not our 5xx).
        const refused = httpErrorOf(error);
        if (refused instanceof HttpError && refused.status < 500) countMetric('SurveysRefused');
        throw error;
      }
    },
  },
  'GET /v1/ikm': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await readIkm(principal, parse(IkmQuery, query, 'query'))),
  },
  'POST /v1/ikm/follow-ups': {
    auth: 'user',
    handle: async ({ principal, body }) => ok(await createFollowUp(principal, parse(FollowUpBody, body, 'follow-up')), 201),
  },
  'GET /v1/ikm/follow-ups': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await listFollowUps(principal, parse(FollowUpQuery, query, 'query'))),
  },
  'GET /v1/ikm/follow-ups/proposal': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await followUpProposal(principal, parse(ProposalQuery, query, 'query'))),
  },
  'PATCH /v1/ikm/follow-ups/{id}': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await updateFollowUpAction(principal, params.id ?? '', parse(FollowUpPatchBody, body, 'follow-up action'))),
  },
  'POST /v1/kiosk-tokens': {
    auth: 'user',
    handle: async ({ principal, body }) => ok(await issueKioskToken(principal, parse(KioskTokenBody, body, 'kiosk token').unitId), 201),
  },
};

export const handler = httpApi(routes);

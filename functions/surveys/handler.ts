// Survey function: the public unit card and survey intake (rate-limited), IKM reads for signed-in
// users and kiosk tokens for counter devices. The SKM follow-ups and the public forums are the forums
// function's (functions/forums/handler.ts), the transparency page its own function's: together they
// would not fit one bundle's budget (DESIGN §6), and the survey intake keeps a small cold start.
import { httpApi, ok, type Routes } from '../http/api.js';
import { HttpError, httpErrorOf } from '../http/errors.js';
import { countMetric } from '../http/metrics.js';
import { idempotencyKeyOf } from '../http/idempotency.js';
import { parse } from '../http/validation.js';
import { IkmQuery, KioskTokenBody, SurveyBody, UnitParams } from './schemas.js';
import { issueKioskToken } from './kiosk.js';
import { publicUnit, readIkm, submitSurvey } from './service.js';

const routes: Routes = {
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
  'POST /v1/kiosk-tokens': {
    auth: 'user',
    handle: async ({ principal, body }) => ok(await issueKioskToken(principal, parse(KioskTokenBody, body, 'kiosk token').unitId), 201),
  },
};

export const handler = httpApi(routes);

// Survey function: the public unit card and survey intake (rate-limited), IKM reads for signed-in
// users, and kiosk tokens for counter devices.
import * as z from 'zod/mini';
import { httpApi, ok, type Routes } from '../http/api.js';
import { idempotencyKeyOf } from '../http/idempotency.js';
import { parse } from '../http/validation.js';
import { IkmQuery, KioskTokenBody, SurveyBody } from './schemas.js';
import { issueKioskToken } from './kiosk.js';
import { publicUnit, readIkm, submitSurvey } from './service.js';

const UnitParams = z.object({ tenant: z.string().check(z.minLength(1), z.maxLength(60)), unitId: z.string().check(z.minLength(1), z.maxLength(80)) });

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
      const survey = parse(SurveyBody, body, 'survey');
      const idempotencyKey = idempotencyKeyOf(headers);
      return ok(await submitSurvey(survey, { sourceIp, idempotencyKey, kioskToken: headers['x-kiosk-token'] || undefined }), 201);
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

// Trends function: the dashboard's charts, each served by one Query over rollup items; today's activity; the month's reporting dates.
import * as z from 'zod/mini';
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { trends } from './service.js';
import { activity } from '../activity/service.js';
import { monthCalendar } from '../activity/calendar.js';

const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM'));
const TrendsQuery = z.object({
  scope: z.enum(['tenant', 'agency', 'agencies', 'officer', 'national']),
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  from: z.optional(month),
  to: z.optional(month),
});

const ActivityQuery = z.strictObject({
  scope: z.enum(['tenant', 'agency']),
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
});

const routes: Routes = {
  'GET /v1/trends': { auth: 'user', handle: async ({ principal, query }) => ok(await trends(principal, parse(TrendsQuery, query, 'query'))) },
  'GET /v1/activity': { auth: 'user', handle: async ({ principal, query }) => ok(await activity(principal, parse(ActivityQuery, query, 'query'))) },
  'GET /v1/calendar': { auth: 'user', handle: async ({ principal, query }) => { parse(z.strictObject({}), query, 'query'); return ok(await monthCalendar(principal)); } },
};

export const handler = httpApi(routes);

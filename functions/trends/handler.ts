// Trends function: the dashboard's charts, each served by one Query over rollup items; today's activity; the month's reporting dates.
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { ActivityQuery, CalendarQuery, TrendsQuery } from './schema.js';
import { trends } from './service.js';
import { activity } from '../activity/service.js';
import { monthCalendar } from '../activity/calendar.js';

const routes: Routes = {
  'GET /v1/trends': { auth: 'user', handle: async ({ principal, query }) => ok(await trends(principal, parse(TrendsQuery, query, 'query'))) },
  'GET /v1/activity': { auth: 'user', handle: async ({ principal, query }) => ok(await activity(principal, parse(ActivityQuery, query, 'query'))) },
  'GET /v1/calendar': { auth: 'user', handle: async ({ principal, query }) => { parse(CalendarQuery, query, 'query'); return ok(await monthCalendar(principal)); } },
};

export const handler = httpApi(routes);

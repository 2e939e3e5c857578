// Notifications function: the caller's notifications, the BKPSDM's "run the daily pass now" (queued for the
// pass function, 202, then followed by its id), and the CSV
// exports for payroll and BKN (both light: no PDF or other heavy code in this bundle).
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { angkaKreditExport, requireRegionAdmin, siasnExport, tppExport, type CsvFile } from '../exports/service.js';
import { NotificationsQuery, PassBody, ReadBody, TppQuery, YearQuery } from './schema.js';
import { markNotificationsRead, myNotifications } from './service.js';
import { notificationRun, startPass } from './runs.js';

const csv = (file: CsvFile) => ok(new Uint8Array(Buffer.from(file.body, 'utf8')), 200, {
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${file.filename}"`,
});

const routes: Routes = {
  'GET /v1/me/notifications': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await myNotifications(principal, parse(NotificationsQuery, query, 'query'))),
  },
  'POST /v1/me/notifications/read': {
    auth: 'user',
    handle: async ({ principal, body }) => ok(await markNotificationsRead(principal, parse(ReadBody, body, 'body'))),
  },
  'POST /v1/notifications/runs': {
    auth: 'user',
    handle: async ({ principal, body }) => {
      const run = await startPass(principal, parse(PassBody, body ?? {}, 'body'));
      return ok(run, 202, { location: `/v1/notifications/runs/${run.id}` });
    },
  },
  'GET /v1/notifications/runs/{id}': { auth: 'user', handle: async ({ principal, params }) => ok(await notificationRun(principal, params.id)) },
  'GET /v1/exports/tpp': {
    auth: 'user',
    handle: async ({ principal, query }) => { requireRegionAdmin(principal); return csv(await tppExport(principal, parse(TppQuery, query, 'query'))); },
  },
  'GET /v1/exports/siasn': {
    auth: 'user',
    handle: async ({ principal, query }) => { requireRegionAdmin(principal); return csv(await siasnExport(principal, parse(YearQuery, query, 'query'))); },
  },
  'GET /v1/exports/angka-kredit': {
    auth: 'user',
    handle: async ({ principal, query }) => { requireRegionAdmin(principal); return csv(await angkaKreditExport(principal, parse(YearQuery, query, 'query'))); },
  },
};

export const handler = httpApi(routes);

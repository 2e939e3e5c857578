// Officers function: the tenant's officers (list, read, change; a change of e-mail or an end of service
// starts an account job, functions/accounts/). Roles are the org function's, the CSV import the
// officer-import function's (import-handler.ts): one function would not fit a bundle's budget (DESIGN §6).
import { readableOfficer } from '../http/access.js';
import { httpApi, ok, type Routes } from '../http/api.js';
import { forbidden } from '../http/errors.js';
import { hasRole } from '../http/principal.js';
import { parse } from '../http/validation.js';
import { listOfficers, OfficerPatch, OfficersQuery, patchOfficer } from './officers.js';

const routes: Routes = {
  'GET /v1/officers': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await listOfficers(principal, parse(OfficersQuery, query, 'query'))),
  },
  'GET /v1/officers/{id}': {
    auth: 'user',
    handle: async ({ principal, params }) => {
      if (hasRole(principal, 'national')) throw forbidden('National readers see aggregates only');
      return ok(await readableOfficer(principal, params.id));
    },
  },
  'PATCH /v1/officers/{id}': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await patchOfficer(principal, params.id, parse(OfficerPatch, body, 'body'))),
  },
};

export const handler = httpApi(routes);

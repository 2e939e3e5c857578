// Org function: health, the caller, tenants, agencies, officers and the officer CSV import.
import * as z from 'zod/mini';
import { readableOfficer } from '../http/access.js';
import { httpApi, ok, type Routes } from '../http/api.js';
import { forbidden, HttpError } from '../http/errors.js';
import { hasRole } from '../http/principal.js';
import { parse } from '../http/validation.js';
import { importOfficers } from './import-officers.js';
import { agenciesWithUnits, me, visibleTenants } from './service.js';
import { listOfficers, OfficerPatch, OfficersQuery, patchOfficer } from './officers.js';
import { getPolicy, putPolicy } from './policy.js';

const AgenciesQuery = z.object({ tenant: z.optional(z.string().check(z.minLength(1), z.maxLength(60))) });

const routes: Routes = {
  'GET /v1/health': { auth: 'public', handle: async () => ok({ status: 'ok' }) },
  'GET /v1/me': { auth: 'user', handle: async ({ principal }) => ok(await me(principal)) },
  'GET /v1/tenants': { auth: 'user', handle: async ({ principal }) => ok({ tenants: visibleTenants(principal) }) },
  'GET /v1/agencies': {
    auth: 'user',
    handle: async ({ principal, query }) => ok({ agencies: await agenciesWithUnits(principal, parse(AgenciesQuery, query, 'query').tenant) }),
  },
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
  'POST /v1/officers/import': {
    auth: 'user',
    text: true,
    maxBodyBytes: 6 * 1024 * 1024,
    handle: async ({ principal, body, headers }) => {
      if (!hasRole(principal, 'region_admin')) throw forbidden('Only the BKPSDM (region_admin) may import officers');
      const type = headers['content-type'] ?? '';
      if (!type.startsWith('text/csv')) {
        throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv (Content-Type: text/csv)');
      }
      return ok(await importOfficers(principal.tenant, typeof body === 'string' ? body : ''));
    },
  },
  'GET /v1/policy': { auth: 'user', handle: async ({ principal }) => ok(await getPolicy(principal)) },
  'PUT /v1/policy': { auth: 'user', handle: async ({ principal, body }) => ok(await putPolicy(principal, body)) },
};

export const handler = httpApi(routes);

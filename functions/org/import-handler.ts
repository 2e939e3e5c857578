// Officer-import function: the officer CSV import (POST /v1/officers/import) and the account jobs it
// starts (GET /v1/account-jobs/{id}; the accounts themselves are made by functions/accounts/worker.ts).
import { httpApi, ok, type Routes } from '../http/api.js';
import { forbidden, HttpError } from '../http/errors.js';
import { hasRole } from '../http/principal.js';
import { importOfficers } from './import-officers.js';
import { getAccountJob } from '../accounts/jobs.js';

const routes: Routes = {
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
  'GET /v1/account-jobs/{id}': { auth: 'user', handle: async ({ principal, params }) => ok(await getAccountJob(principal, params.id)) },
};

export const handler = httpApi(routes);

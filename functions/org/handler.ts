// Org function: health, the caller, tenants, agencies and units, org ratings and the curve, officers and
// the officer CSV import.
import { readableOfficer } from '../http/access.js';
import { httpApi, ok, type Routes } from '../http/api.js';
import { forbidden, HttpError } from '../http/errors.js';
import { hasRole } from '../http/principal.js';
import { parse } from '../http/validation.js';
import { AgenciesQuery, RolesBody } from './schema.js';
import { setRoles } from './roles.js';
import { importOfficers } from './import-officers.js';
import { getAccountJob } from '../accounts/jobs.js';
import { agenciesWithUnits, me, visibleTenants } from './service.js';
import { listOfficers, OfficerPatch, OfficersQuery, patchOfficer } from './officers.js';
import { getPolicy, getPolicyHistory, putPolicy } from './policy.js';
import { addAgency, addUnit, AgencyCreate, AgencyPatch, changeAgency, changeUnit, UnitCreate, UnitPatch } from './agencies.js';
import { agencyCurve, CurveQuery, OrgRatingBody, readOrgRating, setOrgRating, YearParam } from './curve.js';

const routes: Routes = {
  'GET /v1/health': { auth: 'public', handle: async () => ok({ status: 'ok' }) },
  'GET /v1/me': { auth: 'user', handle: async ({ principal }) => ok(await me(principal)) },
  'GET /v1/tenants': { auth: 'user', handle: async ({ principal }) => ok({ tenants: visibleTenants(principal) }) },
  'GET /v1/agencies': {
    auth: 'user',
    handle: async ({ principal, query }) => ok({ agencies: await agenciesWithUnits(principal, parse(AgenciesQuery, query, 'query').tenant) }),
  },
  'POST /v1/agencies': {
    auth: 'user',
    handle: async ({ principal, body }) => ok(await addAgency(principal, parse(AgencyCreate, body, 'body')), 201),
  },
  'PATCH /v1/agencies/{id}': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await changeAgency(principal, params.id, parse(AgencyPatch, body, 'body'))),
  },
  'POST /v1/agencies/{id}/units': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await addUnit(principal, params.id, parse(UnitCreate, body, 'body')), 201),
  },
  'PATCH /v1/agencies/{id}/units/{unitId}': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await changeUnit(principal, params.id, params.unitId, parse(UnitPatch, body, 'body'))),
  },
  'GET /v1/agencies/{id}/org-ratings/{year}': {
    auth: 'user',
    handle: async ({ principal, params }) => ok(await readOrgRating(principal, params.id, Number(parse(YearParam, { year: params.year }, 'path').year))),
  },
  'PUT /v1/agencies/{id}/org-ratings/{year}': {
    auth: 'user',
    handle: async ({ principal, params, body }) => {
      const { year } = parse(YearParam, { year: params.year }, 'path');
      return ok(await setOrgRating(principal, params.id, Number(year), parse(OrgRatingBody, body, 'body')));
    },
  },
  'GET /v1/agencies/{id}/curve': {
    auth: 'user',
    handle: async ({ principal, params, query }) => {
      const { year } = parse(CurveQuery, query, 'query');
      return ok(await agencyCurve(principal, params.id, year === undefined ? undefined : Number(year)));
    },
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
  'PUT /v1/officers/{id}/roles': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await setRoles(principal, params.id, parse(RolesBody, body, 'body'))),
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
  'GET /v1/account-jobs/{id}': { auth: 'user', handle: async ({ principal, params }) => ok(await getAccountJob(principal, params.id)) },
  'GET /v1/policy': { auth: 'user', handle: async ({ principal }) => ok(await getPolicy(principal)) },
  'PUT /v1/policy': { auth: 'user', handle: async ({ principal, body }) => ok(await putPolicy(principal, body)) },
  'GET /v1/policy/history': { auth: 'user', handle: async ({ principal }) => ok(await getPolicyHistory(principal)) },
};

export const handler = httpApi(routes);

// Org function: health, the caller, tenants, agencies and units, org ratings and the curve, officers'
// roles and the tenant's policy. The officers themselves are the officers function's
// (officers-handler.ts), their CSV import the officer-import function's (import-handler.ts): in one
// function they would not fit a bundle's budget (DESIGN §6).
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { AgenciesQuery, RolesBody } from './schema.js';
import { setRoles } from './roles.js';
import { agenciesWithUnits, me, visibleTenants } from './service.js';
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
  'PUT /v1/officers/{id}/roles': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await setRoles(principal, params.id, parse(RolesBody, body, 'body'))),
  },
  'GET /v1/policy': { auth: 'user', handle: async ({ principal }) => ok(await getPolicy(principal)) },
  'PUT /v1/policy': { auth: 'user', handle: async ({ principal, body }) => ok(await putPolicy(principal, body)) },
  'GET /v1/policy/history': { auth: 'user', handle: async ({ principal }) => ok(await getPolicyHistory(principal)) },
};

export const handler = httpApi(routes);

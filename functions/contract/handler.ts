// Contract function: the OpenAPI document at GET /v1/openapi.json (public, cacheable). A function of
// its own, so the schemas of every feature stay out of the other bundles.
import { httpApi, ok, type Routes } from '../http/api.js';
import { openApiDocument } from './document.js';

const routes: Routes = {
  'GET /v1/openapi.json': { auth: 'public', handle: async () => ok(openApiDocument(), 200, { 'cache-control': 'public, max-age=300' }) },
};

export const handler = httpApi(routes);

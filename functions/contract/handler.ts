// Contract function: the OpenAPI document at GET /v1/openapi.json (public, cacheable). A function of
// its own and deliberately plain (no middy stack, no principal, no table client), so its bundle is
// the schemas and zod only, and the schemas of every feature stay out of the other bundles.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { openApiDocument } from './document.js';

const HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  if (event.routeKey !== 'GET /v1/openapi.json') {
    return { statusCode: 404, headers: { ...HEADERS, 'cache-control': 'no-store' }, body: JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Route not found', details: [] } }) };
  }
  return { statusCode: 200, headers: { ...HEADERS, 'cache-control': 'public, max-age=300' }, body: JSON.stringify(openApiDocument()) };
};

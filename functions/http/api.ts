// The middy stack every HTTP function shares: logger context, body parsing with a size cap,
// the caller's principal, dispatch on the route key, and (registered last) the error mapping.
import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { HttpError, badRequest, forbidden, httpErrorOf, notFound } from './errors.js';
import { MAX_REQUEST_BYTES, requestTooLarge } from './limits.js';
import { jsonShapeProblem } from './json.js';
import { injectLambdaContext, logger } from './logger.js';
import { freshPrincipal, hasRole, principalFromClaims, type Principal } from './principal.js';
import { clientAddress } from './rate-limit.js';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

export interface ApiRequest {
  event: ApiEvent;
  /** Present on every route with auth 'user'; absent on public routes. */
  principal: Principal;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON (or the raw text for routes declared `text`). */
  body: unknown;
  requestId: string;
  sourceIp: string;
}

export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  auth: 'public' | 'user';
  handle: (req: ApiRequest) => Promise<ApiResult>;
  /** Body is passed as text (CSV import) instead of parsed JSON. */
  text?: boolean;
  /** At most MAX_REQUEST_BYTES (Lambda's 6 MB); httpApi refuses a route table that declares more. */
  maxBodyBytes?: number;
}

/** Route table of one function: "METHOD /path/{param}" → route, matched on API Gateway's routeKey. */
export type Routes = Record<string, Route>;

const DEFAULT_MAX_BODY = 64 * 1024;
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export const ok = (body: unknown, status = 200, headers?: Record<string, string>): ApiResult => ({ status, body, headers });

function readBody(event: ApiEvent, route: Route): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY;
  if (Buffer.byteLength(text, 'utf8') > limit) throw requestTooLarge(limit, { file: route.text });
  if (route.text) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('Body is not valid JSON', [{ field: 'body', message: 'Malformed JSON' }]);
  }
  const problem = jsonShapeProblem(text);
  if (problem) throw badRequest(`Body is not acceptable JSON: ${problem}`, [{ field: 'body', message: problem }]);
  return parsed;
}

function toResponse(result: ApiResult): APIGatewayProxyStructuredResultV2 {
  // Binary bodies (PDF, ZIP) travel base64-encoded; the route's headers name their content type.
  if (result.body instanceof Uint8Array) {
    return { statusCode: result.status, headers: { ...JSON_HEADERS, ...result.headers }, body: Buffer.from(result.body).toString('base64'), isBase64Encoded: true };
  }
  return {
    statusCode: result.status,
    headers: { ...JSON_HEADERS, ...result.headers },
    body: result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded',
  'InternalServerError', 'ServiceUnavailable', 'TimeoutError', 'ECONNREFUSED', 'ECONNRESET',
]);
/** DynamoDB throttling or an unreachable endpoint that outlived the SDK's retries. */
const isTransient = (e: unknown) => {
  const err = e as { name?: string; code?: string; $retryable?: unknown };
  return TRANSIENT.has(err?.name ?? '') || TRANSIENT.has(err?.code ?? '') || Boolean(err?.$retryable);
};

/** Maps errors to the contract's shape; 5xx details never reach the caller. */
const errorResponses = (): middy.MiddlewareObj<ApiEvent, APIGatewayProxyStructuredResultV2> => ({
  onError: async (request) => {
    const error = httpErrorOf(request.error);
    if (error instanceof HttpError) {
      if (error.status >= 500) logger.error('request failed', { error });
      request.response = toResponse({
        status: error.status,
        headers: error.headers,
        body: { error: { code: error.code, message: error.message, details: error.details } },
      });
      return;
    }
    if (isTransient(error)) {
      logger.warn('transient failure after retries', { error: error as Error });
      request.response = toResponse({
        status: 503,
        headers: { 'retry-after': '1' },
        body: { error: { code: 'UNAVAILABLE', message: 'Service temporarily unavailable; nothing was saved, please retry', details: [] } },
      });
      return;
    }
    logger.error('unhandled error', { error: error as Error });
    request.response = toResponse({ status: 500, body: { error: { code: 'INTERNAL', message: 'Internal error', details: [] } } });
  },
});

export function httpApi(routes: Routes) {
  for (const [key, route] of Object.entries(routes)) {
    if ((route.maxBodyBytes ?? 0) > MAX_REQUEST_BYTES) throw new Error(`${key}: maxBodyBytes ${route.maxBodyBytes} exceeds Lambda's ${MAX_REQUEST_BYTES}-byte request limit`);
  }
  const dispatch = async (event: ApiEvent, _context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    // The API's request id, as in its access log line (infra/constructs/api.ts): one id from the edge to this function's logs.
    logger.appendKeys({ requestId: event.requestContext.requestId });
    const route = routes[event.routeKey];
    if (!route) throw notFound('Route');
    const principal =
      route.auth === 'user' ? await freshPrincipal(principalFromClaims(event.requestContext.authorizer?.jwt?.claims)) : (undefined as unknown as Principal);
    // DESIGN §1: the national role reads aggregates only; no route may write on its behalf.
    if (principal && hasRole(principal, 'national') && !event.routeKey.startsWith('GET ')) throw forbidden('National readers are read-only');
    const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']));
    const result = await route.handle({
      event,
      principal,
      params: (event.pathParameters ?? {}) as Record<string, string>,
      query: (event.queryStringParameters ?? {}) as Record<string, string>,
      headers,
      body: readBody(event, route),
      requestId: event.requestContext.requestId,
      sourceIp: clientAddress(headers, event.requestContext.http.sourceIp),
    });
    return toResponse(result);
  };
  return middy<ApiEvent, APIGatewayProxyStructuredResultV2>()
    // Never log the event: it carries the Authorization header and citizens' text (even if POWERTOOLS_LOGGER_LOG_EVENT is set).
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(errorResponses())
    .handler(dispatch);
}

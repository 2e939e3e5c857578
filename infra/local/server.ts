// The local API Gateway + CloudFront: turns HTTP requests into HTTP API payload-v2 events with
// verified JWT claims, calls the same handler modules, and serves the built dashboard.
import http from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { MAX_REQUEST_BYTES, requestTooLarge } from '../../functions/http/limits.js';
import { FUNCTIONS, ROUTES, routeKey, type RouteDef } from '../../functions/routes.js';
import { claimsAsApiGateway, type Signer } from './auth.js';
import { compressedFile, isCompressible, MIN_COMPRESS_BYTES, negotiateEncoding } from './compress.js';
import { invoke, loadHandler } from './lambda.js';
import { OIDC_PREFIX, type LocalOidc } from './oidc.js';

export const MAX_BODY_BYTES = MAX_REQUEST_BYTES; // Lambda's 6 MB, below API Gateway's 10 MB

type DevHandler = (method: string, path: string, body: unknown) => Promise<{ status: number; body: unknown }>;

interface CompiledRoute { def: RouteDef; regex: RegExp; names: string[] }
const compiled: CompiledRoute[] = ROUTES.map((def) => {
  const names: string[] = [];
  const pattern = def.path.replace(/\{(\w+)\}/g, (_m, name: string) => { names.push(name); return '([^/]+)'; });
  return { def, regex: new RegExp(`^${pattern}$`), names };
});

/** Literal segments win over parameters ("/officers/import" before "/officers/{id}"), as in API Gateway. */
function matchRoute(method: string, path: string) {
  const candidates = compiled
    .map((c) => ({ c, m: c.regex.exec(path) }))
    .filter((x) => x.m)
    .sort((a, b) => a.c.names.length - b.c.names.length);
  const hit = candidates.find((x) => x.c.def.method === method);
  if (!hit) return { allowed: candidates.map((x) => x.c.def.method) };
  const params = Object.fromEntries(hit.c.names.map((n, i) => [n, decodeURIComponent(hit.m![i + 1])]));
  return { route: hit.c.def, params };
}

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.webmanifest': 'application/manifest+json' };
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
};

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS, ...headers });
  res.end(JSON.stringify(body));
}
const errorBody = (code: string, message: string) => ({ error: { code, message, details: [] } });

async function serveStatic(webDir: string, urlPath: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const root = resolve(webDir);
  if (urlPath === '/docs' || urlPath === '/docs/') urlPath = '/docs/index.html'; // the API page (as CloudFront's SPA_REWRITE)
  let file = normalize(join(root, decodeURIComponent(urlPath)));
  if (!file.startsWith(root)) return sendJson(res, 400, errorBody('BAD_PATH', 'Bad path'));
  const isAsset = extname(urlPath) !== '';
  if (!existsSync(file) || statSync(file).isDirectory()) {
    if (isAsset) return sendJson(res, 404, errorBody('NOT_FOUND', 'File not found'));
    file = join(root, 'index.html'); // SPA fallback, as CloudFront's error response does
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('The dashboard is not built yet: run `npm run build:web`.');
    }
  }
  const immutable = urlPath.startsWith('/assets/'); // content-hashed names (Vite): cached for a year
  const headers: http.OutgoingHttpHeaders = { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache', ...SECURITY_HEADERS };
  // Text is sent brotli- or gzip-compressed when the client accepts it, as CloudFront does (infra/local/compress.ts).
  const stat = statSync(file);
  if (isCompressible(file)) {
    headers.vary = 'Accept-Encoding';
    const encoding = stat.size >= MIN_COMPRESS_BYTES ? negotiateEncoding(req.headers['accept-encoding']) : null;
    if (encoding) {
      const body = await compressedFile(file, `${stat.mtimeMs}:${stat.size}`, encoding);
      res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': body.length });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
  }
  res.writeHead(200, { ...headers, 'content-length': stat.size });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface LocalServerOptions { signer: Signer; webDir: string; dev?: DevHandler; log?: (line: string) => void; oidc?: LocalOidc; concurrency?: number }

/**
 * AWS runs each concurrent request in its own Lambda instance; here every invocation shares one
 * process and one DynamoDB client, so 1,000 requests at once each waited on all the others past the
 * function's 30 s timeout and answered 503 although nothing had failed. Beyond this many at once,
 * a request waits at the gateway (as for a new instance) and its invocation's clock starts when it runs.
 * 100: the public survey budget is set at 100 in flight, which AWS serves with 100 instances (at 32 the
 * gateway queue alone put the survey p50 at 2.03–2.43× a raw PutItem, at 100 1.81×); the 1,000-request
 * load bench still answers every request 2xx at 100 (6.7 s wall).
 */
export const LOCAL_LAMBDA_CONCURRENCY = Number(process.env.LOCAL_LAMBDA_CONCURRENCY) || 100;

/** Runs at most `max` calls at once, the rest in arrival order as slots free up. */
export function concurrencyLimit(max: number): <T>(run: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (run) => {
    if (running < max) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing call hands over its slot
    try {
      return await run();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

export function createLocalServer(opts: LocalServerOptions): http.Server {
  const admit = concurrencyLimit(opts.concurrency ?? LOCAL_LAMBDA_CONCURRENCY);
  return http.createServer(async (req, res) => {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      // Deployment writes config.json (the Cognito issuer); locally it names the provider at /oidc.
      if (url.pathname === '/config.json' && !existsSync(join(opts.webDir, 'config.json'))) {
        return sendJson(res, 200, { signIn: 'local', auth: { issuer: opts.signer.issuer, clientId: opts.signer.audience, local: true } });
      }
      if (opts.oidc && (url.pathname === OIDC_PREFIX || url.pathname.startsWith(`${OIDC_PREFIX}/`))) return await opts.oidc.handle(req, res);
      if (!url.pathname.startsWith('/v1/')) return await serveStatic(opts.webDir, url.pathname, req, res);
      const raw = await readBody(req);
      // The rest of the body is never read: close the connection so it cannot be reused mid-upload.
      if (raw === 'too-large') {
        const e = requestTooLarge(MAX_BODY_BYTES, { file: (req.headers['content-type'] ?? '').startsWith('text/csv') });
        return sendJson(res, 413, { error: { code: e.code, message: e.message, details: e.details } }, { connection: 'close' });
      }
      if (url.pathname.startsWith('/v1/dev/') && opts.dev) {
        let body: unknown;
        try { body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined; } catch { return sendJson(res, 400, errorBody('VALIDATION_FAILED', 'Body is not valid JSON')); }
        const out = await opts.dev(method, url.pathname, body);
        return sendJson(res, out.status, out.body);
      }
      // Path parameters are percent-decoded below; invalid UTF-8 there is the client's error, not a 500.
      try { decodeURIComponent(url.pathname); } catch { return sendJson(res, 400, errorBody('BAD_PATH', 'Malformed percent-encoding in the path')); }
      const match = matchRoute(method, url.pathname);
      if (!match.route) {
        return match.allowed.length
          ? sendJson(res, 405, errorBody('METHOD_NOT_ALLOWED', `Use ${match.allowed.join(', ')}`), { allow: match.allowed.join(', ') })
          : sendJson(res, 404, errorBody('NOT_FOUND', 'No such route'));
      }
      const route = match.route;
      let claims: Record<string, string> | undefined;
      if (route.auth === 'user') {
        const header = req.headers.authorization ?? '';
        const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
        if (!token) return sendJson(res, 401, errorBody('UNAUTHORIZED', 'Sign in required'), { 'www-authenticate': 'Bearer' });
        try {
          claims = claimsAsApiGateway(await opts.signer.verify(token));
        } catch {
          return sendJson(res, 401, errorBody('UNAUTHORIZED', 'Invalid or expired token'), { 'www-authenticate': 'Bearer error="invalid_token"' });
        }
      }
      const modulePath = FUNCTIONS[route.fn];
      if (!(await loadHandler(modulePath))) return sendJson(res, 501, errorBody('NOT_IMPLEMENTED', `${routeKey(route)} is not available yet`));
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
      const requestId = randomUUID();
      const isText = /^(application\/json|text\/)/.test(headers['content-type'] ?? 'application/json');
      const event = {
        version: '2.0',
        routeKey: routeKey(route),
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        cookies: headers.cookie ? headers.cookie.split(/;\s*/) : undefined,
        headers,
        queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
        pathParameters: Object.keys(match.params).length ? match.params : undefined,
        requestContext: {
          accountId: '000000000000', apiId: 'local', domainName: req.headers.host ?? 'localhost', domainPrefix: 'local',
          http: { method, path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp: clientAddress(req.socket.remoteAddress, headers['x-forwarded-for']), userAgent: headers['user-agent'] ?? '' },
          requestId, routeKey: routeKey(route), stage: '$default', time: new Date().toUTCString(), timeEpoch: Date.now(),
          ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
        },
        body: raw.length ? (isText ? raw.toString('utf8') : raw.toString('base64')) : undefined,
        isBase64Encoded: raw.length > 0 && !isText,
      };
      const result = (await admit(() => invoke(modulePath, `kinerja-${route.fn}`, event))) as APIGatewayProxyStructuredResultV2;
      res.writeHead(result.statusCode ?? 200, { ...SECURITY_HEADERS, ...(result.headers as Record<string, string>) });
      res.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
    } catch (error) {
      opts.log?.(`error ${method} ${url.pathname}: ${(error as Error).stack ?? error}`);
      if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL', 'Internal error'));
      else res.end();
    } finally {
      if (process.env.LOG_REQUESTS === '1') opts.log?.(`${method} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms`);
    }
  });
}

/**
 * API Gateway's sourceIp. A proxy on this machine (the only trusted one) appends the address it saw to
 * X-Forwarded-For, as CloudFront does, so the RIGHT-most entry is the client; entries to its left were
 * sent by the client and are never trusted. A remote caller's own X-Forwarded-For is ignored.
 */
export function clientAddress(remote: string | undefined, forwarded: string | undefined): string {
  const loopback = remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1';
  const last = forwarded?.split(',').pop()?.trim();
  return (loopback && last) || remote || '127.0.0.1';
}

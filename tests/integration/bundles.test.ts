// The built bundles (infra/build-functions.ts, what CDK deploys), not the TypeScript sources: each
// function's bundle runs in a fresh node, from a directory with no node_modules (as in Lambda, where
// a module left out of the bundle cannot be found), answers a request against DynamoDB Local, and
// answers it as its source handler does. This is what proves that the modules the bundles leave out
// (infra/constructs/bundling.ts LAMBDA_UNREACHABLE) are not reached on these paths.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFunction } from '../../infra/build-functions.js';
import { LAMBDA_UNREACHABLE } from '../../infra/constructs/bundling.js';
import { claimsAsApiGateway } from '../../infra/local/auth.js';
import { invoke } from '../../infra/local/lambda.js';
import { BACKGROUND_FUNCTIONS, FUNCTIONS, ROUTES, type FunctionName } from '../../functions/routes.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const outDir = mkdtempSync(join(tmpdir(), 'kinerja-bundles-'));

beforeAll(async () => {
  const all = { ...FUNCTIONS, ...BACKGROUND_FUNCTIONS } as Record<string, string>;
  // Seeding and nineteen esbuild runs: several minutes on a loaded machine.
  const [harness, built] = await Promise.all([startHarness({ stream: false }), Promise.all(Object.entries(all).map(([name, entry]) => buildFunction(name, entry, outDir)))]);
  h = harness;
  expect(built.filter((b) => b.status !== 'built').map((b) => `${b.name}: ${b.note}`)).toEqual([]);
}, 900_000);

afterAll(async () => {
  await h?.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** Runs `call` against the bundle's handler in a fresh node, with the environment the harness set. */
function inBundle(name: string, call: string): { status: number | null; out: string; err: string } {
  const url = pathToFileURL(join(outDir, name, 'index.mjs')).href;
  const code = `const { handler } = await import(${JSON.stringify(url)}); const ctx = { awsRequestId: 'bundle-test', functionName: ${JSON.stringify(name)}, getRemainingTimeInMillis: () => 30000 }; const out = await (${call}); process.stdout.write(JSON.stringify(out ?? null));`;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: outDir, env: { ...process.env, LOG_LEVEL: 'SILENT' }, encoding: 'utf8', timeout: 60_000 });
  return { status: res.status, out: res.stdout, err: res.stderr };
}

/** One request per HTTP function: a route of its own that reads the table wherever one does. */
const REQUESTS: Record<FunctionName, { route: string; as?: string; params?: Record<string, string>; query?: Record<string, string> }> = {
  org: { route: 'GET /v1/agencies', as: 'serang.admin' },
  officers: { route: 'GET /v1/officers', as: 'serang.admin' },
  officerImport: { route: 'GET /v1/account-jobs/{id}', as: 'serang.admin', params: { id: 'no-such-job' } },
  plans: { route: 'GET /v1/officers/{id}/plans/{year}', as: 'serang.admin', params: { id: 'no-such-officer', year: '2026' } },
  reports: { route: 'GET /v1/reports', as: 'serang.atasan' },
  scores: { route: 'GET /v1/officers/{id}/scores', as: 'serang.admin', params: { id: 'no-such-officer' } },
  trainings: { route: 'GET /v1/officers/{id}/trainings', as: 'serang.admin', params: { id: 'no-such-officer' } },
  surveys: { route: 'GET /v1/ikm', as: 'serang.admin' },
  forums: { route: 'GET /v1/forums', as: 'serang.admin' },
  transparency: { route: 'GET /v1/public/cities/{tenant}/transparency', params: { tenant: 'serang' } },
  complaints: { route: 'GET /v1/complaints', as: 'serang.admin' },
  evaluations: { route: 'GET /v1/team', as: 'serang.atasan' },
  feedback: { route: 'GET /v1/awards', as: 'serang.admin' },
  evaluationRuns: { route: 'GET /v1/evaluations/schedule', as: 'serang.admin' },
  trends: { route: 'GET /v1/activity', as: 'serang.admin' },
  visits: { route: 'GET /v1/visits', as: 'serang.admin' },
  notifications: { route: 'GET /v1/me/notifications', as: 'serang.pegawai' },
  contract: { route: 'GET /v1/openapi.json' },
  documents: { route: 'GET /v1/awards/{id}/certificate', as: 'serang.admin', params: { id: 'no-such-award' } },
};

async function apiEvent(req: (typeof REQUESTS)[FunctionName]) {
  const [method, template] = req.route.split(' ') as [string, string];
  const path = template.replace(/\{(\w+)\}/g, (_, k: string) => req.params![k]!);
  const claims = req.as ? claimsAsApiGateway(await h.signer.verify(await h.token(req.as))) : undefined;
  return {
    version: '2.0', routeKey: req.route, rawPath: path, rawQueryString: new URLSearchParams(req.query).toString(),
    headers: { 'content-type': 'application/json', 'user-agent': 'bundle-test' },
    queryStringParameters: req.query, pathParameters: req.params,
    requestContext: {
      accountId: '000000000000', apiId: 'local', domainName: 'localhost', domainPrefix: 'local',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bundle-test' },
      requestId: `bundle-${Math.random().toString(36).slice(2)}`, routeKey: req.route, stage: '$default', time: new Date().toUTCString(), timeEpoch: Date.now(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
    isBase64Encoded: false,
  };
}

describe('built bundles', () => {
  it('every route named here belongs to its function', () => {
    for (const [fn, req] of Object.entries(REQUESTS)) expect(ROUTES.some((r) => `${r.method} ${r.path}` === req.route && r.fn === fn), `${fn}: ${req.route}`).toBe(true);
  });

  it.each(Object.keys(FUNCTIONS) as FunctionName[])('%s answers from its bundle as from its source', async (name) => {
    const event = await apiEvent(REQUESTS[name]);
    const res = inBundle(name, `handler(${JSON.stringify(event)}, ctx)`);
    expect(res.status, res.err.slice(-2000)).toBe(0);
    const fromBundle = JSON.parse(res.out) as { statusCode: number; body?: string };
    const fromSource = (await invoke(FUNCTIONS[name], `kinerja-${name}`, event)) as { statusCode: number; body?: string };
    expect(fromBundle.statusCode, fromBundle.body?.slice(0, 500)).toBeLessThan(500);
    expect(fromBundle.statusCode).toBe(fromSource.statusCode);
    const shape = (body?: string) => { const b = body ? (JSON.parse(body) as Record<string, unknown>) : {}; return { keys: Object.keys(b).sort(), code: (b.error as { code?: string } | undefined)?.code }; };
    expect(shape(fromBundle.body)).toEqual(shape(fromSource.body));
  });

  it('reads the table through the bundled SDK: the seeded agencies, exactly as the source reads them', async () => {
    const event = await apiEvent(REQUESTS.org);
    const fromBundle = JSON.parse(inBundle('org', `handler(${JSON.stringify(event)}, ctx)`).out) as { statusCode: number; body: string };
    const fromSource = (await invoke(FUNCTIONS.org, 'kinerja-org', event)) as { body: string };
    expect(fromBundle.statusCode).toBe(200);
    const body = JSON.parse(fromBundle.body) as { agencies: unknown[] };
    expect(body.agencies.length).toBeGreaterThan(0);
    expect(body).toEqual(JSON.parse(fromSource.body));
  });

  it.each(Object.keys({ ...FUNCTIONS, ...BACKGROUND_FUNCTIONS }).filter((n) => n !== 'contract'))('%s bundles the LRU stand-in, not mnemonist (infra/constructs/bundling.ts BUNDLE_ALIASES)', (name) => {
    const inputs = Object.keys((JSON.parse(readFileSync(join(outDir, name, 'meta.json'), 'utf8')) as { inputs: Record<string, unknown> }).inputs);
    expect(inputs).toContain('functions/data/lru-cache.ts');
    expect(inputs.filter((i) => i.includes('node_modules/mnemonist/'))).toEqual([]);
  });

  // Two builtins that only cost cold start: node's web streams (@middy/core imports ReadableStream for streamed
  // responses; functions/http/stream-web.ts stands in) and node:console (the logger writes to stdout/stderr itself).
  it.each(Object.keys({ ...FUNCTIONS, ...BACKGROUND_FUNCTIONS }))('%s loads neither node\'s web streams nor node:console as it starts', (name) => {
    const url = pathToFileURL(join(outDir, name, 'index.mjs')).href;
    const code = `const before = new Set(process.moduleLoadList); await import(${JSON.stringify(url)}); process.stdout.write(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m))));`;
    const res = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: outDir, env: { ...process.env, LOG_LEVEL: 'SILENT' }, encoding: 'utf8', timeout: 60_000 });
    expect(res.status, res.stderr.slice(-2000)).toBe(0);
    const loaded = JSON.parse(res.stdout) as string[];
    expect(loaded.length).toBeGreaterThan(10); // the SDK's own builtins (https, crypto…): the list is read
    expect(loaded.filter((m) => /^NativeModule (stream\/web|internal\/webstreams\/|console$)/.test(m))).toEqual([]);
  });

  it.each(['stream', 'evaluationWorker', 'accountWorker'])('%s handles an empty batch from its bundle', (name) => {
    const res = inBundle(name, 'handler({ Records: [] }, ctx)');
    expect(res.status, res.err.slice(-2000)).toBe(0);
    expect(JSON.parse(res.out)).toEqual({ batchItemFailures: [] });
  });

  it.each(Object.keys(BACKGROUND_FUNCTIONS))('%s loads from its bundle and leaves out only modules loaded by import()', (name) => {
    const res = inBundle(name, 'typeof handler');
    expect(res.status, res.err.slice(-2000)).toBe(0);
    expect(JSON.parse(res.out)).toBe('function');
    const code = readFileSync(join(outDir, name, 'index.mjs'), 'utf8');
    for (const m of LAMBDA_UNREACHABLE) expect(code.includes(`from"${m}"`) || code.includes(`import"${m}"`), `${name}: static import of ${m}`).toBe(false);
  });
});

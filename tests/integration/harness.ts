// Integration harness: a fresh table on the run's DynamoDB Local, the demo org seeded into it, the
// local HTTP server (real JWT verification, real handlers) on a free port, and the stream poller.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deserialize } from 'node:v8';
import { inject } from 'vitest';
import { allTenants } from '../../infra/deployments.js';
import { loadSigner, localIssuer, type Signer } from '../../infra/local/auth.js';
import { startBackground, startJobQueues, type Background } from '../../infra/local/background.js';
import { ensureTable, freePort, startDynamoLocal } from '../../infra/local/ddb-local.js';
import { devRoutes } from '../../infra/local/dev-routes.js';
import { applyLocalEnv } from '../../infra/local/env.js';
import { createLocalOidc } from '../../infra/local/oidc.js';
import { createLocalServer } from '../../infra/local/server.js';
import { seed } from '../../infra/local/seed/index.js';
import { orgSeeder } from '../../infra/local/seed/org.js';
import { createRng } from '../../infra/local/seed/prng.js';
import { contractProblem, recordResponse } from './contract.js';
import { SNAPSHOT_CONTEXT_FILE, SNAPSHOT_DB_FILE, SNAPSHOT_TABLE, type SnapshotContext } from './seed-snapshot.js';
import type { SeedContext, Seeder } from '../../infra/local/seed/context.js';

export interface Harness {
  base: string;
  tableName: string;
  endpoint: string;
  signer: Signer;
  /** The signer's private JWK file (tests forge tokens with it: wrong issuer, audience, times). */
  keyFile: string;
  seeded: SeedContext;
  /** A token for a demo user (e.g. "serang.pegawai") or a NIP, through the local /v1/dev/token. */
  token: (username: string) => Promise<string>;
  /** fetch against the local API; `as` signs in first. Returns status, parsed body and headers. */
  call: (method: string, path: string, opts?: { as?: string; token?: string; body?: unknown; headers?: Record<string, string>; raw?: string }) => Promise<{ status: number; body: any; headers: Headers }>;
  /** PUTs a plan as the supervisor and agrees it on both sides, as a report needs (DESIGN §2 plan lifecycle).
   *  Answers the PUT's response, or the first failing agreement's. */
  agreedPlan: (officerId: string, year: number | string, supervisorAs: string, body: unknown) => Promise<{ status: number; body: any; headers: Headers }>;
  /** Waits until the stream poller has handed every written record to the stream handler. */
  drain: () => Promise<void>;
  close: () => Promise<void>;
}

/** seeders: defaults to the organisation only; pass more (e.g. plans) when a test needs them. */
export async function startHarness(opts: { seeders?: Seeder[]; stream?: boolean; now?: Date } = {}): Promise<Harness> {
  // A DynamoDB Local of this file's own: an instance slows with every table it has held (even deleted
  // ones: measured 5 s → 20 s for the same seed over five tables), and one instance works on one core.
  // With HARNESS_SNAPSHOT=1 the demo organisation is seeded once per run (tests/integration/global-setup.ts)
  // and this file's instance runs over a private copy of that database (file-backed, so its writes are
  // slower: off by default). Otherwise, and with other seeders or another "now", a fresh in-memory instance.
  const snapshot = opts.seeders === undefined && opts.now === undefined && process.env.HARNESS_SNAPSHOT === '1' ? inject('integrationSnapshot') || undefined : undefined;
  const dbDir = snapshot ? join(dirname(snapshot), `${snapshot.split('/').pop()}-f${process.pid}-${Math.random().toString(36).slice(2, 8)}`) : undefined;
  if (snapshot && dbDir) {
    mkdirSync(dbDir, { recursive: true });
    copyFileSync(join(snapshot, SNAPSHOT_DB_FILE), join(dbDir, SNAPSHOT_DB_FILE));
  }
  const dynamo = await startDynamoLocal({ port: await freePort(), dbPath: dbDir });
  const endpoint = dynamo.endpoint;
  const tableName = snapshot ? SNAPSHOT_TABLE : `t-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  applyLocalEnv({ endpoint, tableName });
  process.env.LOG_LEVEL = 'SILENT';
  await ensureTable(endpoint, tableName);
  const seeded: SeedContext = snapshot
    ? { ...(deserialize(readFileSync(join(snapshot, SNAPSHOT_CONTEXT_FILE))) as SnapshotContext), rng: createRng('kinerja-asn-demo'), progress: () => {} }
    : await seed(allTenants(), { seeders: opts.seeders ?? [orgSeeder], now: opts.now });
  const background: Background | undefined = opts.stream === false ? undefined : await startBackground({ endpoint, tableName, fromLatest: true, log: () => {} });
  // Without the background, account provisioning (officer import, PATCH) still has its queue and worker.
  const accounts = opts.stream === false ? startJobQueues(() => {}) : undefined;
  const keyFile = join(mkdtempSync(join(tmpdir(), 'kinerja-key-')), 'jwt-key.json');
  // The port is chosen first: the local OpenID provider's issuer (and so every token's) names it.
  const base = `http://127.0.0.1:${await freePort()}`;
  const signer = await loadSigner(keyFile, { issuer: localIssuer(base) });
  const oidc = createLocalOidc({ signer, appOrigin: base, dataDir: dirname(keyFile) });
  const server = createLocalServer({ signer, webDir: join(tmpdir(), 'no-web'), dev: devRoutes(signer), oidc });
  await new Promise<void>((r) => server.listen(Number(new URL(base).port), '127.0.0.1', r));
  const tokens = new Map<string, string>();

  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await fetch(`${base}/v1/dev/token`, { method: 'POST', body: JSON.stringify({ username }) });
      if (res.status !== 200) throw new Error(`no token for ${username}: ${res.status}`);
      tokens.set(username, ((await res.json()) as { token: string }).token);
    }
    return tokens.get(username)!;
  };

  const call: Harness['call'] = async (method, path, o = {}) => {
    const bearer = o.token ?? (o.as ? await token(o.as) : undefined);
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(o.raw === undefined ? { 'content-type': 'application/json' } : {}), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...o.headers },
      body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
    });
    const text = await res.text();
    let body: unknown = text;
    try { body = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    // Every real response is held against the OpenAPI document (tests/integration/contract.ts).
    recordResponse(method, path, res.status);
    const problem = contractProblem(method, path, res.status, body, res.headers.get('content-type') ?? '');
    if (problem) throw new Error(`Response breaks the OpenAPI contract (functions/contract): ${problem}`);
    return { status: res.status, body, headers: res.headers };
  };

  const agreedPlan: Harness['agreedPlan'] = async (officerId, year, supervisorAs, body) => {
    const put = await call('PUT', `/v1/officers/${officerId}/plans/${year}`, { as: supervisorAs, body });
    if (put.status !== 200) return put;
    const { nip } = (await call('GET', `/v1/officers/${officerId}`, { as: supervisorAs })).body;
    for (const as of [nip, supervisorAs]) {
      const agreed = await call('POST', `/v1/officers/${officerId}/plans/${year}/agreement`, { as, body: {} });
      if (agreed.status !== 200) return agreed;
    }
    return put;
  };

  return {
    base, tableName, endpoint, signer, keyFile, seeded, token, call, agreedPlan,
    drain: async () => { await background?.drain(); await accounts?.drain(); },
    close: async () => {
      server.close();
      await background?.stop();
      await accounts?.stop();
      await dynamo.stop();
      if (dbDir) rmSync(dbDir, { recursive: true, force: true });
    },
  };
}

/**
 * Rate limits count in fixed windows aligned to the clock: a flood test that straddles a window
 * boundary would see its counter reset. Wait (at most `needSeconds`) until a fresh stretch begins.
 */
export async function clearOfWindowEdge(windowSeconds = 600, needSeconds = 90): Promise<void> {
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < needSeconds) await new Promise((r) => setTimeout(r, left * 1000 + 500));
}

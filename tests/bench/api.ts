// The local API in this process (same handler modules, real JWT verification), so a request's
// DynamoDB calls go through this process's metered client; and a small fetch helper for any base URL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadSigner } from '../../infra/local/auth.js';
import { devRoutes } from '../../infra/local/dev-routes.js';
import { createLocalServer } from '../../infra/local/server.js';

export interface Reply { status: number; body: any; ms: number }

export interface Api {
  base: string;
  token: (username: string) => Promise<string>;
  call: (method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }) => Promise<Reply>;
  close: () => Promise<void>;
}

export function apiClient(base: string): Omit<Api, 'close'> {
  const tokens = new Map<string, string>();
  const call: Api['call'] = async (method, path, o = {}) => {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...o.headers },
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    let body: unknown = text;
    try { body = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status: res.status, body, ms };
  };
  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const r = await call('POST', '/v1/dev/token', { body: { username } });
      if (r.status !== 200) throw new Error(`no token for ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      tokens.set(username, r.body.token as string);
    }
    return tokens.get(username)!;
  };
  return { base, token, call };
}

export async function startInProcessApi(): Promise<Api> {
  const signer = await loadSigner(join(mkdtempSync(join(tmpdir(), 'kinerja-bench-key-')), 'jwt-key.json'));
  const server = createLocalServer({ signer, webDir: join(tmpdir(), 'kinerja-bench-no-web'), dev: devRoutes(signer) });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { ...apiClient(base), close: () => new Promise<void>((r) => server.close(() => r())) };
}

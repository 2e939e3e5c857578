// Tokens the authorizer must refuse, and authority smuggled through the body, headers or query: each
// is sent with a request that WOULD write (a valid report of an officer with a plan), and the table
// must be unchanged afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateKeyPair, importJWK, SignJWT, type JWTPayload } from 'jose';
import { monthOf } from '../../../functions/domain/periods.js';
import { startHarness, type Harness } from '../harness.js';
import { ITEMS, PLAN } from './fixture.js';
import { changes, NOTHING, snapshot, type Snapshot } from './snapshot.js';

let h: Harness;
let before: Snapshot;
let claims: Record<string, unknown>;
let sign: (payload: JWTPayload, opts?: { alg?: string; key?: CryptoKey | Uint8Array; iss?: string; aud?: string; exp?: number | null; nbf?: number }) => Promise<string>;
let publicJwk: Record<string, unknown>;
let pegawai: string, colleague: string, foreign: string;
const period = monthOf(new Date(), 'Asia/Jakarta');
const now = () => Math.floor(Date.now() / 1000);
const reportOf = (officerId: string) => ({ officerId, period, items: ITEMS });
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

beforeAll(async () => {
  h = await startHarness({ stream: false });
  const user = (t: string, u: string) => h.seeded.users.find((x) => x.username === `${t}.${u}`)!.officerId!;
  pegawai = user('serang', 'pegawai');
  foreign = user('banjarbaru', 'pegawai');
  colleague = h.seeded.tenants.find((t) => t.tenant.id === 'serang')!.officers.find((o) => o.supervisorId === user('serang', 'atasan') && o.id !== pegawai)!.id;
  for (const [who, id] of [['serang.atasan', pegawai], ['serang.atasan', colleague], ['banjarbaru.atasan', foreign]] as const) {
    expect((await h.agreedPlan(id, period.slice(0, 4), who, PLAN)).status).toBe(200);
  }
  claims = (await (await fetch(`${h.base}/v1/dev/token`, { method: 'POST', body: JSON.stringify({ username: 'serang.pegawai' }) })).json()).claims;
  const privateJwk = JSON.parse(readFileSync(h.keyFile, 'utf8'));
  const { d: _d, ...pub } = privateJwk;
  publicJwk = pub;
  const realKey = (await importJWK(privateJwk, 'ES256')) as CryptoKey;
  sign = async (payload, o = {}) => {
    const jwt = new SignJWT(payload).setProtectedHeader({ alg: o.alg ?? 'ES256', kid: privateJwk.kid, typ: 'JWT' })
      .setIssuer(o.iss ?? h.signer.issuer).setAudience(o.aud ?? h.signer.audience).setIssuedAt(now() - 60);
    if (o.exp !== null) jwt.setExpirationTime(o.exp ?? now() + 3600);
    if (o.nbf !== undefined) jwt.setNotBefore(o.nbf);
    return jwt.sign(o.key ?? realKey);
  };
  // The control: a correctly made token is accepted (so every refusal below is about the one defect).
  expect((await h.call('GET', '/v1/me', { token: await sign(claims) })).status).toBe(200);
  before = await snapshot(h.tableName);
});
afterAll(async () => { await h?.close(); });

const without = (k: string) => Object.fromEntries(Object.entries(claims).filter(([key]) => key !== k));
const BAD_TOKENS: [string, () => Promise<string>][] = [
  ['expired', () => sign(claims, { exp: now() - 30 })],
  ['not yet valid (nbf in the future)', () => sign(claims, { nbf: now() + 3600 })],
  ['without an expiry', () => sign(claims, { exp: null })],
  ['from another issuer', () => sign(claims, { iss: 'https://evil.example' })],
  ['for another audience', () => sign(claims, { aud: 'another-app' })],
  ['signed by another key', async () => sign(claims, { key: (await generateKeyPair('ES256')).privateKey })],
  ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, roles: ['region_admin'], iss: h.signer.issuer, aud: h.signer.audience, exp: now() + 3600 })}.`],
  ['HS256 with the public key as the secret', () => sign(claims, { alg: 'HS256', key: new TextEncoder().encode(JSON.stringify(publicJwk)) })],
  ['a valid token with its payload edited (roles: region_admin)', async () => {
    const [head, , sig] = (await sign(claims)).split('.');
    return `${head}.${b64({ ...claims, roles: ['region_admin'], iss: h.signer.issuer, aud: h.signer.audience, exp: now() + 3600 })}.${sig}`;
  }],
  ['without a tenant', () => sign(without('tenant'))],
  ['without a subject', () => sign(without('sub'))],
  ['without roles', () => sign(without('roles'))],
  ['with unknown roles only', () => sign({ ...claims, roles: ['superuser', 'root'] })],
  ['garbage', async () => 'not.a.jwt'],
];

describe('refused tokens', () => {
  it.each(BAD_TOKENS)('%s → 401 on a read and on a write', async (_name, make) => {
    const token = await make();
    const read = await h.call('GET', '/v1/me', { token });
    const write = await h.call('POST', '/v1/reports', { token, body: reportOf(pegawai) });
    for (const res of [read, write]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
    }
  });

  it('no or malformed Authorization header → 401', async () => {
    for (const authorization of ['', 'Bearer', 'Bearer ', 'Basic c2VyYW5nOnB3', `Token ${await sign(claims)}`]) {
      const res = await h.call('POST', '/v1/reports', { headers: { authorization }, body: reportOf(pegawai) });
      expect(res.status, authorization).toBe(401);
    }
  });
});

describe('authority smuggled outside the token', () => {
  it('roles and tenant in the body change nothing: a report for a colleague stays 403', async () => {
    const res = await h.call('POST', '/v1/reports', {
      as: 'serang.pegawai',
      body: { ...reportOf(colleague), roles: ['region_admin'], tenant: 'banjarbaru', principal: { roles: ['region_admin'] }, officer_id: colleague },
    });
    expect(res.status).toBe(403);
    const policy = await h.call('PUT', '/v1/policy', { as: 'serang.pegawai', body: { roles: ['region_admin'] } });
    expect(policy.status).toBe(403);
    const plan = await h.call('PUT', `/v1/officers/${pegawai}/plans/${period.slice(0, 4)}`, { as: 'serang.pegawai', body: { ...PLAN, version: 1, roles: ['supervisor'] } });
    expect(plan.status).toBe(403);
  });

  it('tenant in headers or the query string does not reach another tenant', async () => {
    const headers = { 'x-tenant': 'banjarbaru', 'x-roles': 'region_admin', 'x-amzn-oidc-data': 'forged' };
    expect((await h.call('GET', `/v1/officers/${foreign}?tenant=banjarbaru`, { as: 'serang.admin', headers })).status).toBe(404);
    expect((await h.call('GET', `/v1/officers/${foreign}/reports?tenant=banjarbaru`, { as: 'serang.admin', headers })).status).toBe(404);
  });

  it('a genuine token naming an officer of another tenant cannot write for them', async () => {
    const token = await sign({ ...claims, officer_id: foreign });
    const res = await h.call('POST', '/v1/reports', { token, body: reportOf(foreign) });
    expect([403, 404]).toContain(res.status);
  });
});

describe('after every refused request', () => {
  it('the table is unchanged', async () => {
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });
});

// Sign-in through the local OpenID provider (code + PKCE, NIP + password), tokens refused against the
// provider's keys as API Gateway's JWT authorizer refuses them, fresh authority (a moved officer loses
// the old agency at once, a retired officer's token is refused, a revoked role is gone) at one GetItem
// per request, and roles administration by the region_admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { LOCAL_DEMO_PASSWORD } from '../../infra/local/dev-routes.js';
import { startHarness, type Harness } from './harness.js';
import { authorize, discover, login, refresh, signInThroughProvider } from './oidc-flow.js';

let h: Harness;
const now = () => Math.floor(Date.now() / 1000);
const user = (name: string) => h.seeded.users.find((u) => u.username === name)!;
const officer = (id: string) => h.seeded.tenants.find((t) => t.tenant.id === 'serang')!.officers.find((o) => o.id === id)!;

beforeAll(async () => { h = await startHarness({ stream: false }); });
afterAll(async () => { await h?.close(); });

describe('the local OpenID provider', () => {
  it('signs an officer in with NIP and password (code + PKCE): the access token carries the pre-token claims and works on the API; refresh gives a new one', async () => {
    const pegawai = officer(user('serang.pegawai').officerId!);
    const { flow, tokens } = await signInThroughProvider(h.base, h.signer.audience, pegawai.nip, LOCAL_DEMO_PASSWORD);
    const claims = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ iss: h.signer.issuer, aud: h.signer.audience, client_id: h.signer.audience, tenant: 'serang', officer_id: pegawai.id, agency_id: pegawai.agencyId, roles: ['officer'], sub: `nip:${pegawai.nip}` });
    // The Cognito client's lifetimes: access and id tokens one hour.
    expect(claims.exp - claims.iat).toBe(3600);
    expect(tokens.expires_in).toBe(3600);
    const me = await h.call('GET', '/v1/me', { token: tokens.access_token });
    expect(me.status).toBe(200);
    expect(me.body.officer.id).toBe(pegawai.id);
    const next = await refresh(flow, tokens.refresh_token!);
    expect(next.access_token).not.toBe(tokens.access_token);
    expect(next.refresh_token).not.toBe(tokens.refresh_token); // rotated: a public client
    expect((await h.call('GET', '/v1/me', { token: next.access_token })).status).toBe(200);
    await expect(refresh(flow, tokens.refresh_token!)).rejects.toThrow(); // the old refresh token is spent
  });

  it('refuses a wrong password and an unknown NIP on its own page, and requires PKCE', async () => {
    const flow = await discover(h.base, h.signer.audience);
    const start = await authorize(flow, h.base);
    const wrong = await login(flow, h.base, start.action!, officer(user('serang.pegawai').officerId!).nip, 'not-the-password');
    expect(wrong.res.status).toBe(401);
    expect(await wrong.res.text()).toContain('role="alert"');
    const unknown = await login(flow, h.base, start.action!, '199001012020121999', LOCAL_DEMO_PASSWORD);
    expect(unknown.res.status).toBe(401);
    // Without a code challenge the provider sends the browser back with an error, never a code.
    const noPkce = await authorize(await discover(h.base, h.signer.audience), h.base, { code_challenge: '', code_challenge_method: '' });
    expect(noPkce.page.url).toMatch(/error=invalid_request/);
    expect(noPkce.page.url).not.toMatch(/code=/);
  });

  it('publishes the keys the API verifies with (RS256 provider key and the dev-token key), never private parts', async () => {
    const jwks = await (await fetch(`${h.base}/oidc/jwks`)).json() as { keys: JWK[] };
    expect(jwks.keys.map((k) => k.alg).sort()).toEqual(['ES256', 'RS256']);
    for (const k of jwks.keys) expect(k.d).toBeUndefined();
    expect((await (await fetch(`${h.base}/config.json`)).json()).auth).toEqual({ issuer: h.signer.issuer, clientId: h.signer.audience, local: true });
  });
});

describe('tokens refused against the provider\'s keys', () => {
  let claims: JWTPayload;
  let sign: (o?: { aud?: string; iss?: string; exp?: number; key?: CryptoKey; kid?: string }) => Promise<string>;
  beforeAll(async () => {
    const admin = officer(user('serang.admin').officerId!);
    claims = { sub: `nip:${admin.nip}`, tenant: 'serang', roles: ['officer', 'region_admin'], officer_id: admin.id, agency_id: admin.agencyId, client_id: h.signer.audience };
    const rsa = h.signer.privateJwks.keys.find((k) => k.alg === 'RS256')!;
    const providerKey = (await importJWK(rsa, 'RS256')) as CryptoKey;
    sign = async (o = {}) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: o.kid ?? rsa.kid })
      .setIssuer(o.iss ?? h.signer.issuer).setAudience(o.aud ?? h.signer.audience).setIssuedAt(now() - 60)
      .setExpirationTime(o.exp ?? now() + 3600).sign(o.key ?? providerKey);
    expect((await h.call('GET', '/v1/me', { token: await sign() })).status).toBe(200); // the control
  });

  it.each([
    ['for another audience', () => sign({ aud: 'another-client' })],
    ['expired', () => sign({ exp: now() - 10 })],
    ['from another issuer', () => sign({ iss: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_other' })],
    ['alg none', async () => `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, iss: h.signer.issuer, aud: h.signer.audience, exp: now() + 3600 })).toString('base64url')}.`],
    ['signed by a key not in the JWKS (same kid)', async () => sign({ key: (await generateKeyPair('RS256')).privateKey })],
    ['signed by a key not in the JWKS (unknown kid)', async () => sign({ key: (await generateKeyPair('RS256')).privateKey, kid: 'not-published' })],
  ])('%s → 401', async (_name, make) => {
    const res = await h.call('GET', '/v1/me', { token: await make() });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });
});

describe('fresh authority', () => {
  it('reads the caller\'s officer item once per request (one GetItem), and /v1/me reuses it', async () => {
    const id = user('serang.atasan').officerId!;
    const token = await h.token('serang.atasan');
    let reads = 0;
    const counter = (next: (a: any) => Promise<any>, context: { commandName?: string }) => async (args: any) => {
      if (/^Get(Item)?Command$/.test(context.commandName ?? '') && JSON.stringify(args.input).includes(`OFFICER#${id}"`) && JSON.stringify(args.input).includes('PROFILE')) reads++;
      return next(args);
    };
    ddb().middlewareStack.add(counter as any, { step: 'initialize', name: 'countProfileReads' });
    try {
      for (const path of ['/v1/tenants', '/v1/me', `/v1/officers/${id}`]) {
        reads = 0;
        expect((await h.call('GET', path, { token })).status).toBe(200);
        expect(reads, path).toBeLessThanOrEqual(path === `/v1/officers/${id}` ? 2 : 1);
        if (path !== `/v1/officers/${id}`) expect(reads, path).toBe(1);
      }
    } finally { ddb().middlewareStack.remove('countProfileReads'); }
  });

  it('a moved agency admin loses the old agency at once, with the token minted before the move', async () => {
    const opd = user('serang.opd');
    const token = await h.token('serang.opd');
    expect((await h.call('GET', `/v1/officers?agencyId=${opd.agencyId}`, { token })).status).toBe(200);
    const moved = await h.call('PATCH', `/v1/officers/${opd.officerId}`, { as: 'serang.admin', body: { agencyId: 'bkpsdm', supervisorId: null, reason: 'Mutasi' } });
    expect(moved.status).toBe(200);
    expect((await h.call('GET', `/v1/officers?agencyId=${opd.agencyId}`, { token })).status).toBe(403);
    expect((await h.call('GET', '/v1/me', { token })).body.agencyId).toBe('bkpsdm');
  });

  it('a retired officer\'s token is refused on the next request; sign-in is refused too', async () => {
    const pegawai = officer(user('serang.pegawai').officerId!);
    const token = await h.token(pegawai.nip);
    expect((await h.call('GET', '/v1/me', { token })).status).toBe(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    expect((await h.call('PATCH', `/v1/officers/${pegawai.id}`, { as: 'serang.admin', body: { status: 'pensiun', effectiveFrom: today } })).status).toBe(200);
    const after = await h.call('GET', '/v1/me', { token });
    expect(after.status).toBe(401);
    await expect(signInThroughProvider(h.base, h.signer.audience, pegawai.nip, LOCAL_DEMO_PASSWORD)).rejects.toThrow(/login did not return/);
  });
});

describe('roles administration (PUT /v1/officers/{id}/roles)', () => {
  it('grants and removes a role; the officer\'s existing token follows at once; each change is audited', async () => {
    const atasan = user('serang.atasan');
    const token = await h.token('serang.atasan');
    const grant = await h.call('PUT', `/v1/officers/${atasan.officerId}/roles`, { as: 'serang.admin', body: { roles: ['leader', 'inspector'] } });
    expect(grant.status).toBe(200);
    expect(grant.body).toEqual({ id: atasan.officerId, roles: ['leader', 'inspector'] });
    expect((await h.call('GET', '/v1/me', { token })).body.roles).toEqual(expect.arrayContaining(['leader', 'inspector', 'supervisor']));
    expect((await h.call('GET', `/v1/officers/${atasan.officerId}`, { as: 'serang.admin' })).body.roles).toEqual(['leader', 'inspector']);
    const again = await h.call('PUT', `/v1/officers/${atasan.officerId}/roles`, { as: 'serang.admin', body: { roles: ['inspector', 'leader'] } });
    expect(again.status).toBe(200); // the same roles: nothing written
    expect((await h.call('PUT', `/v1/officers/${atasan.officerId}/roles`, { as: 'serang.admin', body: { roles: [] } })).status).toBe(200);
    expect((await h.call('GET', '/v1/me', { token })).body.roles).not.toContain('leader');
    const audit = await ddb().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)', ExpressionAttributeValues: { ':pk': keys.officer('serang', atasan.officerId!).PK, ':a': 'AUDIT#OFFICER#' } }));
    const roleAudits = (audit.Items ?? []).filter((i) => i.subject === 'roles');
    expect(roleAudits.map((a) => a.changes.roles.to)).toEqual([['leader', 'inspector'], []]);
    expect(roleAudits[0].by).toBe(user('serang.admin').officerId);
  });

  it('refuses what is not a grantable role, unknown fields, non-admins and other tenants', async () => {
    const id = user('serang.atasan').officerId!;
    const bad = await h.call('PUT', `/v1/officers/${id}/roles`, { as: 'serang.admin', body: { roles: ['national'] } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('roles');
    expect((await h.call('PUT', `/v1/officers/${id}/roles`, { as: 'serang.admin', body: { roles: ['leader', 'leader'] } })).status).toBe(400);
    const extra = await h.call('PUT', `/v1/officers/${id}/roles`, { as: 'serang.admin', body: { roles: [], tenant: 'banjarbaru' } });
    expect(extra.status).toBe(400);
    expect(JSON.stringify(extra.body.error.details)).toContain('tenant');
    expect((await h.call('PUT', `/v1/officers/${id}/roles`, { as: 'serang.opd', body: { roles: ['region_admin'] } })).status).toBe(403);
    expect((await h.call('PUT', `/v1/officers/${id}/roles`, { as: 'banjarbaru.admin', body: { roles: ['region_admin'] } })).status).toBe(404);
  });

  it('the last region_admin cannot remove their own role (409); with a second one they can', async () => {
    const admin = user('serang.admin');
    const last = await h.call('PUT', `/v1/officers/${admin.officerId}/roles`, { as: 'serang.admin', body: { roles: [] } });
    expect(last.status).toBe(409);
    expect((await h.call('GET', '/v1/me', { as: 'serang.admin' })).body.roles).toContain('region_admin');
    const other = user('serang.atasan');
    expect((await h.call('PUT', `/v1/officers/${other.officerId}/roles`, { as: 'serang.admin', body: { roles: ['region_admin'] } })).status).toBe(200);
    expect((await h.call('PUT', `/v1/officers/${admin.officerId}/roles`, { as: 'serang.admin', body: { roles: [] } })).status).toBe(200);
    expect((await h.call('GET', '/v1/me', { as: 'serang.admin' })).body.roles).not.toContain('region_admin');
    // Now the other is the last one.
    expect((await h.call('PUT', `/v1/officers/${other.officerId}/roles`, { as: 'serang.atasan', body: { roles: [] } })).status).toBe(409);
  });
});

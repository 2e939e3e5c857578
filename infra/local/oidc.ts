// The local OpenID Connect provider (oidc-provider, a certified implementation), mounted at /oidc on the
// API's origin. It stands in for the Cognito user pool: authorization code + PKCE (S256) only, JWT
// access tokens with the claims the pre-token trigger adds (tenant, roles, officer_id, agency_id), the
// Cognito client's token lifetimes, refresh tokens within an 8-hour session, RP-initiated logout.
// Accounts are the officers in the table (by NIP) and the demo users; one demo password.
import type http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { SESSION_SECONDS, SIGN_IN_PATH, TOKEN_LIFETIMES } from '../../functions/auth/lifetimes.js';
import type { Signer } from './auth.js';
import { LOCAL_DEMO_PASSWORD, localClaims } from './dev-routes.js';
import { errorPage, loginPage, logoutPage, signedOutPage } from './oidc-pages.js';

export const OIDC_PREFIX = '/oidc';
type Ctx = KoaContextWithOIDC;
type Loose = any; // the library is untyped
const API_RESOURCE = 'urn:kinerja-asn:api';
const CLAIMS = ['name', 'username', 'tenant', 'roles', 'officer_id', 'agency_id'] as const;

/** Account ids are the subject of the tokens: `nip:<NIP>` for officers, `demo:<name>` for demo users. */
const usernameOf = (accountId: string) => accountId.replace(/^(nip|demo):/, '');

async function accountClaims(accountId: string): Promise<Record<string, unknown> | undefined> {
  const claims = await localClaims(usernameOf(accountId));
  return claims && claims !== 'ended' ? claims : undefined;
}

function cookieKeys(dataDir: string): string[] {
  const file = join(dataDir, 'oidc-cookie-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return [readFileSync(file, 'utf8').trim()];
}

const samePassword = (given: string) => {
  const a = Buffer.from(given), b = Buffer.from(LOCAL_DEMO_PASSWORD);
  return a.length === b.length && timingSafeEqual(a, b);
};

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let raw = '';
  for await (const chunk of req) { raw += chunk; if (raw.length > 10_000) break; }
  return new URLSearchParams(raw);
}

function html(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  res.end(body);
}

export interface LocalOidc { handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>; provider: Provider }

/** appOrigin: the dashboard's origin (redirect and post-logout URIs are `${appOrigin}/masuk`). */
export function createLocalOidc(opts: { signer: Signer; appOrigin: string; dataDir: string }): LocalOidc {
  const { signer } = opts;
  const appSignIn = `${opts.appOrigin}${SIGN_IN_PATH}`;
  const configuration: Configuration = {
    clients: [{
      client_id: signer.audience,
      client_name: 'Kinerja ASN',
      application_type: 'web',
      token_endpoint_auth_method: 'none', // a public client: PKCE instead of a secret, as Cognito's
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [appSignIn],
      post_logout_redirect_uris: [appSignIn],
    }],
    jwks: signer.privateJwks as Configuration['jwks'],
    cookies: { keys: cookieKeys(opts.dataDir) },
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: [...CLAIMS] },
    conformIdTokenClaims: false,
    findAccount: async (_ctx: Ctx, sub: string) => {
      const claims = await accountClaims(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ ...claims, sub }) };
    },
    // Like the pre-token trigger: the access token carries the claims the API reads, fresh at each refresh.
    extraTokenClaims: async (_ctx: Ctx, token: Loose) => {
      if (token.kind !== 'AccessToken' || !('accountId' in token) || !token.accountId) return undefined;
      const claims = await accountClaims(token.accountId as string);
      if (!claims) return undefined;
      const { sub: _s, ...rest } = claims;
      return rest;
    },
    // The dashboard is first-party: no consent screen. Cognito issues a refresh token with every code.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope('openid profile');
      grant.addOIDCClaims([...CLAIMS]);
      grant.addResourceScope(API_RESOURCE, 'api');
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx: Ctx, client: Loose) => client.grantTypeAllowed('refresh_token'),
    expiresWithSession: async () => false,
    interactions: { url: async (_ctx: Ctx, interaction: { uid: string }) => `${OIDC_PREFIX}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: Ctx, form: string) => { ctx.type = 'html'; ctx.body = logoutPage(form); },
        postLogoutSuccessSource: async (ctx: Ctx) => { ctx.type = 'html'; ctx.body = signedOutPage(appSignIn); },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => API_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope: 'api',
          audience: signer.audience,
          accessTokenTTL: TOKEN_LIFETIMES.accessTokenSeconds,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    ttl: {
      AccessToken: TOKEN_LIFETIMES.accessTokenSeconds,
      IdToken: TOKEN_LIFETIMES.idTokenSeconds,
      AuthorizationCode: 60,
      Interaction: 600,
      // A rotated refresh token keeps what is left: the session ends 8 h after sign-in, refreshes or not.
      RefreshToken: (ctx: Ctx) => {
        const rotated = ctx?.oidc?.entities.RotatedRefreshToken;
        return rotated ? rotated.remainingTTL : TOKEN_LIFETIMES.refreshTokenSeconds;
      },
      Session: SESSION_SECONDS,
      Grant: SESSION_SECONDS,
    },
    // The dashboard calls the token endpoint from its own origin (the browser still sends Origin).
    clientBasedCORS: (_ctx: Ctx, origin: string) => origin === opts.appOrigin,
    renderError: async (ctx: Ctx, out: { error: string; error_description?: string }) => { ctx.type = 'html'; ctx.body = errorPage(appSignIn, out.error, out.error_description); },
  };
  const provider = new Provider(signer.issuer, configuration);
  provider.on('server_error', (_ctx: Ctx, error: Error) => console.error(`oidc: ${error.stack ?? error}`));
  const callback = provider.callback();

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, uid: string, action: string | undefined) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return html(res, 400, errorPage(appSignIn, 'invalid_request', 'interaction mismatch'));
    const actionUrl = `${OIDC_PREFIX}/interaction/${uid}/login`;
    const abortUrl = `${OIDC_PREFIX}/interaction/${uid}/abort`;
    if (action === 'abort') {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Sign-in cancelled' }, { mergeWithLastSubmission: false });
    }
    if (action === 'login' && req.method === 'POST') {
      const form = await readForm(req);
      const username = (form.get('nip') ?? '').trim();
      const claims = username ? await localClaims(username) : undefined;
      if (!claims || claims === 'ended' || !samePassword(form.get('password') ?? '')) {
        return html(res, 401, loginPage({ action: actionUrl, abort: abortUrl, nip: username, error: true, demoPassword: LOCAL_DEMO_PASSWORD }));
      }
      return provider.interactionFinished(req, res, { login: { accountId: claims.sub as string } }, { mergeWithLastSubmission: false });
    }
    return html(res, 200, loginPage({ action: actionUrl, abort: abortUrl, demoPassword: LOCAL_DEMO_PASSWORD }));
  }

  return {
    provider,
    handle: async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const m = /^\/oidc\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(url.pathname);
      if (m) {
        try { return await interaction(req, res, m[1], m[2]); }
        catch (e) { return html(res, 400, errorPage(appSignIn, 'session_expired', (e as Error).message)); }
      }
      (req as http.IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
      req.url = (req.url ?? '/').slice(OIDC_PREFIX.length) || '/';
      callback(req, res);
    },
  };
}

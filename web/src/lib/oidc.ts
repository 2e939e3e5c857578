// OpenID Connect for the dashboard with oauth4webapi: discovery, authorization code + PKCE (S256),
// refresh, RP-initiated logout. The same code signs in with Cognito and with the local provider.
import * as oauth from 'oauth4webapi';
import type { AuthConfig } from './auth.js';

const PENDING = 'kinerja.oidc';
export const redirectUri = () => `${location.origin}/masuk`;

/** Why a sign-in failed, for the error screen. */
export type SignInFailure = { kind: 'state' | 'provider' | 'network' | 'token'; detail: string };

// The local provider runs on http://127.0.0.1; oauth4webapi insists on https unless told otherwise.
const opts = (cfg: AuthConfig) => (cfg.local ? { [oauth.allowInsecureRequests]: true } : {});
const client = (cfg: AuthConfig): oauth.Client => ({ client_id: cfg.clientId });

let discovered: Promise<oauth.AuthorizationServer> | null = null;
function discover(cfg: AuthConfig): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(cfg.issuer);
  return (discovered ??= oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...opts(cfg) })
    .then((res) => oauth.processDiscoveryResponse(issuer, res))
    .catch((e) => { discovered = null; throw e; }));
}

/** Sends the browser to the provider's sign-in page with a fresh PKCE verifier and state. */
export async function startSignIn(cfg: AuthConfig): Promise<void> {
  const as = await discover(cfg);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: cfg.clientId, redirect_uri: redirectUri(), scope: cfg.scope ?? 'openid profile',
    state, code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** On /masuk?code=… (or ?error=…): checks the state, exchanges the code. Throws a SignInFailure. */
export async function finishSignIn(cfg: AuthConfig, current: URL): Promise<oauth.TokenEndpointResponse> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string } | null;
  sessionStorage.removeItem(PENDING);
  let as: oauth.AuthorizationServer;
  try { as = await discover(cfg); } catch (e) { throw fail('network', e); }
  if (!pending) throw fail('state', new Error('No sign-in was started in this tab'));
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client(cfg), current, pending.state);
  } catch (e) {
    throw e instanceof oauth.AuthorizationResponseError ? fail('provider', e, e.error_description ? `${e.error}: ${e.error_description}` : e.error) : fail('state', e);
  }
  try {
    const res = await oauth.authorizationCodeGrantRequest(as, client(cfg), oauth.None(), params, redirectUri(), pending.verifier, opts(cfg));
    return await oauth.processAuthorizationCodeResponse(as, client(cfg), res);
  } catch (e) {
    throw e instanceof TypeError ? fail('network', e) : fail('token', e);
  }
}

export async function refreshTokens(cfg: AuthConfig, refreshToken: string): Promise<oauth.TokenEndpointResponse> {
  const as = await discover(cfg);
  const res = await oauth.refreshTokenGrantRequest(as, client(cfg), oauth.None(), refreshToken, opts(cfg));
  return oauth.processRefreshTokenResponse(as, client(cfg), res);
}

/** The provider's end-session URL (Cognito's /logout when discovery names none, e.g. its hosted UI). */
export async function endSessionUrl(cfg: AuthConfig, idToken: string): Promise<string | null> {
  const as = await discover(cfg);
  if (as.end_session_endpoint) {
    const url = new URL(as.end_session_endpoint);
    url.search = new URLSearchParams({ id_token_hint: idToken, post_logout_redirect_uri: redirectUri(), client_id: cfg.clientId }).toString();
    return url.toString();
  }
  if (!cfg.logoutUrl) return null;
  const url = new URL(cfg.logoutUrl);
  url.search = new URLSearchParams({ client_id: cfg.clientId, logout_uri: redirectUri() }).toString();
  return url.toString();
}

function fail(kind: SignInFailure['kind'], e: unknown, detail?: string): SignInFailure {
  return { kind, detail: detail ?? (e as Error)?.message ?? String(e) };
}

// The authorization-code + PKCE flow against the local provider, driven with fetch and a cookie jar
// the way a browser would (the browser test does the same in Chromium): discovery, the provider's own
// login form, the code exchange and refresh through oauth4webapi.
import * as oauth from 'oauth4webapi';

export interface Flow { as: oauth.AuthorizationServer; client: oauth.Client; redirectUri: string; cookies: Map<string, string> }

const insecure = { [oauth.allowInsecureRequests]: true };

export async function discover(base: string, clientId: string): Promise<Flow> {
  const issuer = new URL(`${base}/oidc`);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecure }));
  return { as, client: { client_id: clientId }, redirectUri: `${base}/masuk`, cookies: new Map() };
}

/** fetch that keeps cookies and does not follow redirects. */
export async function browse(flow: Flow, url: string, init: RequestInit = {}): Promise<Response> {
  const cookie = [...flow.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    const value = pair.slice(i + 1);
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) flow.cookies.delete(pair.slice(0, i));
    else flow.cookies.set(pair.slice(0, i), value);
  }
  return res;
}

/** Follows redirects with the cookie jar until a page answers (or the app's /masuk is reached). */
export async function follow(flow: Flow, res: Response, base: string): Promise<{ res: Response; url: string }> {
  let url = res.url;
  while (res.status >= 300 && res.status < 400) {
    url = new URL(res.headers.get('location')!, base).toString();
    if (url.startsWith(flow.redirectUri)) return { res, url };
    res = await browse(flow, url);
  }
  return { res, url };
}

/** Starts a sign-in; answers the provider's login page (its form action) or where it redirected. */
export async function authorize(flow: Flow, base: string, extra: Record<string, string> = {}) {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(flow.as.authorization_endpoint!);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: flow.client.client_id, redirect_uri: flow.redirectUri, scope: 'openid profile',
    state, code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', ...extra,
  }).toString();
  const out = await follow(flow, await browse(flow, url.toString()), base);
  const html = out.url.startsWith(flow.redirectUri) ? '' : await out.res.text();
  const action = /action="([^"]+)"/.exec(html)?.[1];
  return { verifier, state, page: out, html, action: action ? new URL(action.replace(/&amp;/g, '&'), base).toString() : undefined };
}

export async function login(flow: Flow, base: string, action: string, nip: string, password: string) {
  const res = await browse(flow, action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ nip, password }).toString() });
  return follow(flow, res, base);
}

export async function exchange(flow: Flow, callbackUrl: string, verifier: string, state: string) {
  const params = oauth.validateAuthResponse(flow.as, flow.client, new URL(callbackUrl), state);
  const res = await oauth.authorizationCodeGrantRequest(flow.as, flow.client, oauth.None(), params, flow.redirectUri, verifier, insecure);
  return oauth.processAuthorizationCodeResponse(flow.as, flow.client, res);
}

export async function refresh(flow: Flow, refreshToken: string) {
  const res = await oauth.refreshTokenGrantRequest(flow.as, flow.client, oauth.None(), refreshToken, insecure);
  return oauth.processRefreshTokenResponse(flow.as, flow.client, res);
}

/** The whole sign-in: NIP (or demo user name) and password → the token endpoint's answer. */
export async function signInThroughProvider(base: string, clientId: string, username: string, password: string) {
  const flow = await discover(base, clientId);
  const start = await authorize(flow, base);
  if (!start.action) throw new Error(`no login form: ${start.html.slice(0, 200)}`);
  const done = await login(flow, base, start.action, username, password);
  if (!done.url.startsWith(flow.redirectUri)) throw new Error(`login did not return to the app: ${done.res.status}`);
  return { flow, tokens: await exchange(flow, done.url, start.verifier, start.state) };
}

// Sign-in: Cognito hosted UI (authorization code + PKCE) when /config.json names a client,
// otherwise the local runtime's demo users. The token lives in localStorage.
const TOKEN = 'kinerja.token';
const VERIFIER = 'kinerja.pkce';

export interface CognitoConfig { region: string; userPoolId: string; clientId: string; hostedUiDomain: string }

let unauthorizedHandler = () => {};
export const getToken = () => localStorage.getItem(TOKEN);
export const setToken = (token: string) => localStorage.setItem(TOKEN, token);
export function clearToken() { localStorage.removeItem(TOKEN); }
export function setUnauthorizedHandler(fn: () => void) { unauthorizedHandler = fn; }
export function onUnauthorized() { clearToken(); unauthorizedHandler(); }

export async function loadCognitoConfig(): Promise<CognitoConfig | null> {
  try {
    const res = await fetch('/config.json', { cache: 'no-store' });
    if (!res.ok) return null;
    const cfg = await res.json();
    return cfg?.clientId && cfg?.hostedUiDomain ? cfg : null;
  } catch { return null; }
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const domainUrl = (cfg: CognitoConfig) => (cfg.hostedUiDomain.startsWith('http') ? cfg.hostedUiDomain : `https://${cfg.hostedUiDomain}`);
const redirectUri = () => `${location.origin}/masuk`;

/** Sends the browser to the hosted UI with a fresh PKCE verifier (S256) and state. */
export async function startCognitoSignIn(cfg: CognitoConfig) {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(VERIFIER, JSON.stringify({ verifier, state }));
  const url = new URL('/oauth2/authorize', domainUrl(cfg));
  url.search = new URLSearchParams({ response_type: 'code', client_id: cfg.clientId, redirect_uri: redirectUri(), scope: 'openid profile email', state, code_challenge_method: 'S256', code_challenge: challenge }).toString();
  location.assign(url.toString());
}

/** On /masuk?code=…: checks state, exchanges the code for tokens. The id token carries tenant and roles. */
export async function finishCognitoSignIn(cfg: CognitoConfig, params: URLSearchParams): Promise<boolean> {
  const code = params.get('code');
  const saved = JSON.parse(sessionStorage.getItem(VERIFIER) ?? 'null');
  if (!code || !saved || saved.state !== params.get('state')) return false;
  sessionStorage.removeItem(VERIFIER);
  const res = await fetch(new URL('/oauth2/token', domainUrl(cfg)), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: cfg.clientId, code, redirect_uri: redirectUri(), code_verifier: saved.verifier }),
  });
  if (!res.ok) return false;
  const tokens = await res.json();
  setToken(tokens.id_token ?? tokens.access_token);
  return true;
}

export function cognitoSignOutUrl(cfg: CognitoConfig) {
  const url = new URL('/logout', domainUrl(cfg));
  url.search = new URLSearchParams({ client_id: cfg.clientId, logout_uri: `${location.origin}/masuk` }).toString();
  return url.toString();
}

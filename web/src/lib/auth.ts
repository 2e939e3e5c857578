// The session's tokens (localStorage) and when to refresh them. The protocol itself — discovery,
// authorization code + PKCE, refresh, end-session — is in lib/oidc.ts (oauth4webapi), loaded only when
// needed so it stays out of the first bundle. One code path for Cognito in AWS and the local provider.
const TOKEN = 'kinerja.token';
const REFRESH = 'kinerja.refresh';
const ID_TOKEN = 'kinerja.idToken';
/** When the access token expires and when the session ends (epoch ms). */
const EXPIRES = 'kinerja.expires';
const SESSION_END = 'kinerja.sessionEnd';
/** SECURITY.md: a session lasts 8 hours, whatever the refreshes (the refresh token's own lifetime too). */
export const SESSION_MS = 8 * 3600 * 1000;
/** Refresh this long before the access token expires. */
const EARLY_MS = 2 * 60 * 1000;

/** From /config.json: the provider (Cognito or the local one) and the dashboard's client there. */
export interface AuthConfig { issuer: string; clientId: string; local?: boolean; scope?: string; logoutUrl?: string }

let unauthorizedHandler = () => {};
export const getToken = () => localStorage.getItem(TOKEN);
/** The local-only demo shortcut: a token without refresh, good for its own lifetime. */
export const setToken = (token: string) => { clearToken(); localStorage.setItem(TOKEN, token); };
export const getRefreshToken = () => localStorage.getItem(REFRESH);
export const getIdToken = () => localStorage.getItem(ID_TOKEN);
export function clearToken() { for (const k of [TOKEN, REFRESH, ID_TOKEN, EXPIRES, SESSION_END]) localStorage.removeItem(k); }
export function setUnauthorizedHandler(fn: () => void) { unauthorizedHandler = fn; }
export function onUnauthorized() { clearToken(); unauthorizedHandler(); }

/** Stores what the token endpoint answered; `newSession` starts the 8-hour clock (sign-in, not refresh). */
export function storeTokens(t: { access_token: string; refresh_token?: string; id_token?: string; expires_in?: number }, newSession: boolean) {
  localStorage.setItem(TOKEN, t.access_token);
  if (t.refresh_token) localStorage.setItem(REFRESH, t.refresh_token);
  if (t.id_token) localStorage.setItem(ID_TOKEN, t.id_token);
  localStorage.setItem(EXPIRES, String(Date.now() + (t.expires_in ?? 3600) * 1000));
  if (newSession) localStorage.setItem(SESSION_END, String(Date.now() + SESSION_MS));
  scheduleRefresh();
}

let config: Promise<AuthConfig | null> | null = null;
export function loadAuthConfig(): Promise<AuthConfig | null> {
  return (config ??= (async () => {
    try {
      const res = await fetch('/config.json', { cache: 'no-store' });
      if (!res.ok) return null;
      const cfg = await res.json();
      return cfg?.auth?.issuer && cfg?.auth?.clientId ? (cfg.auth as AuthConfig) : null;
    } catch { return null; }
  })());
}

let timer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;

/** Exchanges the refresh token for new tokens; false (and signed out) when the session is over. */
export function refreshNow(): Promise<boolean> {
  return (refreshing ??= (async () => {
    try {
      const cfg = await loadAuthConfig();
      const refresh = getRefreshToken();
      if (!cfg || !refresh || Date.now() >= Number(localStorage.getItem(SESSION_END) ?? 0)) return false;
      const { refreshTokens } = await import('./oidc.js');
      storeTokens(await refreshTokens(cfg, refresh), false);
      return true;
    } catch { return false; }
    finally { refreshing = null; }
  })());
}

function scheduleRefresh() {
  clearTimeout(timer);
  if (!getRefreshToken()) return;
  const due = Number(localStorage.getItem(EXPIRES) ?? 0) - EARLY_MS - Date.now();
  timer = setTimeout(() => { void refreshNow().then((ok) => { if (!ok) onUnauthorized(); }); }, Math.max(0, due));
}

/** Before the first API call of a page load: an expired (or nearly) access token is refreshed first. Nothing to
 * wait for (undefined) when the token is fresh, so /v1/me goes out in the same tick as the boot prefetch. */
export function ensureFreshToken(): Promise<void> | undefined {
  if (!getRefreshToken()) return;
  if (Number(localStorage.getItem(EXPIRES) ?? 0) - EARLY_MS > Date.now()) { scheduleRefresh(); return; }
  return refreshNow().then((ok) => { if (!ok) clearToken(); });
}

/** Ends the session here and at the provider (RP-initiated logout): true when the browser is on its way there. */
export async function endSession(): Promise<boolean> {
  const idToken = getIdToken();
  clearTimeout(timer);
  clearToken();
  const cfg = idToken ? await loadAuthConfig() : null;
  if (!cfg || !idToken) return false;
  const { endSessionUrl } = await import('./oidc.js');
  const url = await endSessionUrl(cfg, idToken).catch(() => null);
  if (url) location.assign(url);
  return !!url;
}

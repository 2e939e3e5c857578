// Boot prefetch (first chart ≤ 600 ms; public pages on a phone): before the app mounts, start the landing route's chunk, the
// Chart.js chunk, /v1/me and the landing view's data together, instead of shell → chunk → /v1/me →
// data one after the other. Views make the same GETs (same URL builders below) and api() hands
// them the responses already in flight.
import { warmGet } from './api.js';
import { getToken } from './auth.js';
import { currentMonth, DEFAULT_MONTHS, monthRange, trendUrl } from './trends.js';
import { match } from './router.svelte.js';
import { publicGets } from './public-paths.js';
import { homeFor, loadMe, rolesOpen } from './session.svelte.js';
import { tenantZone } from './tenants.js';
import { ROUTES } from '../routes.js';

interface TenantRef { id: string; timeZone: string; roles?: string[] }

/** The officer view's GETs; the scores (its chart) first. */
export function officerPaths(officerId: string, timeZone: string, months = DEFAULT_MONTHS) {
  const { from, to } = monthRange(timeZone, months, true); // an officer's running month counts too
  const year = Number(currentMonth(timeZone).slice(0, 4));
  const o = `/v1/officers/${officerId}`;
  return { year, scores: `${o}/scores?from=${from}&to=${to}`, officer: o, plan: `${o}/plans/${year}`, reports: `${o}/reports?year=${year}`, trainings: `${o}/trainings?year=${year}`, evaluations: `${o}/evaluations` };
}

export const agencyOfficersPath = (agencyId: string) => `/v1/officers?agencyId=${encodeURIComponent(agencyId)}`;
export const NATIONAL_TIME_ZONE = 'Asia/Jakarta';

/** GETs the view at `pattern` makes on first open: `first` draws its first chart, `later` the rest.
 * Locally (HTTP/1.1, six connections) a request asked early delays the chunks, so only `first`
 * goes ahead of them. */
function viewGets(pattern: string, params: Record<string, string>, tenant: TenantRef): { first: string[]; later: string[] } {
  const tz = tenant.timeZone;
  const { from, to } = monthRange(tz, DEFAULT_MONTHS);
  switch (pattern) {
    case '/kota': return { first: [trendUrl('tenant', tenant.id, from, to)], later: [trendUrl('agencies', tenant.id, from, to), '/v1/agencies'] };
    case '/opd/:agencyId': return { first: [trendUrl('agency', params.agencyId!, from, to)], later: ['/v1/agencies', agencyOfficersPath(params.agencyId!)] };
    case '/nasional': { const r = monthRange(NATIONAL_TIME_ZONE, DEFAULT_MONTHS); return { first: [trendUrl('national', 'all', r.from, r.to), '/v1/tenants'], later: [] }; }
    case '/pegawai/:officerId': { const p = officerPaths(params.officerId!, tz); return { first: [p.scores], later: [p.officer, p.plan, p.reports, p.trainings, p.evaluations] }; }
    default: return { first: [], later: [] };
  }
}

/** The tenant and roles named in the token (read, not verified: they only pick GETs to start; the API checks the token). */
function tokenTenant(token: string): TenantRef | null {
  try {
    const claims = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    const id = claims.tenant;
    const timeZone = typeof id === 'string' ? tenantZone(id) : undefined;
    return timeZone ? { id, timeZone, roles: Array.isArray(claims.roles) ? claims.roles.map(String) : typeof claims.roles === 'string' ? claims.roles.split(/[\s,]+/) : undefined } : null;
  } catch { return null; }
}

/** Called once from main.ts, before mount. In order: /v1/me and the first chart's data, the chunks, and once
 * the route's chunk is in, the rest (locally six HTTP/1.1 connections: what the first chart needs goes first). */
export function bootPrefetch(path = location.pathname) {
  const found = match(ROUTES, path);
  const token = getToken();
  const signedIn = !!token && !found?.def.public;
  const meP = signedIn ? loadMe() : null; // the view mounts only after it
  // A deep link's data need not wait for /v1/me: the tenant (time zone) is in the token.
  // The root ('/') lands where /v1/me says.
  const early = signedIn && found ? tokenTenant(token!) : null;
  const gets = found && early && (!early.roles || rolesOpen(early.roles, found.def.pattern)) ? viewGets(found.def.pattern, found.params, early) : null;
  gets?.first.forEach((p) => warmGet(p));
  // A public page's data (the unit card, the complaint, the city's year) goes out with its chunk.
  if (found?.def.public) publicGets(found.def.pattern, found.params, location.search).forEach((p) => warmGet(p, { auth: false }));
  const chunk = found?.def.load();
  chunk?.catch(() => {});
  if (!meP) return;
  void import('../charts/setup.js').catch(() => {});
  const afterChunk = (p: Promise<unknown> | undefined, paths: string[]) => {
    const go = () => paths.forEach((path) => warmGet(path)); // those already in flight are not asked again
    void (p ?? Promise.resolve()).then(go, go);
  };
  if (gets) afterChunk(chunk, gets.later);
  void meP.then((me) => {
    if (!me) return;
    const landing = found ?? match(ROUTES, homeFor(me));
    // Asked for above already (asking again once the view has taken a response would fetch it twice).
    if (!landing || (landing === found && gets) || !rolesOpen(me.roles, landing.def.pattern)) return; // a refused screen (the app says where to go instead): nothing to fetch
    const landingChunk = landing === found ? chunk : landing.def.load();
    landingChunk?.catch(() => {});
    const { first, later } = viewGets(landing.def.pattern, landing.params, me.tenant);
    first.forEach((p) => warmGet(p));
    afterChunk(landingChunk, later);
  });
}

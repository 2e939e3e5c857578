// Boot prefetch (first chart ≤ 1 s): before the app mounts, start the landing route's chunk,
// the Chart.js chunk and /v1/me together, then the landing view's data as soon as /v1/me is
// back, instead of shell → chunk → /v1/me → data one after the other. Views make the same GETs
// (same URL builders below) and api() hands them the responses already in flight.
import { warmGet } from './api.js';
import { getToken } from './auth.js';
import { currentMonth, DEFAULT_MONTHS, monthRange, trendUrl } from './trends.js';
import { match } from './router.svelte.js';
import { homeFor, loadMe, type Me } from './session.svelte.js';
import { ROUTES } from '../routes.js';

/** The officer view's GETs; the scores (its chart) first. */
export function officerPaths(officerId: string, timeZone: string, months = DEFAULT_MONTHS) {
  const { from, to } = monthRange(timeZone, months, true); // an officer's running month counts too
  const year = Number(currentMonth(timeZone).slice(0, 4));
  const o = `/v1/officers/${officerId}`;
  return { year, scores: `${o}/scores?from=${from}&to=${to}`, officer: o, plan: `${o}/plans/${year}`, reports: `${o}/reports?year=${year}`, trainings: `${o}/trainings?year=${year}`, evaluations: `${o}/evaluations` };
}

export const agencyOfficersPath = (agencyId: string) => `/v1/officers?agencyId=${encodeURIComponent(agencyId)}`;
export const NATIONAL_TIME_ZONE = 'Asia/Jakarta';

/** GETs the view at `pattern` makes on first open, chart data first. */
function viewGets(pattern: string, params: Record<string, string>, me: Me): string[] {
  const tz = me.tenant.timeZone;
  const { from, to } = monthRange(tz, DEFAULT_MONTHS);
  switch (pattern) {
    case '/kota': return [trendUrl('tenant', me.tenant.id, from, to), trendUrl('agencies', me.tenant.id, from, to), '/v1/agencies'];
    case '/opd/:agencyId': return [trendUrl('agency', params.agencyId!, from, to), '/v1/agencies', agencyOfficersPath(params.agencyId!)];
    case '/nasional': { const r = monthRange(NATIONAL_TIME_ZONE, DEFAULT_MONTHS); return [trendUrl('national', 'all', r.from, r.to), '/v1/tenants']; }
    case '/pegawai/:officerId': { const p = officerPaths(params.officerId!, tz); return [p.scores, p.officer, p.plan, p.reports, p.trainings, p.evaluations]; }
    default: return [];
  }
}

/** Called once from main.ts, before mount. */
export function bootPrefetch(path = location.pathname) {
  const found = match(ROUTES, path);
  if (found) void found.def.load().catch(() => {});
  if (!getToken() || found?.def.public) return;
  void import('../charts/setup.js').catch(() => {});
  void loadMe().then((me) => {
    if (!me) return;
    const landing = found && path !== '/' ? found : match(ROUTES, homeFor(me));
    if (!landing) return;
    if (landing !== found) void landing.def.load().catch(() => {});
    for (const p of viewGets(landing.def.pattern, landing.params, me)) warmGet(p);
  });
}

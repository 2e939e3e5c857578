// The signed-in user (/v1/me) and what their roles let them open.
import { api } from './api.js';
import { endSession, ensureFreshToken, getToken, setUnauthorizedHandler } from './auth.js';
import { navigate } from './router.svelte.js';

export interface Officer { id: string; nip: string; name: string; position: string; grade: string; agencyId: string; unitId: string | null; supervisorId: string | null; status?: string }
export interface Me { tenant: { id: string; name: string; timeZone: string }; roles: string[]; agencyId: string | null; officer: Officer | null; subordinates: number }

export const session = $state<{ me: Me | null; loading: boolean; error: string | null }>({ me: null, loading: false, error: null });

setUnauthorizedHandler(() => { session.me = null; navigate('/masuk'); });

let inflight: Promise<Me | null> | null = null;

/** One /v1/me at a time: boot prefetch and the router ask for it together. */
export function loadMe(): Promise<Me | null> {
  if (!getToken()) { session.me = null; return Promise.resolve(null); }
  return (inflight ??= (async () => {
    session.loading = true;
    const refreshing = ensureFreshToken();
    if (refreshing) await refreshing;
    try { session.me = await api<Me>('/v1/me'); session.error = null; }
    catch (e) { session.me = null; session.error = (e as Error).message; }
    finally { session.loading = false; inflight = null; }
    return session.me;
  })());
}

/** Ends the provider's session too (RP-initiated logout), which returns to /masuk. */
export async function signOut() {
  session.me = null;
  if (!(await endSession())) navigate('/masuk');
}

export const hasRole = (me: Me | null, ...roles: string[]) => !!me && roles.some((r) => me.roles.includes(r));

/** Screens only some roles may open (the API refuses their data to the rest): the menu offers them to
 *  these roles alone, and a link or typed address from anyone else shows where to go instead. */
export const PAGE_ROLES: Readonly<Record<string, readonly string[]>> = {
  '/nasional': ['national'],
  '/kota': ['leader', 'region_admin', 'inspector'],
  '/admin/evaluasi': ['region_admin'], '/admin/impor': ['region_admin'], '/admin/kebijakan': ['region_admin'], '/admin/penghargaan': ['region_admin'],
  '/admin/opd': ['region_admin', 'agency_admin'], '/admin/pegawai': ['region_admin', 'agency_admin'],
  '/admin/pengaduan': ['region_admin', 'agency_admin'], '/admin/poster': ['region_admin', 'agency_admin'],
};

/** Whether these roles open the screen of route pattern `pattern` (screens not in PAGE_ROLES: any). */
export const rolesOpen = (roles: readonly string[], pattern: string) => { const needed = PAGE_ROLES[pattern]; return !needed || needed.some((r) => roles.includes(r)); };
export const mayOpen = (me: Me | null, pattern: string) => rolesOpen(me?.roles ?? [], pattern);

/** Where a user lands after sign-in: the widest view their roles allow. */
export function homeFor(me: Me): string {
  if (mayOpen(me, '/nasional')) return '/nasional';
  if (mayOpen(me, '/kota')) return '/kota';
  if (hasRole(me, 'agency_admin') && me.agencyId) return `/opd/${me.agencyId}`;
  if (hasRole(me, 'supervisor') || me.subordinates > 0) return '/review';
  if (me.officer) return `/pegawai/${me.officer.id}`;
  return '/masuk';
}

/** `group: 'admin'` items sit together under one menu, so the bar stays one row for an admin. */
export interface NavItem { href: string; label: string; group?: 'admin' }
export function navFor(me: Me, t: (k: any) => string): NavItem[] {
  const items: NavItem[] = [];
  if (mayOpen(me, '/nasional')) items.push({ href: '/nasional', label: t('nav.national') });
  if (mayOpen(me, '/kota')) items.push({ href: '/kota', label: t('nav.city') });
  if (hasRole(me, 'supervisor', 'agency_admin', 'region_admin', 'inspector')) items.push({ href: '/kunjungan', label: t('visits.nav') });
  if (hasRole(me, 'agency_admin', 'leader', 'region_admin') && me.agencyId) items.push({ href: `/opd/${me.agencyId}`, label: t('nav.agency') });
  if (hasRole(me, 'supervisor', 'agency_admin') || me.subordinates > 0) items.push({ href: '/review', label: t('nav.review') });
  // The team screens: a supervisor's team and the objections they decide.
  if (hasRole(me, 'supervisor', 'agency_admin', 'region_admin') || me.subordinates > 0) items.push({ href: '/tim', label: t('team.nav') });
  if (hasRole(me, 'supervisor', 'region_admin') || me.subordinates > 0) items.push({ href: '/keberatan', label: t('objection.nav') });
  if (me.officer) {
    items.push({ href: `/pegawai/${me.officer.id}`, label: t('nav.me') });
    items.push({ href: '/laporan', label: t('nav.report') });
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: me.tenant.timeZone, year: 'numeric' }).format(Date.now());
    items.push({ href: `/skp/${me.officer.id}/${year}`, label: t('skp.nav') });
  }
  if (me.officer || hasRole(me, 'agency_admin', 'region_admin')) items.push({ href: '/pelatihan', label: t('training.nav') });
  const admin = (href: string, label: string) => { if (mayOpen(me, href)) items.push({ href, label, group: 'admin' }); };
  admin('/admin/evaluasi', t('nav.evaluation'));
  admin('/admin/impor', t('nav.import'));
  admin('/admin/kebijakan', t('nav.policy'));
  admin('/admin/penghargaan', t('awards.nav'));
  admin('/admin/opd', t('admin.nav.opd'));
  admin('/admin/pegawai', t('admin.nav.officers'));
  admin('/admin/pengaduan', t('nav.complaints'));
  admin('/admin/poster', t('nav.poster'));
  // Forums are open to read; the menu offers them where they are recorded.
  if (hasRole(me, 'region_admin', 'agency_admin')) items.push({ href: '/forum', label: t('forums.nav'), group: 'admin' });
  return items;
}

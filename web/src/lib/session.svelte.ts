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

/** Where a user lands after sign-in: the widest view their roles allow. */
export function homeFor(me: Me): string {
  if (hasRole(me, 'national')) return '/nasional';
  if (hasRole(me, 'leader', 'region_admin', 'inspector')) return '/kota';
  if (hasRole(me, 'agency_admin') && me.agencyId) return `/opd/${me.agencyId}`;
  if (hasRole(me, 'supervisor') || me.subordinates > 0) return '/review';
  if (me.officer) return `/pegawai/${me.officer.id}`;
  return '/masuk';
}

/** `group: 'admin'` items sit together under one menu, so the bar stays one row for an admin. */
export interface NavItem { href: string; label: string; group?: 'admin' }
export function navFor(me: Me, t: (k: any) => string): NavItem[] {
  const items: NavItem[] = [];
  const admin = (href: string, label: string) => items.push({ href, label, group: 'admin' });
  if (hasRole(me, 'national')) items.push({ href: '/nasional', label: t('nav.national') });
  if (hasRole(me, 'leader', 'region_admin', 'inspector')) items.push({ href: '/kota', label: t('nav.city') });
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
  if (hasRole(me, 'region_admin')) {
    admin('/admin/evaluasi', t('nav.evaluation'));
    admin('/admin/impor', t('nav.import'));
    admin('/admin/kebijakan', t('nav.policy'));
    admin('/admin/penghargaan', t('awards.nav'));
  }
  if (hasRole(me, 'region_admin', 'agency_admin')) {
    admin('/admin/opd', t('admin.nav.opd'));
    admin('/admin/pegawai', t('admin.nav.officers'));
    admin('/admin/pengaduan', t('nav.complaints'));
    admin('/admin/poster', t('nav.poster'));
    admin('/forum', t('forums.nav'));
  }
  return items;
}

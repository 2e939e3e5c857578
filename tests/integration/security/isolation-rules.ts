// The isolation matrix's rule table (tests/integration/security/isolation.test.ts runs it): per route of
// functions/routes.ts, what each of {other tenant's region_admin, plain officer on a colleague, supervisor
// outside the chain, national reader} sends and must get. A = serang (the caller), B = banjarbaru.
import { expect } from 'vitest';
import * as keys from '../../../functions/data/keys.js';
import { newVisitItems, type Visit } from '../../../functions/visits/repository.js';
import { feedbackItem, feedbackRefItem, type Feedback } from '../../../functions/feedback/repository.js';
import { BEHAVIOUR, ITEMS, PLAN, type TenantFx } from './fixture.js';

export interface Fx { A: TenantFx; B: TenantFx }
const B_ONLY_UNIT = 'kios-banjarbaru-u1';
/** An agency only B has: A's admin reaching it by id must find nothing (404). */
const B_ONLY_AGENCY = 'dishub-banjarbaru';
/** An account provisioning job of B only (GET /v1/account-jobs/{id}). */
const ACCOUNT_JOB_ID = 'acj_0123456789abcdef';
/** A notification run of B only (GET /v1/notifications/runs/{id}). */
const NOTIFY_RUN_ID = 'ntr_0123456789abcdef';
const YEAR = 2025;
interface Req { path: string; body?: unknown; raw?: string; headers?: Record<string, string> }
/** A refusal (403/404, or the listed statuses), or a 2xx whose body `check` inspects. */
interface Case { req: (fx: Fx) => Req; status: number | number[]; check?: (body: any, fx: Fx) => void }
export type Role = 'crossTenant' | 'colleague' | 'outsider' | 'national';
/** 'public': no token, no per-tenant authority (hostile.test.ts, abuse.test.ts); 'na': no personal resource. */
type Rule = Record<Role, Case | 'public' | 'na'>;

export const CALLER: Record<Role, (fx: Fx) => string> = {
  crossTenant: () => 'serang.admin', // the most powerful role of tenant A
  colleague: (fx) => fx.A.pegawai.nip,
  outsider: (fx) => fx.A.outsider.nip,
  national: () => 'nasional',
};

const report = (t: TenantFx, o = t.pegawai) => `${o.id}.${t.period}`;
const evaluation = (t: TenantFx, o = t.pegawai) => `${o.id}.${t.evalPeriod}`;
const path = (p: string) => () => ({ path: p });
/** An officer-scoped GET: 404 across tenants, 403 for a colleague, an outsider and national. */
const officerRead = (suffix: string): Rule => ({
  crossTenant: { req: (fx) => ({ path: `/v1/officers/${fx.B.pegawai.id}${suffix}` }), status: 404 },
  colleague: { req: (fx) => ({ path: `/v1/officers/${fx.A.colleague.id}${suffix}` }), status: 403 },
  outsider: { req: (fx) => ({ path: `/v1/officers/${fx.A.pegawai.id}${suffix}` }), status: 403 },
  national: { req: (fx) => ({ path: `/v1/officers/${fx.B.pegawai.id}${suffix}` }), status: 403 },
});
/** Same shape for a resource addressed by id: B's (404), the colleague's (403), pegawai's for the outsider (403). */
const byId = (make: (t: TenantFx, o?: TenantFx['pegawai']) => string, body?: unknown): Rule => ({
  crossTenant: { req: (fx) => ({ path: make(fx.B), body }), status: 404 },
  colleague: { req: (fx) => ({ path: make(fx.A, fx.A.colleague), body }), status: 403 },
  outsider: { req: (fx) => ({ path: make(fx.A), body }), status: 403 },
  national: { req: (fx) => ({ path: make(fx.B), body }), status: 403 },
});
/** A visit to pegawai's unit with an action owned by pegawai's colleague, the same id in each tenant. */
const VISIT_ID = '20250110-isolatio01';
const visitOf = (t: TenantFx): Visit => ({
  id: VISIT_ID, tenant: t.tenant, unitId: t.pegawai.unitId!, unitName: 'Unit', agencyId: t.pegawai.agencyId, date: '2025-01-10',
  checklist: {}, findings: [], actions: [{ id: 'a1', title: 'Tindak lanjut', ownerOfficerId: t.colleague.id, due: '2025-01-20', status: 'open', history: [] }],
  recordedBy: 'test', createdAt: '2025-01-10T00:00:00Z', rev: 1,
});
const visitBody = (unitId: string) => ({ unitId, date: '2025-01-10', checklist: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`u${i}`, 'sesuai'])), findings: [], actions: [] });
const ownTenantOnly = (check: Case['check']): Case => ({ req: path(''), status: 200, check });
/** A well-formed notification id (inbox | sort key) of someone else's inbox. */
const notificationIdOf = (officerId: string) => Buffer.from(`OFFICER#${officerId}|N#2025-01-01T00:00:00.000Z#x`, 'utf8').toString('base64url');

const csv = (nip: string) => `nip,name,position,grade,agencyId,unitId,supervisorNip\n${nip},Nama Baru,Staf,III/a,dinkes,,\n`;
const report4 = (officerId: string, fx: Fx) => ({ officerId, period: fx.A.period, items: ITEMS });
const followUp = (unitId: string, period: string) => ({ unitId, period, actions: [{ title: 'Standar waktu dipasang', owner: 'Kepala unit', due: '2099-01-31' }] });
const forum = (agencyId: string) => ({ agencyId, date: '2025-03-04', place: 'Aula kecamatan', participants: { citizens: 20, officers: 5 }, minutes: 'Warga menyampaikan keluhan antrean.', issues: [{ text: 'Antrean lama', element: 'u3' }], actions: [{ title: 'Tambah loket', owner: 'Sekretariat', due: '2025-04-01' }] });
const training = (officerId: string) => ({ officerId, title: 'Pelatihan', jp: 2, date: '2024-01-10', provider: 'BPSDM' });
/** Feedback about B's pegawai and A's colleague (written directly), for the reply route. */
const FEEDBACK_ID = { A: 'fb_00000000000000a1', B: 'fb_00000000000000b1' };
const feedbackItems = (t: TenantFx, o: TenantFx['pegawai'], id: string) => {
  const f: Feedback = { id, officerId: o.id, agencyId: o.agencyId, kind: 'bimbingan', period: t.period, note: 'Catatan', authorId: t.atasan.id, authorName: t.atasan.name, authorRole: 'supervisor', createdAt: '2025-01-01T00:00:00.000Z', replies: [] };
  return [feedbackItem(t.tenant, f), feedbackRefItem(t.tenant, f)];
};
const feedbackBody = (fx: Fx) => ({ kind: 'bimbingan', period: fx.A.period, note: 'Catatan uji isolasi' });

export const RULES: Record<string, Rule> = {
  'GET /v1/health': { crossTenant: 'public', colleague: 'public', outsider: 'public', national: 'public' },
  'GET /v1/openapi.json': { crossTenant: 'public', colleague: 'public', outsider: 'public', national: 'public' },
  'GET /v1/me': {
    crossTenant: { req: path('/v1/me'), status: 200, check: (b) => expect(b.tenant.id).toBe('serang') },
    colleague: { req: path('/v1/me'), status: 200, check: (b, fx) => expect(b.officer.id).toBe(fx.A.pegawai.id) },
    outsider: 'na',
    national: { req: path('/v1/me'), status: 200, check: (b) => expect(b.officer).toBeNull() },
  },
  'GET /v1/tenants': {
    crossTenant: { req: path('/v1/tenants'), status: 200, check: (b) => expect(b.tenants.map((t: any) => t.id)).toEqual(['serang']) },
    colleague: 'na', outsider: 'na',
    national: { req: path('/v1/tenants'), status: 200, check: (b) => expect(b.tenants).toHaveLength(4) },
  },
  'GET /v1/agencies': {
    crossTenant: { req: path('/v1/agencies?tenant=banjarbaru'), status: 403 },
    colleague: 'na', outsider: 'na',
    national: { req: path('/v1/agencies?tenant=banjarbaru'), status: 200 },
  },
  'POST /v1/agencies': {
    // No tenant in the request: the agency lands in the caller's own tenant (B's snapshot proves it).
    crossTenant: { req: () => ({ path: '/v1/agencies', body: { name: 'Dinas Perhubungan Uji Isolasi' } }), status: 201, check: (b) => expect(b.id).toBe('dinas-perhubungan-uji-isolasi') },
    colleague: { req: () => ({ path: '/v1/agencies', body: { name: 'Dinas Buatan Pegawai' } }), status: 403 },
    outsider: { req: () => ({ path: '/v1/agencies', body: { name: 'Dinas Buatan Atasan' } }), status: 403 },
    national: { req: () => ({ path: '/v1/agencies', body: { name: 'Dinas Buatan Nasional' } }), status: 403 },
  },
  'PATCH /v1/agencies/{id}': {
    crossTenant: { req: () => ({ path: `/v1/agencies/${B_ONLY_AGENCY}`, body: { name: 'Diambil Alih' } }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/agencies/${fx.A.pegawai.agencyId}`, body: { name: 'Diambil Alih' } }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/agencies/${fx.A.outsider.agencyId}`, body: { name: 'Diambil Alih' } }), status: 403 },
    national: { req: () => ({ path: `/v1/agencies/${B_ONLY_AGENCY}`, body: { name: 'Diambil Alih' } }), status: 403 },
  },
  'POST /v1/agencies/{id}/units': {
    crossTenant: { req: () => ({ path: `/v1/agencies/${B_ONLY_AGENCY}/units`, body: { name: 'Loket Titipan', kind: 'loket' } }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/agencies/${fx.A.pegawai.agencyId}/units`, body: { name: 'Loket Titipan', kind: 'loket' } }), status: 403 },
    // a supervisor, even of their own agency, is no agency_admin
    outsider: { req: (fx) => ({ path: `/v1/agencies/${fx.A.outsider.agencyId}/units`, body: { name: 'Loket Titipan', kind: 'loket' } }), status: 403 },
    national: { req: () => ({ path: `/v1/agencies/${B_ONLY_AGENCY}/units`, body: { name: 'Loket Titipan', kind: 'loket' } }), status: 403 },
  },
  'PATCH /v1/agencies/{id}/units/{unitId}': {
    // The unit exists in B only; under A's own agency path it is still not found.
    crossTenant: { req: () => ({ path: `/v1/agencies/dinkes/units/${B_ONLY_UNIT}`, body: { yearlyServiceUsers: 1 } }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/agencies/${fx.A.pegawai.agencyId}/units/${fx.A.pegawai.unitId}`, body: { yearlyServiceUsers: 1 } }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/agencies/${fx.A.pegawai.agencyId}/units/${fx.A.pegawai.unitId}`, body: { yearlyServiceUsers: 1 } }), status: 403 },
    national: { req: () => ({ path: `/v1/agencies/dinkes/units/${B_ONLY_UNIT}`, body: { yearlyServiceUsers: 1 } }), status: 403 },
  },
  'GET /v1/agencies/{id}/org-ratings/{year}': {
    crossTenant: { req: path(`/v1/agencies/${B_ONLY_AGENCY}/org-ratings/${YEAR}`), status: 404 },
    colleague: 'na', outsider: 'na', // no personal data: any reader of the tenant
    national: { req: path(`/v1/agencies/${B_ONLY_AGENCY}/org-ratings/${YEAR}`), status: 403 },
  },
  'PUT /v1/agencies/{id}/org-ratings/{year}': {
    crossTenant: { req: () => ({ path: `/v1/agencies/${B_ONLY_AGENCY}/org-ratings/${YEAR}`, body: { rating: 'KURANG' } }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/agencies/${fx.A.pegawai.agencyId}/org-ratings/${YEAR}`, body: { rating: 'ISTIMEWA' } }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/agencies/${fx.A.outsider.agencyId}/org-ratings/${YEAR}`, body: { rating: 'ISTIMEWA' } }), status: 403 },
    national: { req: () => ({ path: `/v1/agencies/${B_ONLY_AGENCY}/org-ratings/${YEAR}`, body: { rating: 'KURANG' } }), status: 403 },
  },
  'GET /v1/agencies/{id}/curve': {
    crossTenant: { req: path(`/v1/agencies/${B_ONLY_AGENCY}/curve?year=${YEAR}`), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/agencies/${fx.A.pegawai.agencyId}/curve?year=${YEAR}` }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/agencies/${fx.A.outsider.agencyId}/curve?year=${YEAR}` }), status: 403 },
    national: { req: path(`/v1/agencies/${B_ONLY_AGENCY}/curve?year=${YEAR}`), status: 403 },
  },
  'GET /v1/officers': {
    crossTenant: { req: path('/v1/officers?agencyId=dinkes'), status: 200, check: (b) => expect(b.officers.length).toBeGreaterThan(0) },
    colleague: { req: (fx) => ({ path: `/v1/officers?agencyId=${fx.A.pegawai.agencyId}` }), status: 200, check: (b, fx) => expect(b.officers.map((o: any) => o.id)).toEqual([fx.A.pegawai.id]) },
    outsider: { req: (fx) => ({ path: `/v1/officers?agencyId=${fx.A.pegawai.agencyId}` }), status: 403 },
    national: { req: path('/v1/officers?agencyId=dinkes'), status: 403 },
  },
  'GET /v1/officers/{id}': officerRead(''),
  'PATCH /v1/officers/{id}': {
    // The BKPSDM of another tenant cannot reach B's officer; nobody but a region_admin changes a record.
    crossTenant: { req: (fx) => ({ path: `/v1/officers/${fx.B.pegawai.id}`, body: { status: 'cuti', effectiveFrom: '2020-01-01' } }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/officers/${fx.A.colleague.id}`, body: { status: 'cuti' } }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/officers/${fx.A.pegawai.id}`, body: { status: 'cuti' } }), status: 403 },
    national: { req: (fx) => ({ path: `/v1/officers/${fx.B.pegawai.id}`, body: { status: 'cuti' } }), status: 403 },
  },
  'PUT /v1/officers/{id}/roles': {
    // Roles are granted by the region's own BKPSDM only: never across tenants, never by officers.
    crossTenant: { req: (fx) => ({ path: `/v1/officers/${fx.B.pegawai.id}/roles`, body: { roles: ['region_admin'] } }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/officers/${fx.A.pegawai.id}/roles`, body: { roles: ['region_admin'] } }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/officers/${fx.A.outsider.id}/roles`, body: { roles: ['region_admin'] } }), status: 403 },
    national: { req: (fx) => ({ path: `/v1/officers/${fx.B.pegawai.id}/roles`, body: { roles: ['leader'] } }), status: 403 },
  },
  'POST /v1/officers/import': {
    // NIPs are national: a region may not claim another region's officer (400 naming the line).
    crossTenant: { req: (fx) => ({ path: '/v1/officers/import', raw: csv(fx.B.pegawai.nip), headers: { 'content-type': 'text/csv' } }), status: 400 },
    colleague: { req: (fx) => ({ path: '/v1/officers/import', raw: csv(fx.A.colleague.nip), headers: { 'content-type': 'text/csv' } }), status: 403 },
    outsider: { req: (fx) => ({ path: '/v1/officers/import', raw: csv(fx.A.pegawai.nip), headers: { 'content-type': 'text/csv' } }), status: 403 },
    national: { req: (fx) => ({ path: '/v1/officers/import', raw: csv(fx.B.pegawai.nip), headers: { 'content-type': 'text/csv' } }), status: 403 },
  },
  'GET /v1/account-jobs/{id}': {
    // B's provisioning job is not found from A; only a region_admin follows jobs.
    crossTenant: { req: path(`/v1/account-jobs/${ACCOUNT_JOB_ID}`), status: 404 },
    colleague: { req: path(`/v1/account-jobs/${ACCOUNT_JOB_ID}`), status: 403 },
    outsider: { req: path(`/v1/account-jobs/${ACCOUNT_JOB_ID}`), status: 403 },
    national: { req: path(`/v1/account-jobs/${ACCOUNT_JOB_ID}`), status: 403 },
  },
  'GET /v1/policy': {
    crossTenant: { ...ownTenantOnly((b) => expect(b.tenant).toBe('serang')), req: path('/v1/policy') },
    colleague: 'na', outsider: 'na',
    national: { req: path('/v1/policy'), status: 403 },
  },
  'GET /v1/policy/history': {
    // No tenant in the request: the caller's own city's changes only.
    crossTenant: { req: path('/v1/policy/history'), status: 200, check: (b) => expect(JSON.stringify(b)).not.toContain('banjarbaru') },
    colleague: 'na', outsider: 'na',
    national: { req: path('/v1/policy/history'), status: 403 },
  },
  'PUT /v1/policy': {
    // No tenant in the request: the write lands in the caller's own tenant (B's snapshot proves it).
    crossTenant: { req: (fx) => ({ path: '/v1/policy', body: { ...(fx.A.policy as object) } }), status: 200, check: (b) => expect(b.tenant).toBe('serang') },
    colleague: { req: (fx) => ({ path: '/v1/policy', body: fx.A.policy }), status: 403 },
    outsider: { req: (fx) => ({ path: '/v1/policy', body: fx.A.policy }), status: 403 },
    national: { req: (fx) => ({ path: '/v1/policy', body: fx.B.policy }), status: 403 },
  },
  'GET /v1/officers/{id}/plans/{year}': officerRead('/plans/' + new Date().getUTCFullYear()),
  'PUT /v1/officers/{id}/plans/{year}': byId((t, o = t.pegawai) => `/v1/officers/${o.id}/plans/${t.period.slice(0, 4)}`, { ...PLAN, version: 1 }),
  'POST /v1/officers/{id}/plans/{year}/agreement': byId((t, o = t.pegawai) => `/v1/officers/${o.id}/plans/${t.period.slice(0, 4)}/agreement`, {}),
  'GET /v1/officers/{id}/plans/{year}/history': officerRead('/plans/' + new Date().getUTCFullYear() + '/history'),
  'GET /v1/officers/{id}/plans/{year}/cascade': officerRead('/plans/' + new Date().getUTCFullYear() + '/cascade'),
  'POST /v1/reports': {
    crossTenant: { req: (fx) => ({ path: '/v1/reports', body: report4(fx.B.pegawai.id, fx) }), status: 403 },
    colleague: { req: (fx) => ({ path: '/v1/reports', body: report4(fx.A.colleague.id, fx) }), status: 403 },
    outsider: { req: (fx) => ({ path: '/v1/reports', body: report4(fx.A.pegawai.id, fx) }), status: 403 },
    national: { req: (fx) => ({ path: '/v1/reports', body: report4(fx.B.pegawai.id, fx) }), status: 403 },
  },
  'GET /v1/reports': {
    crossTenant: { req: path('/v1/reports'), status: 200, check: (b, fx) => expect(b.reports.map((r: any) => r.id)).toContain(report(fx.A)) },
    colleague: { req: path('/v1/reports'), status: 200, check: (b) => expect(b.reports).toEqual([]) },
    outsider: { req: path('/v1/reports'), status: 200, check: (b, fx) => expect(b.reports.map((r: any) => r.officerId)).not.toContain(fx.A.pegawai.id) },
    national: { req: path('/v1/reports'), status: 403 },
  },
  'GET /v1/reports/{id}': byId((t, o) => `/v1/reports/${report(t, o)}`),
  'GET /v1/officers/{id}/reports': officerRead(`/reports?year=${new Date().getUTCFullYear()}`),
  'POST /v1/reports/{id}/review': byId((t, o) => `/v1/reports/${report(t, o)}/review`, { decision: 'approve', feedback: 'Baik', behaviour: BEHAVIOUR }),
  'POST /v1/late-windows': {
    crossTenant: { req: (fx) => ({ path: '/v1/late-windows', body: { officerId: fx.B.pegawai.id, period: '2020-01', reason: 'Terlambat karena sakit' } }), status: 404 },
    colleague: { req: (fx) => ({ path: '/v1/late-windows', body: { officerId: fx.A.colleague.id, period: '2020-01', reason: 'Terlambat karena sakit' } }), status: 403 },
    outsider: { req: (fx) => ({ path: '/v1/late-windows', body: { officerId: fx.A.pegawai.id, period: '2020-01', reason: 'Terlambat karena sakit' } }), status: 403 },
    national: { req: (fx) => ({ path: '/v1/late-windows', body: { officerId: fx.B.pegawai.id, period: '2020-01', reason: 'Terlambat karena sakit' } }), status: 403 },
  },
  'GET /v1/officers/{id}/scores': officerRead('/scores'),
  // Only the officer writes their own progress draft: anyone else, even B's officer's id from A, is refused.
  'PUT /v1/officers/{id}/progress/{period}': {
    crossTenant: { req: (fx) => ({ path: `/v1/officers/${fx.B.pegawai.id}/progress/${fx.B.period}`, body: { items: ITEMS } }), status: 403 },
    colleague: { req: (fx) => ({ path: `/v1/officers/${fx.A.colleague.id}/progress/${fx.A.period}`, body: { items: ITEMS } }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/officers/${fx.A.pegawai.id}/progress/${fx.A.period}`, body: { items: ITEMS } }), status: 403 },
    national: { req: (fx) => ({ path: `/v1/officers/${fx.B.pegawai.id}/progress/${fx.B.period}`, body: { items: ITEMS } }), status: 403 },
  },
  'GET /v1/officers/{id}/progress/{period}': officerRead(`/progress/${new Date().toISOString().slice(0, 7)}`),
  'POST /v1/trainings': {
    crossTenant: { req: (fx) => ({ path: '/v1/trainings', body: training(fx.B.pegawai.id) }), status: 404 },
    colleague: { req: (fx) => ({ path: '/v1/trainings', body: training(fx.A.colleague.id) }), status: 403 },
    outsider: { req: (fx) => ({ path: '/v1/trainings', body: training(fx.A.pegawai.id) }), status: 403 },
    national: { req: (fx) => ({ path: '/v1/trainings', body: training(fx.B.pegawai.id) }), status: 403 },
  },
  'GET /v1/officers/{id}/trainings': officerRead('/trainings'),
  'GET /v1/public/units/{tenant}/{unitId}': { crossTenant: 'public', colleague: 'public', outsider: 'public', national: 'public' },
  'POST /v1/public/surveys': { crossTenant: 'public', colleague: 'public', outsider: 'public', national: 'public' },
  'POST /v1/kiosk-tokens': {
    // Unit ids repeat across cities; this one exists in B only, so A's admin cannot find it.
    crossTenant: { req: () => ({ path: '/v1/kiosk-tokens', body: { unitId: B_ONLY_UNIT } }), status: 404 },
    colleague: { req: (fx) => ({ path: '/v1/kiosk-tokens', body: { unitId: fx.A.pegawai.unitId } }), status: 403 },
    outsider: { req: (fx) => ({ path: '/v1/kiosk-tokens', body: { unitId: fx.A.outsider.unitId ?? fx.A.pegawai.unitId } }), status: 403 },
    national: { req: () => ({ path: '/v1/kiosk-tokens', body: { unitId: B_ONLY_UNIT } }), status: 403 },
  },
  'GET /v1/ikm': {
    crossTenant: { req: (fx) => ({ path: `/v1/ikm?tenant=banjarbaru&period=${fx.B.period}` }), status: 403 },
    colleague: 'na', outsider: 'na', // aggregates of the caller's own tenant
    national: { req: (fx) => ({ path: `/v1/ikm?tenant=banjarbaru&period=${fx.B.period}` }), status: 200 },
  },
  'POST /v1/ikm/follow-ups': {
    crossTenant: { req: (fx) => ({ path: '/v1/ikm/follow-ups', body: followUp(B_ONLY_UNIT, fx.B.period) }), status: 404 },
    colleague: { req: (fx) => ({ path: '/v1/ikm/follow-ups', body: followUp(fx.A.pegawai.unitId!, fx.A.period) }), status: 403 },
    outsider: { req: (fx) => ({ path: '/v1/ikm/follow-ups', body: followUp(fx.A.pegawai.unitId!, fx.A.period) }), status: 403 },
    national: { req: (fx) => ({ path: '/v1/ikm/follow-ups', body: followUp(B_ONLY_UNIT, fx.B.period) }), status: 403 },
  },
  'GET /v1/ikm/follow-ups': {
    crossTenant: { req: path('/v1/ikm/follow-ups?agencyId=dinkes'), status: 200, check: (b) => expect(b.items.every((f: any) => f.tenant === 'serang')).toBe(true) },
    colleague: 'na', outsider: 'na', // plans of the caller's own tenant, no personal data
    national: { req: path('/v1/ikm/follow-ups?agencyId=dinkes'), status: 403 },
  },
  'GET /v1/ikm/follow-ups/proposal': {
    crossTenant: { req: (fx) => ({ path: `/v1/ikm/follow-ups/proposal?unitId=${B_ONLY_UNIT}&period=${fx.B.period}` }), status: 404 },
    colleague: 'na', outsider: 'na',
    national: { req: (fx) => ({ path: `/v1/ikm/follow-ups/proposal?unitId=${B_ONLY_UNIT}&period=${fx.B.period}` }), status: 403 },
  },
  'PATCH /v1/ikm/follow-ups/{id}': {
    crossTenant: { req: (fx) => ({ path: `/v1/ikm/follow-ups/${B_ONLY_UNIT}.${fx.B.period}`, body: { actionId: 'a1', status: 'done' } }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/ikm/follow-ups/${fx.A.pegawai.unitId}.${fx.A.period}`, body: { actionId: 'a1', status: 'done' } }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/ikm/follow-ups/${fx.A.pegawai.unitId}.${fx.A.period}`, body: { actionId: 'a1', status: 'done' } }), status: 403 },
    national: { req: (fx) => ({ path: `/v1/ikm/follow-ups/${B_ONLY_UNIT}.${fx.B.period}`, body: { actionId: 'a1', status: 'done' } }), status: 403 },
  },
  'POST /v1/forums': {
    crossTenant: { req: () => ({ path: '/v1/forums', body: forum(B_ONLY_AGENCY) }), status: 404 },
    colleague: { req: (fx) => ({ path: '/v1/forums', body: forum(fx.A.pegawai.agencyId) }), status: 403 },
    outsider: { req: (fx) => ({ path: '/v1/forums', body: forum(fx.A.pegawai.agencyId) }), status: 403 },
    national: { req: () => ({ path: '/v1/forums', body: forum(B_ONLY_AGENCY) }), status: 403 },
  },
  'GET /v1/forums': {
    crossTenant: { req: path('/v1/forums?agencyId=dinkes'), status: 200, check: (b) => expect(b.items.every((f: any) => f.tenant === 'serang')).toBe(true) },
    colleague: 'na', outsider: 'na',
    national: { req: path('/v1/forums?agencyId=dinkes'), status: 403 },
  },
  'PATCH /v1/forums/{id}/actions/{actionId}': {
    // Forum ids are random; the matrix holds none of B's, and A's admin cannot address B's partition anyway.
    crossTenant: { req: () => ({ path: '/v1/forums/frm_0000000000000000/actions/a1', body: { status: 'done' } }), status: 404 },
    colleague: { req: () => ({ path: '/v1/forums/frm_0000000000000000/actions/a1', body: { status: 'done' } }), status: 403 },
    outsider: { req: () => ({ path: '/v1/forums/frm_0000000000000000/actions/a1', body: { status: 'done' } }), status: 403 },
    national: { req: () => ({ path: '/v1/forums/frm_0000000000000000/actions/a1', body: { status: 'done' } }), status: 403 },
  },
  'POST /v1/public/complaints': { crossTenant: 'public', colleague: 'public', outsider: 'public', national: 'public' },
  'GET /v1/public/complaints/{code}': { crossTenant: 'public', colleague: 'public', outsider: 'public', national: 'public' },
  'GET /v1/public/cities/{tenant}/transparency': { crossTenant: 'public', colleague: 'public', outsider: 'public', national: 'public' },
  'GET /v1/complaints': {
    crossTenant: { req: path('/v1/complaints'), status: 200, check: (b, fx) => { expect(b.items.map((c: any) => c.id)).toEqual([fx.A.complaintId]); expect(b.complaints).toEqual(b.items); } },
    colleague: { req: path('/v1/complaints'), status: 403 },
    outsider: { req: path('/v1/complaints'), status: 403 },
    national: { req: path('/v1/complaints'), status: 403 },
  },
  'GET /v1/complaints/stats': {
    // An agency only B has is unknown in A's city; officers and supervisors see no statistics.
    crossTenant: { req: path(`/v1/complaints/stats?agencyId=${B_ONLY_AGENCY}`), status: 404 },
    colleague: { req: path('/v1/complaints/stats'), status: 403 },
    outsider: { req: path('/v1/complaints/stats'), status: 403 },
    national: { req: path('/v1/complaints/stats'), status: 403 },
  },
  'PATCH /v1/complaints/{id}': {
    crossTenant: { req: (fx) => ({ path: `/v1/complaints/${fx.B.complaintId}`, body: { status: 'in_progress' } }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/complaints/${fx.A.complaintId}`, body: { status: 'in_progress' } }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/complaints/${fx.A.complaintId}`, body: { status: 'in_progress' } }), status: 403 },
    national: { req: (fx) => ({ path: `/v1/complaints/${fx.B.complaintId}`, body: { status: 'in_progress' } }), status: 403 },
  },
  'POST /v1/evaluations/runs': {
    // The run's tenant comes only from the token; a period that has not ended keeps this test cheap.
    crossTenant: { req: () => ({ path: '/v1/evaluations/runs', body: { period: '2099-01' } }), status: 400 },
    colleague: { req: (fx) => ({ path: '/v1/evaluations/runs', body: { period: fx.A.evalPeriod } }), status: 403 },
    outsider: { req: (fx) => ({ path: '/v1/evaluations/runs', body: { period: fx.A.evalPeriod } }), status: 403 },
    national: { req: (fx) => ({ path: '/v1/evaluations/runs', body: { period: fx.B.evalPeriod } }), status: 403 },
  },
  'GET /v1/evaluations/runs': {
    // A period both cities have run: A's admin lists A's run only.
    crossTenant: { req: (fx) => ({ path: `/v1/evaluations/runs?period=${fx.B.evalPeriod}` }), status: 200, check: (b, fx) => expect(b.items.map((r: any) => r.id)).toEqual([fx.A.runId]) },
    colleague: { req: (fx) => ({ path: `/v1/evaluations/runs?period=${fx.A.evalPeriod}` }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/evaluations/runs?period=${fx.A.evalPeriod}` }), status: 403 },
    national: { req: (fx) => ({ path: `/v1/evaluations/runs?period=${fx.B.evalPeriod}` }), status: 403 },
  },
  'GET /v1/evaluations/runs/{id}': {
    crossTenant: { req: (fx) => ({ path: `/v1/evaluations/runs/${fx.B.runId}` }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/evaluations/runs/${fx.A.runId}` }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/evaluations/runs/${fx.A.runId}` }), status: 403 },
    national: { req: (fx) => ({ path: `/v1/evaluations/runs/${fx.B.runId}` }), status: 403 },
  },
  'GET /v1/evaluations/schedule': {
    crossTenant: { req: path('/v1/evaluations/schedule'), status: 200, check: (b) => expect(b[0]).toMatchObject({ kind: 'monthly', at: expect.stringMatching(/\+07:00$/) }) }, // Serang's zone
    colleague: { req: path('/v1/evaluations/schedule'), status: 403 },
    outsider: { req: path('/v1/evaluations/schedule'), status: 403 },
    national: { req: path('/v1/evaluations/schedule'), status: 403 },
  },
  'GET /v1/officers/{id}/evaluations': officerRead('/evaluations'),
  'GET /v1/evaluations/{id}/history': byId((t, o) => `/v1/evaluations/${evaluation(t, o)}/history`),
  'POST /v1/evaluations/{id}/objections': byId((t, o) => `/v1/evaluations/${evaluation(t, o)}/objections`, { reason: 'Saya keberatan dengan nilai perilaku ini' }),
  'GET /v1/objections': {
    // Only the caller's own queue: A's admin never sees B's objections; the colleague (not a decider) sees none.
    crossTenant: { req: path('/v1/objections?status=pending'), status: 200, check: (b, fx) => expect(JSON.stringify(b)).not.toContain(fx.B.colleague.id) },
    colleague: { req: path('/v1/objections'), status: 200, check: (b) => expect(b.items).toEqual([]) },
    outsider: { req: path('/v1/objections'), status: 200, check: (b, fx) => expect(JSON.stringify(b)).not.toContain(fx.A.colleague.id) },
    national: { req: path('/v1/objections'), status: 403 },
  },
  'POST /v1/objections/{id}/decision': {
    ...byId((t, o) => `/v1/objections/${evaluation(t, o)}/decision`, { decision: 'uphold', note: 'Nilai sudah sesuai' }),
    // the colleague's evaluation carries the pending objection; pegawai is not its decider
    colleague: { req: (fx) => ({ path: `/v1/objections/${evaluation(fx.A, fx.A.colleague)}/decision`, body: { decision: 'uphold', note: 'Nilai sudah sesuai' } }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/objections/${evaluation(fx.A, fx.A.colleague)}/decision`, body: { decision: 'uphold', note: 'Nilai sudah sesuai' } }), status: 403 },
  },
  'GET /v1/evaluations/flagged': {
    crossTenant: { req: () => ({ path: `/v1/evaluations/flagged?period=2025-10&flag=MISSING_REPORT&agencyId=${B_ONLY_AGENCY}` }), status: 404 },
    colleague: { req: path('/v1/evaluations/flagged?period=2025-10&flag=MISSING_REPORT'), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/evaluations/flagged?period=2025-10&flag=MISSING_REPORT&agencyId=${fx.A.pegawai.agencyId}` }), status: 403 },
    national: { req: () => ({ path: `/v1/evaluations/flagged?period=2025-10&flag=MISSING_REPORT&agencyId=${B_ONLY_AGENCY}` }), status: 403 },
  },
  'POST /v1/officers/{id}/feedback': {
    crossTenant: { req: (fx) => ({ path: `/v1/officers/${fx.B.pegawai.id}/feedback`, body: feedbackBody(fx) }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/officers/${fx.A.colleague.id}/feedback`, body: feedbackBody(fx) }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/officers/${fx.A.pegawai.id}/feedback`, body: feedbackBody(fx) }), status: 403 },
    national: { req: (fx) => ({ path: `/v1/officers/${fx.B.pegawai.id}/feedback`, body: feedbackBody(fx) }), status: 403 },
  },
  'GET /v1/officers/{id}/feedback': officerRead('/feedback'),
  'POST /v1/feedback/{id}/replies': {
    crossTenant: { req: () => ({ path: `/v1/feedback/${FEEDBACK_ID.B}/replies`, body: { note: 'Siap' } }), status: 404 },
    // the colleague's feedback: only the colleague replies
    colleague: { req: () => ({ path: `/v1/feedback/${FEEDBACK_ID.A}/replies`, body: { note: 'Siap' } }), status: 403 },
    outsider: { req: () => ({ path: `/v1/feedback/${FEEDBACK_ID.A}/replies`, body: { note: 'Siap' } }), status: 403 },
    national: { req: () => ({ path: `/v1/feedback/${FEEDBACK_ID.B}/replies`, body: { note: 'Siap' } }), status: 403 },
  },
  'GET /v1/agencies/{id}/feedback-stats': {
    crossTenant: { req: path(`/v1/agencies/${B_ONLY_AGENCY}/feedback-stats`), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/agencies/${fx.A.pegawai.agencyId}/feedback-stats` }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/agencies/${fx.A.outsider.agencyId}/feedback-stats` }), status: 403 },
    national: { req: path(`/v1/agencies/${B_ONLY_AGENCY}/feedback-stats`), status: 403 },
  },
  'GET /v1/team': {
    crossTenant: { req: (fx) => ({ path: `/v1/team?supervisorId=${fx.B.atasan.id}` }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/team?supervisorId=${fx.A.colleague.id}` }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/team?supervisorId=${fx.A.atasan.id}` }), status: 403 },
    national: { req: (fx) => ({ path: `/v1/team?supervisorId=${fx.B.atasan.id}` }), status: 403 },
  },
  'GET /v1/trends': {
    crossTenant: { req: (fx) => ({ path: `/v1/trends?scope=officer&id=${fx.B.pegawai.id}` }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/trends?scope=officer&id=${fx.A.colleague.id}` }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/trends?scope=officer&id=${fx.A.pegawai.id}` }), status: 403 },
    national: { req: (fx) => ({ path: `/v1/trends?scope=officer&id=${fx.B.pegawai.id}` }), status: 403 },
  },
  'GET /v1/activity': {
    crossTenant: { req: path('/v1/activity?scope=tenant&id=banjarbaru'), status: 403 },
    colleague: { req: (fx) => ({ path: `/v1/activity?scope=agency&id=${fx.A.pegawai.agencyId}` }), status: 403 }, // an officer, no supervisor
    outsider: { req: (fx) => ({ path: `/v1/activity?scope=agency&id=${fx.A.pegawai.agencyId}` }), status: 403 }, // a supervisor of another agency
    national: { req: path('/v1/activity?scope=tenant&id=banjarbaru'), status: 403 },
  },
  'POST /v1/visits': {
    crossTenant: { req: () => ({ path: '/v1/visits', body: visitBody(B_ONLY_UNIT) }), status: 404 },
    colleague: { req: (fx) => ({ path: '/v1/visits', body: visitBody(fx.A.pegawai.unitId!) }), status: 403 }, // an officer
    outsider: { req: (fx) => ({ path: '/v1/visits', body: visitBody(fx.A.pegawai.unitId!) }), status: 403 }, // a supervisor of another agency
    national: { req: (fx) => ({ path: '/v1/visits', body: visitBody(fx.B.pegawai.unitId!) }), status: 403 },
  },
  'GET /v1/visits': {
    crossTenant: { req: () => ({ path: `/v1/visits?unitId=${B_ONLY_UNIT}` }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/visits?unitId=${fx.A.pegawai.unitId}` }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/visits?agencyId=${fx.A.pegawai.agencyId}` }), status: 403 },
    national: { req: () => ({ path: '/v1/visits?status=overdue' }), status: 403 },
  },
  'PATCH /v1/visits/{id}/actions/{actionId}': {
    // B's visit is not reachable from A (A's own same-id visit is only A's); pegawai owns no action of it.
    crossTenant: { req: () => ({ path: '/v1/visits/20250110-onlyinbbru/actions/a1', body: { status: 'done' } }), status: 404 },
    colleague: { req: () => ({ path: `/v1/visits/${VISIT_ID}/actions/a1`, body: { status: 'done' } }), status: 403 },
    outsider: { req: () => ({ path: `/v1/visits/${VISIT_ID}/actions/a1`, body: { status: 'done' } }), status: 403 },
    national: { req: () => ({ path: `/v1/visits/${VISIT_ID}/actions/a1`, body: { status: 'done' } }), status: 403 },
  },
  'GET /v1/calendar': {
    // No tenant in the request: the caller's own city's dates (Serang's zone).
    crossTenant: { req: path('/v1/calendar'), status: 200, check: (b) => expect(b.timeZone).toBe('Asia/Jakarta') },
    colleague: 'na', outsider: 'na',
    national: { req: path('/v1/calendar'), status: 403 },
  },
  // Documents print exactly what their reader may see: the officer's (404 across cities, 403 to a colleague).
  'GET /v1/officers/{id}/plans/{year}/document': officerRead('/plans/' + new Date().getUTCFullYear() + '/document'),
  'GET /v1/evaluations/{id}/document': byId((t, o) => `/v1/evaluations/${evaluation(t, o)}/document`),
  'GET /v1/awards/{id}/certificate': byId((t, o = t.pegawai) => `/v1/awards/${o.id}.inovasi.2025/certificate`),
  'GET /v1/agencies/{id}/evaluation-documents': {
    crossTenant: { req: (fx) => ({ path: `/v1/agencies/${B_ONLY_AGENCY}/evaluation-documents?period=${fx.B.evalPeriod}` }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/agencies/${fx.A.pegawai.agencyId}/evaluation-documents?period=${fx.A.evalPeriod}` }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/agencies/${fx.A.pegawai.agencyId}/evaluation-documents?period=${fx.A.evalPeriod}` }), status: 403 },
    national: { req: (fx) => ({ path: `/v1/agencies/${B_ONLY_AGENCY}/evaluation-documents?period=${fx.B.evalPeriod}` }), status: 403 },
  },
  'POST /v1/awards': {
    crossTenant: { req: (fx) => ({ path: '/v1/awards', body: { officerId: fx.B.pegawai.id, kind: 'inovasi', title: 'Inovasi Uji', citation: 'Atas inovasi uji isolasi.' } }), status: 404 },
    colleague: { req: (fx) => ({ path: '/v1/awards', body: { officerId: fx.A.colleague.id, kind: 'inovasi', title: 'Inovasi Uji', citation: 'Atas inovasi uji isolasi.' } }), status: 403 },
    outsider: { req: (fx) => ({ path: '/v1/awards', body: { officerId: fx.A.pegawai.id, kind: 'inovasi', title: 'Inovasi Uji', citation: 'Atas inovasi uji isolasi.' } }), status: 403 },
    national: { req: (fx) => ({ path: '/v1/awards', body: { officerId: fx.B.pegawai.id, kind: 'inovasi', title: 'Inovasi Uji', citation: 'Atas inovasi uji isolasi.' } }), status: 403 },
  },
  'GET /v1/awards': {
    crossTenant: { req: () => ({ path: `/v1/awards?agencyId=${B_ONLY_AGENCY}` }), status: 404 },
    colleague: { req: (fx) => ({ path: `/v1/awards?officerId=${fx.A.colleague.id}` }), status: 403 },
    outsider: { req: (fx) => ({ path: `/v1/awards?officerId=${fx.A.pegawai.id}` }), status: 403 },
    national: { req: path('/v1/awards'), status: 403 },
  },
  'GET /v1/public/cities/{tenant}/awards': { crossTenant: 'public', colleague: 'public', outsider: 'public', national: 'public' },
  // Notifications: only the caller's own inbox (and their admin role's); a notification id of anyone else's is not found.
  'GET /v1/me/notifications': {
    crossTenant: { req: path('/v1/me/notifications'), status: 200, check: (b) => expect(Array.isArray(b.items)).toBe(true) },
    colleague: { req: path('/v1/me/notifications'), status: 200, check: (b) => expect(typeof b.unread).toBe('number') },
    outsider: { req: path('/v1/me/notifications'), status: 200, check: (b) => expect(Array.isArray(b.items)).toBe(true) },
    national: { req: path('/v1/me/notifications'), status: 200, check: (b) => expect(b.items).toEqual([]) },
  },
  'POST /v1/me/notifications/read': {
    crossTenant: { req: (fx) => ({ path: '/v1/me/notifications/read', body: { ids: [notificationIdOf(fx.B.pegawai.id)] } }), status: 404 },
    colleague: { req: (fx) => ({ path: '/v1/me/notifications/read', body: { ids: [notificationIdOf(fx.A.colleague.id)] } }), status: 404 },
    outsider: { req: (fx) => ({ path: '/v1/me/notifications/read', body: { ids: [notificationIdOf(fx.A.pegawai.id)] } }), status: 404 },
    national: { req: () => ({ path: '/v1/me/notifications/read', body: { all: true } }), status: 403 }, // national readers write nothing
  },
  'POST /v1/notifications/runs': {
    // Serang's BKPSDM runs Serang's pass; the matrix's last test checks nothing outside Serang was written.
    crossTenant: { req: () => ({ path: '/v1/notifications/runs', body: {} }), status: 202, check: (b) => expect(b.tenant).toBe('serang') },
    colleague: { req: () => ({ path: '/v1/notifications/runs', body: {} }), status: 403 },
    outsider: { req: () => ({ path: '/v1/notifications/runs', body: {} }), status: 403 },
    national: { req: () => ({ path: '/v1/notifications/runs', body: {} }), status: 403 },
  },
  'GET /v1/notifications/runs/{id}': {
    crossTenant: { req: () => ({ path: `/v1/notifications/runs/${NOTIFY_RUN_ID}` }), status: 404 },
    colleague: { req: () => ({ path: `/v1/notifications/runs/${NOTIFY_RUN_ID}` }), status: 403 },
    outsider: { req: () => ({ path: `/v1/notifications/runs/${NOTIFY_RUN_ID}` }), status: 403 },
    national: { req: () => ({ path: `/v1/notifications/runs/${NOTIFY_RUN_ID}` }), status: 403 },
  },
  ...Object.fromEntries(['tpp?period=2025-01', 'siasn?year=2025', 'angka-kredit?year=2025'].map((q): [string, Rule] => [`GET /v1/exports/${q.split('?')[0]}`, {
    // Serang's own officers only (the CSV names none of Banjarbaru's); 409 when Serang has not evaluated it.
    crossTenant: { req: path(`/v1/exports/${q}`), status: [200, 409] },
    colleague: { req: path(`/v1/exports/${q}`), status: 403 },
    outsider: { req: path(`/v1/exports/${q}`), status: 403 },
    national: { req: path(`/v1/exports/${q}`), status: 403 },
  }])),
};


/** What the rules address beyond the two tenants' fixtures: a unit and an agency only B has, an account
 *  job and a notification run of B, feedback and field visits of both (and one more of B's). */
export const ruleFixtureItems = (fx: Fx) => [
  { ...keys.unit('banjarbaru', B_ONLY_UNIT), type: 'unit', id: B_ONLY_UNIT, agencyId: 'dinkes', name: 'Loket Kios Banjarbaru', kind: 'loket' },
  { ...keys.agency('banjarbaru', B_ONLY_AGENCY), type: 'agency', id: B_ONLY_AGENCY, name: 'Dinas Perhubungan Banjarbaru', shortName: 'Dishub', kind: 'perhubungan' },
  { ...keys.accountJob('banjarbaru', ACCOUNT_JOB_ID), type: 'accountJob', tenant: 'banjarbaru', id: ACCOUNT_JOB_ID, status: 'done', total: 1, done: 1, failed: 0, createdAt: '2025-01-10T00:00:00.000Z' },
  { ...keys.notificationRun('banjarbaru', NOTIFY_RUN_ID), type: 'notificationRun', tenant: 'banjarbaru', id: NOTIFY_RUN_ID, day: '2025-01-10', status: 'done', created: {}, total: 0, createdAt: '2025-01-10T00:00:00.000Z' },
  ...feedbackItems(fx.B, fx.B.pegawai, FEEDBACK_ID.B), ...feedbackItems(fx.A, fx.A.colleague, FEEDBACK_ID.A),
  ...newVisitItems(visitOf(fx.A)), ...newVisitItems(visitOf(fx.B)), ...newVisitItems({ ...visitOf(fx.B), id: '20250110-onlyinbbru' }),
];

// Contract of the org function (health, the caller, tenants, agencies and units, org ratings and the
// curve, roles, the tenant policy), the officers function and the officer-import function.
import { ORG_RATINGS } from '../domain/types.js';
import { AGENCY_KINDS, UNIT_KINDS } from '../domain/organisation.js';
import { AgenciesQuery, AgencyCreate, AgencyPatch, CurveQuery, OfficerPatch, OfficersQuery, OrgRatingBody, PolicySchema, RolesBody, UnitCreate, UnitPatch, YearParam } from '../org/schema.js';
import { arr, bool, created, int, nullable, num, obj, ok, oneOf, opt, page, record, str, type Contract } from './registry.js';
import { Officer } from './shared.js';

const Unit = obj({ id: str, name: str, kind: oneOf(UNIT_KINDS) });
const Agency = obj({ id: str, name: str, kind: opt(oneOf(AGENCY_KINDS)) });
const OrgRating = obj({ agencyId: str, year: int, rating: nullable(oneOf(ORG_RATINGS)) });
const Policy = obj({ tenant: str, policy: obj({ reportDueDay: int, evaluationFrequency: str }) });
const POLICY_EXAMPLE = {
  hasilKerjaThresholds: { diAtas: 110, sesuai: 90 }, tambahanWeight: 0.5, reportDueDay: 5, reviewDueDay: 10, lateWindowDays: 7,
  evaluationFrequency: 'monthly', awardConsecutivePeriods: 3, tunjanganCutPercent: { SANGAT_KURANG: 25, KURANG: 15, BUTUH_PERBAIKAN: 5 },
  sanctionAfterConsecutiveLow: 'Teguran tertulis dan rencana perbaikan kinerja', complaintAnswerWorkingDays: 5, holidays: ['2025-08-17'], surveyAddressLimit: 60,
};

export const orgContract: Contract = {
  'GET /v1/health': {
    tag: 'Organisasi', summary: 'Status layanan',
    responses: ok(obj({ status: oneOf(['ok'] as const) }), 'Layanan berjalan', { status: 'ok' }),
  },
  'GET /v1/me': {
    tag: 'Organisasi', summary: 'Pengguna yang sedang masuk: tenant, peran, profil pegawai',
    responses: ok(obj({ tenant: obj({ id: str, name: str, timeZone: str }), roles: arr(str), officer: nullable(Officer) })),
  },
  'GET /v1/tenants': {
    tag: 'Organisasi', summary: 'Daftar pemerintah daerah (tenant) yang terlihat oleh pengguna',
    responses: ok(obj({ tenants: arr(obj({ id: str, name: str, timeZone: str })) })),
  },
  'GET /v1/agencies': {
    tag: 'Organisasi', summary: 'Perangkat daerah beserta unit layanannya', description: 'Pembaca nasional memilih tenant dengan `?tenant=`.',
    query: AgenciesQuery,
    responses: ok(obj({ agencies: arr(obj({ id: str, name: str, units: arr(Unit) })) })),
  },
  'POST /v1/agencies': {
    tag: 'Organisasi', summary: 'Menambah perangkat daerah (region_admin)',
    body: { schema: AgencyCreate, example: { id: 'dishub', name: 'Dinas Perhubungan', shortName: 'Dishub', kind: 'perhubungan' } },
    responses: created(Agency, 'Perangkat daerah ditambahkan'),
  },
  'PATCH /v1/agencies/{id}': {
    tag: 'Organisasi', summary: 'Mengubah nama atau jenis perangkat daerah (region_admin)',
    body: { schema: AgencyPatch, example: { name: 'Dinas Kesehatan Kota Serang', kind: 'kesehatan' } },
    responses: ok(Agency),
  },
  'POST /v1/agencies/{id}/units': {
    tag: 'Organisasi', summary: 'Menambah unit layanan (admin)',
    body: { schema: UnitCreate, example: { name: 'Puskesmas Pembantu Cipocok', kind: 'puskesmas', yearlyServiceUsers: 3000 } },
    responses: created(Unit, 'Unit ditambahkan'),
  },
  'PATCH /v1/agencies/{id}/units/{unitId}': {
    tag: 'Organisasi', summary: 'Mengubah unit layanan (admin)',
    body: { schema: UnitPatch, example: { name: 'Puskesmas Rawat Inap Ciracas', yearlyServiceUsers: 26000 } },
    responses: ok(Unit),
  },
  'GET /v1/agencies/{id}/org-ratings/{year}': {
    tag: 'Organisasi', summary: 'Predikat kinerja organisasi untuk kurva distribusi', params: YearParam,
    responses: ok(OrgRating),
  },
  'PUT /v1/agencies/{id}/org-ratings/{year}': {
    tag: 'Organisasi', summary: 'Menetapkan predikat kinerja organisasi (region_admin)', params: YearParam,
    body: { schema: OrgRatingBody, example: { rating: 'BAIK' } },
    responses: ok(OrgRating),
  },
  'GET /v1/agencies/{id}/curve': {
    tag: 'Organisasi', summary: 'Kurva distribusi predikat akhir dibanding predikat organisasi', query: CurveQuery,
    responses: ok(obj({
      year: int, rating: nullable(oneOf(ORG_RATINGS)), status: oneOf(['pass', 'breach', 'unchecked'] as const),
      counts: record(int), shares: record(num), rules: arr(obj({ rule: str, ok: bool })),
    })),
  },
  'GET /v1/officers': {
    tag: 'Pegawai', summary: 'Daftar pegawai (cari nama atau awalan NIP dengan `q`)', query: OfficersQuery,
    responses: ok(page(Officer)),
  },
  'GET /v1/officers/{id}': { tag: 'Pegawai', summary: 'Profil seorang pegawai', responses: ok(Officer) },
  'PATCH /v1/officers/{id}': {
    tag: 'Pegawai', summary: 'Mengubah status, surel, koefisien AK, atau memindahkan pegawai (region_admin, diaudit)',
    body: { schema: OfficerPatch, example: { status: 'cuti', effectiveFrom: '2025-03-01', reason: 'Cuti melahirkan' } },
    responses: ok(Officer),
  },
  'PUT /v1/officers/{id}/roles': {
    tag: 'Pegawai', summary: 'Memberi atau mencabut peran agency_admin, leader, inspector, region_admin (region_admin, diaudit; region_admin terakhir tidak dapat melepas perannya sendiri: 409)',
    body: { schema: RolesBody, example: { roles: ['agency_admin'] } },
    responses: ok(obj({ id: str, roles: arr(str) })),
  },
  'POST /v1/officers/import': {
    tag: 'Pegawai', summary: 'Impor pegawai dari CSV (region_admin): semua baris atau tidak sama sekali',
    description: 'Kepala kolom `nip,name,position,grade,agencyId,unitId,supervisorNip`, boleh diikuti `email`, `status`, `koefisienAk`. Setiap galat menyebut baris (kepala = baris 1) dan kolomnya.',
    body: {
      schema: str, contentType: 'text/csv',
      example: 'nip,name,position,grade,agencyId,unitId,supervisorNip\n199001012015011001,Siti Aminah,Pranata Komputer,III/a,dinkes,dinkes-u1,\n',
    },
    responses: ok(obj({ created: int, updated: int, total: int, accountJobId: str }), 'Semua baris tersimpan; akun dibuat di latar belakang (GET /v1/account-jobs/{id})'),
  },
  'GET /v1/account-jobs/{id}': {
    tag: 'Pegawai', summary: 'Kemajuan pembuatan akun setelah impor (region_admin tenant itu; tenant lain: 404)',
    responses: ok(obj({ id: str, status: oneOf(['running', 'done']), total: int, done: int, failed: int, createdAt: str })),
  },
  'GET /v1/policy': { tag: 'Kebijakan', summary: 'Kebijakan penilaian tenant', responses: ok(Policy) },
  'PUT /v1/policy': {
    tag: 'Kebijakan', summary: 'Mengubah kebijakan penilaian tenant (region_admin)',
    body: { schema: PolicySchema, example: POLICY_EXAMPLE },
    responses: ok(Policy),
  },
  'GET /v1/policy/history': {
    tag: 'Kebijakan', summary: 'Riwayat perubahan kebijakan',
    responses: ok(page(obj({ at: opt(str) }))),
  },
};

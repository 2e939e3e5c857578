// Contract of the surveys function (the public unit card and survey intake, IKM, kiosk tokens), the
// forums function (SKM follow-ups and public forums), the transparency function and the complaints function.
import { ForumActionBody, ForumActionParams, ForumBody, ForumQuery } from '../forums/schema.js';
import { CodeParams, COMPLAINT_STATUSES, ComplaintBody, ComplaintListQuery, ComplaintPatch, ComplaintStatsQuery, IdParams } from '../complaints/schemas.js';
import { FollowUpBody, FollowUpPatchBody, FollowUpQuery, IkmQuery, KioskTokenBody, ProposalQuery, SurveyBody, UnitParams } from '../surveys/schemas.js';
import { TransparencyParams, TransparencyQuery } from '../transparency/schema.js';
import { arr, created, int, nullable, num, obj, ok, oneOf, page, record, str, type Contract } from './registry.js';
import { Action, Nrr } from './shared.js';

const FollowUp = obj({ id: str, unitId: str, period: str, actions: arr(Action) });
const Forum = obj({ id: str, agencyId: str, date: str, place: str, actions: arr(Action) });
const Complaint = obj({ id: str, code: str, status: oneOf(COMPLAINT_STATUSES), category: str, unitId: str });
const ANSWERS = { u1: 4, u2: 3, u3: 3, u4: 4, u5: 4, u6: 3, u7: 4, u8: 3, u9: 4 };
const ACTIONS = [{ title: 'Pasang papan standar waktu layanan', owner: 'Kepala Puskesmas', due: '2025-04-30' }];

export const surveysContract: Contract = {
  'GET /v1/public/units/{tenant}/{unitId}': {
    tag: 'Survei publik', summary: 'Kartu unit untuk halaman survei: nama unit dan perangkat daerah, sembilan unsur', params: UnitParams,
    responses: ok(obj({ tenant: obj({ id: str, name: str }), unit: obj({ id: str, name: str }), agency: obj({ id: str, name: str }) })),
  },
  'POST /v1/public/surveys': {
    tag: 'Survei publik', summary: 'Mengirim survei kepuasan masyarakat (SKM), tanpa masuk, dibatasi laju',
    description: 'Header `Idempotency-Key` dihormati; perangkat kios mengirim `X-Kiosk-Token`.',
    headers: ['Idempotency-Key', 'X-Kiosk-Token'],
    body: { schema: SurveyBody, example: { tenant: 'serang', unitId: 'dinkes-u1', deviceId: 'perangkat-kios-0001', answers: ANSWERS, comment: 'Pelayanan cepat dan ramah', respondent: { gender: 'P', ageGroup: '30-39', education: 'SMA', occupation: 'Wiraswasta' } } },
    responses: created(obj({ id: str }), 'Survei tersimpan', { id: 'srv_0123456789abcdef' }),
  },
  'GET /v1/ikm': {
    tag: 'IKM', summary: 'Indeks Kepuasan Masyarakat sebuah unit atau perangkat daerah dalam satu periode', query: IkmQuery,
    responses: ok(obj({ respondents: int, nrr: nullable(Nrr), ikm: nullable(num), grade: nullable(str), label: nullable(str) })),
  },
  'POST /v1/kiosk-tokens': {
    tag: 'IKM', summary: 'Token kios untuk perangkat di loket (admin)',
    body: { schema: KioskTokenBody, example: { unitId: 'dinkes-u1' } },
    responses: created(obj({ token: str, expiresAt: str })),
  },
  'POST /v1/ikm/follow-ups': {
    tag: 'IKM', summary: 'Rencana tindak lanjut SKM (admin); unsur diusulkan bila tidak disebut',
    body: { schema: FollowUpBody, example: { unitId: 'dinkes-u1', period: '2025-01', elements: ['u3'], actions: ACTIONS } },
    responses: created(FollowUp),
  },
  'GET /v1/ikm/follow-ups': { tag: 'IKM', summary: 'Daftar rencana tindak lanjut SKM', query: FollowUpQuery, responses: ok(page(FollowUp)) },
  'GET /v1/ikm/follow-ups/proposal': {
    tag: 'IKM', summary: 'Usulan unsur terlemah untuk ditindaklanjuti', query: ProposalQuery,
    responses: ok(obj({ unitId: str, period: str, proposed: arr(str) })),
  },
  'PATCH /v1/ikm/follow-ups/{id}': {
    tag: 'IKM', summary: 'Mengubah status satu aksi tindak lanjut',
    body: { schema: FollowUpPatchBody, example: { actionId: 'a1', status: 'done', note: 'Papan sudah dipasang' } },
    responses: ok(FollowUp),
  },
  'POST /v1/forums': {
    tag: 'Forum publik', summary: 'Mencatat forum konsultasi publik dan rencana aksinya (admin)', headers: ['Idempotency-Key'],
    body: { schema: ForumBody, example: { agencyId: 'dinkes', date: '2025-03-04', place: 'Aula Puskesmas Ciracas', participants: { citizens: 20, officers: 4 }, minutes: 'Warga menyampaikan antrean pendaftaran yang lama.', issues: [{ text: 'Antrean pendaftaran lama', element: 'u3' }], actions: ACTIONS } },
    responses: created(Forum),
  },
  'GET /v1/forums': { tag: 'Forum publik', summary: 'Daftar forum konsultasi publik', query: ForumQuery, responses: ok(page(Forum)) },
  'PATCH /v1/forums/{id}/actions/{actionId}': {
    tag: 'Forum publik', summary: 'Mengubah status aksi forum', params: ForumActionParams,
    body: { schema: ForumActionBody, example: { status: 'done', note: 'Loket tambahan dibuka' } },
    responses: ok(Forum),
  },
  'GET /v1/public/cities/{tenant}/transparency': {
    tag: 'Transparansi', summary: 'Halaman transparansi kota per tahun, tanpa data pribadi (publik, dibatasi laju, cache 5 menit)',
    description: 'IKM dan mutu dengan responden per OPD dan unit (kecukupan sampel Krejcie–Morgan), pengaduan diterima / diverifikasi / dijawab tepat waktu / per penyebab, forum konsultasi publik dan tindak lanjut SKM dengan status tiap aksi, jumlah penghargaan. Kota tak dikenal atau tahun yang belum tiba: 404.',
    params: TransparencyParams, query: TransparencyQuery,
    responses: ok(obj({
      tenant: obj({ id: str, name: str }), year: int,
      ikm: obj({ respondents: int, ikm: nullable(num), grade: nullable(str), agencies: arr(obj({ agencyId: str, name: str, respondents: int, units: arr(obj({ unitId: str, name: str, respondents: int })) })) }),
      complaints: obj({ received: int, verified: int, rejected: int, answered: int, answeredOnTime: int, answeredOnTimeShare: nullable(num), substantiated: int, byCause: record(int) }),
      forums: obj({ held: int, actionsDone: int, actionsOpen: int, items: arr(obj({ date: str, place: str, issues: arr(obj({ text: str })), actions: arr(obj({ title: str, status: str })) })) }),
      followUps: obj({ count: int, actionsDone: int, actionsOpen: int, items: arr(obj({ unitId: str, period: str, elements: arr(str), actions: arr(obj({ title: str, status: str })) })) }),
      awards: obj({ count: int }),
    })),
  },
  'POST /v1/public/complaints': {
    tag: 'Pengaduan', summary: 'Menyampaikan pengaduan, tanpa masuk, dibatasi laju', headers: ['Idempotency-Key'],
    body: { schema: ComplaintBody, example: { tenant: 'serang', unitId: 'dinkes-u1', category: 'waktu', description: 'Antrean di loket pendaftaran terlalu lama, lebih dari dua jam.', contact: 'warga@example.id' } },
    responses: created(obj({ code: str }), 'Pengaduan diterima; simpan kodenya untuk melacak'),
  },
  'GET /v1/public/complaints/{code}': {
    tag: 'Pengaduan', summary: 'Melacak pengaduan dengan kodenya', params: CodeParams,
    responses: ok(obj({ code: str, status: oneOf(COMPLAINT_STATUSES) })),
  },
  'GET /v1/complaints': { tag: 'Pengaduan', summary: 'Daftar pengaduan (admin)', query: ComplaintListQuery, responses: ok(page(Complaint)) },
  'GET /v1/complaints/stats': {
    tag: 'Pengaduan', summary: 'Rekap pengaduan: status, penyebab, ketepatan waktu, per unit dan pegawai', query: ComplaintStatsQuery,
    responses: ok(obj({ year: int, total: int, byStatus: record(int), byCause: record(int) })),
  },
  'PATCH /v1/complaints/{id}': {
    tag: 'Pengaduan', summary: 'Memverifikasi, menolak, memproses atau menjawab pengaduan (admin)', params: IdParams,
    body: { schema: ComplaintPatch, example: { status: 'answered', answer: 'Loket tambahan dibuka mulai pekan depan.', cause: 'waktu', substantiated: true } },
    responses: ok(Complaint),
  },
};

// Contract of the evaluation functions: evaluations and their history, objections and decisions,
// flagged officers, runs and the schedule; the supervisor's team view and continuous feedback.
import { DecisionBody, FlaggedQuery, ObjectionBody, ObjectionsQuery, RunBody, RunsQuery, YearQuery } from '../evaluations/schema.js';
import { FeedbackBody, FeedbackQuery, ReplyBody, StatsQuery } from '../feedback/schema.js';
import { TeamQuery } from '../team/schema.js';
import { anything, arr, created, int, isoTime, nullable, num, obj, ok, oneOf, opt, page, record, str, type Contract } from './registry.js';
import { Predikat, Rating } from './shared.js';

const Objection = obj({ reason: str, status: str });
const Evaluation = obj({
  id: str, period: str, capaian: nullable(num), hasilKerja: nullable(Rating), perilaku: nullable(Rating),
  predikat: nullable(Predikat), finalPredikat: nullable(Predikat), flags: arr(obj({ code: str, reason: str, params: opt(record(anything)) })), recommendations: arr(anything),
  objection: nullable(Objection),
});
const Run = obj({ id: str, period: str, status: str, officersTotal: int, officersDone: int });
const Feedback = obj({ id: str, officerId: str, kind: oneOf(['apresiasi', 'bimbingan', 'perbaikan'] as const), period: str, note: str, createdAt: isoTime });

export const evaluationsContract: Contract = {
  'POST /v1/evaluations/runs': {
    tag: 'Evaluasi', summary: 'Menjalankan evaluasi periode yang sudah berakhir, sama seperti penjadwal (region_admin)',
    body: { schema: RunBody, example: { period: '2025-01' } },
    responses: { 202: { description: 'Evaluasi dimulai; ikuti kemajuannya di header Location', schema: Run } },
  },
  'GET /v1/evaluations/runs': {
    tag: 'Evaluasi', summary: 'Evaluasi yang pernah dijalankan untuk satu periode, terbaru dahulu, dengan nama yang menjalankannya (region_admin)', query: RunsQuery,
    responses: ok(page(obj({ id: str, period: str, status: str, officersTotal: int, officersDone: int, startedAt: isoTime, startedByName: nullable(str) }))),
  },
  'GET /v1/evaluations/runs/{id}': { tag: 'Evaluasi', summary: 'Kemajuan sebuah evaluasi', responses: ok(Run) },
  'GET /v1/evaluations/schedule': {
    tag: 'Evaluasi', summary: 'Jadwal evaluasi otomatis berikutnya (zona waktu tenant)',
    responses: ok(arr(obj({ kind: oneOf(['monthly', 'quarterly', 'annual'] as const), period: str, at: str }))),
  },
  'GET /v1/officers/{id}/evaluations': {
    tag: 'Evaluasi', summary: 'Evaluasi seorang pegawai per periode', query: YearQuery,
    responses: ok(page(Evaluation, { officerId: str })),
  },
  'GET /v1/evaluations/{id}/history': {
    tag: 'Evaluasi', summary: 'Riwayat sebuah evaluasi (evaluasi, keberatan, keputusan)',
    responses: ok(page(obj({ at: isoTime, action: str }), { id: str, period: str })),
  },
  'POST /v1/evaluations/{id}/objections': {
    tag: 'Keberatan', summary: 'Mengajukan keberatan atas evaluasi (pegawai yang bersangkutan)',
    body: { schema: ObjectionBody, example: { reason: 'Nilai perilaku tidak sesuai dengan catatan bimbingan saya bulan ini.' } },
    responses: created(obj({ id: str })),
  },
  'GET /v1/objections': { tag: 'Keberatan', summary: 'Keberatan yang menunggu keputusan pengguna', query: ObjectionsQuery, responses: ok(page(obj({ id: str }))) },
  'POST /v1/objections/{id}/decision': {
    tag: 'Keberatan', summary: 'Memutus keberatan: menguatkan atau mengubah predikat',
    body: { schema: DecisionBody, example: { decision: 'amend', note: 'Catatan bimbingan mendukung keberatan.', amendedPredikat: 'BAIK' } },
    responses: ok(obj({ id: str })),
  },
  'GET /v1/evaluations/flagged': {
    tag: 'Evaluasi', summary: 'Pegawai dengan tanda tertentu dalam satu periode', query: FlaggedQuery,
    responses: ok(page(obj({ officerId: opt(str) }), { period: str, flag: str })),
  },
  'GET /v1/team': {
    tag: 'Tim', summary: 'Tim seorang atasan: laporan, evaluasi, JP, umpan balik terakhir', query: TeamQuery,
    responses: ok(page(obj({ officer: obj({ id: str, name: str }), depth: nullable(int) }))),
  },
  'POST /v1/officers/{id}/feedback': {
    tag: 'Umpan balik', summary: 'Memberi umpan balik berkelanjutan (atasan, admin)', headers: ['Idempotency-Key'],
    body: { schema: FeedbackBody, example: { kind: 'bimbingan', period: '2025-03', rhkId: 'rhk1', note: 'Lengkapi bukti dukung laporan kunjungan rumah.' } },
    responses: created(Feedback),
  },
  'GET /v1/officers/{id}/feedback': { tag: 'Umpan balik', summary: 'Umpan balik untuk seorang pegawai', query: FeedbackQuery, responses: ok(page(Feedback, { officerId: str })) },
  'POST /v1/feedback/{id}/replies': {
    tag: 'Umpan balik', summary: 'Membalas umpan balik (pegawai yang bersangkutan)',
    body: { schema: ReplyBody, example: { note: 'Siap, bukti dukung segera saya lengkapi.' } },
    responses: created(obj({ feedbackId: str, note: str, at: isoTime, byId: str })),
  },
  'GET /v1/agencies/{id}/feedback-stats': {
    tag: 'Umpan balik', summary: 'Rekap umpan balik per atasan di satu perangkat daerah', query: StatsQuery,
    responses: ok(page(obj({}), { agencyId: str, period: str })),
  },
};

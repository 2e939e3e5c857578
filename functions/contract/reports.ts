// Contract of the reports function: monthly reports, the review queue, reviews, late windows and
// the month's progress draft; and of the scores and trainings functions.
import { BERAKHLAK } from '../domain/types.js';
import { IdParams, LateWindowBody, ProgressBody, ProgressParams, QueueQuery, ReportBody, ReportListQuery, ReviewBody } from '../reports/schema.js';
import { ScoresQuery } from '../scoring/schema.js';
import { TrainingBody, YearQuery as TrainingsQuery } from '../trainings/schema.js';
import { arr, bool, created, int, nullable, num, obj, ok, oneOf, opt, page, str, type Contract } from './registry.js';
import { Predikat, Rating } from './shared.js';

const Item = obj({ indicatorId: str, value: num });
const Report = obj({
  id: str, officerId: str, period: str, status: oneOf(['submitted', 'returned', 'approved'] as const), items: arr(Item),
  review: opt(obj({ decision: oneOf(['approve', 'return'] as const) })),
});
const BEHAVIOUR = Object.fromEntries(BERAKHLAK.map((b, i) => [b, i % 3 === 0 ? 3 : 2]));
const Training = obj({ id: str, officerId: str, title: str, jp: num, date: str, provider: str });

export const reportsContract: Contract = {
  'POST /v1/reports': {
    tag: 'Laporan', summary: 'Mengirim laporan realisasi bulanan (pegawai yang bersangkutan)',
    description: 'Satu laporan hidup per pegawai dan periode (409); boleh dikirim ulang setelah `returned`. Header `Idempotency-Key` dihormati.',
    headers: ['Idempotency-Key'],
    body: { schema: ReportBody, example: { officerId: 'ofc_21ee391129b05a08', period: '2025-03', items: [{ indicatorId: 'r1i1', value: 42, evidenceUrl: 'https://arsip.serang.go.id/kinerja/2025-03/bukti.pdf', note: 'Termasuk kunjungan susulan' }] } },
    responses: created(Report, 'Laporan terkirim'),
  },
  'GET /v1/reports': {
    tag: 'Laporan', summary: 'Antrean laporan yang menunggu penilaian atasan', query: QueueQuery,
    responses: ok(page(Report)),
  },
  'GET /v1/reports/{id}': { tag: 'Laporan', summary: 'Satu laporan beserta penilaiannya', params: IdParams, responses: ok(Report) },
  'GET /v1/officers/{id}/reports': {
    tag: 'Laporan', summary: 'Laporan seorang pegawai dalam setahun', query: ReportListQuery,
    responses: ok(page(Report, { year: int })),
  },
  'POST /v1/reports/{id}/review': {
    tag: 'Laporan', summary: 'Menilai laporan (atasan): setujui dengan tujuh nilai BerAKHLAK, atau kembalikan', params: IdParams,
    body: { schema: ReviewBody, example: { decision: 'approve', feedback: 'Target tercapai, pertahankan.', behaviour: BEHAVIOUR } },
    responses: ok(Report, 'Penilaian tersimpan'),
  },
  'POST /v1/late-windows': {
    tag: 'Laporan', summary: 'Membuka jendela keterlambatan laporan (region_admin)',
    body: { schema: LateWindowBody, example: { officerId: 'ofc_21ee391129b05a08', period: '2025-02', reason: 'Pegawai sakit saat batas pelaporan' } },
    responses: created(obj({ officerId: str, period: str })),
  },
  'PUT /v1/officers/{id}/progress/{period}': {
    tag: 'Laporan', summary: 'Menyimpan realisasi sementara bulan berjalan (draf, tidak dinilai)', params: ProgressParams,
    body: { schema: ProgressBody, example: { items: [{ indicatorId: 'r1i1', value: 12, note: 'Minggu pertama' }], version: 0 } },
    responses: ok(obj({ officerId: str, period: str, items: arr(Item) })),
  },
  'GET /v1/officers/{id}/progress/{period}': {
    tag: 'Laporan', summary: 'Realisasi sementara bulan berjalan', params: ProgressParams,
    responses: ok(obj({ officerId: str, period: str, items: arr(Item) })),
  },
  'GET /v1/officers/{id}/scores': {
    tag: 'Nilai', summary: 'Nilai bulanan: capaian, hasil kerja, perilaku, predikat', query: ScoresQuery,
    responses: ok(obj({
      officerId: str, from: str, to: str,
      scores: arr(obj({ period: str, capaian: nullable(num), hasilKerja: nullable(Rating), perilaku: nullable(Rating), predikat: nullable(Predikat), hasilKerjaOverridden: opt(bool) })),
    })),
  },
  'POST /v1/trainings': {
    tag: 'Pelatihan', summary: 'Mencatat pelatihan (JP) pegawai', headers: ['Idempotency-Key'],
    body: { schema: TrainingBody, example: { officerId: 'ofc_21ee391129b05a08', title: 'Pelatihan Dasar CPNS (Latsar)', jp: 18, date: '2025-04-08', provider: 'BPSDM Provinsi Banten' } },
    responses: created(Training, 'Pelatihan tercatat'),
  },
  'GET /v1/officers/{id}/trainings': {
    tag: 'Pelatihan', summary: 'Pelatihan setahun dan kemajuan terhadap minimal 20 JP', query: TrainingsQuery,
    responses: ok(page(Training, { year: int })),
  },
};

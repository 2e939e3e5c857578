// Contract of the notifications function: the caller's notifications, the daily pass on demand (in the background), and
// the CSV exports for payroll (TPP) and BKN (SIASN, angka kredit).
import { NotificationsQuery, PassBody, ReadBody, TppQuery, YearQuery } from '../notifications/schema.js';
import { bool, int, isoTime, nullable, obj, ok, oneOf, page, record, str, type Contract, type Res } from './registry.js';

const Notification = obj({ id: str, kind: str, title: str, body: str, link: nullable(str), createdAt: isoTime, read: bool, shared: bool });
const Run = obj({
  id: str, tenant: str, day: str, status: oneOf(['queued', 'running', 'done', 'failed'] as const), step: nullable(str), stepsDone: int, stepsTotal: int,
  created: record(int), total: int, sent: nullable(int), createdAt: isoTime, startedAt: nullable(isoTime), endedAt: nullable(isoTime),
});
const csv = (what: string): Record<number, Res> => ({ 200: { description: `${what} (CSV UTF-8 dengan BOM, satu baris judul)`, contentType: 'text/csv' } });

export const notificationsContract: Contract = {
  'GET /v1/me/notifications': {
    tag: 'Notifikasi', summary: 'Notifikasi pemanggil (dan kotak bersama peran admin-nya), terbaru dahulu, dengan jumlah belum dibaca', query: NotificationsQuery,
    responses: ok(page(Notification, { unread: int })),
  },
  'POST /v1/me/notifications/read': {
    tag: 'Notifikasi', summary: 'Menandai notifikasi terbaca: beberapa id, atau semua',
    body: { schema: ReadBody, example: { all: true } },
    responses: ok(obj({ marked: int, unread: int })),
  },
  'POST /v1/notifications/runs': {
    tag: 'Notifikasi', summary: 'Menjalankan pemeriksaan notifikasi harian kota sekarang (BKPSDM), di latar belakang',
    description: 'Sama dengan yang dijalankan penjadwal pukul 06.00 waktu setempat; `day` menjalankannya untuk hari lain (hari ini atau sampai 31 hari lalu). Setiap notifikasi dibuat dan dikirim sekali. Jawaban 202 membawa id run; kemajuannya di header Location. 409 selama run lain kota ini masih berjalan.',
    body: { schema: PassBody, example: {} },
    responses: { 202: { description: 'Run dimulai; ikuti kemajuannya di header Location', schema: Run } },
  },
  'GET /v1/notifications/runs/{id}': { tag: 'Notifikasi', summary: 'Kemajuan sebuah run notifikasi: status, langkah, jumlah notifikasi yang dibuat', responses: ok(Run) },
  'GET /v1/exports/tpp': { tag: 'Ekspor', summary: 'Ekspor TPP: NIP, nama, perangkat daerah, periode, predikat akhir, potongan tunjangan yang direkomendasikan', query: TppQuery, responses: csv('Daftar TPP') },
  'GET /v1/exports/siasn': { tag: 'Ekspor', summary: 'Ekspor SKP untuk SIASN: nilai hasil kerja, perilaku, kuadran, pejabat penilai, tahun', query: YearQuery, responses: csv('SKP SIASN') },
  'GET /v1/exports/angka-kredit': { tag: 'Ekspor', summary: 'Ekspor angka kredit pejabat fungsional (predikat × koefisien × bulan / 12)', query: YearQuery, responses: csv('Angka kredit') },
};

// Contract of the trends function (charts, today's activity, the month's reporting dates) and of
// the visits function (field supervision).
import { ActivityQuery, CalendarQuery, TrendsQuery } from '../trends/schema.js';
import { ActionPatch, VisitBody, VisitsQuery } from '../visits/schema.js';
import { arr, created, int, nullable, num, obj, ok, page, record, str, type Contract } from './registry.js';
import { Action } from './shared.js';

const Window = obj({ period: str, reportDue: str, reviewDue: str });
const Visit = obj({ id: str, unitId: str, date: str, actions: arr(Action) });

export const trendsContract: Contract = {
  'GET /v1/trends': {
    tag: 'Tren', summary: 'Tren per periode: rata-rata capaian, sebaran predikat, kepatuhan laporan, IKM, JP', query: TrendsQuery,
    responses: ok(obj({ scope: str, from: str, to: str, series: arr(obj({ period: str, avgCapaian: nullable(num), predikat: record(int), reportCompliance: nullable(num) })) })),
  },
  'GET /v1/activity': {
    tag: 'Tren', summary: 'Aktivitas hari ini di zona waktu tenant', query: ActivityQuery,
    responses: ok(obj({ scope: str, id: str, asOf: str, counts: obj({ reportsSubmitted: int, reportsApproved: int, surveys: int, complaints: int, visits: int }) })),
  },
  'GET /v1/calendar': {
    tag: 'Tren', summary: 'Tanggal batas laporan dan penilaian bulan ini', query: CalendarQuery,
    responses: ok(obj({ timeZone: str, today: str, reporting: Window, current: Window })),
  },
  'POST /v1/visits': {
    tag: 'Kunjungan', summary: 'Mencatat kunjungan pengawasan lapangan, temuan dan aksinya', headers: ['Idempotency-Key'],
    body: {
      schema: VisitBody,
      example: {
        unitId: 'dinkes-u1', date: '2025-01-10', checklist: { u1: 'sesuai', u2: 'sesuai', u3: 'perlu_perbaikan', u4: 'sesuai', u5: 'sesuai', u6: 'sesuai', u7: 'tidak_sesuai', u8: 'sesuai', u9: 'sesuai' },
        notes: 'Kunjungan mendadak pagi hari', findings: [{ note: 'Antrean tanpa nomor', severity: 'sedang', evidenceUrl: 'https://foto.serang.go.id/kunjungan/antrean.jpg' }],
        actions: [{ title: 'Pasang mesin nomor antrean', ownerUnitId: 'dinkes-u1', due: '2025-02-10' }],
      },
    },
    responses: created(Visit),
  },
  'GET /v1/visits': { tag: 'Kunjungan', summary: 'Daftar kunjungan pengawasan', query: VisitsQuery, responses: ok(page(Visit)) },
  'PATCH /v1/visits/{id}/actions/{actionId}': {
    tag: 'Kunjungan', summary: 'Mengubah status aksi hasil kunjungan',
    body: { schema: ActionPatch, example: { status: 'done', note: 'Mesin antrean terpasang' } },
    responses: ok(Visit),
  },
};

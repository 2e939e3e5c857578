// The PDF documents (DESIGN §2 Documents) through the real documents function and DynamoDB Local:
// the SKP and the evaluation document carry the officer's name, NIP, RHK titles and predikat as
// extractable text (read with poppler's pdftotext); access follows the data; an agency's documents
// come as one ZIP.
import { execFileSync } from 'node:child_process';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchPut } from '../../functions/data/batch.js';
import type { Officer } from '../../functions/data/org-repository.js';
import { reportItem, type Report } from '../../functions/data/report-repository.js';
import type { Behaviour } from '../../functions/domain/types.js';
import { writeEvaluations, type Evaluation } from '../../functions/evaluations/repository.js';
import { feedbackItem, type Feedback } from '../../functions/feedback/repository.js';
import { startHarness, type Harness } from './harness.js';
import { publishAsRun } from './evaluation-fixture.js';

const T = 'serang';
const YEAR = 2025;
const PERIOD = '2025-10';
const LONG_TITLE = 'Meningkatnya kualitas pelayanan kesehatan dasar di puskesmas melalui penerapan antrean daring, standar waktu layanan yang diumumkan di setiap loket, dan pemantauan kepuasan masyarakat setiap bulan';
const PLAN = {
  rhk: [
    { id: 'rhk1', kind: 'utama', title: LONG_TITLE, indicators: [
      { id: 'layanan', name: 'Jumlah layanan selesai tepat waktu', aspect: 'kuantitas', target: 100, unit: 'layanan', source: 'report' },
      { id: 'mutu', name: 'Persentase berkas lengkap', aspect: 'kualitas', target: 90, unit: '%', source: 'report' },
    ] },
    { id: 'rhk2', kind: 'tambahan', title: 'Menjadi narasumber sosialisasi SKM', indicators: [
      { id: 'sosialisasi', name: 'Sosialisasi terlaksana', aspect: 'kuantitas', target: 2, unit: 'kegiatan', source: 'report' },
    ] },
  ],
};
const BEHAVIOUR = { berorientasi_pelayanan: 3, akuntabel: 3, kompeten: 3, harmonis: 3, loyal: 2, adaptif: 3, kolaboratif: 2 };
const FEEDBACK_NOTE = 'Pertahankan ketepatan waktu layanan loket pagi';

let h: Harness;
let pegawai: Officer;
let colleague: Officer;
let agencyOfficers: Officer[];

const evaluation = (o: Officer, over: Partial<Evaluation> = {}): Evaluation => ({
  id: `${o.id}.${PERIOD}`, tenant: T, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period: PERIOD,
  capaian: 112.5, hasilKerja: 'DI_ATAS', perilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK', ikm: null, trainingJp: 6,
  flags: [], recommendations: [], runId: 'test', evaluatedAt: '2025-11-11T01:05:00.000Z', publishedAt: '2025-11-11T01:05:00.000Z', ...over,
} as Evaluation);

/** GET with the bearer token; the raw bytes. */
async function download(path: string, as: string) {
  const res = await fetch(`${h.base}${path}`, { headers: { authorization: `Bearer ${await h.token(as)}` } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}
const textOf = (pdf: Uint8Array) => execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString('utf8');
/** Words in order, whatever the line breaks of the layout (-raw keeps each cell's lines together). */
const flat = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  h = await startHarness({ stream: false });
  const officers = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers;
  const me = (await h.call('GET', '/v1/me', { as: 'serang.pegawai' })).body.officer;
  pegawai = officers.find((o) => o.id === me.id)!;
  colleague = officers.find((o) => o.id !== pegawai.id && o.supervisorId === pegawai.supervisorId)!;
  agencyOfficers = officers.filter((o) => o.agencyId === pegawai.agencyId && o.id !== pegawai.id).slice(0, 3);
  expect((await h.agreedPlan(pegawai.id, YEAR, 'serang.atasan', PLAN)).status).toBe(200);
  const report: Report = {
    id: `${pegawai.id}.${PERIOD}`, tenant: T, officerId: pegawai.id, agencyId: pegawai.agencyId, unitId: pegawai.unitId, supervisorId: pegawai.supervisorId,
    period: PERIOD, planVersion: 1, status: 'approved', items: [{ indicatorId: 'layanan', value: 115 }, { indicatorId: 'mutu', value: 95 }, { indicatorId: 'sosialisasi', value: 2 }],
    submittedAt: '2025-11-02T02:00:00.000Z', submittedBy: pegawai.id, history: [], version: 1,
    review: { decision: 'approve', feedback: 'Laporan lengkap dengan bukti dukung', behaviour: BEHAVIOUR as Behaviour, reviewerId: pegawai.supervisorId!, reviewedAt: '2025-11-03T02:00:00.000Z' },
  };
  const feedback: Feedback = {
    id: 'fb_doc0000000000001', officerId: pegawai.id, agencyId: pegawai.agencyId, kind: 'apresiasi', period: PERIOD, rhkId: 'rhk1', rhkTitle: LONG_TITLE,
    note: FEEDBACK_NOTE, authorId: pegawai.supervisorId!, authorName: 'Atasan', authorRole: 'supervisor', createdAt: '2025-10-15T03:00:00.000Z', replies: [],
  };
  await batchPut([reportItem(report), feedbackItem(T, feedback)]);
  await writeEvaluations([pegawai, ...agencyOfficers].map((o) => ({ evaluation: evaluation(o) })));
  await publishAsRun(T, PERIOD, [pegawai, ...agencyOfficers].map((o) => ({ officerId: o.id, agencyId: o.agencyId })));
});
afterAll(async () => { await h?.close(); });

describe('GET /v1/officers/{id}/plans/{year}/document', () => {
  it('answers the SKP as a PDF whose text names the officer, NIP, supervisors, RHK and targets', async () => {
    const res = await download(`/v1/officers/${pegawai.id}/plans/${YEAR}/document`, 'serang.pegawai');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="SKP-${pegawai.nip}-${YEAR}\\.pdf"$`));
    expect(Buffer.from(res.bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const text = flat(textOf(res.bytes));
    expect(text).toContain('SASARAN KINERJA PEGAWAI');
    expect(text).toContain(pegawai.name);
    expect(text).toContain(pegawai.nip);
    expect(pegawai.nip).toMatch(/^\d{18}$/);
    expect(text).toContain('Jumlah layanan selesai tepat waktu');
    expect(text).toContain('Menjadi narasumber sosialisasi SKM');
    // The long title wraps over several lines of its cell: every word is there.
    for (const word of LONG_TITLE.split(' ').filter((w) => w.length > 6)) expect(text).toContain(word);
    const atasan = (await h.call('GET', `/v1/officers/${pegawai.supervisorId}`, { as: 'serang.atasan' })).body;
    expect(text).toContain(atasan.name);
    expect(text).toContain(atasan.nip);
    expect(text).toMatch(/Serang, \d{1,2} \w+ \d{4}/);
  });

  it('is refused to whoever may not see the plan, and 404 without one', async () => {
    expect((await download(`/v1/officers/${pegawai.id}/plans/${YEAR}/document`, colleague.nip)).status).toBe(403);
    expect((await download(`/v1/officers/${pegawai.id}/plans/${YEAR}/document`, 'banjarbaru.admin')).status).toBe(404);
    expect((await download(`/v1/officers/${pegawai.id}/plans/2019/document`, 'serang.pegawai')).status).toBe(404);
    expect((await download(`/v1/officers/${pegawai.id}/plans/19x/document`, 'serang.pegawai')).status).toBe(400);
    // The supervisor and the region admin may.
    expect((await download(`/v1/officers/${pegawai.id}/plans/${YEAR}/document`, 'serang.atasan')).status).toBe(200);
  });
});

describe('GET /v1/evaluations/{id}/document', () => {
  it('answers the evaluation as a PDF: realisasi, capaian, feedback, behaviour, predikat', async () => {
    const res = await download(`/v1/evaluations/${pegawai.id}.${PERIOD}/document`, 'serang.pegawai');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`Evaluasi-${pegawai.nip}-${PERIOD}.pdf`);
    const text = flat(textOf(res.bytes));
    expect(text).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI');
    expect(text).toContain(pegawai.name);
    expect(text).toContain(pegawai.nip);
    expect(text).toContain('Menjadi narasumber sosialisasi SKM');
    expect(text).toContain('SANGAT_BAIK');
    expect(text).toContain('115 layanan'); // realisasi of the month
    expect(text).toContain('112,5%'); // capaian of the evaluation
    expect(text).toContain(FEEDBACK_NOTE.split(' ').slice(0, 3).join(' '));
    expect(text).toContain('Berorientasi Pelayanan');
    expect(text).toContain('Tidak ada keberatan');
  });

  it('is refused to a colleague (403) and another city (404); a missing evaluation is 404', async () => {
    expect((await download(`/v1/evaluations/${pegawai.id}.${PERIOD}/document`, colleague.nip)).status).toBe(403);
    expect((await download(`/v1/evaluations/${pegawai.id}.${PERIOD}/document`, 'banjarbaru.admin')).status).toBe(404);
    expect((await download(`/v1/evaluations/${pegawai.id}.2019-01/document`, 'serang.pegawai')).status).toBe(404);
    expect((await download('/v1/evaluations/nothing/document', 'serang.pegawai')).status).toBe(404);
    expect((await download(`/v1/evaluations/${colleague.id}.${PERIOD}/document`, 'serang.pegawai')).status).toBe(403);
  });
});

describe('GET /v1/agencies/{id}/evaluation-documents', () => {
  it('answers the agency\'s evaluation PDFs of a period as one ZIP, paged by limit', async () => {
    const res = await download(`/v1/agencies/${pegawai.agencyId}/evaluation-documents?period=${PERIOD}`, 'serang.admin');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(res.bytes);
    const names = Object.keys(files).sort();
    expect(names).toEqual([pegawai, ...agencyOfficers].map((o) => `Evaluasi-${o.nip}-${PERIOD}.pdf`).sort());
    expect(res.headers.get('x-document-count')).toBe(String(names.length));
    for (const name of names) expect(Buffer.from(files[name]!.slice(0, 5)).toString()).toBe('%PDF-');
    expect(flat(textOf(files[`Evaluasi-${pegawai.nip}-${PERIOD}.pdf`]!))).toContain(pegawai.name);
    const first = await download(`/v1/agencies/${pegawai.agencyId}/evaluation-documents?period=${PERIOD}&limit=2`, 'serang.admin');
    expect(Object.keys(unzipSync(first.bytes))).toHaveLength(2);
    const cursor = first.headers.get('x-next-cursor');
    expect(cursor).toBeTruthy();
    const rest = await download(`/v1/agencies/${pegawai.agencyId}/evaluation-documents?period=${PERIOD}&limit=2&cursor=${cursor}`, 'serang.admin');
    expect(Object.keys(unzipSync(rest.bytes))).toHaveLength(names.length - 2);
  });

  it('is for the agency\'s admin and the BKPSDM only', async () => {
    const opd = (await h.call('GET', '/v1/me', { as: 'serang.opd' })).body;
    expect((await download(`/v1/agencies/${opd.officer.agencyId}/evaluation-documents?period=${PERIOD}`, 'serang.opd')).status).toBe(opd.officer.agencyId === pegawai.agencyId ? 200 : 404);
    expect((await download(`/v1/agencies/${pegawai.agencyId}/evaluation-documents?period=${PERIOD}`, 'serang.pegawai')).status).toBe(403);
    expect((await download(`/v1/agencies/${pegawai.agencyId}/evaluation-documents?period=${PERIOD}`, 'banjarbaru.admin')).status).toBe(404);
    expect((await download(`/v1/agencies/nowhere/evaluation-documents?period=${PERIOD}`, 'serang.admin')).status).toBe(404);
    expect((await download(`/v1/agencies/${pegawai.agencyId}/evaluation-documents?period=2019-01`, 'serang.admin')).status).toBe(404);
    expect((await download(`/v1/agencies/${pegawai.agencyId}/evaluation-documents`, 'serang.admin')).status).toBe(400);
  });
});

// Contract of awards (served by the feedback function) and their PDF documents (the documents
// function: SKP, evaluation, certificate, an agency's evaluations as one ZIP). The transparency
// page's JSON is in surveys.ts, beside the other routes of the citizens' voice.
import { AwardBody, AwardsQuery, PublicAwardsQuery } from '../awards/schema.js';
import { created, obj, ok, oneOf, page, str, type Contract, type Res } from './registry.js';

const Award = obj({ id: str, officerId: str, officerName: str, kind: oneOf(['kinerja', 'inovasi'] as const), title: str, citation: str, period: str });
const pdf = (what: string): Record<number, Res> => ({ 200: { description: `${what} (PDF)`, contentType: 'application/pdf' } });

export const awardsContract: Contract = {
  'POST /v1/awards': {
    tag: 'Penghargaan', summary: 'Memberi penghargaan kinerja atau inovasi kepada pegawai (region_admin)',
    body: { schema: AwardBody, example: { officerId: 'ofc_21ee391129b05a08', kind: 'inovasi', title: 'Inovasi Layanan Antrean Daring', citation: 'Atas inovasi antrean daring yang memangkas waktu tunggu pasien.', period: '2025' } },
    responses: created(Award, 'Penghargaan tercatat'),
  },
  'GET /v1/awards': { tag: 'Penghargaan', summary: 'Daftar penghargaan (pegawai, perangkat daerah, atau seluruh kota)', query: AwardsQuery, responses: ok(page(Award)) },
  'GET /v1/public/cities/{tenant}/awards': {
    tag: 'Penghargaan', summary: 'Daftar penghargaan publik sebuah kota', query: PublicAwardsQuery,
    responses: ok(page(obj({ name: str, position: str, agency: str, title: str, kind: str }), { tenant: str, city: str })),
  },
  'GET /v1/officers/{id}/plans/{year}/document': { tag: 'Dokumen', summary: 'Dokumen SKP (PDF) untuk ditandatangani', responses: pdf('Dokumen SKP') },
  'GET /v1/evaluations/{id}/document': { tag: 'Dokumen', summary: 'Dokumen evaluasi kinerja (PDF)', responses: pdf('Dokumen evaluasi') },
  'GET /v1/awards/{id}/certificate': { tag: 'Dokumen', summary: 'Sertifikat penghargaan (PDF)', responses: pdf('Sertifikat') },
  'GET /v1/agencies/{id}/evaluation-documents': {
    tag: 'Dokumen', summary: 'Dokumen evaluasi satu perangkat daerah sebagai satu ZIP, per halaman',
    description: 'Kueri `period` (YYYY-MM, YYYY-Qn atau YYYY), `limit`, `cursor`; halaman berikutnya di header `X-Next-Cursor`, jumlah dokumen di `X-Document-Count`.',
    responses: { 200: { description: 'Arsip ZIP berisi PDF evaluasi', contentType: 'application/zip' } },
  },
};

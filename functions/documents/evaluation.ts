// The evaluation document of a period (PermenPANRB 6/2022, annex: Dokumen Evaluasi Kinerja Pegawai):
// realisasi against target per indicator with its capaian and the continuous-feedback column, the
// behaviour ratings, hasil kerja, perilaku, predikat, the final predikat and an objection's outcome.
import { getPlanVersion, type PlanItem } from '../data/plan-repository.js';
import type { Officer } from '../data/org-repository.js';
import type { Report } from '../data/report-repository.js';
import { capaianIndikator } from '../domain/capaian.js';
import { mean, round2 } from '../domain/numbers.js';
import { monthsOf } from '../domain/periods.js';
import { BERAKHLAK, type Indicator, type Rhk } from '../domain/types.js';
import { finalPredikat, publishedAt, type Evaluation } from '../evaluations/repository.js';
import type { Feedback } from '../feedback/repository.js';
import { identities, periodLabel, tanggal, type Identities } from './identity.js';
import { Layout, orDash, type Row } from './pdf.js';
import { feedbackBetween, reportsBetween } from './repository.js';
import { identityBlocks } from './skp.js';

export interface EvaluationData {
  ids: Identities; evaluation: Evaluation; plan: PlanItem | undefined; approved: Report[]; feedback: Feedback[]; publishedAt: string | null;
}

export async function loadEvaluation(tenant: string, officer: Officer, evaluation: Evaluation): Promise<EvaluationData> {
  const months = monthsOf(evaluation.period);
  const [ids, reports, feedback, published] = await Promise.all([
    identities(tenant, officer),
    reportsBetween(tenant, officer.id, months[0]!, months.at(-1)!),
    feedbackBetween(tenant, officer.id, months[0]!, months.at(-1)!),
    publishedAt(tenant, evaluation),
  ]);
  const approved = reports.filter((r) => r.status === 'approved');
  // The plan version the period's latest approved report was made against (PermenPANRB 6/2022).
  const plan = await getPlanVersion(tenant, officer.id, Number(evaluation.period.slice(0, 4)), approved.at(-1)?.planVersion);
  return { ids, evaluation, plan, approved, feedback, publishedAt: published };
}

const num = (n: number | null | undefined) => (n === null || n === undefined || Number.isNaN(n) ? '-' : String(round2(n)).replace('.', ','));
const RATING: Record<string, string> = { DI_ATAS: 'Di atas ekspektasi', SESUAI: 'Sesuai ekspektasi', DI_BAWAH: 'Di bawah ekspektasi' };
const PREDIKAT: Record<string, string> = { SANGAT_BAIK: 'Sangat Baik', BAIK: 'Baik', BUTUH_PERBAIKAN: 'Butuh Perbaikan', KURANG: 'Kurang', SANGAT_KURANG: 'Sangat Kurang' };
const KIND: Record<string, string> = { apresiasi: 'Apresiasi', bimbingan: 'Bimbingan', perbaikan: 'Perbaikan' };
export const predikatText = (p: string | null | undefined) => (p ? `${PREDIKAT[p] ?? p} (${p})` : '-');
const BEHAVIOUR_LABEL: Record<string, string> = {
  berorientasi_pelayanan: 'Berorientasi Pelayanan', akuntabel: 'Akuntabel', kompeten: 'Kompeten', harmonis: 'Harmonis',
  loyal: 'Loyal', adaptif: 'Adaptif', kolaboratif: 'Kolaboratif',
};

/** Realisasi (mean of the approved months' values) and capaian (mean of their monthly capaian) of one indicator. */
function realisasiOf(ind: Indicator, approved: Report[], ikm: number | null): { realisasi: number | null; capaian: number | null } {
  const values = ind.source === 'ikm'
    ? (ikm === null ? [] : [ikm])
    : approved.flatMap((r) => r.items.filter((l) => l.indicatorId === ind.id).map((l) => l.value));
  if (!values.length) return { realisasi: null, capaian: null };
  const capaian = values.map((v) => { try { return capaianIndikator(ind.aspect, ind.target, v); } catch { return NaN; } }).filter(Number.isFinite);
  return { realisasi: mean(values), capaian: capaian.length ? mean(capaian) : null };
}

const feedbackLine = (f: Feedback) => `${KIND[f.kind] ?? f.kind} ${f.period} (${f.authorName}): ${f.note}${f.replies.length ? ` — tanggapan: ${f.replies.map((r) => r.note).join('; ')}` : ''}`;

function indicatorRows(list: Rhk[], d: EvaluationData): Row[] {
  return list.flatMap((r, i) => {
    const notes = d.feedback.filter((f) => f.rhkId === r.id).map(feedbackLine).join(' | ') || '-';
    return r.indicators.map((ind, j) => {
      const { realisasi, capaian } = realisasiOf(ind, d.approved, d.evaluation.ikm);
      return [j === 0 ? String(i + 1) : '', j === 0 ? r.title : '', ind.name, `${ind.target} ${ind.unit}`, realisasi === null ? '-' : `${num(realisasi)} ${ind.unit}`, num(capaian), j === 0 ? notes : ''];
    });
  });
}

/** Mean rating (1–3) per BerAKHLAK value over the period's reviews that rated behaviour. */
function behaviourRows(approved: Report[]): string[][] {
  const rated = approved.map((r) => r.review?.behaviour).filter((b): b is NonNullable<typeof b> => !!b);
  return BERAKHLAK.map((v, i) => {
    const m = rated.length ? mean(rated.map((b) => b[v])) : null;
    const label = m === null ? '-' : m >= 2.5 ? RATING.DI_ATAS! : m >= 1.5 ? RATING.SESUAI! : RATING.DI_BAWAH!;
    return [String(i + 1), BEHAVIOUR_LABEL[v] ?? v, num(m), label];
  });
}

function objectionText(e: Evaluation): string {
  const o = e.objection;
  if (!o) return 'Tidak ada keberatan';
  if (!o.decision) return `Keberatan diajukan ${o.filedAt.slice(0, 10)}: menunggu keputusan`;
  const outcome = o.decision.decision === 'amend' ? `diubah menjadi ${predikatText(o.decision.amendedPredikat)}` : 'predikat dikuatkan';
  return `Keberatan diajukan ${o.filedAt.slice(0, 10)}; diputuskan ${o.decision.decidedAt.slice(0, 10)}: ${outcome}. Catatan: ${o.decision.note}`;
}

export async function renderEvaluation(d: EvaluationData): Promise<Uint8Array> {
  const { ids, evaluation: e } = d;
  const doc = await Layout.create(`Evaluasi kinerja ${ids.officer.name} ${e.period}`);
  doc.text('DOKUMEN EVALUASI KINERJA PEGAWAI', { size: 13, bold: true, align: 'center', gap: 0 });
  doc.text(`PERIODE: ${periodLabel(e.period).toUpperCase()}`, { size: 9, align: 'center', gap: 0 });
  doc.text(`${ids.agencyName} · Pemerintah ${ids.city}`, { size: 9, align: 'center', gap: 10 });
  identityBlocks(doc, ids);
  const rhk = d.plan?.rhk ?? [];
  doc.text('HASIL KERJA', { size: 10, bold: true });
  doc.table([
    { title: 'No', width: 0.05, align: 'center' }, { title: 'Rencana hasil kerja', width: 0.2 }, { title: 'Indikator', width: 0.17 },
    { title: 'Target', width: 0.1 }, { title: 'Realisasi', width: 0.1 }, { title: 'Capaian (%)', width: 0.08, align: 'right' }, { title: 'Umpan balik berkelanjutan', width: 0.3 },
  ], [
    { section: 'A. UTAMA' }, ...orDash(indicatorRows(rhk.filter((r) => r.kind === 'utama'), d), 7),
    { section: 'B. TAMBAHAN' }, ...orDash(indicatorRows(rhk.filter((r) => r.kind === 'tambahan'), d), 7),
  ]);
  const general = [
    ...d.feedback.filter((f) => !f.rhkId).map(feedbackLine),
    ...d.approved.filter((r) => r.review?.feedback).map((r) => `Catatan review ${r.period}: ${r.review!.feedback}`),
  ];
  if (general.length) doc.table([{ title: 'Umpan balik umum dan catatan review', width: 1 }], general.map((g) => [g]));
  doc.text('PERILAKU KERJA (BerAKHLAK)', { size: 10, bold: true });
  doc.table([{ title: 'No', width: 0.06, align: 'center' }, { title: 'Nilai', width: 0.44 }, { title: 'Rata-rata (1–3)', width: 0.15, align: 'right' }, { title: 'Penilaian', width: 0.35 }], behaviourRows(d.approved));
  doc.text('HASIL EVALUASI', { size: 10, bold: true });
  doc.table([{ title: 'Unsur', width: 0.35 }, { title: 'Hasil', width: 0.65 }], [
    ['Capaian hasil kerja', e.capaian === null ? '-' : `${num(e.capaian)}%`],
    ['Rating hasil kerja', e.hasilKerja ? `${RATING[e.hasilKerja]} (${e.hasilKerja})` : '-'],
    ['Rating perilaku kerja', e.perilaku ? `${RATING[e.perilaku]} (${e.perilaku})` : '-'],
    ['Predikat kinerja', predikatText(e.predikat)],
    ['Keberatan', objectionText(e)],
    ['Predikat akhir', predikatText(finalPredikat(e))],
    ['Bulan dengan laporan disetujui', d.approved.map((r) => r.period).join(', ') || '-'],
  ]);
  const signedOn = e.objection?.decision?.decidedAt ?? d.publishedAt ?? e.evaluatedAt;
  doc.signatures(`${ids.city}, ${tanggal(signedOn, ids.timeZone)}`, [
    { heading: 'Pegawai yang Dinilai', role: ids.officer.position, name: ids.officer.name, nip: ids.officer.nip },
    { heading: 'Pejabat Penilai Kinerja', role: ids.penilai?.position ?? '-', name: ids.penilai?.name ?? '-', nip: ids.penilai?.nip ?? '-' },
    { heading: 'Atasan Pejabat Penilai', role: ids.atasan?.position ?? '-', name: ids.atasan?.name ?? '-', nip: ids.atasan?.nip ?? '-' },
  ]);
  return doc.finish();
}

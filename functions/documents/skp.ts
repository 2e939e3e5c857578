// The SKP document (PermenPANRB 6/2022, annex: Sasaran Kinerja Pegawai): identities, RHK utama and
// tambahan with the supervisor's RHK each supports, indicators and targets, the agreement dates and
// signature blocks with place and date.
import { getPlan, type PlanItem } from '../data/plan-repository.js';
import type { Officer } from '../data/org-repository.js';
import type { Rhk } from '../domain/types.js';
import { NotFound } from '../domain/errors.js';
import { identities, tanggal, type Identities, type Person } from './identity.js';
import { Layout, orDash, type Row } from './pdf.js';

export interface SkpData { ids: Identities; plan: PlanItem; parents: Map<string, string> }

export async function loadSkp(tenant: string, officer: Officer, year: number): Promise<SkpData> {
  const [plan, ids, supervisorPlan] = await Promise.all([
    getPlan(tenant, officer.id, year),
    identities(tenant, officer),
    officer.supervisorId ? getPlan(tenant, officer.supervisorId, year) : Promise.resolve(undefined),
  ]);
  if (!plan) throw NotFound('Plan');
  return { ids, plan, parents: new Map((supervisorPlan?.rhk ?? []).map((r) => [r.id, r.title])) };
}

export const identityRows = (p: Person | null): [string, string][] => [
  ['Nama', p?.name ?? '-'], ['NIP', p?.nip ?? '-'], ['Pangkat/Golongan', p?.grade ?? '-'], ['Jabatan', p?.position ?? '-'], ['Unit kerja', p?.unit ?? '-'],
];

/** The three identity blocks every document opens with. */
export function identityBlocks(doc: Layout, ids: Identities) {
  doc.pairs('PEGAWAI YANG DINILAI', identityRows(ids.officer));
  doc.pairs('PEJABAT PENILAI KINERJA', identityRows(ids.penilai));
  doc.pairs('ATASAN PEJABAT PENILAI KINERJA', identityRows(ids.atasan));
}

const ASPEK: Record<string, string> = { kuantitas: 'Kuantitas', kualitas: 'Kualitas', waktu: 'Waktu', biaya: 'Biaya' };

function rhkRows(list: Rhk[], parents: Map<string, string>): Row[] {
  return list.flatMap((r, i) => r.indicators.map((ind, j) => [
    j === 0 ? String(i + 1) : '',
    j === 0 ? (r.parentRhkId ? parents.get(r.parentRhkId) ?? r.parentRhkId : '-') : '',
    j === 0 ? r.title : '',
    ASPEK[ind.aspect] ?? ind.aspect,
    ind.name,
    `${ind.target} ${ind.unit}`,
  ]));
}

export async function renderSkp({ ids, plan, parents }: SkpData): Promise<Uint8Array> {
  const doc = await Layout.create(`SKP ${ids.officer.name} ${plan.year}`);
  doc.text('SASARAN KINERJA PEGAWAI', { size: 13, bold: true, align: 'center', gap: 0 });
  doc.text('PENDEKATAN HASIL KERJA KUANTITATIF', { size: 10, bold: true, align: 'center', gap: 0 });
  doc.text(`PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER ${plan.year}`, { size: 9, align: 'center', gap: 0 });
  doc.text(`${ids.agencyName} · Pemerintah ${ids.city}`, { size: 9, align: 'center', gap: 10 });
  identityBlocks(doc, ids);
  const utama = plan.rhk.filter((r) => r.kind === 'utama');
  const tambahan = plan.rhk.filter((r) => r.kind === 'tambahan');
  doc.text('HASIL KERJA', { size: 10, bold: true });
  doc.table([
    { title: 'No', width: 0.05, align: 'center' }, { title: 'Rencana hasil kerja pimpinan yang diintervensi', width: 0.24 },
    { title: 'Rencana hasil kerja', width: 0.25 }, { title: 'Aspek', width: 0.1 }, { title: 'Indikator kinerja individu', width: 0.24 }, { title: 'Target', width: 0.12 },
  ], [
    { section: 'A. UTAMA' }, ...orDash(rhkRows(utama, parents), 6),
    { section: 'B. TAMBAHAN' }, ...orDash(rhkRows(tambahan, parents), 6),
  ]);
  const agreed = plan.agreement;
  doc.text('PERSETUJUAN', { size: 10, bold: true });
  doc.table([{ title: 'Status', width: 0.3 }, { title: 'Tanggal', width: 0.7 }], [
    ['Versi dan status', `Versi ${plan.version}, ${plan.status === 'agreed' ? 'disepakati' : 'draf (belum disepakati)'}`],
    ['Disetujui pegawai', agreed.officer ? tanggal(agreed.officer.at, ids.timeZone) : '-'],
    ['Disetujui pejabat penilai', agreed.supervisor ? tanggal(agreed.supervisor.at, ids.timeZone) : '-'],
    ['Disepakati', plan.agreedAt ? tanggal(plan.agreedAt, ids.timeZone) : '-'],
  ]);
  const signedOn = plan.agreedAt ?? agreed.supervisor?.at ?? agreed.officer?.at ?? plan.updatedAt;
  doc.signatures(`${ids.city}, ${tanggal(signedOn, ids.timeZone)}`, [
    { heading: 'Pegawai yang Dinilai', role: ids.officer.position, name: ids.officer.name, nip: ids.officer.nip },
    { heading: 'Pejabat Penilai Kinerja', role: ids.penilai?.position ?? '-', name: ids.penilai?.name ?? '-', nip: ids.penilai?.nip ?? '-' },
  ]);
  return doc.finish();
}

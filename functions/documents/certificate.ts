// An award certificate (piagam penghargaan): the city, the award, the officer as awarded, the
// citation and the BKPSDM's signature block with place and date.
import type { Award } from '../awards/repository.js';
import { findTenant } from '../config/tenants.js';
import { cityOf, periodLabel, tanggal } from './identity.js';
import { Layout } from './pdf.js';

const KIND: Record<string, string> = { kinerja: 'Penghargaan Kinerja', inovasi: 'Penghargaan Inovasi' };

export async function renderCertificate(tenant: string, a: Award): Promise<Uint8Array> {
  const config = findTenant(tenant);
  const city = cityOf(config?.name ?? tenant);
  const zone = config?.timeZone ?? 'Asia/Jakarta';
  const doc = await Layout.create(`Piagam penghargaan ${a.officerName}`);
  doc.space(40);
  doc.text(`PEMERINTAH ${(config?.name ?? tenant).toUpperCase()}`, { size: 12, bold: true, align: 'center', gap: 0 });
  doc.text('BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA', { size: 10, align: 'center', gap: 30 });
  doc.text('PIAGAM PENGHARGAAN', { size: 24, bold: true, align: 'center', gap: 4 });
  doc.text(`${KIND[a.kind] ?? a.kind} · ${periodLabel(a.period)}`, { size: 11, align: 'center', gap: 30 });
  doc.text('diberikan kepada', { size: 11, align: 'center', gap: 8 });
  doc.text(a.officerName, { size: 18, bold: true, align: 'center', gap: 2 });
  doc.text(`NIP ${a.officerNip}`, { size: 11, align: 'center', gap: 2 });
  doc.text(`${a.position} · ${a.agencyName}`, { size: 11, align: 'center', gap: 24 });
  doc.text('atas', { size: 11, align: 'center', gap: 6 });
  doc.text(a.title, { size: 15, bold: true, align: 'center', gap: 12 });
  doc.text(a.citation, { size: 11, align: 'center', gap: 40 });
  doc.signatures(`${city}, ${tanggal(a.awardedAt, zone)}`, [
    { heading: '', role: '', name: '', nip: '' },
    { heading: 'Kepala BKPSDM', role: config?.name ?? tenant, name: '(....................................)', nip: '-' },
  ]);
  return doc.finish();
}

// Field supervision visits: a few dozen per city over the last four months, with checklists,
// findings and follow-up actions (some done, some open, some overdue). The `berat` findings about an
// officer fall in the CURRENT month only, which the evaluations seeder has not evaluated yet, so the
// seeded evaluations stay consistent; the next run of the month carries FIELD_FINDING.
import { batchPut } from '../../../functions/data/batch.js';
import { addMonths, dayOf, monthOf } from '../../../functions/domain/periods.js';
import { IKM_KEYS } from '../../../functions/domain/ikm.js';
import { newVisitItems, type ChecklistValue, type Visit, type VisitAction } from '../../../functions/visits/repository.js';
import type { Seeder } from './context.js';

const NOTES = {
  ringan: ['Papan informasi jam layanan kurang jelas', 'Kotak saran belum diberi label', 'Antrean tanpa nomor urut pada jam sibuk'],
  sedang: ['Standar pelayanan tidak dipajang di ruang tunggu', 'Petugas loket belum memakai tanda pengenal', 'Ruang tunggu tanpa kursi prioritas'],
  berat: ['Petugas meminta biaya di luar tarif resmi', 'Petugas meninggalkan loket pada jam layanan tanpa pengganti', 'Berkas pemohon ditahan tanpa alasan tertulis'],
};
const ACTIONS = ['Pasang papan standar pelayanan', 'Perbaiki alur antrean', 'Pembinaan petugas oleh atasan langsung', 'Sediakan kotak saran berlabel', 'Tindak lanjuti laporan ke Inspektorat'];

const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const visitsSeeder: Seeder = {
  name: 'visits',
  run: async (ctx) => {
    const rng = ctx.rng.fork('visits');
    const items: Record<string, unknown>[] = [];
    let count = 0;
    for (const { tenant, units, officers } of ctx.tenants) {
      const today = dayOf(ctx.now, tenant.timeZone);
      const thisMonth = monthOf(ctx.now, tenant.timeZone);
      const inspector = ctx.users.find((u) => u.tenant === tenant.id && u.roles.includes('inspector'));
      for (let n = 0; n < 10; n++) {
        const unit = rng.pick(units);
        const staff = officers.filter((o) => o.unitId === unit.id);
        // Spread over the last four months; visit n = 0, 1 in the current month (where the berat findings go).
        const current = n < 2;
        const monthStart = current ? `${thisMonth}-01` : `${addMonths(thisMonth, -rng.int(1, 3))}-01`;
        const span = Math.max(0, Math.round((Date.parse(`${current ? today : shiftDay(`${addMonths(monthStart.slice(0, 7), 1)}-01`, -1)}T00:00:00Z`) - Date.parse(`${monthStart}T00:00:00Z`)) / 86_400_000));
        const date = shiftDay(monthStart, rng.int(0, span));
        const checklist = Object.fromEntries(IKM_KEYS.map((k) => [k, rng.pick<ChecklistValue>(['sesuai', 'sesuai', 'sesuai', 'perlu_perbaikan', 'tidak_sesuai'])]));
        const findings: Visit['findings'] = [];
        for (let f = 0; f < rng.int(1, 3); f++) {
          const severity = current && f === 0 && staff.length ? 'berat' : rng.pick(['ringan', 'ringan', 'sedang'] as const);
          const about = staff.length && (severity === 'berat' || rng.chance(0.3)) ? rng.pick(staff) : undefined;
          findings.push({ note: rng.pick(NOTES[severity]), severity, ...(about ? { officerId: about.id } : {}), ...(rng.chance(0.4) ? { evidenceUrl: `https://dokumen.${tenant.id}.go.id/pengawasan/${date}-${n}.jpg` } : {}) });
        }
        const actions: VisitAction[] = Array.from({ length: rng.int(1, 2) }, (_, i) => {
          const due = shiftDay(date, rng.int(3, 30));
          // Past due: mostly done, some left open (overdue); future due: open.
          const done = due < today && rng.chance(0.6);
          const owner = staff.length && rng.chance(0.5) ? { ownerOfficerId: rng.pick(staff).id } : { ownerUnitId: unit.id };
          return {
            id: `a${i + 1}`, title: rng.pick(ACTIONS), ...owner, due, status: done ? 'done' : 'open',
            ...(done ? { note: 'Sudah ditindaklanjuti', history: [{ status: 'done' as const, note: 'Sudah ditindaklanjuti', at: `${due}T03:00:00.000Z`, by: inspector?.username ?? 'seed' }] } : { history: [] }),
          };
        });
        const visit: Visit = {
          id: `${date.replace(/-/g, '')}-${rng.hex(5)}`, tenant: tenant.id, unitId: unit.id, unitName: unit.name, agencyId: unit.agencyId, date,
          checklist, ...(rng.chance(0.5) ? { notes: 'Kunjungan pengawasan rutin' } : {}), findings, actions,
          recordedBy: inspector?.username ?? 'seed', createdAt: `${date}T02:00:00.000Z`, rev: 1,
        };
        items.push(...newVisitItems(visit));
        count++;
      }
    }
    await batchPut(items, { concurrency: 8 });
    ctx.progress(`visits: ${count} visits`);
  },
};

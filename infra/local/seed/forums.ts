// Seeds the citizens' voice loop per city: public forums over the past year (Indonesian minutes and
// issues, several about U3 waktu penyelesaian) with actions done, open and overdue, and SKM
// follow-ups for the units whose weakest elements are real in the seeded surveys (read from the
// same unit rollups GET /v1/ikm reads). Written through the features' repositories, so the
// pre-aggregated counts are what the API would have left.
import type { ActionItem } from '../../../functions/domain/action-items.js';
import { IKM_KEYS } from '../../../functions/domain/ikm.js';
import { dayOf, lastEndedPeriod } from '../../../functions/domain/periods.js';
import { proposeFollowUpElements } from '../../../functions/domain/skm-follow-up.js';
import { insertForum, type Forum } from '../../../functions/forums/repository.js';
import { followUpId, insertFollowUp, type FollowUp } from '../../../functions/surveys/follow-up-repository.js';
import { unitIkmsOfTenant } from '../../../functions/surveys/ikm-repository.js';
import type { SeedContext, SeededTenant, Seeder } from './context.js';
import type { Rng } from './prng.js';

const DAY_MS = 86_400_000;
const BY = 'seed';

interface ForumPlan { daysAgo: number; place: string; minutes: string; issues: Forum['issues']; actions: [string, string, number, 'done' | 'open'][] }
// Each action: title, owner, due (days after the forum), status.
const FORUMS: ForumPlan[] = [
  {
    daysAgo: 300, place: 'Aula Kantor Kecamatan',
    minutes: 'Forum konsultasi publik dibuka oleh kepala dinas. Warga menyampaikan bahwa penyelesaian layanan sering melewati waktu yang dijanjikan dan informasi persyaratan berbeda antar loket. Disepakati standar waktu layanan diumumkan di setiap loket.',
    issues: [{ text: 'Waktu penyelesaian layanan melebihi standar yang diumumkan', element: 'u3' }, { text: 'Persyaratan berbeda antar loket', element: 'u1' }],
    actions: [['Pasang standar waktu layanan di setiap loket', 'Seksi Pelayanan', 30, 'done'], ['Satukan daftar persyaratan di laman dinas', 'Sekretariat', 45, 'done']],
  },
  {
    daysAgo: 190, place: 'Balai Warga Kelurahan',
    minutes: 'Warga mengeluhkan antrean pagi yang panjang dan ruang tunggu yang panas. Petugas menjelaskan rencana antrean daring. Warga meminta kotak pengaduan yang dibuka setiap minggu.',
    issues: [{ text: 'Antrean pagi panjang, layanan selesai lewat tengah hari', element: 'u3' }, { text: 'Ruang tunggu panas dan kursi kurang', element: 'u9' }, { text: 'Akses jalan menuju kantor rusak' }],
    actions: [['Buka antrean daring untuk layanan utama', 'Kepala Unit Layanan', 60, 'done'], ['Perbaiki pendingin ruang tunggu', 'Subbag Umum', 40, 'open'], ['Buka kotak pengaduan setiap Jumat', 'Pengelola Pengaduan', 14, 'done']],
  },
  {
    daysAgo: 75, place: 'Ruang Rapat Dinas',
    minutes: 'Forum membahas hasil SKM triwulan. Unsur waktu penyelesaian masih terendah. Disepakati penambahan petugas pada jam sibuk dan pemantauan waktu layanan harian oleh kepala unit.',
    issues: [{ text: 'Unsur waktu penyelesaian masih terendah pada SKM triwulan', element: 'u3' }, { text: 'Petugas kurang menjelaskan alur pengaduan', element: 'u8' }],
    actions: [['Tambah petugas loket pada jam sibuk', 'Kepala Unit Layanan', 30, 'open'], ['Sosialisasi alur pengaduan kepada petugas', 'Pengelola Pengaduan', 120, 'open']],
  },
  {
    daysAgo: 12, place: 'Pendopo Kota',
    minutes: 'Forum terbuka bersama tokoh masyarakat. Warga mengapresiasi antrean daring, namun meminta biaya layanan diumumkan secara jelas dan petugas memakai tanda pengenal.',
    issues: [{ text: 'Informasi biaya layanan kurang jelas', element: 'u4' }, { text: 'Petugas tidak memakai tanda pengenal', element: 'u7' }],
    actions: [['Umumkan tarif layanan di papan informasi dan laman', 'Seksi Pelayanan', 21, 'open'], ['Wajibkan tanda pengenal petugas', 'Sekretariat', 7, 'open']],
  },
];

const FOLLOW_UP_ACTIONS: Record<string, [string, string]> = {
  u1: ['Satukan daftar persyaratan di semua kanal informasi', 'Seksi Pelayanan'],
  u2: ['Sederhanakan alur layanan dan pasang bagan alur di loket', 'Kepala Unit Layanan'],
  u3: ['Pantau waktu penyelesaian harian dan tambah petugas jam sibuk', 'Kepala Unit Layanan'],
  u4: ['Umumkan tarif layanan di papan informasi', 'Seksi Pelayanan'],
  u5: ['Perjelas produk layanan di maklumat pelayanan', 'Sekretariat'],
  u6: ['Pelatihan pelayanan prima bagi petugas loket', 'Subbag Kepegawaian'],
  u7: ['Evaluasi perilaku petugas setiap bulan', 'Kepala Unit Layanan'],
  u8: ['Buka kotak pengaduan mingguan dan balas dalam 5 hari kerja', 'Pengelola Pengaduan'],
  u9: ['Perbaiki ruang tunggu dan fasilitas disabilitas', 'Subbag Umum'],
};

const action = (id: string, title: string, owner: string, due: string, status: 'done' | 'open', at: string): ActionItem =>
  ({ id, title, owner, due, status, ...(status === 'done' ? { note: 'Selesai dilaksanakan', updatedAt: at, updatedBy: BY } : {}) });

function forumsOf(ctx: SeedContext, t: SeededTenant, rng: Rng): Forum[] {
  const tz = t.tenant.timeZone;
  const withUnits = t.agencies.filter((a) => t.units.some((u) => u.agencyId === a.id));
  // Dinas Kesehatan first where a city has one: the demo's story is its puskesmas queue.
  const agencies = [...withUnits.filter((a) => a.id === 'dinkes'), ...withUnits.filter((a) => a.id !== 'dinkes')];
  return FORUMS.map((plan, i) => {
    const agency = agencies[i % Math.min(agencies.length, 2)]!;
    const units = t.units.filter((u) => u.agencyId === agency.id);
    const held = new Date(ctx.now.getTime() - plan.daysAgo * DAY_MS);
    const date = dayOf(held, tz);
    const createdAt = new Date(held.getTime() + 6 * 3600_000).toISOString();
    const actions = plan.actions.map(([title, owner, dueIn, status], k) =>
      action(`a${k + 1}`, title, owner, dayOf(new Date(held.getTime() + dueIn * DAY_MS), tz), status, new Date(held.getTime() + (dueIn - 3) * DAY_MS).toISOString()));
    return {
      id: `frm_${rng.hex(8)}`, tenant: t.tenant.id, agencyId: agency.id, ...(i % 2 === 0 && units.length ? { unitId: rng.pick(units).id } : {}),
      date, place: plan.place, participants: { citizens: rng.int(18, 60), officers: rng.int(4, 12) },
      minutes: plan.minutes, issues: plan.issues, actions, version: 1, createdAt, createdBy: BY,
    };
  });
}

/** The last ended quarter's three weakest units (by IKM) get a follow-up on their proposed elements. */
async function followUpsOf(ctx: SeedContext, t: SeededTenant): Promise<FollowUp[]> {
  const tz = t.tenant.timeZone;
  const period = lastEndedPeriod(ctx.now, tz, 'quarterly');
  const ikms = await unitIkmsOfTenant(t.tenant.id, period);
  const weakest = t.units
    .map((u) => ({ unit: u, ikm: ikms.get(u.id) ?? null }))
    .filter((x): x is { unit: typeof x.unit; ikm: NonNullable<typeof x.ikm> } => x.ikm !== null)
    .sort((a, b) => a.ikm.ikm - b.ikm.ikm || a.unit.id.localeCompare(b.unit.id))
    .slice(0, 3);
  const madeAt = new Date(ctx.now.getTime() - 50 * DAY_MS);
  return weakest.map(({ unit, ikm }, i) => {
    const elements = proposeFollowUpElements(ikm.nrr);
    const actions = elements.slice(0, 3).map((k, n) => {
      const [title, owner] = FOLLOW_UP_ACTIONS[k]!;
      // The first action done, the second overdue, the third still ahead (varied by unit).
      const dueDays = [-35, -10, 40][(n + i) % 3]!;
      const due = dayOf(new Date(ctx.now.getTime() + dueDays * DAY_MS), tz);
      return action(`a${n + 1}`, title, owner, due, dueDays === -35 ? 'done' : 'open', new Date(ctx.now.getTime() - 38 * DAY_MS).toISOString());
    });
    return {
      id: followUpId(unit.id, period), tenant: t.tenant.id, unitId: unit.id, unitName: unit.name, agencyId: unit.agencyId, period,
      elements: IKM_KEYS.filter((k) => elements.includes(k)).map((key) => ({ key, nrr: ikm.nrr[key] })),
      ikm: ikm.ikm, respondents: ikm.respondents, actions, version: 1, createdAt: madeAt.toISOString(), createdBy: BY,
    };
  });
}

export const forumsSeeder: Seeder = {
  name: 'forums and SKM follow-ups',
  async run(ctx) {
    for (const t of ctx.tenants) {
      const rng = ctx.rng.fork(`forums:${t.tenant.id}`);
      for (const f of forumsOf(ctx, t, rng)) await insertForum(f);
      for (const f of await followUpsOf(ctx, t)) await insertFollowUp(f);
    }
  },
};

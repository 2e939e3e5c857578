// The demo's story of the citizens' voice closing the loop, in Serang: a puskesmas whose U3 (waktu
// penyelesaian) stays weak for months, complaints about waiting (some substantiated, some rejected),
// a public forum where citizens raise it, an SKM follow-up whose actions are done by a set month, and
// the unit's IKM rising once they are. Every write goes through the features' own repositories
// (rollup ADDs, complaint transitions with their counters, forum and follow-up inserts with their
// counts and public digests), so the transparency page counts exactly what is here.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchPut } from '../../../functions/data/batch.js';
import { ddb } from '../../../functions/data/client.js';
import * as keys from '../../../functions/data/keys.js';
import { loadPolicy } from '../../../functions/data/policy-repository.js';
import type { Unit } from '../../../functions/data/org-repository.js';
import type { ActionItem } from '../../../functions/domain/action-items.js';
import { IKM_KEYS, type IkmScores } from '../../../functions/domain/ikm.js';
import { clamp } from '../../../functions/domain/numbers.js';
import { addMonths, dayOf, monthOf, parsePeriod, periodEnd, quarterOf, zonedTimeToUtc } from '../../../functions/domain/periods.js';
import { proposeFollowUpElements } from '../../../functions/domain/skm-follow-up.js';
import { insertComplaint, saveTransition, type Complaint } from '../../../functions/complaints/repository.js';
import type { ComplaintCause, ComplaintStatus } from '../../../functions/complaints/schemas.js';
import type { StatsContext } from '../../../functions/complaints/stats.js';
import { insertForum } from '../../../functions/forums/repository.js';
import { aggregateSurveys, type SurveyFacts } from '../../../functions/surveys/aggregate.js';
import { followUpId, insertFollowUp } from '../../../functions/surveys/follow-up-repository.js';
import { unitIkm } from '../../../functions/surveys/ikm-repository.js';
import { rollupUpdate } from '../../../functions/surveys/rollup.js';
import type { SeedContext, SeededTenant, Seeder } from './context.js';
import type { Rng } from './prng.js';

const TENANT = 'serang';
const BY = 'seed';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Months relative to now: U3 weak from −10 to −5, the forum in −8, the follow-up on the quarter of −7,
 *  its actions done in −4, and the recovery from −3 on. */
const WEAK = [-10, -9, -8, -7, -6, -5];
const FORUM_MONTH = -8;
const PLAN_MONTH = -7;
const DONE_MONTH = -4;
const RECOVERED = [-3, -2, -1, 0];

/** A wall-clock instant in the city: month offset from now, day, hour; never after `now`. */
function at(ctx: SeedContext, tz: string, offset: number, day: number, hour = 9): Date {
  const p = parsePeriod(addMonths(monthOf(ctx.now, tz), offset)) as { year: number; month: number };
  const t = zonedTimeToUtc(tz, p.year, p.month, day, hour, 0, 0);
  return t.getTime() < ctx.now.getTime() ? t : new Date(ctx.now.getTime() - 3600_000);
}

/** Answers around `mean`, with U3 around `u3`. */
function answers(rng: Rng, mean: number, u3: number): IkmScores {
  const a = {} as IkmScores;
  for (const k of IKM_KEYS) a[k] = clamp(Math.round(rng.normal(k === 'u3' ? u3 : mean, 0.45)), 1, 4);
  return a;
}

async function surveys(ctx: SeedContext, t: SeededTenant, unit: Unit, rng: Rng) {
  const tz = t.tenant.timeZone;
  const facts: SurveyFacts[] = [];
  const items: Record<string, unknown>[] = [];
  const shape = (offset: number): [number, number] =>
    WEAK.includes(offset) ? [3.05, 1.85] : RECOVERED.includes(offset) ? [3.35, 3.3] : offset === DONE_MONTH ? [3.15, 2.7] : [3.1, 2.3];
  for (let offset = WEAK[0]!; offset <= 0; offset++) {
    const [mean, u3] = shape(offset);
    for (let n = 0; n < (offset === 0 ? 6 : 22); n++) {
      const when = at(ctx, tz, offset, rng.int(1, offset === 0 ? Math.max(1, Number(dayOf(ctx.now, tz).slice(8))) : 28), rng.int(8, 14));
      const f: SurveyFacts = { tenant: t.tenant.id, unitId: unit.id, agencyId: unit.agencyId, period: monthOf(when, tz), answers: answers(rng, mean, u3) };
      const id = `svy_${rng.hex(10)}`;
      facts.push(f);
      items.push({ ...keys.surveyResponse(f.tenant, f.unitId, f.period, when.toISOString(), id), type: 'survey', id, ...f, createdAt: when.toISOString(), preAggregated: true });
    }
  }
  await batchPut(items);
  // The same ADDs the stream applies, unit level included (the unit's rollups already exist).
  const deltas = aggregateSurveys(facts);
  for (let i = 0; i < deltas.length; i += 50) {
    await ddb().send(new TransactWriteCommand({ TransactItems: deltas.slice(i, i + 50).map((d) => ({ Update: rollupUpdate(d) })) }));
  }
}

type Step = [ComplaintStatus, number]; // status, days after the previous step
interface StoryComplaint { month: number; day: number; text: string; steps: Step[]; cause?: ComplaintCause; substantiated?: boolean; reason?: string }
const ANSWER = 'Terima kasih. Keluhan Anda kami tindak lanjuti: waktu layanan kini dipantau harian dan petugas loket ditambah pada jam sibuk.';
const COMPLAINTS: StoryComplaint[] = [
  { month: -10, day: 6, text: 'Antre sejak pukul tujuh, baru dilayani menjelang siang. Mohon waktu layanan dipercepat.', steps: [['verified', 1], ['in_progress', 1], ['answered', 3], ['closed', 2]], cause: 'waktu', substantiated: true },
  { month: -9, day: 12, text: 'Hasil pemeriksaan laboratorium dijanjikan satu hari tetapi baru selesai tiga hari.', steps: [['verified', 2], ['in_progress', 1], ['answered', 4], ['closed', 3]], cause: 'waktu', substantiated: true },
  { month: -9, day: 20, text: 'Antrean panjang sekali hari ini, sama seperti laporan saya minggu lalu.', steps: [['rejected', 1], ['closed', 1]], reason: 'Duplikat: laporan yang sama sudah diproses dengan kode sebelumnya.' },
  { month: -8, day: 3, text: 'Loket pendaftaran tutup sebelum jam layanan berakhir sehingga warga harus kembali besok.', steps: [['verified', 1], ['in_progress', 2], ['answered', 9], ['closed', 2]], cause: 'waktu', substantiated: true },
  { month: -7, day: 15, text: 'Nomor antrean tidak dipanggil berurutan dan warga tidak tahu alur pendaftaran.', steps: [['verified', 1], ['answered', 3]], cause: 'prosedur', substantiated: false },
  { month: -6, day: 9, text: 'Kurang puas.', steps: [['rejected', 2]], reason: 'Tidak ada substansi yang dapat ditindaklanjuti; silakan lengkapi laporan.' },
  { month: -6, day: 22, text: 'Pengambilan obat di apotek puskesmas memakan waktu lebih dari satu jam.', steps: [['verified', 1], ['in_progress', 1], ['answered', 2], ['closed', 4]], cause: 'waktu', substantiated: true },
  { month: -2, day: 10, text: 'Kursi di ruang tunggu kurang, banyak lansia berdiri saat menunggu.', steps: [['verified', 1], ['in_progress', 1], ['answered', 2]], cause: 'sarana', substantiated: false },
];

async function complaints(ctx: SeedContext, t: SeededTenant, unit: Unit, rng: Rng) {
  const tz = t.tenant.timeZone;
  const policy = await loadPolicy(t.tenant.id);
  const stats: StatsContext = { timeZone: tz, holidays: policy.holidays, answerDays: policy.complaintAnswerWorkingDays };
  const admin = t.officers.find((o) => o.agencyId === 'bkpsdm')?.id ?? BY;
  for (const plan of COMPLAINTS) {
    const filed = at(ctx, tz, plan.month, plan.day, rng.int(8, 15));
    const code = `ADU-${Array.from({ length: 8 }, (_, k) => (k === 4 ? '-' : '') + rng.pick([...CROCKFORD])).join('')}`;
    let c: Complaint = {
      id: `cmp_${rng.hex(8)}`, code, tenant: t.tenant.id, unitId: unit.id, agencyId: unit.agencyId, category: 'waktu', description: plan.text,
      status: 'received', createdAt: filed.toISOString(), updatedAt: filed.toISOString(), history: [{ status: 'received', at: filed.toISOString(), by: 'public' }],
    };
    if ((await insertComplaint(c, stats)) !== 'stored') throw new Error(`story complaint ${code} not stored`);
    let when = filed;
    for (const [status, days] of plan.steps) {
      when = new Date(Math.min(when.getTime() + days * 86_400_000 + rng.int(1, 4) * 3600_000, ctx.now.getTime() - 60_000));
      const iso = when.toISOString();
      const after: Complaint = {
        ...c, status, updatedAt: iso, history: [...c.history, { status, at: iso, by: admin }],
        ...(status === 'verified' ? { verifiedAt: iso } : {}),
        ...(status === 'rejected' ? { rejectedAt: iso, rejectReason: plan.reason } : {}),
        ...(status === 'answered' ? { answer: ANSWER, answeredAt: iso, answeredBy: admin, cause: plan.cause, substantiated: plan.substantiated } : {}),
      };
      if (!(await saveTransition(c, after, { status, at: iso, by: admin }, stats))) throw new Error(`story complaint ${code} stuck at ${c.status}`);
      c = after;
    }
  }
}

const action = (id: string, title: string, owner: string, due: Date, doneAt: Date, tz: string): ActionItem =>
  ({ id, title, owner, due: dayOf(due, tz), status: 'done', note: 'Selesai dilaksanakan', updatedAt: doneAt.toISOString(), updatedBy: BY });

async function forumAndFollowUp(ctx: SeedContext, t: SeededTenant, unit: Unit, rng: Rng) {
  const tz = t.tenant.timeZone;
  const held = at(ctx, tz, FORUM_MONTH, 14, 9);
  const done = at(ctx, tz, DONE_MONTH, 20, 15);
  await insertForum({
    id: `frm_${rng.hex(8)}`, tenant: t.tenant.id, agencyId: unit.agencyId, unitId: unit.id, date: dayOf(held, tz),
    place: `Aula ${unit.name}`, participants: { citizens: 42, officers: 9 },
    minutes: `Forum konsultasi publik ${unit.name}. Warga menyampaikan bahwa waktu tunggu pendaftaran dan pengambilan obat terlalu lama, terutama pagi hari. Kepala puskesmas menjelaskan rencana antrean daring dan penambahan petugas. Disepakati pemantauan waktu layanan harian yang diumumkan di papan informasi.`,
    issues: [
      { text: 'Waktu tunggu pendaftaran lebih dari dua jam pada pagi hari', element: 'u3' },
      { text: 'Pengambilan obat di apotek lama', element: 'u3' },
      { text: 'Alur pendaftaran tidak dijelaskan kepada pasien baru', element: 'u2' },
    ],
    actions: [
      action('a1', 'Buka antrean daring pendaftaran', 'Kepala Puskesmas', at(ctx, tz, DONE_MONTH, 25), done, tz),
      action('a2', 'Tambah petugas loket pada jam 07.30–10.00', 'Kepala Tata Usaha', at(ctx, tz, DONE_MONTH - 1, 30), at(ctx, tz, DONE_MONTH - 1, 18), tz),
      action('a3', 'Pasang bagan alur pendaftaran di ruang tunggu', 'Koordinator Pelayanan', at(ctx, tz, FORUM_MONTH + 1, 28), at(ctx, tz, FORUM_MONTH + 1, 10), tz),
    ],
    version: 1, createdAt: new Date(held.getTime() + 5 * 3600_000).toISOString(), createdBy: BY,
  });

  // The follow-up on the quarter of PLAN_MONTH, on the elements its own rollups propose (U3 first).
  const period = quarterOf(addMonths(monthOf(ctx.now, tz), PLAN_MONTH));
  const ikm = await unitIkm(t.tenant.id, unit.id, period);
  if (!ikm) throw new Error(`story unit ${unit.id} has no IKM in ${period}`);
  const elements = proposeFollowUpElements(ikm.nrr);
  const titles: Record<string, [string, string]> = {
    u1: ['Satukan daftar persyaratan di loket dan laman puskesmas', 'Koordinator Pelayanan'],
    u3: ['Pantau waktu layanan harian dan umumkan di papan informasi', 'Kepala Puskesmas'],
    u2: ['Sederhanakan alur pendaftaran pasien baru', 'Koordinator Pelayanan'],
    u8: ['Balas pengaduan dalam 5 hari kerja dan umumkan tindak lanjutnya', 'Pengelola Pengaduan'],
    u9: ['Tambah kursi ruang tunggu untuk lansia', 'Kepala Tata Usaha'],
  };
  const actions = elements.filter((k) => titles[k]).slice(0, 3).map((k, i) =>
    action(`a${i + 1}`, titles[k]![0], titles[k]![1], at(ctx, tz, DONE_MONTH, 28), at(ctx, tz, DONE_MONTH, 10 + 5 * i), tz));
  await insertFollowUp({
    id: followUpId(unit.id, period), tenant: t.tenant.id, unitId: unit.id, unitName: unit.name, agencyId: unit.agencyId, period,
    elements: IKM_KEYS.filter((k) => elements.includes(k)).map((key) => ({ key, nrr: ikm.nrr[key] })),
    ikm: ikm.ikm, respondents: ikm.respondents, actions,
    // Planned a few days after the quarter's results were in.
    version: 1, createdAt: new Date(periodEnd(period, tz).getTime() + 5 * 86_400_000).toISOString(), createdBy: BY,
  });
}

export const storySeeder: Seeder = {
  name: 'the Serang story (U3 weak, forum, follow-up, IKM rising)',
  async run(ctx) {
    const t = ctx.tenants.find((x) => x.tenant.id === TENANT);
    // The first puskesmas of Dinas Kesehatan: the unit serang.atasan heads.
    const unit = t?.units.find((u) => u.agencyId === 'dinkes') ?? t?.units[0];
    if (!t || !unit) return;
    const rng = ctx.rng.fork(`story:${TENANT}`);
    await surveys(ctx, t, unit, rng);
    await complaints(ctx, t, unit, rng);
    await forumAndFollowUp(ctx, t, unit, rng);
    ctx.progress(`story: ${unit.name} (${unit.id}), ${COMPLAINTS.length} complaints, a forum and a follow-up`);
  },
};

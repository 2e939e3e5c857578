// Continuous feedback threads for the last six months: most supervisors coach their direct reports
// now and then (apresiasi, bimbingan, perbaikan, some about an RHK of the plan), a few only approve
// reports and give none; some officers reply. The per-author counts and each officer's last-feedback
// item are built from the same list, as the API's transaction would have left them.
import { batchGet, batchPut } from '../../../functions/data/batch.js';
import * as keys from '../../../functions/data/keys.js';
import type { Officer } from '../../../functions/data/org-repository.js';
import type { PlanItem } from '../../../functions/data/plan-repository.js';
import { addMonths, monthOf, zonedTimeToUtc } from '../../../functions/domain/periods.js';
import {
  feedbackItem, feedbackLastItem, feedbackRefItem, feedbackStatItem, FEEDBACK_KINDS, type Feedback, type FeedbackKind,
} from '../../../functions/feedback/repository.js';
import type { SeedContext, SeededTenant, Seeder } from './context.js';

const MONTHS = 6;
const NOTES: Record<FeedbackKind, string[]> = {
  apresiasi: [
    'Terima kasih, pelayanan di loket bulan ini cepat dan ramah. Pertahankan.',
    'Laporan bulanan rapi dan tepat waktu, bukti dukungnya lengkap.',
    'Inisiatif merapikan arsip layanan sangat membantu tim. Terima kasih.',
    'Capaian target bulan ini melampaui rencana, kerja yang baik.',
  ],
  bimbingan: [
    'Coba susun jadwal kerja mingguan agar target layanan lebih terpantau.',
    'Silakan ikut pendampingan aplikasi SIASN minggu depan untuk memperlancar input data.',
    'Untuk bulan depan, catat kendala di lapangan supaya bisa kita bahas di rapat tim.',
    'Bukti dukung cukup berupa tautan dokumen; tidak perlu dipindai ulang.',
  ],
  perbaikan: [
    'Realisasi masih di bawah target; mohon fokus pada penyelesaian berkas yang tertunda.',
    'Ketepatan waktu layanan perlu ditingkatkan, beberapa berkas melewati batas.',
    'Mohon laporan dilengkapi bukti dukung sebelum diajukan.',
  ],
};
const REPLIES = [
  'Terima kasih, Pak/Bu. Akan saya pertahankan.',
  'Siap, mulai minggu ini saya jalankan.',
  'Baik, kendalanya ada di jaringan; sudah saya laporkan ke bagian umum.',
  'Siap, berkas yang tertunda akan selesai minggu ini.',
];
const DAY = 86_400_000;

function tenantFeedback(ctx: SeedContext, st: SeededTenant, rhkOf: Map<string, PlanItem['rhk']>): Feedback[] {
  const t = st.tenant.id, tz = st.tenant.timeZone;
  const rng = ctx.rng.fork(`feedback:${t}`);
  const current = monthOf(ctx.now, tz);
  const byId = new Map(st.officers.map((o) => [o.id, o]));
  const reports = new Map<string, Officer[]>();
  for (const o of st.officers) if (o.supervisorId) reports.set(o.supervisorId, [...(reports.get(o.supervisorId) ?? []), o]);
  // The demo pair (serang.atasan and serang.pegawai…) always has a thread to show.
  const demo = (suffix: string) => ctx.users.find((u) => u.username === `${t}.${suffix}`)?.officerId;
  const [demoAtasan, demoPegawai] = [demo('atasan'), demo('pegawai')];
  const out: Feedback[] = [];
  for (const [supervisorId, team] of reports) {
    const author = byId.get(supervisorId);
    // About one in six supervisors only approves reports and never coaches between reviews.
    if (!author || (author.id !== demoAtasan && rng.chance(0.17))) continue;
    const eagerness = 0.3 + 0.5 * rng.next();
    for (let i = MONTHS - 1; i >= 0; i--) {
      const period = addMonths(current, -i);
      const demoMonth = author.id === demoAtasan && i === 1;
      if (!demoMonth && !rng.chance(eagerness)) continue;
      const officer = demoMonth ? byId.get(demoPegawai!)! : rng.pick(team);
      const kind = rng.pick(rng.chance(0.45) ? ['bimbingan'] as const : FEEDBACK_KINDS);
      const start = zonedTimeToUtc(tz, Number(period.slice(0, 4)), Number(period.slice(5, 7)), 1, 8, 0).getTime();
      const at = Math.min(ctx.now.getTime() - 3_600_000, start + rng.int(0, 27) * DAY + rng.int(0, 8) * 3_600_000);
      if (at < start) continue; // the first hour of a month: nothing to say yet
      const rhk = rng.chance(0.4) ? rhkOf.get(`${officer.id}|${period.slice(0, 4)}`) : undefined;
      const chosen = rhk?.length ? rng.pick(rhk) : undefined;
      const replyAt = at + rng.int(2, 40) * 3_600_000;
      out.push({
        id: `fb_${rng.hex(8)}`, officerId: officer.id, agencyId: officer.agencyId, kind, period,
        ...(chosen ? { rhkId: chosen.id, rhkTitle: chosen.title } : {}),
        note: rng.pick(NOTES[kind]), authorId: author.id, authorName: author.name, authorRole: 'supervisor',
        createdAt: new Date(at).toISOString(),
        replies: rng.chance(0.35) && replyAt < ctx.now.getTime()
          ? [{ note: rng.pick(REPLIES), at: new Date(replyAt).toISOString(), byId: officer.id, byName: officer.name }]
          : [],
      });
    }
  }
  return out;
}

/** The feedback, references, last-feedback items and per-author counts of a tenant's list. */
function itemsOf(tenant: string, timeZone: string, list: readonly Feedback[]): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const last = new Map<string, string>();
  const groups = new Map<string, Feedback[]>();
  for (const f of list) {
    items.push(feedbackItem(tenant, f), feedbackRefItem(tenant, f));
    if ((last.get(f.officerId) ?? '') < f.createdAt) last.set(f.officerId, f.createdAt);
    const month = monthOf(new Date(f.createdAt), timeZone);
    const g = `${f.agencyId}|${month}|${f.authorId}`;
    groups.set(g, [...(groups.get(g) ?? []), f]);
  }
  for (const [officerId, at] of last) items.push(feedbackLastItem(tenant, officerId, at));
  for (const [g, fs] of groups) {
    const [agencyId, month] = g.split('|');
    items.push(feedbackStatItem(tenant, agencyId!, month!, fs));
  }
  return items;
}

export const feedbackSeeder: Seeder = {
  name: 'feedback',
  run: async (ctx) => {
    const items: Record<string, unknown>[] = [];
    for (const st of ctx.tenants) {
      const current = monthOf(ctx.now, st.tenant.timeZone);
      const years = [...new Set([current, addMonths(current, 1 - MONTHS)].map((m) => m.slice(0, 4)))];
      // The plans the reports seeder wrote (one BatchGet per 100), for RHK the feedback may name.
      const plans = await batchGet<PlanItem>(years.flatMap((y) => st.officers.map((o) => keys.plan(st.tenant.id, o.id, y))));
      const rhkOf = new Map(plans.map((p) => [`${p.officerId}|${p.year}`, p.rhk]));
      items.push(...itemsOf(st.tenant.id, st.tenant.timeZone, tenantFeedback(ctx, st, rhkOf)));
    }
    ctx.progress(`feedback: writing ${items.length} items`);
    await batchPut(items, { concurrency: 8 });
  },
};

// Seeds SKP plans for every officer, 24 months of reviewed reports ending last month, their scores and
// the scoring share of the rollups (officers, submitted, approved, capaian, predikat counts), written as
// final state: the scores come from the same scoreReport the stream processor uses. Per tenant one agency
// improves over the 24 months and one declines; last month has some reports pending or returned; the
// current month is mostly unreported (the demo `<tenant>.pegawai` always has it open).
import { batchPut } from '../../../functions/data/batch.js';
import * as keys from '../../../functions/data/keys.js';
import type { Officer } from '../../../functions/data/org-repository.js';
import { planItem } from '../../../functions/data/plan-repository.js';
import { reportId, reportItem, type Report, type ReportLine, type Review } from '../../../functions/data/report-repository.js';
import { rollupItems } from '../../../functions/data/rollup-repository.js';
import { scoreItem } from '../../../functions/data/score-repository.js';
import { addMonths, monthOf, periodEnd } from '../../../functions/domain/periods.js';
import { DEFAULT_POLICY } from '../../../functions/domain/policy.js';
import { BERAKHLAK, type Behaviour, type Rhk } from '../../../functions/domain/types.js';
import { round2 } from '../../../functions/domain/numbers.js';
import { rollupContribution, scoreReport } from '../../../functions/scoring/compute.js';
import type { SeedContext, SeededTenant, Seeder } from './context.js';
import type { Rng } from './prng.js';
import { FEEDBACK, RETURN_FEEDBACK, TAMBAHAN, UTAMA_ADMIN, UTAMA_BY_KIND, UTAMA_LEAD, UTAMA_UNIT_HEAD, type RhkTemplate } from './skp-templates.js';

const MONTHS = 24;
const IMPROVING = ['dpmptsp', 'disdukcapil', 'dinsos', 'pupr'];
const DECLINING = ['pupr', 'dinsos', 'disdukcapil', 'dpmptsp'];
const DAY = 86_400_000;

type Item = Record<string, unknown>;

function buildPlanRhk(rng: Rng, o: Officer, kind: string, role: 'unitHead' | 'lead' | 'admin' | 'staff'): Rhk[] {
  const pool = UTAMA_BY_KIND[kind] ?? UTAMA_ADMIN;
  const shuffled = [...pool].sort(() => rng.next() - 0.5);
  const utama: RhkTemplate[] =
    role === 'unitHead' ? [UTAMA_UNIT_HEAD, shuffled[0]]
    : role === 'lead' ? [UTAMA_LEAD[0], ...(rng.chance(0.6) ? [UTAMA_LEAD[1]] : []), shuffled[0]]
    : role === 'admin' ? [...UTAMA_ADMIN].sort(() => rng.next() - 0.5).slice(0, 2)
    : shuffled.slice(0, rng.int(2, Math.min(3, shuffled.length)));
  const extra = rng.chance(0.5) ? (rng.chance(0.3) ? 2 : 1) : 0;
  const tambahan = [...TAMBAHAN].sort(() => rng.next() - 0.5).slice(0, Math.min(extra, 5 - utama.length));
  // Counts are whole numbers (no "1.2 kegiatan"); small time targets keep one decimal (e.g. 3.5 hari).
  const scale = (t: number, unit: string, aspect: string) => {
    if (unit === '%' || unit === 'indeks') return t;
    const v = t * (0.8 + 0.4 * rng.next());
    return t >= 20 || aspect === 'kuantitas' ? Math.max(1, Math.round(v)) : Math.max(0.5, Math.round(v * 10) / 10);
  };
  return [...utama.map((t) => ({ t, kind: 'utama' as const })), ...tambahan.map((t) => ({ t, kind: 'tambahan' as const }))].map(({ t, kind: rhkKind }, n) => ({
    id: `rhk${n + 1}`,
    kind: rhkKind,
    title: t.title,
    indicators: t.indicators.map((ind, m) => ({ id: `r${n + 1}i${m + 1}`, name: ind.name, aspect: ind.aspect, target: scale(ind.target, ind.unit, ind.aspect), unit: ind.unit, source: ind.source ?? 'report' })),
  }));
}

function realisasi(rng: Rng, aspect: string, target: number, unit: string, f: number): number {
  const g = Math.max(0.3, f * rng.normal(1, 0.03));
  let v = aspect === 'kuantitas' || aspect === 'kualitas' ? target * g : target / g;
  if (unit === '%' && aspect === 'kualitas') v = Math.min(100, v);
  return target >= 20 || aspect === 'kuantitas' ? Math.round(v) : round2(v);
}

function behaviourFor(rng: Rng, f: number, lowConduct: boolean): Behaviour {
  const p3 = f > 1.08 ? 0.75 : f > 0.98 ? 0.3 : 0.1;
  const p1 = lowConduct ? 0.2 : 0.003;
  return Object.fromEntries(BERAKHLAK.map((v) => [v, rng.chance(p1) ? 1 : rng.chance(p3) ? 3 : 2])) as Behaviour;
}

function seedTenant(ctx: SeedContext, st: SeededTenant, index: number, out: Item[]): void {
  const t = st.tenant.id;
  const rng = ctx.rng.fork(`plans-reports:${t}`);
  const current = monthOf(ctx.now, st.tenant.timeZone);
  const months = Array.from({ length: MONTHS }, (_, i) => addMonths(current, i - MONTHS));
  const years = [...new Set([...months, current].map((m) => Number(m.slice(0, 4))))];
  const user = (suffix: string) => ctx.users.find((u) => u.username === `${t}.${suffix}`)?.officerId ?? null;
  const pegawai = user('pegawai'), atasan = user('atasan'), admin = user('admin');
  const byId = new Map(st.officers.map((o) => [o.id, o]));
  const leads = new Set(st.officers.map((o) => o.supervisorId).filter(Boolean));
  const kindOf = new Map(st.agencies.map((a) => [a.id, a.templateKind]));
  const improving = IMPROVING[index % IMPROVING.length], declining = DECLINING[index % DECLINING.length];
  const trend = (agencyId: string, i: number) =>
    agencyId === improving ? -0.14 + (0.24 * i) / (MONTHS - 1) : agencyId === declining ? 0.08 - (0.24 * i) / (MONTHS - 1) : 0.015 * Math.sin(i / 2);
  const rollups = new Map<string, Record<string, number>>();
  const add = (agencyId: string, period: string, fields: Record<string, number>) => {
    const r = rollups.get(`${agencyId}|${period}`) ?? {};
    for (const [k, v] of Object.entries(fields)) r[k] = round2((r[k] ?? 0) + v);
    rollups.set(`${agencyId}|${period}`, r);
  };
  const rhkOf = new Map<string, Rhk[]>();
  const pendingForAtasan = st.officers.filter((o) => o.supervisorId === atasan && o.id !== pegawai).slice(0, 2).map((o) => o.id);

  for (const o of st.officers) {
    const supervisor = o.supervisorId ? byId.get(o.supervisorId) : undefined;
    const role = leads.has(o.id) ? (o.unitId ? 'unitHead' : 'lead') : supervisor?.position.startsWith('Kepala Subbagian') ? 'admin' : 'staff';
    const rhk = buildPlanRhk(rng, o, kindOf.get(o.agencyId) ?? '', role);
    rhkOf.set(o.id, rhk);
    for (const year of years) {
      const [written, agreed] = [`${year - 1}-12-20T02:00:00.000Z`, `${year - 1}-12-27T03:00:00.000Z`];
      const appraiser = o.supervisorId ?? admin ?? 'seed';
      out.push(planItem({
        tenant: t, officerId: o.id, year, version: 1, rev: 1, status: 'agreed', rhk, updatedAt: written, updatedBy: appraiser,
        agreement: { officer: { by: o.id, at: agreed }, supervisor: { by: appraiser, at: agreed } }, agreedAt: agreed,
      }));
    }
    const reported = rhk.flatMap((r) => r.indicators).filter((i) => i.source === 'report');
    const base = rng.chance(0.06) ? rng.normal(0.82, 0.04) : rng.normal(1.0, 0.055);
    const lowConduct = rng.chance(0.02);
    const reviewerId = o.supervisorId ?? admin ?? o.id;

    for (let i = 0; i <= MONTHS; i++) {
      const period = i < MONTHS ? months[i] : current;
      add(o.agencyId, period, { officers: 1 });
      // Some months were never reported: compliance below 100% and MISSING_REPORT flags in history.
      if (i < MONTHS - 1 && o.id !== pegawai && rng.chance(base < 0.9 ? 0.08 : 0.025)) continue;
      const latest = i === MONTHS - 1;
      let status: Report['status'] = 'approved';
      if (i === MONTHS) {
        if (o.id === pegawai || !(pendingForAtasan.includes(o.id) || rng.chance(0.08))) continue; // current month mostly open
        status = 'submitted';
      } else if (latest && o.id !== pegawai) {
        const roll = rng.next();
        status = pendingForAtasan.includes(o.id) || roll < 0.06 ? 'submitted' : roll < 0.09 ? 'returned' : 'approved';
      }
      const f = base + trend(o.agencyId, i) + rng.normal(0, 0.045);
      const items: ReportLine[] = reported.map((ind) => ({
        indicatorId: ind.id,
        value: realisasi(rng, ind.aspect, ind.target, ind.unit, f),
        ...(rng.chance(0.25) ? { evidenceUrl: `https://arsip.${t}.go.id/kinerja/${period}/${o.id}-${ind.id}.pdf` } : {}),
      }));
      const start = i === MONTHS ? periodEnd(addMonths(current, -1), st.tenant.timeZone).getTime() : periodEnd(period, st.tenant.timeZone).getTime();
      const submittedAt = new Date(Math.min(ctx.now.getTime() - 60_000, start + rng.int(2, 100) * 3_600_000)).toISOString();
      const reviewedAt = new Date(Date.parse(submittedAt) + rng.int(4, 70) * 3_600_000).toISOString();
      const report: Report = {
        id: reportId(o.id, period), tenant: t, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, supervisorId: o.supervisorId, ancestors: o.ancestors ?? [],
        period, status, items, submittedAt, submittedBy: o.id, history: [], version: 1,
      };
      add(o.agencyId, period, { submitted: 1 });
      if (status === 'returned') {
        report.review = { decision: 'return', feedback: rng.pick(RETURN_FEEDBACK), reviewerId, reviewedAt };
        report.version = 2;
      } else if (status === 'approved') {
        const behaviour = behaviourFor(rng, f, lowConduct);
        const score = scoreReport({ rhk, values: Object.fromEntries(items.map((l) => [l.indicatorId, l.value])), ikm: null, behaviour, policy: DEFAULT_POLICY });
        const tone = score.predikat === 'SANGAT_BAIK' ? 'high' : score.predikat === 'BAIK' ? 'good' : score.perilaku === 'DI_BAWAH' && score.hasilKerja !== 'DI_BAWAH' ? 'conduct' : 'low';
        const review: Review = { decision: 'approve', feedback: rng.pick(FEEDBACK[tone]), behaviour, reviewerId, reviewedAt };
        report.review = review;
        report.version = 2;
        if (rng.chance(0.03)) {
          const earlier = new Date(Date.parse(submittedAt) - 3 * DAY).toISOString();
          report.history = [{ items, submittedAt: earlier, review: { decision: 'return', feedback: rng.pick(RETURN_FEEDBACK), reviewerId, reviewedAt: new Date(Date.parse(earlier) + DAY).toISOString() } }];
          report.version = 4;
        }
        out.push(scoreItem({
          tenant: t, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period,
          capaian: score.capaian, hasilKerjaSuggested: score.hasilKerjaSuggested, hasilKerja: score.hasilKerja, hasilKerjaOverridden: false,
          perilaku: score.perilaku, predikat: score.predikat, reportId: report.id, scoredAt: reviewedAt, scoredVersion: report.version,
        }));
        add(o.agencyId, period, rollupContribution(score));
      }
      // A resubmission after `returned` must not be counted again by the stream; the marker's GSI1 tells the
      // notification pass who reported in the month.
      out.push({ ...keys.reportCounted(t, o.id, period), type: 'reportCounted', tenant: t, officerId: o.id, agencyId: o.agencyId, period, GSI1PK: keys.reportedInMonth(t, period), GSI1SK: keys.reportedSort(o.agencyId, o.id) });
      out.push(reportItem(report));
    }
  }

  // Cascading (Matriks Peran Hasil): each utama RHK supports one of the supervisor's utama RHK. Set after
  // every plan is built (a supervisor may come later in the list); the plan items share these RHK objects.
  for (const o of st.officers) {
    const parents = o.supervisorId ? (rhkOf.get(o.supervisorId) ?? []).filter((r) => r.kind === 'utama') : [];
    if (!parents.length) continue;
    (rhkOf.get(o.id) ?? []).filter((r) => r.kind === 'utama').forEach((r, n) => { r.parentRhkId = parents[n % parents.length].id; });
  }

  const tenantTotals = new Map<string, Record<string, number>>();
  for (const [key, fields] of rollups) {
    const [agencyId, period] = key.split('|');
    out.push(...rollupItems(t, agencyId, period, fields));
    const total = tenantTotals.get(period) ?? {};
    for (const [k, v] of Object.entries(fields)) total[k] = round2((total[k] ?? 0) + v);
    tenantTotals.set(period, total);
  }
  for (const [period, fields] of tenantTotals) out.push(...rollupItems(t, null, period, fields));
}

export const reportsSeeder: Seeder = {
  name: 'plans and reports',
  run: async (ctx) => {
    const items: Item[] = [];
    ctx.tenants.forEach((st, i) => seedTenant(ctx, st, i, items));
    ctx.progress(`plans and reports: writing ${items.length} items`);
    let reported = 0;
    await batchPut(items, {
      concurrency: 16,
      onProgress: (done) => {
        if (done - reported >= 10_000) { reported = done; ctx.progress(`plans and reports: ${done}/${items.length} items`); }
      },
    });
  },
};

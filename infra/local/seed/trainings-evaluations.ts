// Seeds organisational ratings per agency, trainings (most officers reach 20 JP a year, some do not),
// and the evaluations of the seeded months produced by the real evaluation (evaluateOfficerPeriod)
// over the seeded scores, surveys and trainings, with their rollups, curve checks and a few objections.
import { UpdateCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchPut, queryAll } from '../../../functions/data/batch.js';
import { ddb, tableName } from '../../../functions/data/client.js';
import * as keys from '../../../functions/data/keys.js';
import { loadPolicy } from '../../../functions/data/policy-repository.js';
import { rollupTransactItems } from '../../../functions/data/rollup-repository.js';
import { evaluateOfficerPeriod, lookBack, type MonthScore } from '../../../functions/evaluations/evaluate-officer.js';
import { agencyCurves, countEvaluation, evaluationFields, sumAggregates } from '../../../functions/evaluations/finalise.js';
import { earlierPeriods } from '../../../functions/evaluations/inputs.js';
import { agencyEvaluationItem, evaluationId, evaluationItem, finalPredikat, membershipItems, publishedRunItem, setEvaluationRollups, type Evaluation } from '../../../functions/evaluations/repository.js';
import { BATCH_SIZE } from '../../../functions/evaluations/dispatcher.js';
import { newRunId, runItem, RUN_TTL_DAYS, type BatchAggregates } from '../../../functions/evaluations/runs.js';
import { trainingItem, trainingYearItems, totalJp, type Training } from '../../../functions/trainings/repository.js';
import { addIkmSums, emptyIkmSums, ikmFromSums, type IkmSums } from '../../../functions/domain/ikm.js';
import { addMonths, dayOf, monthOf, monthsOf, quarterOf } from '../../../functions/domain/periods.js';
import { evaluationRunAt } from '../../../functions/domain/calendar.js';
import type { TenantPolicy } from '../../../functions/domain/policy.js';
import type { Predikat } from '../../../functions/domain/types.js';
import { sumsFromRollup } from '../../../functions/surveys/aggregate.js';
import type { SeedContext, SeededTenant, Seeder } from './context.js';
import type { Rng } from './prng.js';

const MONTHS = 24;
const CATALOGUE: { title: string; provider: string; jp: [number, number] }[] = [
  { title: 'e-Learning LAN: Manajemen ASN', provider: 'Lembaga Administrasi Negara', jp: [4, 10] },
  { title: 'Webinar ASN Corpu: Pelayanan Publik Prima', provider: 'ASN Corporate University', jp: [2, 4] },
  { title: 'Bimtek SIPD Perencanaan dan Penganggaran', provider: 'Kementerian Dalam Negeri', jp: [8, 16] },
  { title: 'Diklat Kepemimpinan Pengawas', provider: 'BPSDM Provinsi', jp: [12, 20] },
  { title: 'Pelatihan Dasar CPNS (Latsar)', provider: 'BPSDM Provinsi', jp: [10, 20] },
  { title: 'Webinar Literasi Digital ASN', provider: 'Kementerian Komunikasi dan Digital', jp: [2, 3] },
  { title: 'Bimtek Penyusunan SKP dan Manajemen Kinerja', provider: 'BKPSDM', jp: [4, 8] },
  { title: 'e-Learning Anti Korupsi', provider: 'KPK ACLC', jp: [3, 6] },
  { title: 'Pelatihan Teknis Pengadaan Barang/Jasa', provider: 'LKPP', jp: [8, 12] },
];

type Item = Record<string, unknown>;

function trainingsFor(rng: Rng, st: SeededTenant, months: string[], today: string, createdAt: string): Training[] {
  const out: Training[] = [];
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  for (const o of st.officers) {
    const behind = rng.chance(0.12);
    for (const year of years) {
      const inYear = months.filter((m) => m.startsWith(year));
      const fullYear = inYear.length >= 10;
      const count = behind ? rng.int(1, 2) : fullYear ? rng.int(2, 4) : rng.int(1, 2);
      const list: Training[] = [];
      for (let i = 0; i < count; i++) {
        const c = rng.pick(CATALOGUE);
        const month = rng.pick(inYear);
        const date = `${month}-${String(rng.int(1, 28)).padStart(2, '0')}`;
        if (date > today) continue;
        list.push({ id: `trn_${rng.hex(8)}`, tenant: st.tenant.id, officerId: o.id, agencyId: o.agencyId, title: c.title, jp: behind ? rng.int(2, 6) : rng.int(c.jp[0], c.jp[1]), date, provider: c.provider, createdAt, createdBy: 'seed' });
      }
      // Officers on track close a full year at 20 JP or more: top up their largest training.
      const sum = totalJp(list);
      if (!behind && fullYear && sum < 20 && list.length) list.sort((a, b) => b.jp - a.jp)[0]!.jp += 20 - sum + rng.int(0, 6);
      out.push(...list);
    }
  }
  return out;
}

async function setOrgRatings(rng: Rng, st: SeededTenant, years: string[], setAt: string): Promise<void> {
  const ids = st.agencies.map((a) => a.id);
  const istimewa = rng.pick(ids);
  const weak = rng.pick(ids.filter((i) => i !== istimewa));
  await Promise.all(st.agencies.map((a) => {
    a.orgRating = a.id === istimewa ? 'ISTIMEWA' : a.id === weak ? 'BUTUH_PERBAIKAN' : 'BAIK';
    return ddb().send(new UpdateCommand({ TableName: tableName(), Key: keys.agency(st.tenant.id, a.id), UpdateExpression: 'SET orgRating = :r', ExpressionAttributeValues: { ':r': a.orgRating } }));
  }));
  // The BKPSDM's rating of each seeded year, as PUT /v1/agencies/{id}/org-ratings/{year} writes it.
  await batchPut(st.agencies.flatMap((a) => years.map((year) => ({
    ...keys.orgRating(st.tenant.id, a.id, year), type: 'orgRating', tenant: st.tenant.id, agencyId: a.id, year: Number(year), rating: a.orgRating, setAt, setBy: 'seed',
  }))));
}

/** Unit × month IKM sums of a tenant in one Query over the unit rollup partition. */
async function unitSums(tenant: string): Promise<Map<string, IkmSums>> {
  const items = await queryAll<Item>({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.unitRollup(tenant, '-', '-').PK } });
  return new Map(items.map((i) => [`${i.unitId}|${i.period}`, sumsFromRollup(i)]));
}

async function scoresOf(tenant: string, officerIds: string[]): Promise<Map<string, MonthScore>> {
  const out = new Map<string, MonthScore>();
  for (let i = 0; i < officerIds.length; i += 16) {
    await Promise.all(officerIds.slice(i, i + 16).map(async (id) => {
      const items = await queryAll<Item>({ KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)', ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, id), ':s': 'SCORE#' } });
      for (const s of items) out.set(`${id}|${s.period}`, s as unknown as MonthScore);
    }));
  }
  return out;
}

/** The periods a tenant's schedules would have evaluated over the seeded months by `now` (each runs on the
 *  day after the review due day that follows it, DESIGN §2 calendar), oldest first per kind. */
function seededPeriods(st: SeededTenant, months: string[], policy: TenantPolicy, now: Date): string[][] {
  const ran = (p: string) => evaluationRunAt(p, policy, st.tenant.timeZone) <= now;
  const main = st.tenant.evaluationFrequency === 'monthly' ? months : [...new Set(months.map(quarterOf))].filter((q) => monthsOf(q).every((m) => months.includes(m)));
  const years = [...new Set(months.map((m) => m.slice(0, 4)))].filter((y) => monthsOf(y).every((m) => months.includes(m)));
  return [main.filter(ran), years.filter(ran)];
}

async function evaluateTenant(ctx: SeedContext, st: SeededTenant, months: string[], trainings: Training[], out: Item[]): Promise<{ rollups: Map<string, BatchAggregates> }> {
  const t = st.tenant.id;
  const policy = await loadPolicy(t);
  const [scores, ikmSums] = await Promise.all([scoresOf(t, st.officers.map((o) => o.id)), unitSums(t)]);
  const jpByOfficer = new Map<string, Training[]>();
  for (const tr of trainings) jpByOfficer.set(tr.officerId, [...(jpByOfficer.get(tr.officerId) ?? []), tr]);
  const rollups = new Map<string, BatchAggregates>();
  const rng = ctx.rng.fork(`objections:${t}`);
  const runIds = ctx.rng.fork(`runs:${t}`);
  for (const periods of seededPeriods(st, months, policy, ctx.now)) {
    const final = new Map<string, Predikat | null>();
    for (const period of periods) {
      const pm = monthsOf(period);
      // The automatic run at 01:00 on day reviewDueDay + 1; its evaluations are published a few minutes later.
      const runAt = evaluationRunAt(period, policy, st.tenant.timeZone);
      const evaluatedAt = new Date(runAt.getTime() + 5 * 60_000).toISOString();
      const runId = newRunId(period, runAt.toISOString(), runIds.hex(3));
      const aggregates: BatchAggregates = {};
      const ikmCache = new Map<string, number | null>();
      for (const o of st.officers) {
        let ikm: number | null = null;
        if (o.unitId) {
          if (!ikmCache.has(o.unitId)) ikmCache.set(o.unitId, ikmFromSums(pm.reduce((acc, m) => addIkmSums(acc, ikmSums.get(`${o.unitId}|${m}`) ?? emptyIkmSums()), emptyIkmSums()))?.ikm ?? null);
          ikm = ikmCache.get(o.unitId)!;
        }
        const last = pm.at(-1)!;
        const jp = totalJp((jpByOfficer.get(o.id) ?? []).filter((x) => x.date.slice(0, 7) <= last && x.date.startsWith(last.slice(0, 4))));
        const previous = earlierPeriods(period, lookBack(policy)).map((p) => (final.has(`${o.id}|${p}`) ? final.get(`${o.id}|${p}`)! : (scores.get(`${o.id}|${p}`)?.predikat ?? null)));
        const result = evaluateOfficerPeriod({ period, scores: pm.map((m) => scores.get(`${o.id}|${m}`)).filter((s): s is MonthScore => !!s), ikm, trainingJpToDate: jp, previous, policy });
        const e: Evaluation = { id: evaluationId(o.id, period), tenant: t, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period, ...result, runId, evaluatedAt, publishedAt: evaluatedAt };
        // A couple of objections on the latest month: one pending, one amended by the supervisor's supervisor.
        if (period === periods.at(-1) && period.length > 4 && (e.predikat === 'BUTUH_PERBAIKAN' || e.predikat === 'KURANG') && rng.chance(0.08)) {
          const sup = st.officers.find((x) => x.id === o.supervisorId);
          const decider = sup?.supervisorId ?? null;
          const amended = rng.chance(0.5) && decider !== null;
          e.objection = {
            id: e.id, reason: 'Capaian bulan ini terdampak tugas tambahan dari pimpinan yang belum tercatat di SKP.', filedAt: new Date(Date.parse(evaluatedAt) + 2 * 86_400_000).toISOString(),
            filedBy: o.id, deciderId: decider, status: amended ? 'amended' : 'pending',
            ...(amended ? { decision: { decision: 'amend' as const, note: 'Tugas tambahan terbukti; predikat disesuaikan.', amendedPredikat: 'BAIK' as const, decidedBy: decider!, decidedAt: new Date(Date.parse(evaluatedAt) + 5 * 86_400_000).toISOString() } } : {}),
          };
        }
        final.set(`${o.id}|${period}`, finalPredikat(e));
        countEvaluation(aggregates, e);
        out.push(evaluationItem(e));
      }
      rollups.set(period, aggregates);
      out.push(...agencyCurves(t, period, runId, st.agencies, aggregates).map(agencyEvaluationItem));
      // The automatic run's record, its officers and the run published for the period, as the dispatcher,
      // the workers and the run's end write them.
      const n = st.officers.length;
      out.push(runItem({
        id: runId, tenant: t, period, trigger: 'schedule', startedBy: 'schedule:daily', officersTotal: n, batchesTotal: Math.ceil(n / BATCH_SIZE),
        officersDone: n, officersFailed: 0, dlq: 0, status: 'done', startedAt: runAt.toISOString(), endedAt: evaluatedAt,
      }, Math.floor(runAt.getTime() / 1000) + RUN_TTL_DAYS * 86_400));
      out.push(...membershipItems(t, period, runId, st.officers), publishedRunItem(t, period, runId, runAt.toISOString()));
    }
  }
  return { rollups };
}

async function inChunks<T>(list: T[], size: number, concurrency: number, fn: (chunk: T[]) => Promise<void>): Promise<void> {
  const chunks = Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < chunks.length) await fn(chunks[next++]!); }));
}

export const evaluationsSeeder: Seeder = {
  name: 'trainings and evaluations',
  run: async (ctx) => {
    const started = Date.now();
    const items: Item[] = [];
    const jpDeltas: { tenant: string; agencyId: string | null; period: string; jp: number }[] = [];
    const evalRollups: { tenant: string; agencyId: string | null; period: string; fields: Record<string, number> }[] = [];
    for (const st of ctx.tenants) {
      const tz = st.tenant.timeZone;
      const current = monthOf(ctx.now, tz);
      const months = Array.from({ length: MONTHS }, (_, i) => addMonths(current, i - MONTHS));
      const rng = ctx.rng.fork(`trainings:${st.tenant.id}`);
      await setOrgRatings(rng, st, [...new Set(months.map((m) => m.slice(0, 4)))], ctx.now.toISOString());
      const trainings = trainingsFor(rng, st, months, dayOf(ctx.now, tz), ctx.now.toISOString());
      // The officer-year JP totals putTraining keeps, which evaluation runs read instead of the trainings.
      items.push(...trainings.map(trainingItem), ...trainingYearItems(trainings));
      const byAgencyMonth = new Map<string, number>();
      for (const tr of trainings) { const k = `${tr.agencyId}|${tr.date.slice(0, 7)}`; byAgencyMonth.set(k, (byAgencyMonth.get(k) ?? 0) + tr.jp); }
      const byMonth = new Map<string, number>();
      for (const [k, jp] of byAgencyMonth) {
        const [agencyId, period] = k.split('|') as [string, string];
        jpDeltas.push({ tenant: st.tenant.id, agencyId, period, jp });
        byMonth.set(period, (byMonth.get(period) ?? 0) + jp);
      }
      for (const [period, jp] of byMonth) jpDeltas.push({ tenant: st.tenant.id, agencyId: null, period, jp });
      const { rollups } = await evaluateTenant(ctx, st, months, trainings, items);
      for (const [period, byAgency] of rollups) {
        if (period.length !== 7) continue; // rollups are monthly; quarters and years live on their evaluations
        for (const [agencyId, counts] of Object.entries(byAgency)) evalRollups.push({ tenant: st.tenant.id, agencyId, period, fields: evaluationFields(counts) });
        evalRollups.push({ tenant: st.tenant.id, agencyId: null, period, fields: evaluationFields(sumAggregates(Object.values(byAgency).map((c) => ({ all: c }))).all) });
      }
    }
    const computed = Date.now();
    ctx.progress(`trainings and evaluations: writing ${items.length} items`);
    await batchPut(items, { concurrency: 16 });
    const written = Date.now();
    // Shared rollup items get ADDs (training JP) and SETs (evaluation counts), never a put over another writer's fields.
    const jpUpdates = jpDeltas.map((d) => rollupTransactItems(d.tenant, d.agencyId ?? '-', d.period, { trainingJp: d.jp })).flatMap((u, i) => (jpDeltas[i]!.agencyId === null ? u.slice(1) : u.slice(0, 1)));
    await inChunks(jpUpdates, 100, 4, async (c) => { await ddb().send(new TransactWriteCommand({ TransactItems: c })); });
    await inChunks(evalRollups, 1, 8, async ([r]) => setEvaluationRollups(r!.tenant, r!.agencyId, r!.period, r!.fields));
    ctx.progress(`trainings and evaluations: ${items.length} items + ${jpUpdates.length + evalRollups.length * 2} rollup updates; computed in ${((computed - started) / 1000).toFixed(1)} s, puts ${((written - computed) / 1000).toFixed(1)} s, rollups ${((Date.now() - written) / 1000).toFixed(1)} s`);
  },
};

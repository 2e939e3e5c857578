// Seeds 24 months of public satisfaction surveys for every service unit (plus a few this month), their
// unit/agency/tenant/national IKM rollups computed with the stream's own aggregation, and complaints
// in every status (some overdue). Budget: about 13,500 items (7–10 responses per unit-month).
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchPut } from '../../../functions/data/batch.js';
import { ddb } from '../../../functions/data/client.js';
import * as keys from '../../../functions/data/keys.js';
import { IKM_KEYS, type IkmScores } from '../../../functions/domain/ikm.js';
import { addMonths, monthOf, parsePeriod, zonedParts, zonedTimeToUtc } from '../../../functions/domain/periods.js';
import { clamp } from '../../../functions/domain/numbers.js';
import { codeItem, complaintItem, type Complaint } from '../../../functions/complaints/repository.js';
import type { ComplaintCategory, ComplaintCause, ComplaintStatus } from '../../../functions/complaints/schemas.js';
import { contribution, filingMonth, type StatsContext } from '../../../functions/complaints/stats.js';
import { DEFAULT_POLICY } from '../../../functions/domain/policy.js';
import { RESPONDENT_OPTIONS } from '../../../functions/surveys/schemas.js';
import { aggregateSurveys, rollupAttributes, type SurveyFacts } from '../../../functions/surveys/aggregate.js';
import { rollupKey, rollupUpdate } from '../../../functions/surveys/rollup.js';
import type { SeedContext, SeededTenant, Seeder } from './context.js';
import type { Rng } from './prng.js';

const MONTHS = 24;
// Citizens rate cost (often free) high and waiting time and facilities lower: offsets on the 1–4 scale.
const ELEMENT_OFFSET: Record<string, number> = { u1: 0.05, u2: 0, u3: -0.25, u4: 0.3, u5: 0.05, u6: 0.1, u7: 0.15, u8: -0.2, u9: -0.2 };
const COMMENTS = [
  'Pelayanan cepat dan petugas ramah.', 'Antrian terlalu lama, mohon ditambah loket.', 'Ruang tunggu panas, AC tidak berfungsi.',
  'Persyaratan jelas, terima kasih.', 'Petugas sangat membantu.', 'Informasi biaya kurang jelas.', 'Parkir sempit.',
];
const COMPLAINTS: [ComplaintCategory, string][] = [
  ['waktu', 'Sudah tiga kali datang tetapi berkas belum selesai diproses, mohon kejelasan waktunya.'],
  ['petugas', 'Petugas loket kurang ramah dan tidak menjelaskan persyaratan dengan baik kepada warga.'],
  ['biaya', 'Diminta membayar biaya tambahan yang tidak tercantum di papan informasi pelayanan.'],
  ['sarana', 'Toilet untuk pengunjung rusak dan ruang tunggu tidak memiliki kursi yang cukup.'],
  ['pelayanan', 'Sistem antrian online tidak bisa diakses sejak pagi sehingga warga menumpuk di lokasi.'],
  ['lainnya', 'Jam buka pelayanan di papan pengumuman berbeda dengan jam buka yang sebenarnya.'],
];
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

interface UnitProfile { start: number; slope: number }

/** Mostly B, some A, a few units below 76.61 (LOW_IKM), each drifting over the two years. */
function profile(rng: Rng): UnitProfile {
  const r = rng.next();
  const start = r < 0.2 ? rng.int(89, 94) : r < 0.9 ? rng.int(80, 87) : rng.int(70, 75);
  return { start, slope: rng.normal(0.12, 0.2) };
}

function answersFor(rng: Rng, ikm: number): IkmScores {
  const mean = ikm / 25;
  const a = {} as IkmScores;
  for (const k of IKM_KEYS) a[k] = clamp(Math.round(rng.normal(mean + ELEMENT_OFFSET[k]!, 0.55)), 1, 4);
  return a;
}

function respondent(rng: Rng) {
  if (rng.chance(0.25)) return undefined;
  const o = RESPONDENT_OPTIONS;
  return { gender: rng.pick(o.gender), ageGroup: rng.pick(o.ageGroup), education: rng.pick(o.education), occupation: rng.pick(o.occupation) };
}

/** A wall-clock instant in the tenant's month, during opening hours, never after `now`. */
function instantIn(rng: Rng, month: string, tz: string, now: Date, maxDay = 28): Date {
  const p = parsePeriod(month) as { year: number; month: number };
  const t = zonedTimeToUtc(tz, p.year, p.month, rng.int(1, maxDay), rng.int(8, 15), rng.int(0, 59), rng.int(0, 59));
  return t.getTime() < now.getTime() ? t : new Date(now.getTime() - rng.int(60, 3600) * 1000);
}

function surveysFor(ctx: SeedContext, t: SeededTenant): { items: Record<string, unknown>[]; facts: SurveyFacts[] } {
  const rng = ctx.rng.fork(`surveys:${t.tenant.id}`);
  const tz = t.tenant.timeZone;
  const current = monthOf(ctx.now, tz);
  const today = zonedParts(ctx.now, tz).day;
  const items: Record<string, unknown>[] = [];
  const facts: SurveyFacts[] = [];
  for (const unit of t.units) {
    const p = profile(rng);
    const staff = t.officers.filter((o) => o.unitId === unit.id);
    for (let i = MONTHS; i >= 0; i--) {
      const month = addMonths(current, -i);
      const count = i === 0 ? (today > 1 ? rng.int(1, 4) : 0) : rng.int(7, 10);
      const level = clamp(p.start + p.slope * (MONTHS - i) + rng.normal(0, 1.5), 40, 99);
      for (let n = 0; n < count; n++) {
        const at = instantIn(rng, month, tz, ctx.now, i === 0 ? today : 28);
        const id = `svy_${rng.hex(10)}`;
        const f: SurveyFacts = { tenant: t.tenant.id, unitId: unit.id, agencyId: unit.agencyId, period: monthOf(at, tz), answers: answersFor(rng, level) };
        facts.push(f);
        items.push({
          ...keys.surveyResponse(f.tenant, f.unitId, f.period, at.toISOString(), id), type: 'survey', id, ...f,
          officerId: staff.length && rng.chance(0.3) ? rng.pick(staff).id : undefined,
          comment: rng.chance(0.15) ? rng.pick(COMMENTS) : undefined,
          respondent: respondent(rng), createdAt: at.toISOString(),
          // Counted in the rollups written below; the stream must not count it again.
          preAggregated: true,
        });
      }
    }
  }
  return { items, facts };
}

// Cause per category, as an admin would record it with the answer (DESIGN §2 causes).
const CAUSE_OF: Record<ComplaintCategory, ComplaintCause> = { waktu: 'waktu', petugas: 'petugas', biaya: 'biaya', sarana: 'sarana', pelayanan: 'sistem', lainnya: 'prosedur' };
const DAY_MS = 86_400_000;

/** A dozen complaints per city through the SP4N-LAPOR! steps (some late, one rejected, some
 *  substantiated about an officer), with their counters and the officers' substantiated-complaint items. */
function complaintsFor(ctx: SeedContext, t: SeededTenant): Record<string, unknown>[] {
  const rng = ctx.rng.fork(`complaints:${t.tenant.id}`);
  const stats: StatsContext = { timeZone: t.tenant.timeZone, holidays: DEFAULT_POLICY.holidays, answerDays: DEFAULT_POLICY.complaintAnswerWorkingDays };
  const plan: [ComplaintStatus, number, boolean][] = [ // status, days ago filed, a step done late
    ['received', 1, false], ['received', 3, false], ['received', 14, false],
    ['verified', 2, false], ['in_progress', 6, false], ['in_progress', 20, false],
    ['answered', 5, false], ['answered', 30, false], ['answered', 45, true],
    ['closed', 60, false], ['closed', 90, false], ['closed', 120, true], ['rejected', 9, false],
  ];
  const by = t.officers.find((o) => o.agencyId === 'bkpsdm')?.id ?? 'seed';
  const out: Record<string, unknown>[] = [];
  const counters = new Map<string, Record<string, number>>();
  plan.forEach(([status, daysAgo, late], i) => {
    const unit = rng.pick(t.units);
    const [category, description] = COMPLAINTS[i % COMPLAINTS.length]!;
    const created = new Date(ctx.now.getTime() - daysAgo * DAY_MS - rng.int(0, 6 * 3600) * 1000);
    const step = (from: Date, days: number) => new Date(Math.min(from.getTime() + days * DAY_MS + rng.int(1, 5) * 3600_000, ctx.now.getTime() - 60_000));
    const history: Complaint['history'] = [{ status: 'received', at: created.toISOString(), by: 'public' }];
    const c: Complaint = {
      id: `cmp_${rng.hex(8)}`, code: `ADU-${Array.from({ length: 8 }, (_, k) => (k === 4 ? '-' : '') + rng.pick([...CROCKFORD])).join('')}`,
      tenant: t.tenant.id, unitId: unit.id, agencyId: unit.agencyId, category, description,
      contact: rng.chance(0.7) ? `08${rng.int(11, 59)}${rng.int(1000000, 9999999)}` : undefined,
      status, createdAt: created.toISOString(), updatedAt: created.toISOString(), history,
    };
    // Complaints about conduct name the officer who served.
    const served = category === 'petugas' || category === 'biaya' ? rng.pick(t.officers.filter((o) => o.unitId === unit.id)) : undefined;
    if (served) c.officerId = served.id;
    if (status === 'rejected') {
      c.rejectedAt = step(created, 1).toISOString(); c.rejectReason = 'Bukan kewenangan pemerintah kota; diteruskan ke instansi terkait.';
      history.push({ status: 'rejected', at: c.rejectedAt, by });
    } else if (status !== 'received') {
      const verified = step(created, late && daysAgo > 60 ? 6 : 1);
      c.verifiedAt = verified.toISOString();
      history.push({ status: 'verified', at: c.verifiedAt, by });
      if (status !== 'verified') {
        const working = step(verified, 1);
        history.push({ status: 'in_progress', at: working.toISOString(), by });
        if (status === 'answered' || status === 'closed') {
          const answered = step(working, late ? rng.int(10, 14) : rng.int(1, 3));
          Object.assign(c, { answer: 'Terima kasih atas laporan Anda. Kami telah menindaklanjuti dan memperbaiki layanan terkait.', answeredAt: answered.toISOString(), answeredBy: by, cause: CAUSE_OF[category], substantiated: !!served || rng.chance(0.5) });
          history.push({ status: 'answered', at: c.answeredAt!, by });
          if (status === 'closed') history.push({ status: 'closed', at: step(answered, 2).toISOString(), by });
        }
      }
    }
    c.updatedAt = history.at(-1)!.at;
    out.push(complaintItem(c), codeItem(c));
    if (c.substantiated && c.officerId) {
      const month = filingMonth(c, stats.timeZone);
      out.push({ ...keys.substantiatedComplaint(c.tenant, c.officerId, month, c.id), type: 'substantiatedComplaint', tenant: c.tenant, officerId: c.officerId, complaintId: c.id, unitId: c.unitId, period: month, cause: c.cause, answeredAt: c.answeredAt });
    }
    const year = filingMonth(c, stats.timeZone).slice(0, 4);
    for (const agencyId of [null, c.agencyId]) {
      const key = `${year}|${agencyId ?? ''}`;
      const sum = counters.get(key) ?? {};
      for (const [k, v] of Object.entries(contribution(c, stats))) sum[k] = (sum[k] ?? 0) + v;
      counters.set(key, sum);
    }
  });
  for (const [key, sum] of counters) {
    const [year, agencyId] = key.split('|') as [string, string];
    out.push({ ...keys.complaintStats(t.tenant.id, year, agencyId || null), type: 'complaintStats', year, ...sum });
  }
  return out;
}

async function withConcurrency<T>(list: T[], n: number, fn: (x: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, list.length) }, async () => { while (next < list.length) await fn(list[next++]!); }));
}

export const surveysSeeder: Seeder = {
  name: 'surveys and complaints',
  run: async (ctx) => {
    const items: Record<string, unknown>[] = [];
    const facts: SurveyFacts[] = [];
    for (const t of ctx.tenants) {
      const s = surveysFor(ctx, t);
      items.push(...s.items, ...complaintsFor(ctx, t));
      facts.push(...s.facts);
    }
    const deltas = aggregateSurveys(facts);
    // Unit rollups are this capability's own items: plain puts. Agency/tenant/national items are shared
    // with scoring and evaluations, so they get the same ADD the stream applies and never a put.
    for (const d of deltas.filter((x) => x.level === 'unit')) {
      items.push({ ...rollupKey(d), type: 'unitRollup', tenant: d.tenant, unitId: d.id, agencyId: d.agencyId, period: d.period, GSI1PK: keys.unitRollupSeries(d.tenant, d.id), GSI1SK: keys.periodSort(d.period), ...rollupAttributes(d.sums) });
    }
    const started = Date.now();
    await batchPut(items, { concurrency: 8 });
    const shared = deltas.filter((x) => x.level !== 'unit');
    const putDone = Date.now();
    // 100 distinct items per transaction: far fewer round trips than one UpdateItem each on DynamoDB Local.
    const chunks = Array.from({ length: Math.ceil(shared.length / 100) }, (_, i) => shared.slice(i * 100, i * 100 + 100));
    await withConcurrency(chunks, 4, async (c) => { await ddb().send(new TransactWriteCommand({ TransactItems: c.map((d) => ({ Update: rollupUpdate(d) })) })); });
    ctx.progress(`surveys: ${items.length} puts in ${((putDone - started) / 1000).toFixed(1)} s, ${shared.length} rollup updates in ${((Date.now() - putDone) / 1000).toFixed(1)} s`);
    ctx.progress(`surveys: ${facts.length} responses, ${deltas.length} rollups, ${ctx.tenants.length * 12} complaints (${items.length + shared.length} items)`);
  },
};

// §6 "evaluation run ≤ 2 WCU per officer + O(agencies); wall ≤ 2× raw BatchWriteItem": the
// dispatcher and workers in-process over the local queue (as `npm start` runs them), for synthetic
// tenants of 1,000, 5,000 and 10,000 officers added to TENANTS for the bench only. The raw baseline
// batch-writes the same number of items of the same size just before and just after each run.
import { batchPut } from '../../functions/data/batch.js';
import { keys } from '../../functions/data/keys.js';
import { officerItem } from '../../functions/data/org-repository.js';
import { scoreItem } from '../../functions/data/score-repository.js';
import { tenants, type TenantConfig } from '../../functions/config/tenants.js';
import { addMonths, monthOf } from '../../functions/domain/periods.js';
import { startRun } from '../../functions/evaluations/dispatcher.js';
import { getEvaluation } from '../../functions/evaluations/repository.js';
import { getRun } from '../../functions/evaluations/runs.js';
import { LOCAL_QUEUE_CONCURRENCY, startLocalQueue } from '../../infra/local/queue.js';
import { startSeededDb } from './fixture.js';
import { installMeter, type Meter, type Usage } from './meter.js';
import { machine, round } from './stats.js';
import type { BenchContext, Line, SectionResult } from './types.js';

const SIZES = [1000, 5000, 10_000];
const OFFICERS_PER_AGENCY = 250;
const OFFICERS_PER_UNIT = 50;
const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG'] as const;

type Item = Record<string, unknown>;

/** Org, units with a month of IKM sums, and a score for 90% of the officers in the evaluated month. */
function syntheticTenant(id: string, officers: number, period: string): Item[] {
  const now = new Date().toISOString();
  const items: Item[] = [];
  const agencies = Math.max(1, Math.ceil(officers / OFFICERS_PER_AGENCY));
  for (let a = 0; a < agencies; a++) items.push({ ...keys.agency(id, `opd${a}`), type: 'agency', id: `opd${a}`, name: `Dinas ${a}`, shortName: `D${a}`, kind: 'umum' });
  const units = Math.ceil(officers / OFFICERS_PER_UNIT);
  for (let u = 0; u < units; u++) {
    const agencyId = `opd${u % agencies}`;
    items.push({ ...keys.unit(id, `unit${u}`), type: 'unit', id: `unit${u}`, agencyId, name: `Loket ${u}`, kind: 'loket' });
    items.push({ ...keys.unitRollup(id, `unit${u}`, period), type: 'unitRollup', tenant: id, unitId: `unit${u}`, agencyId, period, GSI1PK: keys.unitRollupSeries(id, `unit${u}`), GSI1SK: keys.periodSort(period), ikmRespondents: 40, ...Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`ikm_u${k + 1}`, 120 + ((u + k) % 30)])) });
  }
  for (let i = 0; i < officers; i++) {
    const officerId = `ofc_${id}_${String(i).padStart(5, '0')}`;
    const agencyId = `opd${i % agencies}`;
    const unitId = i % 3 === 0 ? `unit${(i * 7) % units}` : null;
    items.push(officerItem(id, { id: officerId, nip: `19800101200501${String(1000 + (i % 9000)).padStart(4, '0')}`, name: `Pegawai ${i}`, position: 'Pelaksana', grade: 'III/a', agencyId, unitId, supervisorId: null }, now));
    if (i % 10 === 9) continue; // 10% did not report: MISSING_REPORT
    const predikat = PREDIKATS[i % PREDIKATS.length]!;
    items.push(scoreItem({
      tenant: id, officerId, agencyId, unitId, period, capaian: 80 + (i % 40), hasilKerjaSuggested: 'SESUAI', hasilKerja: 'SESUAI', hasilKerjaOverridden: false,
      perilaku: 'SESUAI', predikat, reportId: `${officerId}.${period}`, scoredAt: now, scoredVersion: 2,
    } as Parameters<typeof scoreItem>[0]));
  }
  return items;
}

interface RunFigures { officers: number; agencies: number; wallMs: number; usage: Usage; status: string; rawBeforeMs: number; rawAfterMs: number; rawWcu: number; itemBytes: number }

async function rawBatchWrite(meter: Meter, template: Item, count: number, tag: string): Promise<{ ms: number; wcu: number }> {
  const items = Array.from({ length: count }, (_, i) => ({ ...template, PK: `BENCH#RAW#${tag}#${i}`, SK: template.SK }));
  const t = performance.now();
  const { usage } = await meter.measure(() => batchPut(items));
  return { ms: performance.now() - t, wcu: usage.wcu };
}

async function evaluate(meter: Meter, tenant: string, period: string): Promise<{ wallMs: number; usage: Usage; status: string; officers: number }> {
  const queue = startLocalQueue({ log: () => {} });
  try {
    const t = performance.now();
    const { result, usage } = await meter.measure(async () => {
      const run = await startRun(tenant, period, { trigger: 'cli', startedBy: 'npm run bench' });
      await queue.drain(600_000);
      return run;
    });
    const wallMs = performance.now() - t;
    const done = await getRun(tenant, result.id);
    return { wallMs, usage, status: done?.status ?? 'missing', officers: done?.officersDone ?? 0 };
  } finally {
    await queue.stop();
  }
}

export async function runEvaluation(ctx: BenchContext): Promise<SectionResult> {
  const machineBefore = machine();
  const started = Date.now();
  const db = await startSeededDb(await ctx.seedFile());
  const meter = installMeter(db.endpoint);
  try {
    const period = addMonths(monthOf(new Date(), 'Asia/Jakarta'), -1);
    const synthetic: TenantConfig[] = [25, ...SIZES].map((n) => ({ id: `bench-${n}`, name: `Bench ${n}`, timeZone: 'Asia/Jakarta', evaluationFrequency: 'monthly' }));
    process.env.TENANTS = JSON.stringify([...tenants(), ...synthetic]);
    for (const t of synthetic) {
      const n = Number(t.id.split('-')[1]);
      const items = syntheticTenant(t.id, n, period);
      const s = performance.now();
      await batchPut(items, { concurrency: 8 });
      ctx.log(`evaluation: ${t.id}: ${items.length} items written in ${((performance.now() - s) / 1000).toFixed(1)} s`);
    }
    // Warm-up: loads the worker module and gives the raw baseline its template (a real evaluation item).
    const warm = await evaluate(meter, 'bench-25', period);
    const template = (await getEvaluation('bench-25', 'ofc_bench-25_00000', period)) as unknown as Item;
    const templateItem = { ...keys.evaluation('bench-25', 'x', period), type: 'evaluation', ...template };
    const itemBytes = Buffer.byteLength(JSON.stringify(templateItem));
    ctx.log(`evaluation: warm-up ${warm.status} in ${(warm.wallMs / 1000).toFixed(1)} s; evaluation item ≈ ${itemBytes} bytes as JSON`);
    const runs: RunFigures[] = [];
    for (const n of SIZES) {
      const before = await rawBatchWrite(meter, templateItem, n, `${n}a`);
      const r = await evaluate(meter, `bench-${n}`, period);
      const after = await rawBatchWrite(meter, templateItem, n, `${n}b`);
      runs.push({ officers: n, agencies: Math.ceil(n / OFFICERS_PER_AGENCY), wallMs: r.wallMs, usage: r.usage, status: r.status, rawBeforeMs: before.ms, rawAfterMs: after.ms, rawWcu: after.wcu, itemBytes });
      ctx.log(`evaluation: ${n} officers ${r.status} in ${(r.wallMs / 1000).toFixed(1)} s, ${r.usage.wcu} WCU, ${r.usage.rcu} RCU; raw BatchWrite ${(before.ms / 1000).toFixed(1)} / ${(after.ms / 1000).toFixed(1)} s`);
    }
    const lines: Line[] = runs.flatMap((r) => {
      const raw = (r.rawBeforeMs + r.rawAfterMs) / 2;
      const ratio = r.wallMs / raw;
      const perOfficer = r.usage.wcu / r.officers;
      // Budget: 2 WCU per officer plus a fixed allowance per agency (rollups and the curve check: ≤ 10 WCU each).
      const allowance = 2 * r.officers + 10 * r.agencies;
      return [
        { what: `${r.officers.toLocaleString('en')} officers, ${r.agencies} agencies: write capacity`, figure: `${r.usage.wcu} WCU = ${round(perOfficer, 3)} per officer (raw BatchWrite of ${r.officers} items: ${r.rawWcu} WCU)`, budget: `≤ 2 WCU/officer + O(agencies) (≤ ${allowance} WCU)`, pass: r.status === 'done' && r.usage.wcu <= allowance, note: r.status !== 'done' ? `run ${r.status}` : `${r.usage.rcu} RCU (${round(r.usage.rcu / r.officers, 2)}/officer), ${r.usage.calls} calls` },
        { what: `${r.officers.toLocaleString('en')} officers: wall time vs raw BatchWriteItem`, figure: `${(r.wallMs / 1000).toFixed(1)} s vs ${(raw / 1000).toFixed(1)} s (before ${(r.rawBeforeMs / 1000).toFixed(1)}, after ${(r.rawAfterMs / 1000).toFixed(1)}) = ${ratio.toFixed(2)}×`, budget: '≤ 2×', pass: r.status === 'done' && ratio <= 2 },
      ];
    });
    const first = runs[0]!, last = runs.at(-1)!;
    lines.push({
      what: `growth ${first.officers.toLocaleString('en')} → ${last.officers.toLocaleString('en')} officers (×${last.officers / first.officers})`,
      figure: `WCU ×${round(last.usage.wcu / first.usage.wcu, 2)}, wall time ×${round(last.wallMs / first.wallMs, 2)}, raw BatchWrite ×${round((last.rawBeforeMs + last.rawAfterMs) / (first.rawBeforeMs + first.rawAfterMs), 2)}`,
      budget: 'linear', pass: null,
    });
    const analysis: string[] = [];
    const slow = runs.filter((r) => r.wallMs / ((r.rawBeforeMs + r.rawAfterMs) / 2) > 2);
    if (slow.length) {
      const cmds = Object.entries(last.usage.byCommand).map(([c, n]) => `${n} ${c.replace(/Command$/, '')}`).join(', ');
      analysis.push(`Wall time is over 2× the raw BatchWriteItem time. The run for ${last.officers} officers makes ${last.usage.calls} DynamoDB calls (${cmds}) where the raw baseline makes ${Math.ceil(last.officers / 25)} BatchWriteItem calls. Per 25-officer batch the worker makes 6: two BatchGetItem (the period's scores, its evaluation and the officer-year training total; then only the earlier periods that can change a result), one BatchWriteItem of the evaluations, one TransactWriteItems (batch marker + run counters, so a redelivered batch counts once) and two GetItem of the run; unit IKM is one Query per run. DynamoDB Local is CPU-bound on the same 2 shared cores as the raw writes, so more local consumers do not shorten the run: the ratio follows the extra server work per batch (the reads and the transaction, each costing about half a 25-item BatchWrite in DynamoDB Local), not round trips.`);
      analysis.push('What is left to cut is the per-batch transaction (the count-once guarantee) and the run GetItems; in AWS the SQS event source (maxConcurrency 5, 10 messages per invocation) runs batches in parallel against a service that is not CPU-bound, so there the wall time is bounded by DynamoDB throughput.');
    }
    return {
      section: 'evaluation',
      analysis,
      title: 'Evaluation run',
      method: `Synthetic tenants bench-1000/5000/10000 (one agency per ${OFFICERS_PER_AGENCY} officers, one unit per ${OFFICERS_PER_UNIT} with a month of IKM sums, a score for 90% of officers) are written into the seeded DynamoDB Local and added to the TENANTS configuration for the bench only. Each run is startRun (functions/evaluations/dispatcher.ts) with the in-process local queue (infra/local/queue.ts, its default ${LOCAL_QUEUE_CONCURRENCY} consumers, as \`npm start\` runs it) calling functions/evaluations/worker.ts, until the queue is drained and the run closed. All calls metered with ReturnConsumedCapacity. The raw baseline is batchPut (BatchWriteItem, 25 per call, 8 in flight) of the same number of copies of a real evaluation item (${itemBytesOf(runs)} bytes as JSON), just before and just after each run; the ratio uses their mean. A 25-officer warm-up run loads the modules first.`,
      lines,
      machineBefore, machineAfter: machine(), seconds: (Date.now() - started) / 1000,
      capacity: { evaluationPerOfficer: { wcu: round(last.usage.wcu / last.officers, 3), rcu: round(last.usage.rcu / last.officers, 3) } },
      raw: { period, runs },
    };
  } finally {
    await db.stop();
  }
}

const itemBytesOf = (runs: RunFigures[]) => runs[0]?.itemBytes ?? 0;

// Evaluation runs end to end against DynamoDB Local: POST a run, follow it to done through the
// local queue and workers, then rerun identity, redelivery after a killed worker, the DLQ path and objections.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet, batchPut } from '../../functions/data/batch.js';
import { ddb } from '../../functions/data/client.js';
import { evaluationItem } from '../../functions/evaluations/repository.js';
import * as keys from '../../functions/data/keys.js';
import { BATCH_SIZE } from '../../functions/evaluations/dispatcher.js';
import { evaluateBatch, setWorkerFault } from '../../functions/evaluations/worker.js';
import { unitIkm } from '../../functions/surveys/ikm-repository.js';
import type { Officer } from '../../functions/data/org-repository.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let serang: Officer[];
const T = 'serang';

const score = (o: Officer, period: string, predikat: string, capaian: number, hasilKerja: string, perilaku: string) => ({
  ...keys.score(T, o.id, period), type: 'score', tenant: T, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period,
  capaian, hasilKerjaSuggested: hasilKerja, hasilKerja, hasilKerjaOverridden: false, perilaku, predikat, reportId: `${o.id}.${period}`, scoredAt: '2025-11-01T00:00:00Z', scoredVersion: 1,
});

beforeAll(async () => {
  h = await startHarness();
  serang = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers;
  // Officers 0–2: SANGAT_BAIK for three months (award); 3: KURANG twice (consecutive low); 4: no report.
  const items: Record<string, unknown>[] = [];
  for (const o of serang.slice(0, 3)) for (const m of ['2025-08', '2025-09', '2025-10']) items.push(score(o, m, 'SANGAT_BAIK', 115, 'DI_ATAS', 'DI_ATAS'));
  for (const m of ['2025-09', '2025-10']) items.push(score(serang[3]!, m, 'KURANG', 100, 'SESUAI', 'DI_BAWAH'));
  for (const o of serang.slice(5)) items.push(score(o, '2025-10', 'BAIK', 100, 'SESUAI', 'SESUAI'));
  await batchPut(items);
});
afterAll(async () => { await h?.close(); });
afterEach(() => setWorkerFault(undefined));

async function runToEnd(period: string) {
  const start = await h.call('POST', '/v1/evaluations/runs', { as: 'serang.admin', body: { period } });
  expect(start.status).toBe(202);
  expect(start.body).toMatchObject({ status: 'running', officersTotal: serang.length });
  for (let i = 0; i < 600; i++) {
    const run = await h.call('GET', `/v1/evaluations/runs/${start.body.id}`, { as: 'serang.admin' });
    if (run.body.status !== 'running') return run.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('run did not finish');
}

const evaluations = async (period: string) =>
  batchGet<Record<string, any>>(serang.map((o) => keys.evaluation(T, o.id, period)));

describe('evaluation runs', () => {
  it('refuses a period that has not ended, and non-admins', async () => {
    expect((await h.call('POST', '/v1/evaluations/runs', { as: 'serang.admin', body: { period: '2999-01' } })).status).toBe(400);
    expect((await h.call('POST', '/v1/evaluations/runs', { as: 'serang.admin', body: { period: 'oktober' } })).status).toBe(400);
    expect((await h.call('POST', '/v1/evaluations/runs', { as: 'serang.pimpinan', body: { period: '2025-10' } })).status).toBe(403);
  });

  it('evaluates every officer of the tenant with the right predikat and flags', async () => {
    await runToEnd('2025-09');
    const run = await runToEnd('2025-10');
    expect(run).toMatchObject({ status: 'done', officersDone: serang.length, officersFailed: 0, dlq: 0 });
    expect(run.endedAt).toBeTruthy();
    const evals = await evaluations('2025-10');
    expect(evals).toHaveLength(serang.length);
    const byId = new Map(evals.map((e) => [e.officerId, e]));
    const codes = (o: Officer) => byId.get(o.id)!.flags.map((f: any) => f.code);
    expect(byId.get(serang[0]!.id)).toMatchObject({ predikat: 'SANGAT_BAIK', capaian: 115 });
    expect(codes(serang[0]!)).toContain('AWARD_CANDIDATE');
    expect(byId.get(serang[0]!.id)!.recommendations.map((r: any) => r.rule)).toContain('AWARD_CANDIDATE');
    expect(codes(serang[3]!)).toContain('CONSECUTIVE_LOW');
    expect(byId.get(serang[3]!.id)!.recommendations.map((r: any) => `${r.kind}:${r.rule}`)).toEqual(expect.arrayContaining(['coaching:CONSECUTIVE_LOW', 'sanction:CONSECUTIVE_LOW', 'sanction:TUNJANGAN_CUT']));
    expect(byId.get(serang[4]!.id)).toMatchObject({ predikat: null });
    expect(codes(serang[4]!)).toContain('MISSING_REPORT');
    expect(codes(serang[5]!)).not.toContain('MISSING_REPORT');
    // No training logged by October: everyone is behind the 20 JP pace.
    expect(evals.every((e) => e.flags.some((f: any) => f.code === 'TRAINING_BEHIND'))).toBe(true);

    const visible = await h.call('GET', `/v1/officers/${serang[0]!.id}/evaluations`, { as: 'serang.admin' });
    expect(visible.status).toBe(200);
    expect(visible.body.evaluations.map((e: any) => e.period)).toEqual(['2025-10', '2025-09']); // newest first
  });

  it('a second run changes nothing', async () => {
    const before = await evaluations('2025-10');
    const run = await runToEnd('2025-10');
    expect(run.status).toBe('done');
    const after = await evaluations('2025-10');
    const sort = (l: Record<string, any>[]) => [...l].sort((a, b) => a.officerId.localeCompare(b.officerId));
    expect(sort(after)).toEqual(sort(before));
  });

  it('a killed worker: its batches are redelivered, counted once, and the run completes', async () => {
    const before = await evaluations('2025-10');
    const killed = new Set<number>();
    setWorkerFault((batch, receive) => {
      if (batch.batchNo % 2 === 0 && receive === 1) { killed.add(batch.batchNo); throw new Error('worker killed'); }
    });
    const run = await runToEnd('2025-10');
    expect(killed.size).toBeGreaterThan(0);
    expect(run).toMatchObject({ status: 'done', officersDone: serang.length, officersFailed: 0 });
    expect(await evaluations('2025-10')).toHaveLength(before.length);
  });

  it('a message redelivered after it was counted (the worker died before its ack) is counted once', async () => {
    const crashed = new Set<number>();
    setWorkerFault((batch, receive, stage) => {
      if (stage === 'counted' && receive === 1) { crashed.add(batch.batchNo); throw new Error('worker died after counting'); }
    });
    const run = await runToEnd('2025-10');
    expect(crashed.size).toBe(Math.ceil(serang.length / BATCH_SIZE)); // every message was delivered twice…
    expect(run).toMatchObject({ status: 'done', officersDone: serang.length, officersFailed: 0, dlq: 0 }); // …and counted once
  });

  it('an evaluation that appears between a worker\'s read and its insert is never overwritten: the worker reads it again and updates the result only', async () => {
    const P = '2024-11';
    const o = serang[7]!;
    const evalKey = keys.evaluation(T, o.id, P);
    let planted = false;
    // Another writer (a stale run's late write, say) creates the evaluation with an objection on it right after the worker read it absent.
    const mw = (next: any, context: any) => async (args: any) => {
      const out = await next(args);
      const read = JSON.stringify(args.input?.RequestItems ?? {});
      // Only the worker's (strongly consistent) read of the officer's inputs, not a period reader's BatchGet
      // on the stream. A period's first run reads the score and finds no evaluation without asking for it.
      const consistent = Object.values(args.input?.RequestItems ?? {}).some((r: any) => r?.ConsistentRead === true);
      const scoreKey = keys.score(T, o.id, P);
      if (!planted && /^BatchGet(Item)?Command$/.test(context.commandName) && consistent && read.includes(scoreKey.PK) && read.includes(scoreKey.SK)) {
        planted = true;
        await ddb().send(new PutCommand({
          TableName: h.tableName,
          Item: evaluationItem({
            id: `${o.id}.${P}`, tenant: T, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period: P, runId: 'run_other', evaluatedAt: '2024-12-11T00:00:00.000Z',
            capaian: null, hasilKerja: null, perilaku: null, predikat: null, ikm: null, trainingJp: 0, flags: [], recommendations: [],
            objection: { id: `${o.id}.${P}`, reason: 'Keberatan yang harus tetap ada.', filedAt: '2024-12-12T00:00:00.000Z', filedBy: o.id, deciderId: null, status: 'pending' },
          }),
        }));
      }
      return out;
    };
    ddb().middlewareStack.add(mw, { step: 'initialize', name: 'plantEvaluationMidRun' });
    let run;
    try {
      run = await runToEnd(P);
    } finally {
      ddb().middlewareStack.remove('plantEvaluationMidRun');
    }
    expect(planted).toBe(true);
    expect(run).toMatchObject({ status: 'done', officersDone: serang.length });
    const [e] = await batchGet<Record<string, any>>([evalKey]);
    expect(e!.objection).toMatchObject({ status: 'pending', reason: 'Keberatan yang harus tetap ada.' });
    expect(e!.runId).toBe(run.id); // read again, then updated: the result fields only
    expect(e!.flags.map((f: any) => f.code)).toContain('MISSING_REPORT');
    expect(await evaluations(P)).toHaveLength(serang.length);
  });

  it('a period\'s first run does not read its evaluations (none can exist yet); a rerun does, to keep what it finds', async () => {
    const P = '2024-09';
    // What each run's messages say (every delivery, redeliveries included).
    const said: (boolean | undefined)[][] = [];
    setWorkerFault((batch, _receive, stage) => { if (stage === 'start' && batch.period === P) said.at(-1)!.push(batch.firstRun); });
    said.push([]);
    expect((await runToEnd(P)).status).toBe('done');
    said.push([]);
    expect((await runToEnd(P)).status).toBe('done');
    expect(said[0]!.length).toBeGreaterThanOrEqual(Math.ceil(serang.length / BATCH_SIZE));
    expect(said[0]!.every((f) => f === true)).toBe(true);
    expect(said[1]!.every((f) => f === undefined)).toBe(true);
    expect(await evaluations(P)).toHaveLength(serang.length);
    // What a first run's message reads, as the worker evaluates it (called directly: a queue on a loaded
    // machine may deliver a message twice, and the second delivery reads them after its insert finds them).
    const Q = '2024-06';
    const officers = serang.slice(0, 40).map((o) => ({ id: o.id, agencyId: o.agencyId, unitId: o.unitId }));
    const asked: string[] = [];
    const mw = (next: any, context: any) => async (args: any) => {
      if (/^BatchGet(Item)?Command$/.test(context.commandName)) {
        for (const r of Object.values(args.input?.RequestItems ?? {}) as any[]) asked.push(...r.Keys.map((k: any) => k.SK).filter((sk: string) => sk === `EVAL#${Q}`));
      }
      return next(args);
    };
    ddb().middlewareStack.add(mw, { step: 'initialize', name: 'countEvaluationReads' });
    try {
      await evaluateBatch({ tenant: T, runId: 'run_probe_first', period: Q, batchNo: 0, officers, firstRun: true });
      expect(asked).toEqual([]);
      await evaluateBatch({ tenant: T, runId: 'run_probe_again', period: Q, batchNo: 0, officers });
      expect(asked).toHaveLength(officers.length);
    } finally {
      ddb().middlewareStack.remove('countEvaluationReads');
    }
    expect((await batchGet<Record<string, any>>(officers.map((o) => keys.evaluation(T, o.id, Q)))).map((e) => e.runId)).toEqual(officers.map(() => 'run_probe_first'));
  });

  it('an evaluation already there on a period\'s first run (a run that failed before it published) keeps its objection: the batch reads again and updates the result only', async () => {
    const P = '2024-08';
    const o = serang[8]!;
    await ddb().send(new PutCommand({
      TableName: h.tableName,
      Item: evaluationItem({
        id: `${o.id}.${P}`, tenant: T, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period: P, runId: 'run_failed', evaluatedAt: '2024-09-11T00:00:00.000Z',
        capaian: null, hasilKerja: null, perilaku: null, predikat: 'BAIK', ikm: null, trainingJp: 0, flags: [], recommendations: [],
        objection: { id: `${o.id}.${P}`, reason: 'Keberatan atas run yang gagal.', filedAt: '2024-09-12T00:00:00.000Z', filedBy: o.id, deciderId: null, status: 'pending' },
      }),
    }));
    const run = await runToEnd(P);
    expect(run).toMatchObject({ status: 'done', officersDone: serang.length, officersFailed: 0 });
    const [e] = await batchGet<Record<string, any>>([keys.evaluation(T, o.id, P)]);
    expect(e!.objection).toMatchObject({ status: 'pending', reason: 'Keberatan atas run yang gagal.' });
    expect(e!.runId).toBe(run.id);
    expect(e!.predikat).toBeNull();
    expect(e!.flags.map((f: any) => f.code)).toContain('MISSING_REPORT');
    expect(await evaluations(P)).toHaveLength(serang.length);
  });

  it('a poison batch lands in the DLQ and the run reports partial; a rerun completes everyone', async () => {
    setWorkerFault((batch) => { if (batch.batchNo === 1) throw new Error('poison'); });
    const run = await runToEnd('2025-07');
    expect(run.status).toBe('partial');
    expect(run.dlq).toBe(1);
    expect(run.officersFailed).toBe(Math.min(BATCH_SIZE, serang.length - BATCH_SIZE));
    expect(run.officersDone).toBe(serang.length - run.officersFailed);
    expect((await evaluations('2025-07')).length).toBe(serang.length - run.officersFailed);
    setWorkerFault(undefined);
    expect((await runToEnd('2025-07')).status).toBe('done');
    expect((await evaluations('2025-07')).length).toBe(serang.length);
  });

  it('counts the JP logged from January to the end of the period, not later or the year before', async () => {
    const o = serang[6]!;
    for (const [date, jp] of [['2025-03-10', 8], ['2025-10-05', 13.5], ['2025-11-02', 5], ['2024-12-31', 3]] as const) {
      const res = await h.call('POST', '/v1/trainings', { as: 'serang.admin', body: { officerId: o.id, title: 'Bimtek SKP', jp, date, provider: 'BKPSDM' } });
      expect(res.status).toBe(201);
    }
    expect((await runToEnd('2025-09')).status).toBe('done');
    expect((await runToEnd('2025-10')).status).toBe('done');
    const [sep] = await batchGet<Record<string, any>>([keys.evaluation(T, o.id, '2025-09')]);
    const [oct] = await batchGet<Record<string, any>>([keys.evaluation(T, o.id, '2025-10')]);
    expect(sep!.trainingJp).toBe(8);
    expect(oct!.trainingJp).toBe(21.5);
    expect(oct!.flags.map((f: any) => f.code)).not.toContain('TRAINING_BEHIND');
  });

  it('takes each officer\'s unit IKM for the period and flags a low one', async () => {
    const o = serang.slice(5).find((x) => x.unitId)!;
    const [low, other] = [o.unitId!, serang.find((x) => x.unitId && x.unitId !== o.unitId)!.unitId!];
    const rollup = (unitId: string, answer: number) => ({
      ...keys.unitRollup(T, unitId, '2025-10'), type: 'unitRollup', tenant: T, unitId, agencyId: o.agencyId, period: '2025-10',
      GSI1PK: keys.unitRollupSeries(T, unitId), GSI1SK: keys.periodSort('2025-10'), ikmRespondents: 10, ...Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`ikm_u${k + 1}`, answer * 10])),
    });
    await batchPut([rollup(low, 2.5), rollup(other, 3.8)]);
    expect((await runToEnd('2025-10')).status).toBe('done');
    const byId = new Map((await evaluations('2025-10')).map((e) => [e.officerId, e]));
    for (const x of serang) expect(byId.get(x.id)!.ikm).toBe(x.unitId === low || x.unitId === other ? (await unitIkm(T, x.unitId!, '2025-10'))!.ikm : null);
    expect(byId.get(o.id)!.ikm).toBeLessThan(76.61);
    expect(byId.get(o.id)!.flags.map((f: any) => f.code)).toContain('LOW_IKM');
  });
});

describe('objections', () => {
  it('the officer objects, the supervisor\'s supervisor amends, and both stay on record', async () => {
    const me = (await h.call('GET', '/v1/me', { as: 'serang.pegawai' })).body.officer;
    const supervisor = serang.find((o) => o.id === me.supervisorId)!;
    const decider = serang.find((o) => o.id === supervisor.supervisorId)!;
    const id = `${me.id}.2025-10`;
    expect((await h.call('POST', `/v1/evaluations/${id}/objections`, { as: 'serang.atasan', body: { reason: 'Bukan keberatan saya sendiri.' } })).status).toBe(403);
    const filed = await h.call('POST', `/v1/evaluations/${id}/objections`, { as: 'serang.pegawai', body: { reason: 'Tugas tambahan bulan ini belum dihitung.' } });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'pending', deciderId: decider.id });
    expect((await h.call('POST', `/v1/evaluations/${id}/objections`, { as: 'serang.pegawai', body: { reason: 'Sekali lagi, keberatan yang sama.' } })).status).toBe(409);
    const decision = { decision: 'amend', note: 'Tugas tambahan terbukti.', amendedPredikat: 'SANGAT_BAIK' };
    expect((await h.call('POST', `/v1/objections/${id}/decision`, { as: 'serang.atasan', body: decision })).status).toBe(403);
    expect((await h.call('POST', `/v1/objections/${id}/decision`, { as: decider.nip, body: { decision: 'amend', note: 'Tanpa predikat' } })).status).toBe(400);
    const decided = await h.call('POST', `/v1/objections/${id}/decision`, { as: decider.nip, body: decision });
    expect(decided.status).toBe(200);
    expect((await h.call('POST', `/v1/objections/${id}/decision`, { as: decider.nip, body: decision })).status).toBe(409);
    const list = (await h.call('GET', `/v1/officers/${me.id}/evaluations?year=2025`, { as: 'serang.pegawai' })).body.evaluations;
    const oct = list.find((e: any) => e.period === '2025-10');
    expect(oct.finalPredikat).toBe('SANGAT_BAIK');
    expect(oct.objection).toMatchObject({ reason: 'Tugas tambahan bulan ini belum dihitung.', status: 'amended', decision: { decidedBy: decider.id, amendedPredikat: 'SANGAT_BAIK' } });
    // A rerun keeps the objection and its decision.
    expect((await runToEnd('2025-10')).status).toBe('done');
    const after = (await h.call('GET', `/v1/officers/${me.id}/evaluations?year=2025`, { as: 'serang.pegawai' })).body.evaluations.find((e: any) => e.period === '2025-10');
    expect(after.objection.status).toBe('amended');
  });
});

describe('the runs of a period', () => {
  it('lists a period\'s runs newest first with who started them, a page at a time, to its own city\'s BKPSDM only', async () => {
    const P = '2024-07';
    const first = await runToEnd(P);
    const second = await runToEnd(P);
    const admin = (await h.call('GET', '/v1/me', { as: 'serang.admin' })).body.officer;
    const list = (q: string, as = 'serang.admin') => h.call('GET', `/v1/evaluations/runs?${q}`, { as });
    const all = await list(`period=${P}`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((r: any) => r.id)).toEqual([second.id, first.id]);
    expect(all.body.items[0]).toMatchObject({ period: P, status: 'done', trigger: 'manual', officersDone: serang.length, officersTotal: serang.length, startedByName: admin.name });
    expect(all.body.nextCursor).toBeNull();
    const p1 = await list(`period=${P}&limit=1`);
    expect(p1.body.items.map((r: any) => r.id)).toEqual([second.id]);
    const p2 = await list(`period=${P}&limit=1&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items.map((r: any) => r.id)).toEqual([first.id]);
    // Another period's list: none of these, and this list's cursor is refused there.
    expect((await list('period=2024-06')).body.items).toEqual([]);
    expect((await list(`period=2024-06&cursor=${p1.body.nextCursor}`)).status).toBe(400);
    expect((await list('period=juli')).status).toBe(400);
    expect((await list(`period=${P}`, 'serang.pimpinan')).status).toBe(403);
    expect((await list(`period=${P}`, 'banjarbaru.admin')).body.items).toEqual([]);
  });
});

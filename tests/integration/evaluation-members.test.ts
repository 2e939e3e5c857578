// Who a run evaluates is kept as membership pages (functions/evaluations/repository.ts), not as a period
// index entry on every evaluation: the evaluation item costs 1 WCU instead of 2 (DESIGN §6 "≤ 1.5 WCU per
// officer"). The period's readers (exports, the flagged list, the documents ZIP, the run's notifications)
// page through the published run's officers and must list exactly the evaluations the index listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchPut } from '../../functions/data/batch.js';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import type { Officer } from '../../functions/data/org-repository.js';
import { evaluationItem, evaluationsOfPeriod, MEMBERS_PER_PAGE, membershipItems, pageEvaluationsOfPeriod, publishedRunOf, publishRun, type Evaluation } from '../../functions/evaluations/repository.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let serang: Officer[];
const T = 'serang';
const P = '2025-03';

const score = (o: Officer, period: string, predikat: string) => ({
  ...keys.score(T, o.id, period), type: 'score', tenant: T, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period,
  capaian: 100, hasilKerjaSuggested: 'SESUAI', hasilKerja: 'SESUAI', hasilKerjaOverridden: false, perilaku: 'SESUAI', predikat,
  reportId: `${o.id}.${period}`, scoredAt: '2025-04-01T00:00:00Z', scoredVersion: 1,
});

async function runToEnd(period: string) {
  const start = await h.call('POST', '/v1/evaluations/runs', { as: 'serang.admin', body: { period } });
  expect(start.status, JSON.stringify(start.body)).toBe(202);
  for (let i = 0; i < 600; i++) {
    const run = await h.call('GET', `/v1/evaluations/runs/${start.body.id}`, { as: 'serang.admin' });
    if (run.body.status !== 'running') return run.body as { id: string; status: string };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('run did not finish');
}

/** Every evaluation of the period through pageEvaluationsOfPeriod, `limit` at a time. */
async function pageAll(period: string, agencyId: string | undefined, limit: number) {
  const ids: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  let pages = 0;
  do {
    const page = await pageEvaluationsOfPeriod(T, period, agencyId, { limit, startKey });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((e) => e.officerId));
    startKey = page.lastKey;
    if (++pages > 1000) throw new Error('no end of pages');
  } while (startKey);
  return ids;
}

const inKeyOrder = (list: Officer[]) => [...list].sort((a, b) => {
  const x = keys.memberSort(a.agencyId, a.id), y = keys.memberSort(b.agencyId, b.id);
  return x < y ? -1 : x > y ? 1 : 0;
}).map((o) => o.id);

let runId: string;
beforeAll(async () => {
  h = await startHarness();
  serang = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers;
  // Most officers scored; the rest get MISSING_REPORT, so the flagged list has something to find.
  await batchPut(serang.filter((_, i) => i % 4 !== 0).map((o) => score(o, P, 'BAIK')));
  const run = await runToEnd(P);
  expect(run.status).toBe('done');
  runId = run.id;
}, 300_000);
afterAll(async () => { await h?.close(); });

describe('evaluation membership pages', () => {
  it('a run writes its evaluations without a period index entry, and publishes itself for the period', async () => {
    const item = (await ddb().send(new GetCommand({ TableName: h.tableName, Key: keys.evaluation(T, serang[0]!.id, P), ConsistentRead: true }))).Item!;
    expect(item.runId).toBe(runId);
    expect(item.GSI1PK).toBeUndefined();
    expect(item.GSI1SK).toBeUndefined();
    expect(await publishedRunOf(T, P)).toBe(runId);
    const pages = (await ddb().send(new QueryCommand({ TableName: h.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.evaluationMembers(T, P, runId) } }))).Items ?? [];
    expect(pages.flatMap((p) => p.officerIds as string[]).sort()).toEqual(serang.map((o) => o.id).sort());
    expect(pages.every((p) => (p.officerIds as string[]).length <= MEMBERS_PER_PAGE)).toBe(true);
  });

  it.each([7, 50, 200])('lists every officer of the period once, in agency then officer order, %i at a time', async (limit) => {
    expect(await pageAll(P, undefined, limit)).toEqual(inKeyOrder(serang));
  });

  it('lists one agency\'s officers only, to the end of its pages', async () => {
    const agencies = [...new Set(serang.map((o) => o.agencyId))];
    for (const agencyId of agencies) expect(await pageAll(P, agencyId, 3), agencyId).toEqual(inKeyOrder(serang.filter((o) => o.agencyId === agencyId)));
    // One at a time: a cursor after every officer, each resumed inside its membership page.
    expect(await pageAll(P, agencies[0], 1)).toEqual(inKeyOrder(serang.filter((o) => o.agencyId === agencies[0])));
  });

  it('pages of more than a hundred officers of one agency (several membership pages) continue where they stopped', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ id: `o${String(i).padStart(3, '0')}`, agencyId: i < 230 ? 'big' : 'small' }));
    const pages = membershipItems(T, P, 'r', many);
    expect(pages.map((p) => [p.agencyId, p.officerIds.length])).toEqual([['big', 100], ['big', 100], ['big', 30], ['small', 20]]);
    expect(pages.map((p) => p.SK)).toEqual(['AGENCY#big#OFFICER#o000', 'AGENCY#big#OFFICER#o100', 'AGENCY#big#OFFICER#o200', 'AGENCY#small#OFFICER#o230']);
  });

  it('resumes inside and across the membership pages of one agency of more than a hundred officers', async () => {
    const period = '2024-05';
    const run = 'run_members_many';
    const many = Array.from({ length: 230 }, (_, i) => ({ id: `ofc_many_${String(i).padStart(3, '0')}`, agencyId: i < 215 ? 'big' : 'zsmall' }));
    await batchPut([
      ...many.map((o) => evaluationItem({ id: `${o.id}.${period}`, tenant: T, officerId: o.id, agencyId: o.agencyId, unitId: null, period, runId: run, evaluatedAt: '2024-06-02T00:00:00Z', capaian: 90, hasilKerja: 'SESUAI', perilaku: 'SESUAI', predikat: 'BAIK', ikm: null, trainingJp: 0, flags: [], recommendations: [] })),
      ...membershipItems(T, period, run, many),
    ]);
    await publishRun(T, period, run, '2024-06-02T00:00:00Z');
    const big = many.filter((o) => o.agencyId === 'big').map((o) => o.id);
    for (const limit of [1, 40, 99, 100, 101, 200]) {
      expect(await pageAll(period, 'big', limit), `limit ${limit}`).toEqual(big);
      if (limit > 1) expect(await pageAll(period, undefined, limit), `limit ${limit}, tenant`).toEqual(many.map((o) => o.id));
    }
  });

  it('the flagged list answers the same officers as a filter over all the evaluations, following its cursors', async () => {
    const all: Evaluation[] = [];
    let startKey: Record<string, unknown> | undefined;
    do { const page = await pageEvaluationsOfPeriod(T, P, undefined, { limit: 200, startKey }); all.push(...page.items); startKey = page.lastKey; } while (startKey);
    const expected = all.filter((e) => e.flags.some((f) => f.code === 'MISSING_REPORT')).map((e) => e.officerId);
    expect(expected.length).toBeGreaterThan(0);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await h.call('GET', `/v1/evaluations/flagged?period=${P}&flag=MISSING_REPORT&limit=5${cursor ? `&cursor=${cursor}` : ''}`, { as: 'serang.admin' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...res.body.items.map((i: { officer: { id: string } }) => i.officer.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
    // A cursor of one agency's list is refused on another agency's list (it would start outside its range).
    const agencies = [...new Set(all.map((e) => e.agencyId))].sort();
    const first = await h.call('GET', `/v1/evaluations/flagged?period=${P}&flag=MISSING_REPORT&agencyId=${agencies[0]}&limit=1`, { as: 'serang.admin' });
    expect(first.body.nextCursor).toBeTruthy();
    const other = await h.call('GET', `/v1/evaluations/flagged?period=${P}&flag=MISSING_REPORT&agencyId=${agencies[1]}&cursor=${first.body.nextCursor}`, { as: 'serang.admin' });
    expect(other.status).toBe(400);
    expect(other.body.error.details[0]).toMatchObject({ field: 'cursor' });
  });

  it('an officer moved to another agency is listed under the new one after a rerun', async () => {
    const moved = serang.find((o) => o.agencyId !== serang[0]!.agencyId && o.id !== serang[0]!.id)!;
    const to = serang[0]!.agencyId;
    const patched = await h.call('PATCH', `/v1/officers/${moved.id}`, { as: 'serang.admin', body: { agencyId: to, unitId: null } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const rerun = await runToEnd(P);
    expect(rerun.status).toBe('done');
    expect(await publishedRunOf(T, P)).toBe(rerun.id);
    expect(await pageAll(P, to, 10)).toContain(moved.id);
    expect(await pageAll(P, moved.agencyId, 10)).not.toContain(moved.id);
    const e = (await pageEvaluationsOfPeriod(T, P, to, { limit: 200 })).items.find((x) => x.officerId === moved.id)!;
    expect(e.agencyId).toBe(to);
  });

  it('a period no run has published since is read from the period index its items carry (items written before the pages)', async () => {
    const period = '2024-02';
    const legacy = serang.slice(0, 12).map((o) => ({
      ...evaluationItem({ id: `${o.id}.${period}`, tenant: T, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period, runId: 'old', evaluatedAt: '2024-03-02T00:00:00Z', capaian: 90, hasilKerja: 'SESUAI', perilaku: 'SESUAI', predikat: 'BAIK', ikm: null, trainingJp: 0, flags: [], recommendations: [] }),
      GSI1PK: evaluationsOfPeriod(T, period), GSI1SK: keys.memberSort(o.agencyId, o.id),
    }));
    await batchPut(legacy);
    expect(await publishedRunOf(T, period)).toBeUndefined();
    expect(await pageAll(period, undefined, 5)).toEqual(inKeyOrder(serang.slice(0, 12)));
  });
});

// GET /v1/team (a supervisor's reports with their month) and GET /v1/evaluations/flagged (the officers
// behind a flag count) against DynamoDB Local, through the real handlers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchPut } from '../../functions/data/batch.js';
import { reportItem, type Report } from '../../functions/data/report-repository.js';
import type { Officer } from '../../functions/data/org-repository.js';
import { lastEndedPeriod, previousPeriod } from '../../functions/domain/periods.js';
import { evaluationItem, writeEvaluations, type Evaluation } from '../../functions/evaluations/repository.js';
import { startHarness, type Harness } from './harness.js';
import { publishAsRun } from './evaluation-fixture.js';

let h: Harness;
let officers: Officer[];
let atasan: Officer;
const T = 'serang';
const PERIOD = '2025-10';

const evaluation = (o: Officer, period: string, flags: string[], over: Partial<Evaluation> = {}): Evaluation => ({
  id: `${o.id}.${period}`, tenant: T, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period,
  capaian: 95, hasilKerja: 'SESUAI', perilaku: 'SESUAI', predikat: 'BAIK', ikm: null, trainingJp: 0,
  flags: flags.map((code) => ({ code, reason: `${code} reason` })), recommendations: [],
  runId: 'test', evaluatedAt: '2025-11-11T01:05:00.000Z', publishedAt: '2025-11-11T01:05:00.000Z', ...over,
} as unknown as Evaluation);

beforeAll(async () => {
  h = await startHarness({ stream: false });
  officers = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers;
  const me = (await h.call('GET', '/v1/me', { as: 'serang.atasan' })).body.officer;
  atasan = officers.find((o) => o.id === me.id)!;
});
afterAll(async () => { await h?.close(); });

describe('GET /v1/evaluations/flagged', () => {
  it('lists the officers of a period carrying a flag, for the tenant or one agency, and follows rewrites', async () => {
    const dinkes = officers.filter((o) => o.agencyId === 'dinkes').slice(0, 4);
    const other = officers.find((o) => o.agencyId !== 'dinkes')!;
    // Fresh evaluations through the run's own write path (conditional Put).
    await writeEvaluations([
      { evaluation: evaluation(dinkes[0]!, PERIOD, ['MISSING_REPORT', 'TRAINING_BEHIND']) },
      { evaluation: evaluation(dinkes[1]!, PERIOD, ['TRAINING_BEHIND']) },
      { evaluation: evaluation(dinkes[2]!, PERIOD, []) },
      { evaluation: evaluation(other, PERIOD, ['MISSING_REPORT']) },
      { evaluation: evaluation(dinkes[3]!, '2025-09', ['MISSING_REPORT']) },
    ]);
    await publishAsRun(T, PERIOD, [...dinkes.slice(0, 3), other].map((o) => ({ officerId: o.id, agencyId: o.agencyId })));
    await publishAsRun(T, '2025-09', [{ officerId: dinkes[3]!.id, agencyId: dinkes[3]!.agencyId }]);
    const ids = (b: any) => b.items.map((i: any) => i.officer.id).sort();
    const city = await h.call('GET', `/v1/evaluations/flagged?period=${PERIOD}&flag=MISSING_REPORT`, { as: 'serang.pimpinan' });
    expect(city.status).toBe(200);
    expect(ids(city.body)).toEqual([dinkes[0]!.id, other.id].sort());
    expect(city.body.items.find((i: any) => i.officer.id === dinkes[0]!.id)).toMatchObject({ period: PERIOD, agencyId: 'dinkes', flag: { code: 'MISSING_REPORT' }, predikat: 'BAIK', officer: { name: dinkes[0]!.name } });
    const agency = await h.call('GET', `/v1/evaluations/flagged?period=${PERIOD}&flag=MISSING_REPORT&agencyId=dinkes`, { as: 'serang.admin' });
    expect(ids(agency.body)).toEqual([dinkes[0]!.id]);
    // The agency_admin sees their own agency by default and nothing of another.
    const opd = await h.call('GET', '/v1/me', { as: 'serang.opd' });
    const own = await h.call('GET', `/v1/evaluations/flagged?period=${PERIOD}&flag=TRAINING_BEHIND`, { as: 'serang.opd' });
    expect(own.status).toBe(200);
    expect(own.body.agencyId).toBe(opd.body.agencyId);
    expect((await h.call('GET', `/v1/evaluations/flagged?period=${PERIOD}&flag=TRAINING_BEHIND&agencyId=${other.agencyId === opd.body.agencyId ? 'dinkes' : other.agencyId}`, { as: 'serang.opd' })).status).toBe(403);
    // A rerun's conditional update that clears a flag takes the officer off the list.
    await writeEvaluations([{ evaluation: evaluation(dinkes[0]!, PERIOD, ['TRAINING_BEHIND'], { runId: 'test2', evaluatedAt: '2025-11-12T00:00:00.000Z' }), read: evaluation(dinkes[0]!, PERIOD, []) }]);
    const after = await h.call('GET', `/v1/evaluations/flagged?period=${PERIOD}&flag=MISSING_REPORT`, { as: 'serang.admin' });
    expect(ids(after.body)).toEqual([other.id]);
    const behind = await h.call('GET', `/v1/evaluations/flagged?period=${PERIOD}&flag=TRAINING_BEHIND&agencyId=dinkes`, { as: 'serang.admin' });
    expect(ids(behind.body)).toEqual([dinkes[0]!.id, dinkes[1]!.id].sort());
  });

  it('pages one read page at a time and refuses callers without the right, bad input and foreign cursors', async () => {
    const many = officers.filter((o) => o.agencyId === 'disdik').slice(0, 5);
    await batchPut(many.map((o) => evaluationItem(evaluation(o, '2025-08', ['LOW_IKM']))));
    await publishAsRun(T, '2025-08', many.map((o) => ({ officerId: o.id, agencyId: o.agencyId })));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: any = await h.call('GET', `/v1/evaluations/flagged?period=2025-08&flag=LOW_IKM&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as: 'serang.admin' });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((i: any) => i.officer.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen.sort()).toEqual(many.map((o) => o.id).sort());
    const first = await h.call('GET', '/v1/evaluations/flagged?period=2025-08&flag=LOW_IKM&limit=2&agencyId=disdik', { as: 'serang.admin' });
    expect((await h.call('GET', `/v1/evaluations/flagged?period=2025-08&flag=LOW_IKM&agencyId=dinkes&cursor=${first.body.nextCursor}`, { as: 'serang.admin' })).status).toBe(400);
    expect((await h.call('GET', '/v1/evaluations/flagged?period=2025-08&flag=LOW_IKM', { as: 'serang.pegawai' })).status).toBe(403);
    expect((await h.call('GET', '/v1/evaluations/flagged?period=2025-08&flag=LOW_IKM', { as: 'serang.atasan' })).status).toBe(403);
    expect((await h.call('GET', '/v1/evaluations/flagged?period=2025-08&flag=LOW_IKM', { as: 'nasional' })).status).toBe(403);
    expect((await h.call('GET', '/v1/evaluations/flagged?period=2025-08&flag=LOW_IKM', { as: 'banjarbaru.admin' })).body.items).toEqual([]);
    const bad = await h.call('GET', '/v1/evaluations/flagged?period=agustus&flag=NOPE&extra=1', { as: 'serang.admin' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.field)).toEqual(expect.arrayContaining(['period', 'flag', 'extra']));
  });
});

describe('GET /v1/team', () => {
  it('answers the supervisor\'s direct and indirect reports with report status, last predikat, JP and open flags', async () => {
    const team = (await h.call('GET', '/v1/team?limit=200', { as: 'serang.atasan' })).body;
    const below = officers.filter((o) => o.ancestors?.includes(atasan.id));
    expect(below.length).toBeGreaterThan(0);
    expect(team.items.map((r: any) => r.officer.id).sort()).toEqual(below.map((o) => o.id).sort());
    const direct = below.find((o) => o.supervisorId === atasan.id)!;
    const indirect = below.find((o) => o.supervisorId !== atasan.id);
    expect(team.items.find((r: any) => r.officer.id === direct.id).depth).toBe(1);
    if (indirect) expect(team.items.find((r: any) => r.officer.id === indirect.id).depth).toBeGreaterThan(1);
    expect(team.items.every((r: any) => r.report.status === null && r.evaluation === null && r.trainingJp === 0)).toBe(true);

    // The row's month, evaluation period and year as the route computes them, then the officer's items.
    const latest = lastEndedPeriod(new Date(), 'Asia/Jakarta', 'monthly');
    const report: Report = { id: `${direct.id}.${team.reportPeriod}`, tenant: T, officerId: direct.id, agencyId: direct.agencyId, period: team.reportPeriod, status: 'submitted', items: [], history: [], version: 1, submittedAt: new Date().toISOString() } as unknown as Report;
    await batchPut([
      reportItem(report),
      evaluationItem(evaluation(direct, previousPeriod(latest), ['MISSING_REPORT'], { predikat: 'KURANG' })),
      evaluationItem(evaluation(direct, latest, ['TRAINING_BEHIND'], { predikat: 'BUTUH_PERBAIKAN', objection: { id: 'x', reason: 'r', filedAt: '', filedBy: direct.id, deciderId: null, status: 'amended', decision: { decision: 'amend', note: 'n', amendedPredikat: 'BAIK', decidedBy: 'y', decidedAt: '' } } })),
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await h.call('POST', '/v1/trainings', { as: 'serang.admin', body: { officerId: direct.id, title: 'Bimtek SKP', jp: 6.5, date: today, provider: 'BKPSDM' } })).status).toBe(201);
    const row = (await h.call('GET', '/v1/team?limit=200', { as: 'serang.atasan' })).body.items.find((r: any) => r.officer.id === direct.id);
    expect(row).toMatchObject({ report: { period: team.reportPeriod, status: 'submitted' }, evaluation: { period: latest, predikat: 'BAIK', flags: ['TRAINING_BEHIND'] }, trainingJp: 6.5 });
  });

  it('pages, and lets only the chain, the agency admin and the BKPSDM see someone else\'s team or a whole agency', async () => {
    const p1 = await h.call('GET', '/v1/team?limit=1', { as: 'serang.atasan' });
    expect(p1.body.items).toHaveLength(1);
    const p2 = await h.call('GET', `/v1/team?limit=1&cursor=${p1.body.nextCursor}`, { as: 'serang.atasan' });
    expect(p2.body.items[0].officer.id).not.toBe(p1.body.items[0].officer.id);
    expect((await h.call('GET', `/v1/team?supervisorId=${atasan.id}`, { as: 'serang.admin' })).body.items.length).toBeGreaterThan(0);
    expect((await h.call('GET', `/v1/team?supervisorId=${atasan.id}`, { as: 'serang.pegawai' })).status).toBe(403);
    expect((await h.call('GET', `/v1/team?supervisorId=${atasan.id}`, { as: 'banjarbaru.admin' })).status).toBe(404);
    expect((await h.call('GET', '/v1/team?agencyId=dinkes', { as: 'serang.atasan' })).status).toBe(403);
    const opd = (await h.call('GET', '/v1/me', { as: 'serang.opd' })).body;
    const whole = await h.call('GET', `/v1/team?agencyId=${opd.agencyId}&limit=5`, { as: 'serang.opd' });
    expect(whole.status).toBe(200);
    expect(whole.body.items.every((r: any) => r.officer.agencyId === opd.agencyId)).toBe(true);
    expect((await h.call('GET', '/v1/team', { as: 'nasional' })).status).toBe(403);
    expect((await h.call('GET', '/v1/team?cursor=abc', { as: 'serang.atasan' })).status).toBe(400);
    expect((await h.call('GET', `/v1/team?limit=1&cursor=${p1.body.nextCursor}`, { as: 'serang.admin' })).status).toBe(400);
  });
});

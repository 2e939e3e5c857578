// Awards (DESIGN §2 Awards and recognition) through the real handlers and DynamoDB Local: a kinerja
// award needs the AWARD_CANDIDATE recommendation, an inovasi award none; duplicates and other cities'
// officers are refused and write nothing; the yearly count is ADDed in the award's transaction; the
// public recognition list names no NIP; the certificate is a PDF.
import { execFileSync } from 'node:child_process';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ddb, tableName } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import type { Officer } from '../../functions/data/org-repository.js';
import { dayOf } from '../../functions/domain/periods.js';
import { writeEvaluations, type Evaluation } from '../../functions/evaluations/repository.js';
import { startHarness, type Harness } from './harness.js';

const T = 'serang';
const PERIOD = '2025-09';
const YEAR = dayOf(new Date(), 'Asia/Jakarta').slice(0, 4);
let h: Harness;
let officers: Officer[];
let candidate: Officer;
let plain: Officer;
let other: Officer;

const evaluation = (o: Officer, award: boolean): Evaluation => ({
  id: `${o.id}.${PERIOD}`, tenant: T, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period: PERIOD,
  capaian: 118, hasilKerja: 'DI_ATAS', perilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK', ikm: null, trainingJp: 8,
  flags: award ? [{ code: 'AWARD_CANDIDATE', reason: 'SANGAT_BAIK in 3 consecutive periods' }] : [],
  recommendations: award ? [{ kind: 'award', rule: 'AWARD_CANDIDATE', detail: 'Propose for award' }] : [],
  runId: 'test', evaluatedAt: '2025-10-11T01:05:00.000Z', publishedAt: '2025-10-11T01:05:00.000Z',
} as Evaluation);
const body = (o: Officer, over: Record<string, unknown> = {}) => ({
  officerId: o.id, kind: 'kinerja', title: 'Pegawai Berkinerja Terbaik', citation: 'Atas predikat Sangat Baik tiga periode berturut-turut.', period: PERIOD, ...over,
});
const count = async () => (await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.awardStats(T, YEAR) }))).Item?.count ?? 0;

beforeAll(async () => {
  h = await startHarness({ stream: false });
  officers = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers;
  // Two colleagues under one supervisor: neither may see the other's awards.
  const dinkes = officers.filter((o) => o.agencyId === 'dinkes' && o.supervisorId);
  candidate = dinkes.find((o) => dinkes.some((x) => x.id !== o.id && x.supervisorId === o.supervisorId && !dinkes.some((y) => y.supervisorId === o.id)))!;
  plain = dinkes.find((x) => x.id !== candidate.id && x.supervisorId === candidate.supervisorId)!;
  other = h.seeded.tenants.find((t) => t.tenant.id === 'banjarbaru')!.officers[0]!;
  await writeEvaluations([{ evaluation: evaluation(candidate!, true) }, { evaluation: evaluation(plain!, false) }]);
});
afterAll(async () => { await h?.close(); });

describe('POST /v1/awards', () => {
  it('confirms a kinerja award on an AWARD_CANDIDATE evaluation and ADDs 1 to the year\'s count', async () => {
    const before = await count();
    const res = await h.call('POST', '/v1/awards', { as: 'serang.admin', body: body(candidate) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ id: `${candidate.id}.kinerja.${PERIOD}`, officerName: candidate.name, kind: 'kinerja', period: PERIOD, evaluationId: `${candidate.id}.${PERIOD}` });
    expect(await count()).toBe(before + 1);
  });

  it('refuses a kinerja award without candidacy (409), a duplicate (409), another city\'s officer (404): nothing written', async () => {
    const before = await count();
    const none = await h.call('POST', '/v1/awards', { as: 'serang.admin', body: body(plain) });
    expect(none.status).toBe(409);
    expect(none.body.error.message).toContain('AWARD_CANDIDATE');
    expect((await h.call('POST', '/v1/awards', { as: 'serang.admin', body: body(candidate, { period: '2025-08' }) })).status).toBe(409);
    expect((await h.call('POST', '/v1/awards', { as: 'serang.admin', body: body(candidate) })).status).toBe(409);
    expect((await h.call('POST', '/v1/awards', { as: 'serang.admin', body: body(other) })).status).toBe(404);
    expect((await h.call('POST', '/v1/awards', { as: 'serang.admin', body: body(other, { kind: 'inovasi' }) })).status).toBe(404);
    expect((await h.call('POST', '/v1/awards', { as: 'serang.admin', body: body(officers.at(-1)!, { period: undefined }) })).status).toBe(400);
    const extra = await h.call('POST', '/v1/awards', { as: 'serang.admin', body: { ...body(candidate), amount: 5 } });
    expect(extra.status).toBe(400);
    expect(JSON.stringify(extra.body.error.details)).toContain('amount');
    expect((await h.call('POST', '/v1/awards', { as: 'serang.opd', body: body(candidate, { kind: 'inovasi' }) })).status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('gives an inovasi award without candidacy, once per officer and period', async () => {
    const res = await h.call('POST', '/v1/awards', { as: 'serang.admin', body: body(plain, { kind: 'inovasi', title: 'Inovasi Antrean Daring', period: undefined }) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.period).toBe(YEAR);
    expect((await h.call('POST', '/v1/awards', { as: 'serang.admin', body: body(plain, { kind: 'inovasi', period: undefined }) })).status).toBe(409);
  });
});

describe('GET /v1/awards and the certificate', () => {
  it('lists as visible: the BKPSDM all, an officer their own', async () => {
    const all = await h.call('GET', '/v1/awards', { as: 'serang.admin' });
    expect(all.status).toBe(200);
    expect(all.body.items.map((a: any) => a.officerId).sort()).toEqual([candidate.id, plain.id].sort());
    expect(all.body.nextCursor).toBeNull();
    const byAgency = await h.call('GET', '/v1/awards?agencyId=dinkes&limit=1', { as: 'serang.admin' });
    expect(byAgency.body.items).toHaveLength(1);
    expect(byAgency.body.nextCursor).toBeTruthy();
    const own = await h.call('GET', '/v1/awards', { as: candidate.nip });
    expect(own.body.items.map((a: any) => a.officerId)).toEqual([candidate.id]);
    expect((await h.call('GET', `/v1/awards?officerId=${candidate.id}`, { as: plain.nip })).status).toBe(403);
    expect((await h.call('GET', '/v1/awards', { as: 'banjarbaru.admin' })).body.items).toEqual([]);
  });

  it('answers the certificate as a PDF naming the officer and the award, to whoever may see it', async () => {
    const id = `${candidate.id}.kinerja.${PERIOD}`;
    const res = await fetch(`${h.base}/v1/awards/${id}/certificate`, { headers: { authorization: `Bearer ${await h.token('serang.admin')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-', '-'], { input: new Uint8Array(await res.arrayBuffer()) }).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('PIAGAM PENGHARGAAN');
    expect(text).toContain(candidate.name);
    expect(text).toContain(candidate.nip);
    expect(text).toContain('Pegawai Berkinerja Terbaik');
    expect((await h.call('GET', `/v1/awards/${id}/certificate`, { as: plain.nip })).status).toBe(403);
    expect((await h.call('GET', `/v1/awards/${id}/certificate`, { as: 'banjarbaru.admin' })).status).toBe(404);
    expect((await h.call('GET', `/v1/awards/${plain.id}.kinerja.${PERIOD}/certificate`, { as: 'serang.admin' })).status).toBe(404);
  });
});

describe('GET /v1/public/cities/{tenant}/awards', () => {
  it('lists the year\'s awards with name, position, agency, award and date, never a NIP', async () => {
    const res = await h.call('GET', `/v1/public/cities/${T}/awards?year=${YEAR}`, { headers: { 'x-forwarded-for': '10.55.0.1' } });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0]).toEqual({ name: expect.any(String), position: expect.any(String), agency: expect.any(String), title: expect.any(String), kind: expect.any(String), citation: expect.any(String), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const text = JSON.stringify(res.body);
    for (const o of [candidate, plain]) { expect(text).toContain(o.name); expect(text).not.toContain(o.nip); expect(text).not.toContain(o.id); }
  });

  it('answers 404 for an unknown city or a future year, an empty list for a past one, 400 for a bad year', async () => {
    expect((await h.call('GET', '/v1/public/cities/atlantis/awards')).status).toBe(404);
    expect((await h.call('GET', `/v1/public/cities/${T}/awards?year=${Number(YEAR) + 1}`)).status).toBe(404);
    expect((await h.call('GET', `/v1/public/cities/${T}/awards?year=2001`)).body.items).toEqual([]);
    expect((await h.call('GET', `/v1/public/cities/${T}/awards?year=abc`)).status).toBe(400);
    expect((await h.call('GET', '/v1/public/cities/banjarbaru/awards')).body.items).toEqual([]);
  });
});

// Survey intake and IKM against DynamoDB Local: the formula end to end, abuse controls, strict input,
// tenant isolation, and a replayed stream batch counted once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { ddb } from '../../functions/data/client.js';
import { keys } from '../../functions/data/keys.js';
import { monthOf } from '../../functions/domain/periods.js';
import { processSurveyRecords } from '../../functions/surveys/rollup.js';
import { startHarness, type Harness, clearOfWindowEdge } from './harness.js';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const serang = () => h.seeded.tenants.find((t) => t.tenant.id === 'serang')!;
const month = () => monthOf(new Date(), 'Asia/Jakarta');
const all = (v: number) => ({ u1: v, u2: v, u3: v, u4: v, u5: v, u6: v, u7: v, u8: v, u9: v });
let ip = 0;
const newClient = () => `10.0.${Math.floor(++ip / 250)}.${ip % 250}`;
const submit = (body: unknown, client = newClient()) => h.call('POST', '/v1/public/surveys', { body, headers: { 'x-forwarded-for': client } });
const ikm = (query: string, as = 'serang.pimpinan') => h.call('GET', `/v1/ikm?${query}`, { as });
const storedSurveys = async (unitId: string) =>
  (await ddb().send(new QueryCommand({ TableName: h.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.surveyResponse('serang', unitId, month(), '', '').PK } }))).Items ?? [];

describe('public unit card', () => {
  it('names the unit and agency and gives the nine elements with four-point wording in both languages', async () => {
    const unit = serang().units.find((u) => u.agencyId === 'dinkes')!;
    const res = await h.call('GET', `/v1/public/units/serang/${unit.id}`);
    expect(res.status).toBe(200);
    expect(res.body.unit.name).toBe(unit.name);
    expect(res.body.agency.name).toBe('Dinas Kesehatan');
    expect(res.body.elements).toHaveLength(9);
    expect(res.body.elements[0]).toMatchObject({ key: 'u1', code: 'U1', label: { id: 'Persyaratan', en: 'Requirements' } });
    expect(res.body.elements[3].answers.map((a: any) => a.id)).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);
    expect(res.body.officers.length).toBeGreaterThan(0);
    expect(res.body.officers[0]).not.toHaveProperty('nip');
    expect((await h.call('GET', '/v1/public/units/serang/no-such-unit')).status).toBe(404);
    expect((await h.call('GET', `/v1/public/units/atlantis/${unit.id}`)).status).toBe(404);
  });
});

describe('IKM from submitted surveys', () => {
  it('moves exactly as the formula says, for the unit, its agency and the tenant', async () => {
    const unit = serang().units.find((u) => u.id === 'disdukcapil-u1')!;
    const officer = serang().officers.find((o) => o.unitId === unit.id)!;
    expect((await ikm(`unitId=${unit.id}&period=${month()}`)).body).toMatchObject({ respondents: 0, ikm: null, grade: null });

    const a = await submit({ tenant: 'serang', unitId: unit.id, officerId: officer.id, answers: { u1: 4, u2: 3, u3: 2, u4: 4, u5: 3, u6: 4, u7: 4, u8: 1, u9: 3 }, comment: 'Antrian\ncepat', respondent: { gender: 'P', ageGroup: '30-39', education: 'D4-S1', occupation: 'Wiraswasta' } });
    expect(a.status).toBe(201);
    expect(a.body.id).toMatch(/^svy_/);
    expect((await submit({ tenant: 'serang', unitId: unit.id, answers: all(3) })).status).toBe(201);
    await h.drain();
    // Two respondents: sums u1 7, u2 6, u3 5, u4 7, u5 6, u6 7, u7 7, u8 4, u9 6 = 55 → 55 / 18 × 25 = 76.388… → 76.39, C
    let res = await ikm(`unitId=${unit.id}&period=${month()}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ respondents: 2, ikm: 76.39, grade: 'C', label: 'Kurang Baik' });
    expect(res.body.nrr).toEqual({ u1: 3.5, u2: 3, u3: 2.5, u4: 3.5, u5: 3, u6: 3.5, u7: 3.5, u8: 2, u9: 3 });
    // Loket KTP-el serves 30,000 a year → 2,500 a month → Krejcie–Morgan row 2,600 → minimum 335.
    expect(res.body.sample).toEqual({ population: 2500, minimum: 335, sufficient: false });

    expect((await submit({ tenant: 'serang', unitId: unit.id, answers: all(4) })).status).toBe(201);
    await h.drain();
    // Three respondents: 55 + 36 = 91 → 91 / 27 × 25 = 84.259… → 84.26, B
    res = await ikm(`unitId=${unit.id}&period=${month()}`);
    expect(res.body).toMatchObject({ respondents: 3, ikm: 84.26, grade: 'B', label: 'Baik' });
    expect(res.body.nrr.u8).toBeCloseTo((1 + 3 + 4) / 3, 12);
    // The year and the quarter hold the same three responses; the year compares with the yearly minimum (379).
    const year = await ikm(`unitId=${unit.id}&period=${month().slice(0, 4)}`);
    expect(year.body).toMatchObject({ respondents: 3, ikm: 84.26, sample: { population: 30000, minimum: 379, sufficient: false } });
    expect((await ikm(`agencyId=disdukcapil&period=${month()}`)).body).toMatchObject({ scope: 'agency', respondents: 3, ikm: 84.26 });
  });
});

describe('abuse controls', () => {
  it('limits a client to 10 surveys per 10 minutes with 429 and Retry-After, and stores none of the flood', async () => {
    await clearOfWindowEdge();
    const client = newClient();
    // Units no other test here submits to; the last four requests revisit the first units.
    const used = new Set(['disdukcapil-u1', 'dpmptsp-u1', 'dpmptsp-u2', 'pupr-u1', 'disdikbud-u1']);
    const free = serang().units.filter((u) => !used.has(u.id)).slice(0, 10);
    expect(free).toHaveLength(10);
    const units = [...free, ...free.slice(0, 4)];
    const before = (await ikm(`period=${month()}`)).body.respondents;
    const results = [];
    for (const u of units) results.push(await submit({ tenant: 'serang', unitId: u.id, answers: all(2) }, client));
    expect(results.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(201));
    for (const r of results.slice(10)) {
      expect(r.status).toBe(429);
      expect(r.body.error.code).toBe('RATE_LIMITED');
      const retry = Number(r.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(600);
    }
    await h.drain();
    expect((await ikm(`period=${month()}`)).body.respondents).toBe(before + 10);
    expect(await storedSurveys(free[0]!.id)).toHaveLength(1);
    // Another client is not affected.
    expect((await submit({ tenant: 'serang', unitId: free[0]!.id, answers: all(2) })).status).toBe(201);
  });

  it('accepts one survey per client, unit and day, with a friendly 409 for the repeat', async () => {
    const client = newClient();
    const [u1, u2] = serang().units.filter((u) => u.agencyId === 'dpmptsp');
    expect((await submit({ tenant: 'serang', unitId: u1!.id, answers: all(4) }, client)).status).toBe(201);
    const again = await submit({ tenant: 'serang', unitId: u1!.id, answers: all(1) }, client);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_SUBMITTED');
    expect(again.body.error.message).toMatch(/sudah mengisi survei/);
    expect((await submit({ tenant: 'serang', unitId: u2!.id, answers: all(4) }, client)).status).toBe(201);
    expect((await submit({ tenant: 'serang', unitId: u1!.id, answers: all(4) })).status).toBe(201);
    await h.drain();
    const res = await ikm(`unitId=${u1!.id}&period=${month()}`);
    expect(res.body).toMatchObject({ respondents: 2, ikm: 100, grade: 'A' });
  });

  it('stores no raw IP address', async () => {
    const client = '203.0.113.77';
    expect((await submit({ tenant: 'serang', unitId: 'pupr-u1', answers: all(3) }, client)).status).toBe(201);
    const items = await storedSurveys('pupr-u1');
    expect(JSON.stringify(items)).not.toContain(client);
  });
});

describe('strict input', () => {
  const unitId = 'disdikbud-u1';
  const good = { tenant: 'serang', unitId, answers: all(3) };
  const cases: [string, unknown, string][] = [
    ['missing answer', { ...good, answers: { ...all(3), u9: undefined } }, 'answers.u9'],
    ['answer out of range', { ...good, answers: { ...all(3), u4: 5 } }, 'answers.u4'],
    ['fractional answer', { ...good, answers: { ...all(3), u2: 2.5 } }, 'answers.u2'],
    ['extra answer', { ...good, answers: { ...all(3), u10: 3 } }, 'answers'],
    ['unknown field', { ...good, rating: 5 }, 'survey'],
    ['long comment', { ...good, comment: 'x'.repeat(1001) }, 'comment'],
    ['control characters', { ...good, comment: 'ok\u0007bell' }, 'comment'],
    ['education outside the list', { ...good, respondent: { education: 'S4' } }, 'respondent.education'],
    ['unknown respondent field', { ...good, respondent: { name: 'Budi' } }, 'respondent'],
    ['unknown tenant', { ...good, tenant: 'atlantis' }, 'tenant'],
    ['unknown unit', { ...good, unitId: 'no-such-unit' }, 'unitId'],
    ['officer of another unit', { ...good, officerId: 'ofc_nobody' }, 'officerId'],
  ];
  it.each(cases)('refuses %s with 400 naming the field', async (_name, body, field) => {
    const res = await submit(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: any) => d.field)).toContain(field);
  });

  it('an officer from another unit is refused, and nothing of the refused requests is stored', async () => {
    const other = serang().officers.find((o) => o.unitId && o.unitId !== unitId)!;
    expect((await submit({ ...good, officerId: other.id })).status).toBe(400);
    await h.drain();
    expect(await storedSurveys(unitId)).toHaveLength(0);
    expect((await ikm(`unitId=${unitId}&period=${month()}`)).body.respondents).toBe(0);
  });
});

describe('who reads IKM', () => {
  it('refuses another tenant, lets national name one, and requires sign-in', async () => {
    expect((await ikm(`unitId=disdukcapil-u1&period=${month()}&tenant=banjarbaru`)).status).toBe(403);
    expect((await ikm(`unitId=disdukcapil-u1&period=${month()}`, 'banjarbaru.admin')).body.respondents).toBe(0);
    const national = await ikm(`unitId=disdukcapil-u1&period=${month()}&tenant=serang`, 'nasional');
    expect(national.body).toMatchObject({ respondents: 3, ikm: 84.26 });
    expect((await ikm(`period=${month()}`, 'nasional')).status).toBe(400);
    expect((await h.call('GET', `/v1/ikm?period=${month()}`)).status).toBe(401);
    expect((await ikm('period=2025-13')).status).toBe(400);
  });
});

const unmarshallImage = (r: DynamoDBRecord) => unmarshall(r.dynamodb!.NewImage as any);

describe('stream replay', () => {
  it('counts a replayed batch once', async () => {
    const record = (seq: string, id: string): DynamoDBRecord => ({
      eventName: 'INSERT',
      dynamodb: {
        SequenceNumber: seq,
        NewImage: marshall({ type: 'survey', id, tenant: 'serang', unitId: 'dinsos-u1', agencyId: 'dinsos', period: '2024-02', answers: all(2) }) as any,
      },
    });
    const batch = [record('900000000000000000001', 'a'), record('900000000000000000002', 'b')];
    expect(await processSurveyRecords(batch)).toEqual([]);
    expect(await processSurveyRecords(batch)).toEqual([]);
    // A retry that starts mid-way and brings one new record adds only the new one.
    expect(await processSurveyRecords([batch[1]!, record('900000000000000000003', 'c')])).toEqual([]);
    // Seeded responses arrive with their rollups already written: the stream leaves them alone.
    const seeded = record('900000000000000000004', 'd');
    seeded.dynamodb!.NewImage = marshall({ ...unmarshallImage(seeded), preAggregated: true }) as any;
    expect(await processSurveyRecords([seeded])).toEqual([]);
    const res = await ikm('unitId=dinsos-u1&period=2024-02');
    expect(res.body).toMatchObject({ respondents: 3, ikm: 50, grade: 'D' });
    expect((await ikm('agencyId=dinsos&period=2024-Q1')).body.respondents).toBe(3);
  });
});

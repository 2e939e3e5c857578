// Survey intake and IKM against DynamoDB Local: the formula end to end, many citizens behind one
// address (repeats per device, Idempotency-Key, the policy's flood ceiling, kiosk tokens), strict
// input, tenant isolation, and a replayed stream batch counted once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { monthOf } from '../../functions/domain/periods.js';
import { processSurveyRecords } from '../../functions/surveys/rollup.js';
import { startHarness, type Harness, clearOfWindowEdge } from './harness.js';
import { changes, NOTHING, snapshot } from './security/snapshot.js';

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
const storedSurveys = async (unitId: string, tenant = 'serang', timeZone = 'Asia/Jakarta') =>
  (await ddb().send(new QueryCommand({ TableName: h.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.surveyResponse(tenant, unitId, monthOf(new Date(), timeZone), '', '').PK } }))).Items ?? [];
const banjarbaru = () => h.seeded.tenants.find((t) => t.tenant.id === 'banjarbaru')!;
/** What the survey page keeps in localStorage: a random id per device. */
const deviceId = () => randomBytes(16).toString('base64url');
async function setAddressLimit(tenant: string, limit: number) {
  const policy = (await h.call('GET', '/v1/policy', { as: `${tenant}.admin` })).body.policy;
  expect((await h.call('PUT', '/v1/policy', { as: `${tenant}.admin`, body: { ...policy, surveyAddressLimit: limit } })).status).toBe(200);
}

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

describe('many citizens behind one address', () => {
  it('accepts twenty phones on one address for one unit, and refuses only the phone that already rated', async () => {
    const address = '198.51.100.20'; // one puskesmas Wi-Fi
    const unitId = 'dpmptsp-u1';
    const phones = Array.from({ length: 20 }, () => deviceId());
    const results = [];
    for (const phone of phones) results.push(await submit({ tenant: 'serang', unitId, deviceId: phone, answers: all(4) }, address));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(20);
    expect(await storedSurveys(unitId)).toHaveLength(20);

    const again = await submit({ tenant: 'serang', unitId, deviceId: phones[7], answers: all(1) }, address);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_SUBMITTED');
    expect(again.body.error.message).toMatch(/sudah mengisi survei.*already rated this unit today/);
    expect(await storedSurveys(unitId)).toHaveLength(20);
    // The same phone may still rate another unit today, and the unit of the same code in another city,
    // each its own response with its own id.
    const other = await submit({ tenant: 'serang', unitId: 'dpmptsp-u2', deviceId: phones[7], answers: all(4) }, address);
    expect(other.status).toBe(201);
    const elsewhere = await submit({ tenant: 'banjarbaru', unitId, deviceId: phones[7], answers: all(4) }, address);
    expect(elsewhere.status).toBe(201);
    expect(new Set([results[7]!.body.id, other.body.id, elsewhere.body.id]).size).toBe(3);
    await h.drain();
    expect((await ikm(`unitId=${unitId}&period=${month()}`)).body).toMatchObject({ respondents: 20, ikm: 100 });
  });

  it('never takes the address for the citizen: without a device id nothing is suppressed', async () => {
    const address = '198.51.100.21';
    expect((await submit({ tenant: 'serang', unitId: 'dinsos-u1', answers: all(3) }, address)).status).toBe(201);
    expect((await submit({ tenant: 'serang', unitId: 'dinsos-u1', answers: all(2) }, address)).status).toBe(201);
    expect(await storedSurveys('dinsos-u1')).toHaveLength(2);
  });

  it('refuses a malformed device id with 400', async () => {
    for (const bad of ['short', 'x'.repeat(65), 'has spaces in it!!', 'émoji-émoji-émoji']) {
      const res = await submit({ tenant: 'serang', unitId: 'dinsos-u1', deviceId: bad, answers: all(3) });
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: any) => d.field)).toContain('deviceId');
    }
  });
});

describe('Idempotency-Key', () => {
  const send = (body: unknown, key: string, client = newClient()) => h.call('POST', '/v1/public/surveys', { body, headers: { 'x-forwarded-for': client, 'idempotency-key': key } });

  it('stores a retried send once and answers it with the first id, even from the device that now has a marker', async () => {
    const body = { tenant: 'serang', unitId: 'dinkes-u2', deviceId: deviceId(), answers: all(3) };
    const key = 'b7f5c3e0-1f4a-4c1e-9d55-0a6b2a8e0f11';
    const first = await send(body, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const retries = [await send(body, key), await send(body, key, '203.0.113.200')];
    for (const r of retries) expect(r).toMatchObject({ status: 201, body: { id: first.body.id } });
    const stored = await storedSurveys('dinkes-u2');
    expect(stored.map((i) => i.id)).toEqual([first.body.id]);
  });

  it('refuses the same key with another body (422) and stores nothing for it', async () => {
    const key = 'reused-key-0001';
    const body = { tenant: 'serang', unitId: 'dinkes-u3', deviceId: deviceId(), answers: all(4) };
    expect((await send(body, key)).status).toBe(201);
    const other = await send({ ...body, answers: all(1) }, key);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Without a device id the key's own record binds it to its body.
    const bare = { tenant: 'serang', unitId: 'dinkes-u3', answers: all(2) };
    expect((await send(bare, 'reused-key-0002')).status).toBe(201);
    expect((await send({ ...bare, answers: all(3) }, 'reused-key-0002')).status).toBe(422);
    expect(await storedSurveys('dinkes-u3')).toHaveLength(2);
    const malformed = await send(body, 'has space');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].field).toBe('Idempotency-Key');
  });
});

describe('flood ceiling', () => {
  it('takes the per-address ceiling from the tenant policy, per unit, with 429 and Retry-After; the flood is not stored', async () => {
    await setAddressLimit('banjarbaru', 10);
    await clearOfWindowEdge();
    const address = '192.0.2.50';
    const [u1, u2] = banjarbaru().units;
    const results = [];
    for (let i = 0; i < 13; i++) results.push(await submit({ tenant: 'banjarbaru', unitId: u1!.id, deviceId: deviceId(), answers: all(2) }, address));
    expect(results.map((r) => r.status)).toEqual([...Array(10).fill(201), 429, 429, 429]);
    for (const r of results.slice(10)) {
      expect(r.body.error.code).toBe('RATE_LIMITED');
      const retry = Number(r.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(600);
    }
    expect(await storedSurveys(u1!.id, 'banjarbaru', 'Asia/Makassar')).toHaveLength(10);
    // Counted per unit and per address: another unit behind the same address, and another address, go on.
    expect((await submit({ tenant: 'banjarbaru', unitId: u2!.id, deviceId: deviceId(), answers: all(2) }, address)).status).toBe(201);
    expect((await submit({ tenant: 'banjarbaru', unitId: u1!.id, deviceId: deviceId(), answers: all(2) }, '192.0.2.51')).status).toBe(201);
  });
});

describe('kiosk tokens', () => {
  const issue = (unitId: unknown, as = 'banjarbaru.admin') => h.call('POST', '/v1/kiosk-tokens', { as, body: { unitId } });
  const kioskSend = (body: unknown, token: string, client: string) => h.call('POST', '/v1/public/surveys', { body, headers: { 'x-forwarded-for': client, 'x-kiosk-token': token } });

  it('are issued to admins of the unit only, shown once, valid for 180 days', async () => {
    const res = await issue(banjarbaru().units[2]!.id);
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(res.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(179.9);
    expect(days).toBeLessThan(180.1);
    const dinkes = serang().units.find((u) => u.agencyId === 'dinkes')!;
    const other = serang().units.find((u) => u.agencyId !== 'dinkes')!;
    expect((await issue(dinkes.id, 'serang.opd')).status).toBe(201); // agency_admin, own agency
    expect((await issue(other.id, 'serang.opd')).status).toBe(403);
    expect((await issue(dinkes.id, 'serang.atasan')).status).toBe(403);
    expect((await issue(dinkes.id, 'serang.pimpinan')).status).toBe(403);
    expect((await issue('no-such-unit', 'serang.admin')).status).toBe(404);
    expect((await issue(12, 'serang.admin')).status).toBe(400);
    expect((await h.call('POST', '/v1/kiosk-tokens', { body: { unitId: dinkes.id } })).status).toBe(401);
  });

  it('lift the address ceiling and the repeat marker for their own unit only', async () => {
    await setAddressLimit('banjarbaru', 10);
    await clearOfWindowEdge();
    const [, , , counter, elsewhere] = banjarbaru().units;
    const { token } = (await issue(counter!.id)).body;
    const address = '192.0.2.60';
    const tablet = deviceId();
    const results = [];
    for (let i = 0; i < 14; i++) results.push(await kioskSend({ tenant: 'banjarbaru', unitId: counter!.id, deviceId: tablet, answers: all(3) }, token, address));
    expect(results.map((r) => r.status)).toEqual(Array(14).fill(201));
    expect(await storedSurveys(counter!.id, 'banjarbaru', 'Asia/Makassar')).toHaveLength(14);
    // The kiosk sends left no repeat marker and no count: the same tablet without the token is a plain device.
    expect((await submit({ tenant: 'banjarbaru', unitId: counter!.id, deviceId: tablet, answers: all(3) }, address)).status).toBe(201);
    expect((await submit({ tenant: 'banjarbaru', unitId: counter!.id, deviceId: tablet, answers: all(3) }, address)).status).toBe(409);

    // Another unit's survey with this token, an unknown token, or one of another tenant: 403 and nothing written.
    const serangToken = (await issue(serang().units[0]!.id, 'serang.admin')).body.token;
    await h.drain();
    const before = await snapshot(h.tableName);
    const refused = [
      await kioskSend({ tenant: 'banjarbaru', unitId: elsewhere!.id, deviceId: deviceId(), answers: all(3) }, token, '192.0.2.61'),
      await kioskSend({ tenant: 'banjarbaru', unitId: counter!.id, deviceId: deviceId(), answers: all(3) }, 'A'.repeat(43), '192.0.2.61'),
      await kioskSend({ tenant: 'banjarbaru', unitId: counter!.id, deviceId: deviceId(), answers: all(3) }, 'not a token', '192.0.2.61'),
      await kioskSend({ tenant: 'banjarbaru', unitId: serang().units[0]!.id, deviceId: deviceId(), answers: all(3) }, serangToken, '192.0.2.61'),
    ];
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('KIOSK_TOKEN_INVALID');
      expect(r.body.error.message).toMatch(/kiosk token is not valid/);
    }
    await h.drain();
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });

  it('an expired token is refused', async () => {
    const unitId = banjarbaru().units[5]!.id;
    const { token } = (await issue(unitId)).body;
    const [item] = (await ddb().send(new QueryCommand({ TableName: h.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.kioskToken('banjarbaru', createHash('sha256').update(token).digest('base64url')).PK } }))).Items ?? [];
    expect(item).toMatchObject({ unitId, tenant: 'banjarbaru', createdBy: expect.any(String) });
    expect(JSON.stringify(item)).not.toContain(token);
    await ddb().send(new UpdateCommand({ TableName: h.tableName, Key: { PK: item!.PK, SK: item!.SK }, UpdateExpression: 'SET expiresAt = :past', ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 } }));
    expect((await kioskSend({ tenant: 'banjarbaru', unitId, deviceId: deviceId(), answers: all(3) }, token, '192.0.2.62')).status).toBe(403);
  });
});

describe('privacy', () => {
  it('stores no raw IP address and no raw device id', async () => {
    const client = '203.0.113.77';
    const device = deviceId();
    expect((await submit({ tenant: 'serang', unitId: 'pupr-u1', deviceId: device, answers: all(3) }, client)).status).toBe(201);
    const everything = JSON.stringify([...(await snapshot(h.tableName, () => true)).values()]);
    expect(everything).not.toContain(client);
    expect(everything).not.toContain(device);
  });
});

describe('strict input', () => {
  const unitId = 'disdikbud-u1';
  const good = { tenant: 'serang', unitId, answers: all(3) };
  const cases: [string, unknown, string][] = [
    ['missing answer', { ...good, answers: { ...all(3), u9: undefined } }, 'answers.u9'],
    ['answer out of range', { ...good, answers: { ...all(3), u4: 5 } }, 'answers.u4'],
    ['fractional answer', { ...good, answers: { ...all(3), u2: 2.5 } }, 'answers.u2'],
    ['extra answer', { ...good, answers: { ...all(3), u10: 3 } }, 'answers.u10'],
    ['unknown field', { ...good, rating: 5 }, 'rating'],
    ['long comment', { ...good, comment: 'x'.repeat(1001) }, 'comment'],
    ['control characters', { ...good, comment: 'ok\u0007bell' }, 'comment'],
    ['education outside the list', { ...good, respondent: { education: 'S4' } }, 'respondent.education'],
    ['unknown respondent field', { ...good, respondent: { name: 'Budi' } }, 'respondent.name'],
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

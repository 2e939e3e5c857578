// Trainings against DynamoDB Local: who may log, validation, the year total against 20 JP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let pegawaiId: string;
beforeAll(async () => {
  h = await startHarness({ stream: false });
  pegawaiId = (await h.call('GET', '/v1/me', { as: 'serang.pegawai' })).body.officer.id;
});
afterAll(async () => { await h?.close(); });

const body = (over: Record<string, unknown> = {}) => ({ officerId: pegawaiId, title: 'e-Learning LAN: Manajemen ASN', jp: 8, date: '2025-03-10', provider: 'LAN', ...over });

describe('trainings', () => {
  it('the officer logs trainings and sees the year total against 20 JP', async () => {
    expect((await h.call('POST', '/v1/trainings', { as: 'serang.pegawai', body: body() })).status).toBe(201);
    expect((await h.call('POST', '/v1/trainings', { as: 'serang.admin', body: body({ jp: 6.5, date: '2025-06-01', title: 'Bimtek SIPD' }) })).status).toBe(201);
    expect((await h.call('POST', '/v1/trainings', { as: 'serang.pegawai', body: body({ date: '2024-12-31' }) })).status).toBe(201);
    const year = await h.call('GET', `/v1/officers/${pegawaiId}/trainings?year=2025`, { as: 'serang.pegawai' });
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ year: 2025, totalJp: 14.5, requiredJp: 20, pace: { asOf: '2025-12', behind: true, yearEndShort: true } });
    expect(year.body.trainings.map((t: any) => t.date)).toEqual(['2025-03-10', '2025-06-01']);
    expect(year.body.items).toEqual(year.body.trainings);
    expect(year.body.nextCursor).toBeNull();
  });

  it('refuses bad input, the future, other officers and other tenants', async () => {
    for (const bad of [{ jp: 0 }, { jp: 201 }, { jp: 1.25 }, { date: '2025-02-30' }, { title: '' }]) {
      const res = await h.call('POST', '/v1/trainings', { as: 'serang.pegawai', body: body(bad) });
      expect(res.status).toBe(400);
      expect(res.body.error.details.length).toBeGreaterThan(0);
    }
    expect((await h.call('POST', '/v1/trainings', { as: 'serang.pegawai', body: body({ date: '2999-01-01' }) })).status).toBe(400);
    expect((await h.call('POST', '/v1/trainings', { as: 'serang.pimpinan', body: body() })).status).toBe(403);
    expect((await h.call('POST', '/v1/trainings', { as: 'banjarbaru.admin', body: body() })).status).toBe(404);
    expect((await h.call('GET', `/v1/officers/${pegawaiId}/trainings`, { as: 'banjarbaru.admin' })).status).toBe(404);
    expect((await h.call('GET', `/v1/officers/${pegawaiId}/trainings`, { as: 'serang.pimpinan' })).status).toBe(200);
  });
});

describe('Idempotency-Key on POST /v1/trainings', () => {
  const year = async (y: number) => (await h.call('GET', `/v1/officers/${pegawaiId}/trainings?year=${y}`, { as: 'serang.pegawai' })).body;
  const post = (b: Record<string, unknown>, key: string, as = 'serang.pegawai') => h.call('POST', '/v1/trainings', { as, body: b, headers: { 'idempotency-key': key } });

  it('counts a retried post once and answers it with the same 201 body', async () => {
    const b = body({ date: '2023-04-05', jp: 3 });
    const first = await post(b, 'trn-retry-1');
    const again = await post(b, 'trn-retry-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const y = await year(2023);
    expect(y.items.map((t: any) => t.id)).toEqual([first.body.id]);
    expect(y.totalJp).toBe(3);
  });

  it('lets exactly one of concurrent retries count', async () => {
    const b = body({ date: '2023-05-06', jp: 2.5, title: 'Pelatihan serentak' });
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(b, 'trn-race-1')));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const y = await year(2023);
    expect(y.items.filter((t: any) => t.date === '2023-05-06')).toHaveLength(1);
    expect(y.totalJp).toBe(5.5);
  });

  it('refuses the same key with another body (422) and writes nothing; keys are per caller', async () => {
    const reused = await post(body({ date: '2023-04-05', jp: 4 }), 'trn-retry-1');
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await year(2023)).totalJp).toBe(5.5);
    // The admin's own key of the same spelling is another key.
    expect((await post(body({ date: '2023-04-05', jp: 1 }), 'trn-retry-1', 'serang.admin')).status).toBe(201);
    expect((await year(2023)).totalJp).toBe(6.5);
  });

  it('validates the header as POST /v1/reports does', async () => {
    for (const key of ['has space', 'x'.repeat(129), 'ünïcode']) {
      const res = await post(body({ date: '2023-07-01' }), key);
      expect(res.status, key).toBe(400);
    }
    expect((await year(2023)).items.some((t: any) => t.date === '2023-07-01')).toBe(false);
  });
});

describe('GET /v1/officers/{id}/trainings as a list', () => {
  const list = (query: string, as = 'serang.pegawai') => h.call('GET', `/v1/officers/${pegawaiId}/trainings?year=2022&${query}`, { as });

  beforeAll(async () => {
    for (const [date, jp] of [['2022-02-01', 2], ['2022-03-01', 4], ['2022-04-01', 6]] as const) {
      expect((await h.call('POST', '/v1/trainings', { as: 'serang.pegawai', body: body({ date, jp }) })).status).toBe(201);
    }
  });

  it('pages with limit and cursor; the year total still counts the whole year', async () => {
    const first = await list('limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items.map((t: any) => t.date)).toEqual(['2022-02-01']);
    expect(first.body.trainings).toEqual(first.body.items);
    expect(first.body).toMatchObject({ year: 2022, totalJp: 12, requiredJp: 20, pace: { asOf: '2022-12' } });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(`limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((t: any) => t.date)).toEqual(['2022-03-01']);
    expect(second.body.totalJp).toBe(12);
    const rest = await list(`limit=5&cursor=${second.body.nextCursor}`);
    expect(rest.body.items.map((t: any) => t.date)).toEqual(['2022-04-01']);
    expect(rest.body.nextCursor).toBeNull();
    expect((await list('')).body.items).toHaveLength(3);
  });

  it('refuses a tampered cursor, another list\'s cursor and a limit over 200 with 400', async () => {
    const { nextCursor } = (await list('limit=1')).body;
    const key = JSON.parse(Buffer.from(nextCursor, 'base64url').toString());
    const forge = (k: unknown) => Buffer.from(JSON.stringify(k)).toString('base64url');
    const bad = [
      `${nextCursor.slice(0, -2)}!!`,
      'bm90LWpzb24',
      forge({ ...key, PK: key.PK.replace(pegawaiId, 'someone-else') }),
      forge({ ...key, SK: 'PLAN#2022' }), // outside this year's trainings
      forge({ ...key, SK: 'TRAINING#2023-01-01#x' }), // another year's list
      forge({ ...key, GSI1PK: 'x' }),
    ];
    for (const cursor of bad) {
      const res = await list(`limit=1&cursor=${cursor}`);
      expect(res.status, cursor).toBe(400);
      expect(res.body.error.details[0].field).toBe('cursor');
    }
    expect((await list('limit=201')).status).toBe(400);
    expect((await list('limit=0')).status).toBe(400);
  });
});

describe('certificate link', () => {
  it('keeps an optional https certificateUrl and refuses other links naming the field', async () => {
    const url = 'https://lms.lan.go.id/sertifikat/abc-123.pdf';
    const logged = await h.call('POST', '/v1/trainings', { as: 'serang.pegawai', body: body({ date: '2021-04-05', certificateUrl: url }) });
    expect(logged.status).toBe(201);
    expect(logged.body.certificateUrl).toBe(url);
    const year = await h.call('GET', `/v1/officers/${pegawaiId}/trainings?year=2021`, { as: 'serang.pegawai' });
    expect(year.body.items.map((t: any) => t.certificateUrl)).toEqual([url]);
    for (const bad of ['http://lms.lan.go.id/s.pdf', 'javascript:alert(1)', 'sertifikat.pdf', `https://x.id/${'a'.repeat(500)}`]) {
      const res = await h.call('POST', '/v1/trainings', { as: 'serang.pegawai', body: body({ date: '2021-04-06', certificateUrl: bad }) });
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: any) => d.field)).toContain('certificateUrl');
    }
    const after = await h.call('GET', `/v1/officers/${pegawaiId}/trainings?year=2021`, { as: 'serang.pegawai' });
    expect(after.body.totalJp).toBe(8);
  });
});

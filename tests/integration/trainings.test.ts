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

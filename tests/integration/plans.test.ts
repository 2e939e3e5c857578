// SKP plans against DynamoDB Local: who may write, validation, optimistic concurrency and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../../functions/data/client.js';
import { keys } from '../../functions/data/keys.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const T = 'serang';
let pegawai: string;
const indicator = (id: string, over: Record<string, unknown> = {}) => ({ id, name: `Indikator ${id}`, aspect: 'kuantitas', target: 10, unit: 'berkas', source: 'report', ...over });
const plan = (over: Record<string, unknown> = {}) => ({
  rhk: [
    { id: 'rhk1', kind: 'utama', title: 'Pelayanan', indicators: [indicator('i1'), indicator('i2', { aspect: 'waktu', target: 3, unit: 'hari' })] },
    { id: 'rhk2', kind: 'tambahan', title: 'Narasumber', indicators: [indicator('i3')] },
  ],
  ...over,
});
const planItems = async () =>
  (await ddb().send(new QueryCommand({ TableName: h.tableName, KeyConditionExpression: 'PK = :p AND begins_with(SK, :s)', ExpressionAttributeValues: { ':p': keys.officerPartition(T, pegawai), ':s': 'PLAN#' } }))).Items ?? [];
const audits = async () =>
  (await ddb().send(new QueryCommand({ TableName: h.tableName, KeyConditionExpression: 'PK = :p AND begins_with(SK, :s)', ExpressionAttributeValues: { ':p': keys.officerPartition(T, pegawai), ':s': 'AUDIT#PLAN#' } }))).Items ?? [];

beforeAll(async () => {
  h = await startHarness({ stream: false });
  pegawai = h.seeded.users.find((u) => u.username === `${T}.pegawai`)!.officerId!;
});
afterAll(async () => { await h?.close(); });

describe('plans', () => {
  it('rejects invalid plans with 400 naming each bad field, writing nothing', async () => {
    const bad: [unknown, string][] = [
      [plan({ rhk: [{ id: 'rhk1', kind: 'tambahan', title: 'x', indicators: [indicator('i1')] }] }), 'rhk'],
      [plan({ rhk: [{ id: 'rhk1', kind: 'utama', title: 'x', indicators: [indicator('i1'), indicator('i1')] }] }), 'rhk.0.indicators.1.id'],
      [plan({ rhk: [{ id: 'r', kind: 'utama', title: 'x', indicators: [indicator('i1')] }, { id: 'r', kind: 'utama', title: 'y', indicators: [indicator('i2')] }] }), 'rhk.1.id'],
      [plan({ rhk: [{ id: 'rhk1', kind: 'utama', title: 'x', indicators: [indicator('i1', { target: 0 })] }] }), 'rhk.0.indicators.0.target'],
      [plan({ rhk: [{ id: 'rhk1', kind: 'utama', title: 'x', indicators: [indicator('i1', { aspect: 'kecepatan' })] }] }), 'rhk.0.indicators.0.aspect'],
      [plan({ rhk: [{ id: 'rhk1', kind: 'utama', title: 'x', indicators: [] }] }), 'rhk.0.indicators'],
    ];
    for (const [body, field] of bad) {
      const res = await h.call('PUT', `/v1/officers/${pegawai}/plans/2026`, { as: `${T}.atasan`, body });
      expect(res.status, field).toBe(400);
      expect(res.body.error.details.map((d: any) => d.field)).toContain(field);
    }
    expect(await planItems()).toEqual([]);
  });

  it('lets the supervisor write and the officer read, but not the officer write their own plan', async () => {
    expect((await h.call('PUT', `/v1/officers/${pegawai}/plans/2026`, { as: `${T}.pegawai`, body: plan() })).status).toBe(403);
    const put = await h.call('PUT', `/v1/officers/${pegawai}/plans/2026`, { as: `${T}.atasan`, body: plan() });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ officerId: pegawai, year: 2026, version: 1 });
    const got = await h.call('GET', `/v1/officers/${pegawai}/plans/2026`, { as: `${T}.pegawai` });
    expect(got.body.rhk).toEqual(plan().rhk);
    expect((await h.call('GET', `/v1/officers/${pegawai}/plans/2025`, { as: `${T}.pegawai` })).status).toBe(404);
    expect((await h.call('GET', `/v1/officers/${pegawai}/plans/2026`, { as: 'banjarbaru.admin' })).status).toBe(404);
  });

  it('refuses a stale version with 409 and audits every accepted change', async () => {
    const changed = plan({ version: 1, rhk: [...plan().rhk, { id: 'rhk3', kind: 'utama', title: 'Arsip', indicators: [indicator('i4')] }] });
    const ok = await h.call('PUT', `/v1/officers/${pegawai}/plans/2026`, { as: `${T}.opd`, body: changed });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await h.call('PUT', `/v1/officers/${pegawai}/plans/2026`, { as: `${T}.atasan`, body: plan({ version: 1 }) });
    expect(stale.status).toBe(409);
    expect((await h.call('GET', `/v1/officers/${pegawai}/plans/2026`, { as: `${T}.pegawai` })).body.rhk.map((r: any) => r.id)).toEqual(['rhk1', 'rhk2', 'rhk3']);
    const trail = (await audits()).map((a) => ({ version: a.version, changes: a.changes }));
    expect(trail).toEqual([{ version: 1, changes: ['created with 2 RHK'] }, { version: 2, changes: ['added RHK rhk3'] }]);
  });
});

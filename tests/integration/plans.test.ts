// SKP plans against DynamoDB Local: who may write, validation, optimistic concurrency and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
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

describe('cascading, agreement and versions', () => {
  const Y = 2027;
  let atasan: string;
  let sibling: string;
  const supervisorPlan = (over: Record<string, unknown> = {}) => ({
    rhk: [
      { id: 'a1', kind: 'utama', title: 'Layanan prima di unit', indicators: [indicator('ai1')] },
      { id: 'a2', kind: 'utama', title: 'Tata kelola arsip', indicators: [indicator('ai2')] },
    ],
    ...over,
  });
  const subordinatePlan = (parent: string | undefined, over: Record<string, unknown> = {}) => ({
    rhk: [
      { id: 'p1', kind: 'utama', title: 'Berkas selesai tepat waktu', ...(parent ? { parentRhkId: parent } : {}), indicators: [indicator('pi1')] },
      { id: 'p2', kind: 'tambahan', title: 'Narasumber', indicators: [indicator('pi2')] },
    ],
    ...over,
  });

  beforeAll(async () => {
    atasan = h.seeded.users.find((u) => u.username === `${T}.atasan`)!.officerId!;
    sibling = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers.find((o) => o.supervisorId === atasan && o.id !== pegawai)!.id;
    expect((await h.call('PUT', `/v1/officers/${atasan}/plans/${Y}`, { as: `${T}.opd`, body: supervisorPlan() })).status).toBe(200);
  });

  it('refuses a utama RHK that supports nothing or an RHK not in the supervisor\'s plan, naming the field', async () => {
    for (const [body, field] of [[subordinatePlan(undefined), 'rhk.0.parentRhkId'], [subordinatePlan('zz'), 'rhk.0.parentRhkId']] as const) {
      const res = await h.call('PUT', `/v1/officers/${pegawai}/plans/${Y}`, { as: `${T}.atasan`, body });
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: any) => d.field)).toEqual([field]);
    }
    expect((await h.call('GET', `/v1/officers/${pegawai}/plans/${Y}`, { as: `${T}.atasan` })).status).toBe(404);
    const ok = await h.call('PUT', `/v1/officers/${pegawai}/plans/${Y}`, { as: `${T}.atasan`, body: subordinatePlan('a2') });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'draft', version: 1, agreement: {} });
    expect(ok.body.rhk[0].parentRhkId).toBe('a2');
  });

  it('refuses removing a supervisor RHK that a subordinate still supports, naming them, before any other check', async () => {
    const before = (await h.call('GET', `/v1/officers/${atasan}/plans/${Y}`, { as: `${T}.opd` })).body;
    // A stale version too: the dependants are the answer, not the version.
    const res = await h.call('PUT', `/v1/officers/${atasan}/plans/${Y}`, { as: `${T}.opd`, body: { version: 0, rhk: [supervisorPlan().rhk[0]] } });
    expect(res.status).toBe(409);
    const pegawaiName = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers.find((o) => o.id === pegawai)!.name;
    expect(res.body.error.details).toEqual([{ field: 'rhk', message: `${pegawaiName} (${pegawai}) RHK p1 supports a2` }]);
    expect((await h.call('GET', `/v1/officers/${atasan}/plans/${Y}`, { as: `${T}.opd` })).body).toEqual(before);
    // Removing the RHK nobody supports is fine.
    const trimmed = await h.call('PUT', `/v1/officers/${atasan}/plans/${Y}`, { as: `${T}.opd`, body: { version: before.version, rhk: [supervisorPlan().rhk[1]] } });
    expect(trimmed.status).toBe(200);
    expect((await h.call('PUT', `/v1/officers/${atasan}/plans/${Y}`, { as: `${T}.opd`, body: { version: trimmed.body.version, ...supervisorPlan() } })).status).toBe(200);
  });

  it('never lets an admin set their own plan', async () => {
    for (const who of ['opd', 'admin']) {
      const self = h.seeded.users.find((u) => u.username === `${T}.${who}`)!.officerId!;
      const res = await h.call('PUT', `/v1/officers/${self}/plans/${Y}`, { as: `${T}.${who}`, body: plan() });
      expect(res.status, who).toBe(403);
    }
  });

  it('is agreed by the officer and the direct supervisor; an agreed plan changes only as a new version with a reason', async () => {
    const url = `/v1/officers/${pegawai}/plans/${Y}`;
    expect((await h.call('POST', `${url}/agreement`, { as: `${T}.admin`, body: {} })).status).toBe(403); // not the appraiser
    expect((await h.call('POST', `${url}/agreement`, { as: `${T}.pegawai`, body: { version: 9 } })).status).toBe(409);
    const half = await h.call('POST', `${url}/agreement`, { as: `${T}.pegawai`, body: {} });
    expect(half.status).toBe(200);
    expect(half.body.status).toBe('draft');
    expect(half.body.agreement.officer.by).toBe(pegawai);
    const both = await h.call('POST', `${url}/agreement`, { as: `${T}.atasan`, body: {} });
    expect(both.body).toMatchObject({ status: 'agreed', version: 1, agreement: { officer: { by: pegawai }, supervisor: { by: atasan } } });
    expect(both.body.agreedAt).toBeTruthy();

    const changed = subordinatePlan('a1', { version: 1 });
    const noReason = await h.call('PUT', url, { as: `${T}.atasan`, body: changed });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.map((d: any) => d.field)).toEqual(['reason']);
    const v2 = await h.call('PUT', url, { as: `${T}.atasan`, body: { ...changed, reason: 'Tugas unit berubah sejak Maret' } });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ status: 'agreed', version: 2, reason: 'Tugas unit berubah sejak Maret' });

    const history = await h.call('GET', `${url}/history`, { as: `${T}.pegawai` });
    expect(history.status).toBe(200);
    expect(history.body.items.map((a: any) => [a.version, a.action, a.changes.join('; '), a.reason ?? null])).toEqual([
      [2, 'change', 'changed RHK p1', 'Tugas unit berubah sejak Maret'],
      [1, 'agreement', 'agreed by the supervisor; plan agreed', null],
      [1, 'agreement', 'agreed by the officer', null],
      [1, 'change', 'created with 2 RHK', null],
    ]);
    expect((await h.call('GET', `${url}/history`, { as: 'banjarbaru.admin' })).status).toBe(404);
  });

  it('refuses a report against a draft plan; a report keeps the plan version it was made against', async () => {
    const { monthOf } = await import('../../functions/domain/periods.js');
    const period = monthOf(new Date(), 'Asia/Jakarta');
    const year = Number(period.slice(0, 4));
    const body = { rhk: [{ id: 's1', kind: 'utama', title: 'Layanan', indicators: [indicator('si1')] }] };
    expect((await h.call('PUT', `/v1/officers/${sibling}/plans/${year}`, { as: `${T}.atasan`, body })).status).toBe(200);
    const nipOf = (await h.call('GET', `/v1/officers/${sibling}`, { as: `${T}.atasan` })).body.nip;
    const report = { officerId: sibling, period, items: [{ indicatorId: 'si1', value: 8 }] };
    const draft = await h.call('POST', '/v1/reports', { as: nipOf, body: report });
    expect(draft.status).toBe(400);
    expect(draft.body.error.details.map((d: any) => d.field)).toEqual(['period']);
    for (const as of [nipOf, `${T}.atasan`]) expect((await h.call('POST', `/v1/officers/${sibling}/plans/${year}/agreement`, { as, body: {} })).status).toBe(200);
    const filed = await h.call('POST', '/v1/reports', { as: nipOf, body: report });
    expect(filed.status).toBe(201);
    expect(filed.body.planVersion).toBe(1);
    const raised = { version: 1, reason: 'Target dinaikkan', rhk: [{ ...body.rhk[0], indicators: [indicator('si1', { target: 20 })] }] };
    expect((await h.call('PUT', `/v1/officers/${sibling}/plans/${year}`, { as: `${T}.atasan`, body: raised })).status).toBe(200);
    const { getPlanVersion } = await import('../../functions/data/plan-repository.js');
    expect((await getPlanVersion(T, sibling, year, 1))!.rhk[0].indicators[0].target).toBe(10);
    expect((await getPlanVersion(T, sibling, year, 2))!.rhk[0].indicators[0].target).toBe(20);
  });

  it('shows the cascade from any officer down, RHK under the RHK they support', async () => {
    const res = await h.call('GET', `/v1/officers/${atasan}/plans/${Y}/cascade`, { as: `${T}.atasan` });
    expect(res.status).toBe(200);
    const byId = new Map(res.body.rhk.map((n: any) => [n.id, n]));
    expect([...byId.keys()]).toEqual(['a1', 'a2']);
    expect((byId.get('a1') as any).children.map((c: any) => [c.officerId, c.id])).toEqual([[pegawai, 'p1']]); // moved to a1 in version 2
    expect((byId.get('a2') as any).children).toEqual([]);
    expect(res.body.withoutPlan.map((o: any) => o.id)).toContain(sibling); // no ${Y} plan
    expect(res.body.withoutPlan.map((o: any) => o.id)).not.toContain(pegawai);
    // From the top of the agency down, the same subtree sits under the supervisor's RHK.
    const head = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers.find((o) => o.id === atasan)!.supervisorId;
    if (head) {
      const top = await h.call('GET', `/v1/officers/${head}/plans/${Y}/cascade`, { as: `${T}.admin` });
      expect(top.status).toBe(200);
      expect(top.body.rhk).toEqual([]); // the head has no ${Y} plan: nothing to hang RHK under
      expect(top.body.withoutPlan.map((o: any) => o.id)).toContain(sibling);
    }
    expect((await h.call('GET', `/v1/officers/${atasan}/plans/${Y}/cascade`, { as: `${T}.pegawai` })).status).toBe(403);
  });
});


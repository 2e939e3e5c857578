// Field supervision visits (DESIGN §2, §4): who may record, bad input, Idempotency-Key, lists,
// overdue counting, closing actions, and FIELD_FINDING in a rerun of the period's evaluation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import type { Officer, Unit } from '../../functions/data/org-repository.js';
import { dayOf } from '../../functions/domain/periods.js';
import { startHarness, type Harness } from './harness.js';

const T = 'serang';
let h: Harness;
let pegawai: Officer, atasan: Officer, foreign: Officer;
let ownUnit: Unit, otherUnit: Unit;
const today = () => dayOf(new Date(), 'Asia/Jakarta');
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const CHECKLIST = { u1: 'sesuai', u2: 'sesuai', u3: 'perlu_perbaikan', u4: 'sesuai', u5: 'sesuai', u6: 'tidak_sesuai', u7: 'sesuai', u8: 'sesuai', u9: 'sesuai' };
const visit = (unitId: string, extra: Record<string, unknown> = {}) => ({
  unitId, date: shift(today(), -5), checklist: CHECKLIST, findings: [{ note: 'Antrean tanpa nomor', severity: 'ringan' }],
  actions: [{ title: 'Pasang mesin antrean', ownerUnitId: unitId, due: shift(today(), 10) }], ...extra,
});
/** Every item in the tenant's visit partition (what a refused request must not add to). */
const storedVisits = async () => (await ddb().send(new QueryCommand({ TableName: h.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.visitsOfTenant(T) }, Select: 'COUNT', ConsistentRead: true }))).Count ?? 0;

beforeAll(async () => {
  h = await startHarness();
  const serang = h.seeded.tenants.find((t) => t.tenant.id === T)!;
  const user = (u: string) => serang.officers.find((o) => o.id === h.seeded.users.find((x) => x.username === `${T}.${u}`)!.officerId)!;
  pegawai = user('pegawai');
  atasan = user('atasan');
  ownUnit = serang.units.find((u) => u.id === atasan.unitId)!;
  otherUnit = serang.units.find((u) => u.agencyId !== atasan.agencyId)!;
  foreign = h.seeded.tenants.find((t) => t.tenant.id === 'banjarbaru')!.officers[3]!;
});
afterAll(async () => { await h?.close(); });

describe('who may record a visit', () => {
  it('a supervisor for units of their own agency only; the inspector and the BKPSDM anywhere; officers, leaders and national never', async () => {
    const before = await storedVisits();
    expect((await h.call('POST', '/v1/visits', { as: `${T}.atasan`, body: visit(otherUnit.id) })).status).toBe(403);
    expect((await h.call('POST', '/v1/visits', { as: `${T}.pegawai`, body: visit(ownUnit.id) })).status).toBe(403);
    expect((await h.call('POST', '/v1/visits', { as: `${T}.pimpinan`, body: visit(ownUnit.id) })).status).toBe(403);
    expect((await h.call('POST', '/v1/visits', { as: 'nasional', body: visit(ownUnit.id) })).status).toBe(403);
    expect(await storedVisits()).toBe(before);

    const own = await h.call('POST', '/v1/visits', { as: `${T}.atasan`, body: visit(ownUnit.id) });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body).toMatchObject({ unitId: ownUnit.id, agencyId: ownUnit.agencyId, openActions: 1, overdueActions: 0 });
    const inspector = await h.call('POST', '/v1/visits', { as: `${T}.inspektur`, body: visit(otherUnit.id) });
    expect(inspector.status, JSON.stringify(inspector.body)).toBe(201);
    expect((await h.call('POST', '/v1/visits', { as: `${T}.opd`, body: visit(ownUnit.id) })).status).toBe(201);
    expect((await h.call('POST', '/v1/visits', { as: `${T}.opd`, body: visit(otherUnit.id) })).status).toBe(403);
    expect(await storedVisits()).toBe(before + 3);
  });
});

describe('bad input', () => {
  const fieldsOf = (res: { body: any }) => res.body.error.details.map((d: { field: string }) => d.field).sort();
  it.each([
    ['a missing and an unknown checklist key', { checklist: { ...CHECKLIST, u9: undefined, u10: 'sesuai' } }, ['checklist.u10', 'checklist.u9']],
    ['a date in the future', { date: shift(today(), 1), actions: [] }, ['date']],
    ['a due date before the visit', { actions: [{ title: 'Perbaiki papan', due: shift(today(), -6) }] }, ['actions.0.due']],
    ['a finding about another city\'s officer', () => ({ findings: [{ note: 'Pungutan liar', severity: 'berat', officerId: foreign.id }] }), ['findings.0.officerId']],
    ['an evidence link that is not https', { findings: [{ note: 'Foto', severity: 'ringan', evidenceUrl: 'http://foto.example/a.jpg' }] }, ['findings.0.evidenceUrl']],
    ['an unknown severity and an unknown field', { findings: [{ note: 'Foto', severity: 'parah' }], photo: 'x' }, ['findings.0.severity', 'photo']],
  ])('%s → 400 naming the field, nothing written', async (_name, change, fields) => {
    const before = await storedVisits();
    const res = await h.call('POST', '/v1/visits', { as: `${T}.inspektur`, body: visit(ownUnit.id, typeof change === 'function' ? change() : change) });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(fieldsOf(res)).toEqual(fields);
    expect(await storedVisits()).toBe(before);
  });
});

describe('Idempotency-Key', () => {
  it('a retried send is stored once and answers the first visit; the key with another body is 422', async () => {
    const before = await storedVisits();
    const body = visit(ownUnit.id, { notes: 'Dikirim ulang dari ponsel' });
    const headers = { 'idempotency-key': 'visit-retry-0001' };
    const [a, b] = await Promise.all([
      h.call('POST', '/v1/visits', { as: `${T}.inspektur`, body, headers }),
      h.call('POST', '/v1/visits', { as: `${T}.inspektur`, body, headers }),
    ]);
    const c = await h.call('POST', '/v1/visits', { as: `${T}.inspektur`, body, headers });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    expect(await storedVisits()).toBe(before + 1);
    const other = await h.call('POST', '/v1/visits', { as: `${T}.inspektur`, body: { ...body, notes: 'Lain' }, headers });
    expect(other.status).toBe(422);
    expect(await storedVisits()).toBe(before + 1);
  });
});

describe('lists, overdue and actions', () => {
  let overdueVisit: any;
  beforeAll(async () => {
    const res = await h.call('POST', '/v1/visits', { as: `${T}.inspektur`, body: visit(ownUnit.id, {
      actions: [
        { title: 'Pembinaan petugas', ownerOfficerId: pegawai.id, due: shift(today(), -1) },
        { title: 'Pasang papan standar pelayanan', ownerUnitId: ownUnit.id, due: today() },
      ],
    }) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    overdueVisit = res.body;
  });

  it('counts an open action due yesterday as overdue, one due today not', () => {
    expect(overdueVisit).toMatchObject({ openActions: 2, overdueActions: 1 });
  });

  it('pages a unit\'s visits newest first with a cursor', async () => {
    const all: any[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await h.call('GET', `/v1/visits?unitId=${ownUnit.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as: `${T}.atasan` });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      all.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(all.length).toBeGreaterThanOrEqual(4); // two pages at least
    expect(all.every((v) => v.unitId === ownUnit.id)).toBe(true);
    const sorts = all.map((v) => `${v.date}#${v.id}`);
    expect(sorts).toEqual([...sorts].sort().reverse());
  });

  it('shows each caller what they may see', async () => {
    expect((await h.call('GET', `/v1/visits?agencyId=${otherUnit.agencyId}`, { as: `${T}.atasan` })).status).toBe(403);
    expect((await h.call('GET', `/v1/visits?unitId=${otherUnit.id}`, { as: `${T}.atasan` })).status).toBe(403);
    expect((await h.call('GET', '/v1/visits', { as: `${T}.pegawai` })).status).toBe(403);
    const mine = await h.call('GET', '/v1/visits', { as: `${T}.atasan` });
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((v: any) => v.agencyId === atasan.agencyId)).toBe(true);
    const city = await h.call('GET', '/v1/visits', { as: `${T}.pimpinan` });
    expect(new Set(city.body.items.map((v: any) => v.agencyId)).size).toBeGreaterThan(1);
    const byAgency = await h.call('GET', `/v1/visits?agencyId=${otherUnit.agencyId}`, { as: `${T}.inspektur` });
    expect(byAgency.body.items.length).toBeGreaterThan(0);
    expect(byAgency.body.items.every((v: any) => v.agencyId === otherUnit.agencyId)).toBe(true);
  });

  it('lists overdue visits for the agency and the city, and open ones', async () => {
    const agency = await h.call('GET', `/v1/visits?agencyId=${ownUnit.agencyId}&status=overdue`, { as: `${T}.opd` });
    expect(agency.body.items.map((v: any) => v.id)).toEqual([overdueVisit.id]);
    const city = await h.call('GET', '/v1/visits?status=overdue', { as: `${T}.inspektur` });
    expect(city.body.items.map((v: any) => v.id)).toEqual([overdueVisit.id]);
    const unit = await h.call('GET', `/v1/visits?unitId=${ownUnit.id}&status=overdue`, { as: `${T}.atasan` });
    expect(unit.body.items.map((v: any) => v.id)).toEqual([overdueVisit.id]);
    const open = await h.call('GET', `/v1/visits?unitId=${ownUnit.id}&status=open`, { as: `${T}.atasan` });
    expect(open.body.items.length).toBeGreaterThan(1);
    expect(open.body.items.every((v: any) => v.openActions > 0)).toBe(true);
  });

  it('lets the owner officer or who may record close an action, audited; others are refused', async () => {
    const path = `/v1/visits/${overdueVisit.id}/actions/a1`;
    expect((await h.call('PATCH', path, { as: `${T}.pimpinan`, body: { status: 'done' } })).status).toBe(403);
    expect((await h.call('PATCH', `/v1/visits/${overdueVisit.id}/actions/a2`, { as: pegawai.nip, body: { status: 'done' } })).status).toBe(403); // not the owner of a2
    expect((await h.call('PATCH', `/v1/visits/${overdueVisit.id}/actions/a9`, { as: `${T}.inspektur`, body: { status: 'done' } })).status).toBe(404);
    expect((await h.call('PATCH', path, { as: `${T}.inspektur`, body: { status: 'closed' } })).status).toBe(400);
    const done = await h.call('PATCH', path, { as: pegawai.nip, body: { status: 'done', note: 'Sudah dibina' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ openActions: 1, overdueActions: 0 });
    expect(done.body.actions[0]).toMatchObject({ status: 'done', note: 'Sudah dibina', history: [{ status: 'done', by: pegawai.id, at: expect.any(String) }] });
    // No longer overdue anywhere.
    expect((await h.call('GET', '/v1/visits?status=overdue', { as: `${T}.inspektur` })).body.items).toEqual([]);
    // Reopened: overdue again.
    expect((await h.call('PATCH', path, { as: `${T}.atasan`, body: { status: 'open' } })).status).toBe(200);
    expect((await h.call('GET', '/v1/visits?status=overdue', { as: `${T}.inspektur` })).body.items.map((v: any) => v.id)).toEqual([overdueVisit.id]);
    // Both closed: the open-visit index item is gone.
    await h.call('PATCH', path, { as: `${T}.inspektur`, body: { status: 'done' } });
    await h.call('PATCH', `/v1/visits/${overdueVisit.id}/actions/a2`, { as: `${T}.inspektur`, body: { status: 'done' } });
    const open = await ddb().send(new QueryCommand({ TableName: h.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)', ExpressionAttributeValues: { ':pk': keys.openVisitsOfTenant(T), ':sk': `DUE#` }, ConsistentRead: true }));
    expect((open.Items ?? []).filter((i) => i.visitId === overdueVisit.id)).toEqual([]);
  });
});

describe('FIELD_FINDING in the evaluation', () => {
  const P = '2025-06';
  async function runToEnd(period: string) {
    const start = await h.call('POST', '/v1/evaluations/runs', { as: `${T}.admin`, body: { period } });
    expect(start.status, JSON.stringify(start.body)).toBe(202);
    for (let i = 0; i < 900; i++) {
      const run = await h.call('GET', `/v1/evaluations/runs/${start.body.id}`, { as: `${T}.admin` });
      if (run.body.status !== 'running') return run.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('run did not finish');
  }
  const evaluationOf = async (o: Officer) => (await ddb().send(new GetCommand({ TableName: h.tableName, Key: keys.evaluation(T, o.id, P), ConsistentRead: true }))).Item;

  it('a rerun of the period adds FIELD_FINDING naming the visit to the officer a berat finding is about', async () => {
    expect((await runToEnd(P)).status).toBe('done');
    expect((await evaluationOf(pegawai))!.flags.map((f: any) => f.code)).not.toContain('FIELD_FINDING');
    const res = await h.call('POST', '/v1/visits', { as: `${T}.inspektur`, body: {
      unitId: ownUnit.id, date: '2025-06-12', checklist: CHECKLIST, actions: [],
      findings: [{ note: 'Meminta biaya di luar tarif', severity: 'berat', officerId: pegawai.id }, { note: 'Papan kurang jelas', severity: 'ringan', officerId: atasan.id }],
    } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await runToEnd(P)).status).toBe('done');
    const flag = (await evaluationOf(pegawai))!.flags.find((f: any) => f.code === 'FIELD_FINDING');
    expect(flag?.reason).toContain(res.body.id);
    expect(flag?.reason).toContain(ownUnit.name);
    expect(flag?.reason).toContain('2025-06-12');
    expect(flag?.reason).toContain('Meminta biaya di luar tarif');
    // A ringan finding adds nothing.
    expect((await evaluationOf(atasan))!.flags.map((f: any) => f.code)).not.toContain('FIELD_FINDING');
  }, 120_000);
});

// SKM follow-ups against DynamoDB Local: surveys stored through the public route, then the proposal
// rule on the unit's real IKM, strict input with nothing written on a refusal, one per unit and
// period, who may write, overdue flags, two admins closing actions at once, and the year's counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { addMonths, monthOf } from '../../functions/domain/periods.js';
import { startHarness, type Harness } from './harness.js';
import { changes, NOTHING, snapshot } from './security/snapshot.js';

let h: Harness;
const month = () => monthOf(new Date(), 'Asia/Jakarta');
const serang = () => h.seeded.tenants.find((t) => t.tenant.id === 'serang')!;
let ip = 0;
const submit = (unitId: string, answers: Record<string, number>) =>
  h.call('POST', '/v1/public/surveys', { body: { tenant: 'serang', unitId, answers }, headers: { 'x-forwarded-for': `10.9.${Math.floor(++ip / 250)}.${ip % 250}` } });
const stats = async (year: string, agencyId?: string) =>
  (await ddb().send(new GetCommand({ TableName: h.tableName, Key: keys.followUpStats('serang', year, agencyId), ConsistentRead: true }))).Item;
const ACTIONS = [
  { title: 'Standar waktu layanan dipasang di loket', owner: 'Kepala Puskesmas', due: '2020-01-31' },
  { title: 'Tambah petugas loket pada jam sibuk', owner: 'Subbag Umum', due: '2099-12-31' },
];

let dinkesUnit: string;
let dinkesUnit2: string;
let otherAgencyUnit: string;
beforeAll(async () => {
  h = await startHarness();
  const units = serang().units;
  [dinkesUnit, dinkesUnit2] = units.filter((u) => u.agencyId === 'dinkes').map((u) => u.id) as [string, string];
  otherAgencyUnit = units.find((u) => u.agencyId !== 'dinkes')!.id;
  // u3 clearly weakest, u8 in the C/D range too, u1 third lowest; the others high.
  for (const u of [dinkesUnit, dinkesUnit2, otherAgencyUnit]) {
    expect((await submit(u, { u1: 3, u2: 4, u3: 2, u4: 4, u5: 4, u6: 4, u7: 4, u8: 3, u9: 4 })).status).toBe(201);
    expect((await submit(u, { u1: 3, u2: 4, u3: 2, u4: 4, u5: 4, u6: 4, u7: 4, u8: 3, u9: 4 })).status).toBe(201);
    expect((await submit(u, { u1: 4, u2: 4, u3: 1, u4: 4, u5: 4, u6: 4, u7: 4, u8: 2, u9: 4 })).status).toBe(201);
  }
  await h.drain();
}, 120_000);
afterAll(async () => { await h?.close(); });

describe('SKM follow-up', () => {
  it('previews the proposal: the three lowest NRR and every element below 3.0644, from the unit\'s IKM', async () => {
    const res = await h.call('GET', `/v1/ikm/follow-ups/proposal?unitId=${dinkesUnit}&period=${month()}`, { as: 'serang.opd' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.respondents).toBe(3);
    expect(res.body.nrr.u3).toBeCloseTo(5 / 3);
    // u3 1.67, u8 2.67, u1 3.33 are the three lowest; nothing else is below 3.0644.
    expect(res.body.proposed).toEqual(['u3', 'u8', 'u1']);
  });

  it('a period without survey data, bad fields, and unknown fields → 400 naming them, nothing written', async () => {
    const before = await snapshot(h.tableName);
    const post = (body: unknown) => h.call('POST', '/v1/ikm/follow-ups', { as: 'serang.opd', body });
    const empty = await post({ unitId: dinkesUnit, period: addMonths(month(), -30), actions: ACTIONS });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.map((d: any) => d.field)).toEqual(['period']);
    const fields = async (body: unknown) => (await post(body)).body.error.details.map((d: any) => d.field);
    expect(await fields({ unitId: dinkesUnit, period: '2026-13', actions: ACTIONS })).toEqual(['period']);
    expect(await fields({ unitId: dinkesUnit, period: month(), elements: ['u10'], actions: ACTIONS })).toEqual(['elements.0']);
    expect(await fields({ unitId: dinkesUnit, period: month(), actions: [{ ...ACTIONS[0], due: '2026-02-30' }] })).toEqual(['actions.0.due']);
    expect(await fields({ unitId: dinkesUnit, period: month(), actions: [{ ...ACTIONS[0], due: '9999-99-99' }] })).toEqual(['actions.0.due']);
    expect(await fields({ unitId: dinkesUnit, period: month(), actions: [] })).toEqual(['actions']);
    expect(await fields({ unitId: dinkesUnit, period: month(), actions: ACTIONS, status: 'done' })).toEqual(['status']);
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });

  it('who may write: another agency\'s admin 403, an officer 403, national 403 — nothing written', async () => {
    const before = await snapshot(h.tableName);
    const body = { unitId: otherAgencyUnit, period: month(), actions: ACTIONS };
    expect((await h.call('POST', '/v1/ikm/follow-ups', { as: 'serang.opd', body })).status).toBe(403);
    expect((await h.call('POST', '/v1/ikm/follow-ups', { as: 'serang.pegawai', body: { ...body, unitId: dinkesUnit } })).status).toBe(403);
    expect((await h.call('POST', '/v1/ikm/follow-ups', { as: 'nasional', body })).status).toBe(403);
    expect((await h.call('GET', '/v1/ikm/follow-ups', { as: 'nasional' })).status).toBe(403);
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });

  let id: string;
  it('stores the proposed elements with their NRR, flags overdue actions, refuses a second plan (409), and counts the year', async () => {
    const res = await h.call('POST', '/v1/ikm/follow-ups', { as: 'serang.opd', body: { unitId: dinkesUnit, period: month(), actions: ACTIONS } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.id;
    expect(res.body.elements.map((e: any) => e.key)).toEqual(['u1', 'u3', 'u8']);
    expect(res.body.elements[1].nrr).toBeCloseTo(5 / 3);
    expect(res.body.actions.map((a: any) => [a.id, a.status, a.overdue])).toEqual([['a1', 'open', true], ['a2', 'open', false]]);

    const again = await h.call('POST', '/v1/ikm/follow-ups', { as: 'serang.admin', body: { unitId: dinkesUnit, period: month(), elements: ['u3'], actions: ACTIONS } });
    expect(again.status).toBe(409);
    // The region admin names the elements itself; another unit of the same agency.
    const chosen = await h.call('POST', '/v1/ikm/follow-ups', { as: 'serang.admin', body: { unitId: dinkesUnit2, period: month(), elements: ['u3'], actions: [ACTIONS[1]] } });
    expect(chosen.status).toBe(201);
    expect(chosen.body.elements.map((e: any) => e.key)).toEqual(['u3']);

    const year = month().slice(0, 4);
    expect(await stats(year)).toMatchObject({ followUps: 2, actionsOpen: 3, actionsDone: 0 });
    expect(await stats(year, 'dinkes')).toMatchObject({ followUps: 2, actionsOpen: 3, actionsDone: 0 });
  });

  it('lists per unit, agency and tenant for any signed-in reader of the tenant, with overdue flags', async () => {
    const byUnit = await h.call('GET', `/v1/ikm/follow-ups?unitId=${dinkesUnit}`, { as: 'serang.pegawai' });
    expect(byUnit.status).toBe(200);
    expect(byUnit.body.items.map((f: any) => f.id)).toEqual([id]);
    expect(byUnit.body.items[0].actions[0].overdue).toBe(true);
    const byAgency = await h.call('GET', `/v1/ikm/follow-ups?agencyId=dinkes&period=${month()}`, { as: 'serang.pimpinan' });
    expect(byAgency.body.items).toHaveLength(2);
    const paged = await h.call('GET', '/v1/ikm/follow-ups?limit=1', { as: 'serang.admin' });
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.nextCursor).toEqual(expect.any(String));
    const rest = await h.call('GET', `/v1/ikm/follow-ups?limit=1&cursor=${paged.body.nextCursor}`, { as: 'serang.admin' });
    expect(rest.body.items[0].id).not.toBe(paged.body.items[0].id);
    expect((await h.call('GET', '/v1/ikm/follow-ups?agencyId=dinkes', { as: 'banjarbaru.admin' })).body.items).toEqual([]);
  });

  it('two admins closing different actions at once: both changes kept, who and when recorded, counts exact', async () => {
    const [one, two] = await Promise.all([
      h.call('PATCH', `/v1/ikm/follow-ups/${id}`, { as: 'serang.opd', body: { actionId: 'a1', status: 'done', note: 'Sudah dipasang' } }),
      h.call('PATCH', `/v1/ikm/follow-ups/${id}`, { as: 'serang.admin', body: { actionId: 'a2', status: 'done' } }),
    ]);
    expect([one.status, two.status]).toEqual([200, 200]);
    const stored = (await h.call('GET', `/v1/ikm/follow-ups?unitId=${dinkesUnit}`, { as: 'serang.admin' })).body.items[0];
    expect(stored.actions.map((a: any) => [a.status, a.overdue])).toEqual([['done', false], ['done', false]]);
    expect(stored.actions[0]).toMatchObject({ note: 'Sudah dipasang', updatedAt: expect.any(String), updatedBy: expect.any(String) });
    expect(stored.actions[0].updatedBy).not.toBe(stored.actions[1].updatedBy);
    // Closing an action that is already done changes nothing in the counts.
    expect((await h.call('PATCH', `/v1/ikm/follow-ups/${id}`, { as: 'serang.opd', body: { actionId: 'a1', status: 'done' } })).status).toBe(200);
    const year = month().slice(0, 4);
    expect(await stats(year)).toMatchObject({ followUps: 2, actionsOpen: 1, actionsDone: 2 });
    expect((await h.call('PATCH', `/v1/ikm/follow-ups/${id}`, { as: 'serang.opd', body: { actionId: 'a1', status: 'open' } })).body.actions[0].overdue).toBe(true);
    expect(await stats(year, 'dinkes')).toMatchObject({ followUps: 2, actionsOpen: 2, actionsDone: 1 });
  });

  it('PATCH refusals: officer 403, unknown action 400, unknown follow-up 404 — nothing written', async () => {
    const before = await snapshot(h.tableName);
    expect((await h.call('PATCH', `/v1/ikm/follow-ups/${id}`, { as: 'serang.pegawai', body: { actionId: 'a1', status: 'done' } })).status).toBe(403);
    const missing = await h.call('PATCH', `/v1/ikm/follow-ups/${id}`, { as: 'serang.opd', body: { actionId: 'a9', status: 'done' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toBe('actionId');
    expect((await h.call('PATCH', `/v1/ikm/follow-ups/${dinkesUnit}.1999-01`, { as: 'serang.opd', body: { actionId: 'a1', status: 'done' } })).status).toBe(404);
    expect((await h.call('PATCH', `/v1/ikm/follow-ups/${id}`, { as: 'serang.opd', body: { actionId: 'a1', status: 'closed' } })).status).toBe(400);
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });
});

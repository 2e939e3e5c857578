// Public forums against DynamoDB Local: strict input with nothing written on a refusal, who may
// record, Idempotency-Key retries counted once, newest-first paged lists with overdue flags, two
// admins closing actions at once, and the per tenant × year and agency × year counts exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { dayOf } from '../../functions/domain/periods.js';
import { startHarness, type Harness } from './harness.js';
import { changes, NOTHING, snapshot } from './security/snapshot.js';

let h: Harness;
beforeAll(async () => { h = await startHarness({ stream: false }); }, 120_000);
afterAll(async () => { await h?.close(); });

const serang = () => h.seeded.tenants.find((t) => t.tenant.id === 'serang')!;
const today = () => dayOf(new Date(), 'Asia/Jakarta');
const YEAR = '2025';
const forum = (over: Record<string, unknown> = {}) => ({
  agencyId: 'dinkes', date: `${YEAR}-03-04`, place: 'Aula Puskesmas Serang Kota',
  participants: { citizens: 34, officers: 6 },
  minutes: 'Warga menyampaikan antrean pendaftaran yang lama dan jadwal dokter yang tidak pasti.',
  issues: [{ text: 'Antrean pendaftaran lebih dari dua jam', element: 'u3' }, { text: 'Parkir sempit' }],
  actions: [
    { title: 'Pendaftaran daring dibuka', owner: 'Kepala Puskesmas', due: `${YEAR}-04-30` },
    { title: 'Jadwal dokter dipasang di papan informasi', owner: 'Tata Usaha', due: '2099-06-30' },
  ],
  ...over,
});
const post = (body: unknown, as = 'serang.opd', headers: Record<string, string> = {}) => h.call('POST', '/v1/forums', { as, body, headers });
/** The year's counts items of the tenant and its agencies: one Query, as the transparency page reads them. */
async function stats(year: string) {
  const res = await ddb().send(new QueryCommand({
    TableName: h.tableName, ConsistentRead: true,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :y)',
    ExpressionAttributeValues: { ':pk': keys.forumStats('serang', year).PK, ':y': `YEAR#${year}` },
  }));
  // The counts only: the forums' public digests share the partition (YEAR#y#FORUM#…) so the transparency page reads both in one Query.
  const counts = (res.Items ?? []).filter((i) => /^YEAR#\d{4}(#AGENCY#[^#]+)?$/.test(String(i.SK)));
  return Object.fromEntries(counts.map((i) => [i.agencyId ?? 'tenant', { forums: i.forums, actionsOpen: i.actionsOpen, actionsDone: i.actionsDone }]));
}

describe('public forums', () => {
  it('each bad field → 400 naming it, nothing written', async () => {
    const before = await snapshot(h.tableName);
    const unitOfOther = serang().units.find((u) => u.agencyId !== 'dinkes')!.id;
    const field = async (body: unknown) => { const r = await post(body); expect(r.status).toBe(400); return r.body.error.details.map((d: any) => d.field); };
    expect(await field(forum({ date: '2099-01-01' }))).toEqual(['date']);
    expect(await field(forum({ date: '2025-02-30' }))).toEqual(['date']);
    expect(await field(forum({ unitId: unitOfOther }))).toEqual(['unitId']);
    expect(await field(forum({ issues: [{ text: 'Antrean lama', element: 'u10' }] }))).toEqual(['issues.0.element']);
    expect(await field(forum({ actions: [{ title: 'Tambah loket', owner: 'TU', due: `${YEAR}-03-01` }] }))).toEqual(['actions.0.due']);
    expect(await field(forum({ participants: { citizens: 2.5, officers: 1 } }))).toEqual(['participants.citizens']);
    expect(await field(forum({ participants: { citizens: 3, officers: -1 } }))).toEqual(['participants.officers']);
    expect(await field(forum({ secret: true }))).toEqual(['secret']);
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });

  it('who may record: another agency\'s admin, an officer and national 403; unknown agency 404 — nothing written', async () => {
    const before = await snapshot(h.tableName);
    expect((await post(forum({ agencyId: 'disdukcapil' }))).status).toBe(403);
    expect((await post(forum(), 'serang.pegawai')).status).toBe(403);
    expect((await post(forum(), 'nasional')).status).toBe(403);
    expect((await post(forum({ agencyId: 'no-such-agency' }), 'serang.admin')).status).toBe(404);
    expect((await h.call('GET', '/v1/forums', { as: 'nasional' })).status).toBe(403);
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });

  let first: any;
  it('records a forum once under an Idempotency-Key retry, and counts it exactly once', async () => {
    const unit = serang().units.find((u) => u.agencyId === 'dinkes')!.id;
    const key = { 'idempotency-key': 'forum-retry-0001' };
    const a = await post(forum({ unitId: unit }), 'serang.opd', key);
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const b = await post(forum({ unitId: unit }), 'serang.opd', key);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect((await post(forum({ unitId: unit, place: 'Tempat lain' }), 'serang.opd', key)).status).toBe(422);
    first = a.body;
    expect(first.actions.map((x: any) => [x.id, x.status, x.overdue])).toEqual([['a1', 'open', true], ['a2', 'open', false]]);
    expect(first.issues[0]).toEqual({ text: 'Antrean pendaftaran lebih dari dua jam', element: 'u3' });
    expect(await stats(YEAR)).toEqual({ tenant: { forums: 1, actionsOpen: 2, actionsDone: 0 }, dinkes: { forums: 1, actionsOpen: 2, actionsDone: 0 } });
  });

  it('lists newest first per agency and year, paged, with overdue actions', async () => {
    expect((await post(forum({ date: `${YEAR}-07-10`, actions: [] }), 'serang.admin')).status).toBe(201);
    expect((await post(forum({ agencyId: 'disdukcapil', date: today(), actions: [{ title: 'Tambah loket', owner: 'TU', due: '2099-01-31' }] }), 'serang.admin')).status).toBe(201);
    const list = await h.call('GET', `/v1/forums?agencyId=dinkes&year=${YEAR}`, { as: 'serang.pegawai' });
    expect(list.status).toBe(200);
    expect(list.body.items.map((f: any) => f.date)).toEqual([`${YEAR}-07-10`, `${YEAR}-03-04`]);
    expect(list.body.items[1].actions[0].overdue).toBe(true);
    const page1 = await h.call('GET', '/v1/forums?limit=1', { as: 'serang.pimpinan' });
    expect(page1.body.items[0].date).toBe(today());
    const page2 = await h.call('GET', `/v1/forums?limit=1&cursor=${page1.body.nextCursor}`, { as: 'serang.pimpinan' });
    expect(page2.body.items[0].date).toBe(`${YEAR}-07-10`);
    const byUnit = await h.call('GET', `/v1/forums?unitId=${first.unitId}`, { as: 'serang.opd' });
    expect(byUnit.body.items.map((f: any) => f.id)).toEqual([first.id]);
    expect((await h.call('GET', `/v1/forums?year=${YEAR}`, { as: 'banjarbaru.admin' })).body.items).toEqual([]);
    expect(await stats(YEAR)).toEqual({ tenant: { forums: 2, actionsOpen: 2, actionsDone: 0 }, dinkes: { forums: 2, actionsOpen: 2, actionsDone: 0 } });
  });

  it('two admins closing both actions at once keep both changes, with who and when; counts move once per change', async () => {
    const url = (a: string) => `/v1/forums/${first.id}/actions/${a}`;
    const [x, y] = await Promise.all([
      h.call('PATCH', url('a1'), { as: 'serang.opd', body: { status: 'done', note: 'Pendaftaran daring aktif' } }),
      h.call('PATCH', url('a2'), { as: 'serang.admin', body: { status: 'done' } }),
    ]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect((await h.call('PATCH', url('a2'), { as: 'serang.admin', body: { status: 'done' } })).status).toBe(200);
    const stored = (await h.call('GET', `/v1/forums?unitId=${first.unitId}`, { as: 'serang.opd' })).body.items[0];
    expect(stored.actions.map((a: any) => [a.status, a.overdue])).toEqual([['done', false], ['done', false]]);
    expect(stored.actions[0]).toMatchObject({ note: 'Pendaftaran daring aktif', updatedAt: expect.any(String), updatedBy: expect.any(String) });
    expect(stored.actions[0].updatedBy).not.toBe(stored.actions[1].updatedBy);
    expect(await stats(YEAR)).toEqual({ tenant: { forums: 2, actionsOpen: 0, actionsDone: 2 }, dinkes: { forums: 2, actionsOpen: 0, actionsDone: 2 } });
  });

  it('PATCH refusals: officer and another agency\'s admin 403, unknown forum or action 404, bad status 400 — nothing written', async () => {
    const other = (await h.call('GET', '/v1/forums?agencyId=disdukcapil', { as: 'serang.admin' })).body.items[0];
    const before = await snapshot(h.tableName);
    expect((await h.call('PATCH', `/v1/forums/${first.id}/actions/a1`, { as: 'serang.pegawai', body: { status: 'open' } })).status).toBe(403);
    expect((await h.call('PATCH', `/v1/forums/${other.id}/actions/a1`, { as: 'serang.opd', body: { status: 'done' } })).status).toBe(403);
    expect((await h.call('PATCH', `/v1/forums/frm_none/actions/a1`, { as: 'serang.admin', body: { status: 'done' } })).status).toBe(404);
    expect((await h.call('PATCH', `/v1/forums/${first.id}/actions/a7`, { as: 'serang.admin', body: { status: 'done' } })).status).toBe(404);
    const bad = await h.call('PATCH', `/v1/forums/${first.id}/actions/a1`, { as: 'serang.admin', body: { status: 'closed' } });
    expect(bad.body.error.details[0].field).toBe('status');
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });
});

// Progress during the month against DynamoDB Local, through the real handlers and the stream: the
// officer's draft of the running month (one item, updated in place), who may write and read it, bad
// input that writes nothing, a stale tab's 409, the pace judgement, the team row, and no scoring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { addMonths, monthOf } from '../../functions/domain/periods.js';
import { progressOnTrack } from '../../functions/domain/progress.js';
import { startHarness, type Harness } from './harness.js';
import { changes, NOTHING, snapshot } from './security/snapshot.js';

let h: Harness;
const T = 'serang';
const period = monthOf(new Date(), 'Asia/Jakarta');
const year = Number(period.slice(0, 4));
let pegawai: string, sibling: { id: string; nip: string };
const url = (id = pegawai, p = period) => `/v1/officers/${id}/progress/${p}`;

const plan = {
  rhk: [
    { id: 'rhk1', kind: 'utama', title: 'Pelayanan pasien', indicators: [
      { id: 'kunjungan', name: 'Kunjungan pasien', aspect: 'kuantitas', target: 100, unit: 'kunjungan', source: 'report' },
      { id: 'tunggu', name: 'Waktu tunggu', aspect: 'waktu', target: 5, unit: 'hari', source: 'report' },
    ] },
    { id: 'rhk2', kind: 'utama', title: 'Mutu layanan', indicators: [
      { id: 'mutu', name: 'Pemeriksaan tanpa ulang', aspect: 'kualitas', target: 90, unit: '%', source: 'report' },
      { id: 'ikm', name: 'IKM unit', aspect: 'kualitas', target: 80, unit: 'indeks', source: 'ikm' },
    ] },
  ],
};

const progressItems = async (officerId: string) =>
  ((await ddb().send(new QueryCommand({
    TableName: h.tableName, KeyConditionExpression: 'PK = :p AND begins_with(SK, :s)',
    ExpressionAttributeValues: { ':p': keys.officerPartition(T, officerId), ':s': 'PROGRESS#' },
  }))).Items ?? []);

beforeAll(async () => {
  h = await startHarness({ stream: true });
  const user = (u: string) => h.seeded.users.find((x) => x.username === `${T}.${u}`)!.officerId!;
  pegawai = user('pegawai');
  const atasan = user('atasan');
  sibling = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers.find((o) => o.supervisorId === atasan && o.id !== pegawai)!;
  for (const id of [pegawai, sibling.id]) expect((await h.agreedPlan(id, year, `${T}.atasan`, plan)).status).toBe(200);
}, 240_000);
afterAll(async () => { await h?.close(); });

describe('the officer saves progress', () => {
  it('keeps one draft per officer-month, updated in place, with partial items', async () => {
    const first = await h.call('PUT', url(), { as: `${T}.pegawai`, body: { items: [{ indicatorId: 'kunjungan', value: 30, note: 'Minggu pertama' }] } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ period, version: 1, items: [{ indicatorId: 'kunjungan', value: 30, note: 'Minggu pertama' }] });
    expect(Date.parse(first.body.updatedAt)).toBeGreaterThan(Date.now() - 60_000);

    const second = await h.call('PUT', url(), { as: `${T}.pegawai`, body: { version: 1, items: [{ indicatorId: 'kunjungan', value: 100 }, { indicatorId: 'tunggu', value: 4 }] } });
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(2);
    const stored = await progressItems(pegawai);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ SK: `PROGRESS#${period}`, version: 2, items: [{ indicatorId: 'kunjungan', value: 100 }, { indicatorId: 'tunggu', value: 4 }] });
  });

  it('refuses a stale tab (an older version) with 409, keeping the newer draft', async () => {
    const res = await h.call('PUT', url(), { as: `${T}.pegawai`, body: { version: 1, items: [{ indicatorId: 'kunjungan', value: 1 }] } });
    expect(res.status).toBe(409);
    expect(res.body.error.details.map((d: any) => d.field)).toContain('version');
    expect((await progressItems(pegawai))[0]).toMatchObject({ version: 2, items: [{ indicatorId: 'kunjungan', value: 100 }, { indicatorId: 'tunggu', value: 4 }] });
  });

  const bad: [string, string, Record<string, unknown>, string][] = [
    ['a past month', addMonths(period, -1), { items: [] }, 'period'],
    ['a future month', addMonths(period, 1), { items: [] }, 'period'],
    ['an unknown indicator', period, { items: [{ indicatorId: 'kunjungan', value: 1 }, { indicatorId: 'nope', value: 1 }] }, 'items.1.indicatorId'],
    ['an IKM-sourced indicator', period, { items: [{ indicatorId: 'ikm', value: 90 }] }, 'items.0.indicatorId'],
    ['a negative value', period, { items: [{ indicatorId: 'kunjungan', value: -1 }] }, 'items.0.value'],
    ['an unknown field', period, { items: [], extra: 1 }, 'extra'],
  ];
  it.each(bad)('rejects %s with 400 naming the field, writing nothing', async (_name, p, body, field) => {
    const before = await snapshot(h.tableName);
    const res = await h.call('PUT', url(pegawai, p), { as: `${T}.pegawai`, body });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => d.field)).toContain(field);
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });

  it('lets nobody else write it: not a colleague, not the supervisor', async () => {
    const before = await snapshot(h.tableName);
    for (const as of [sibling.nip, `${T}.atasan`, `${T}.admin`]) {
      expect((await h.call('PUT', url(), { as, body: { items: [{ indicatorId: 'kunjungan', value: 5 }] } })).status).toBe(403);
    }
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });
});

describe('reading progress', () => {
  it('shows the supervisor the draft with each indicator\'s monthly target and pace', async () => {
    const res = await h.call('GET', url(), { as: `${T}.atasan` });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.indicators.map((i: any) => [i.indicatorId, i]));
    expect(Object.keys(byId)).toEqual(['kunjungan', 'tunggu', 'mutu']);
    expect(byId.kunjungan).toMatchObject({ target: 100, value: 100, onTrack: true, aspect: 'kuantitas', unit: 'kunjungan' });
    expect(byId.tunggu).toMatchObject({ target: 5, value: 4, onTrack: true });
    // Nothing drafted for kualitas yet: judged as nothing done, against the share of working days gone.
    expect(byId.mutu).toMatchObject({ target: 90, value: null, onTrack: progressOnTrack('kualitas', 90, undefined, res.body.elapsedShare) });
    expect(res.body.onTrack).toBe(byId.mutu.onTrack);
  });

  it('judges a slow waktu value as behind, and waktu without a value not at all', async () => {
    expect((await h.call('PUT', url(), { as: `${T}.pegawai`, body: { items: [{ indicatorId: 'kunjungan', value: 100 }, { indicatorId: 'mutu', value: 90 }, { indicatorId: 'tunggu', value: 9 }] } })).status).toBe(200);
    const slow = await h.call('GET', url(), { as: `${T}.pegawai` });
    expect(slow.body.indicators.find((i: any) => i.indicatorId === 'tunggu').onTrack).toBe(false);
    expect(slow.body.onTrack).toBe(false);
    expect((await h.call('PUT', url(), { as: `${T}.pegawai`, body: { items: [{ indicatorId: 'kunjungan', value: 100 }, { indicatorId: 'mutu', value: 90 }] } })).status).toBe(200);
    const none = await h.call('GET', url(), { as: `${T}.pegawai` });
    expect(none.body.indicators.find((i: any) => i.indicatorId === 'tunggu')).toMatchObject({ value: null, onTrack: null });
    expect(none.body.onTrack).toBe(true);
  });

  it('answers an empty draft for a month without one, and refuses a colleague', async () => {
    const empty = await h.call('GET', url(sibling.id), { as: `${T}.atasan` });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ items: [], updatedAt: null, version: 0, onTrack: null });
    expect((await h.call('GET', url(sibling.id), { as: `${T}.pegawai` })).status).toBe(403);
  });

  it('puts the draft and its pace on the supervisor\'s team row', async () => {
    const team = await h.call('GET', '/v1/team?limit=100', { as: `${T}.atasan` });
    expect(team.status).toBe(200);
    const row = (id: string) => team.body.items.find((r: any) => r.officer.id === id);
    expect(row(pegawai).progress).toMatchObject({ period, onTrack: true });
    expect(Date.parse(row(pegawai).progress.updatedAt)).toBeGreaterThan(Date.now() - 120_000);
    expect(row(sibling.id).progress).toBeNull();
  });
});

describe('a draft is never scored', () => {
  it('changes no score, rollup or activity count once the stream has run, first write or update', async () => {
    const draftKey = (id: string) => `${keys.progress(T, id, period).PK}|${keys.progress(T, id, period).SK}`;
    await h.drain();
    let before = await snapshot(h.tableName);
    // A first draft (the sibling has none yet), then an update of pegawai's.
    expect((await h.call('PUT', url(sibling.id), { as: sibling.nip, body: { items: [{ indicatorId: 'kunjungan', value: 120 }, { indicatorId: 'mutu', value: 95 }] } })).status).toBe(200);
    await h.drain();
    expect(changes(before, await snapshot(h.tableName))).toEqual({ added: [draftKey(sibling.id)], removed: [], changed: [] });
    before = await snapshot(h.tableName);
    expect((await h.call('PUT', url(), { as: `${T}.pegawai`, body: { items: [{ indicatorId: 'kunjungan', value: 120 }] } })).status).toBe(200);
    await h.drain();
    expect(changes(before, await snapshot(h.tableName))).toEqual({ added: [], removed: [], changed: [draftKey(pegawai)] });
  });
});

// Reports end to end against DynamoDB Local: submit → review → stream → score and rollups, idempotent
// retries, concurrent reviews, replayed stream batches, and bad input that writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { reportItem, type Report } from '../../functions/data/report-repository.js';
import type { Behaviour } from '../../functions/domain/types.js';
import { addMonths, monthOf } from '../../functions/domain/periods.js';
import { processScoringRecords } from '../../functions/scoring/processor.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const T = 'serang';
const period = monthOf(new Date(), 'Asia/Jakarta');
const year = Number(period.slice(0, 4));
let pegawai: string, atasan: string, sibling: { id: string; nip: string };

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
    { id: 'rhk3', kind: 'tambahan', title: 'Narasumber', indicators: [{ id: 'narsum', name: 'Kegiatan', aspect: 'kuantitas', target: 10, unit: 'kegiatan', source: 'report' }] },
  ],
};
const goodItems = [
  { indicatorId: 'kunjungan', value: 120, evidenceUrl: 'https://arsip.serang.go.id/kunjungan.pdf' },
  { indicatorId: 'tunggu', value: 4 },
  { indicatorId: 'mutu', value: 81, note: 'Dua sampel diulang' },
  { indicatorId: 'narsum', value: 15 },
];
const behaviour = { berorientasi_pelayanan: 3, akuntabel: 3, kompeten: 3, harmonis: 3, loyal: 2, adaptif: 2, kolaboratif: 2 };

const partition = async (officerId: string) =>
  (await ddb().send(new QueryCommand({ TableName: h.tableName, KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': keys.officerPartition(T, officerId) } }))).Items ?? [];
const agencyRollup = async () => (await ddb().send(new GetCommand({ TableName: h.tableName, Key: keys.agencyRollup(T, 'dinkes', period) }))).Item;
const tenantRollup = async () => (await ddb().send(new GetCommand({ TableName: h.tableName, Key: keys.tenantRollup(T, period) }))).Item;

beforeAll(async () => {
  h = await startHarness();
  const user = (u: string) => h.seeded.users.find((x) => x.username === `${T}.${u}`)!.officerId!;
  pegawai = user('pegawai');
  atasan = user('atasan');
  sibling = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers.find((o) => o.supervisorId === atasan && o.id !== pegawai)!;
  for (const id of [pegawai, sibling.id]) {
    const res = await h.agreedPlan(id, year, `${T}.atasan`, plan);
    expect(res.status).toBe(200);
  }
});
afterAll(async () => { await h?.close(); });

describe('bad submissions', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a missing indicator', { items: goodItems.slice(1) }, 'items'],
    ['an unknown indicator', { items: [...goodItems, { indicatorId: 'nope', value: 1 }] }, 'items.4.indicatorId'],
    ['an IKM-sourced indicator', { items: [...goodItems, { indicatorId: 'ikm', value: 90 }] }, 'items.4.indicatorId'],
    ['a negative value', { items: [{ ...goodItems[0], value: -1 }, ...goodItems.slice(1)] }, 'items.0.value'],
    ['a non-numeric value', { items: [{ ...goodItems[0], value: 'NaN' }, ...goodItems.slice(1)] }, 'items.0.value'],
    ['a javascript: evidence link', { items: [{ ...goodItems[0], evidenceUrl: 'javascript:alert(1)' }, ...goodItems.slice(1)] }, 'items.0.evidenceUrl'],
    ['an ftp evidence link', { items: [{ ...goodItems[0], evidenceUrl: 'ftp://x/y' }, ...goodItems.slice(1)] }, 'items.0.evidenceUrl'],
    ['a future month', { period: addMonths(period, 1) }, 'period'],
    ['a month past the reporting window', { period: addMonths(period, -3) }, 'period'],
    ['a malformed month', { period: '2025-13' }, 'period'],
  ];
  it.each(cases)('rejects %s with 400 naming the field, writing nothing', async (_name, patch, field) => {
    const before = await partition(pegawai);
    const res = await h.call('POST', '/v1/reports', { as: `${T}.pegawai`, body: { officerId: pegawai, period, items: goodItems, ...patch } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => d.field)).toContain(field);
    expect((await partition(pegawai)).length).toBe(before.length);
  });

  it('lists every missing and unknown indicator in the details', async () => {
    const res = await h.call('POST', '/v1/reports', { as: `${T}.pegawai`, body: { officerId: pegawai, period, items: [{ indicatorId: 'mutu', value: 1 }, { indicatorId: 'x1', value: 1 }] } });
    expect(res.status).toBe(400);
    const messages = res.body.error.details.map((d: any) => d.message).join(' | ');
    for (const id of ['kunjungan', 'tunggu', 'narsum', 'x1']) expect(messages).toContain(id);
  });

  it('refuses a report for someone else', async () => {
    const res = await h.call('POST', '/v1/reports', { as: `${T}.atasan`, body: { officerId: pegawai, period, items: goodItems } });
    expect(res.status).toBe(403);
  });
});

describe('submit → review → score', () => {
  let reportId: string;
  const body = () => ({ officerId: pegawai, period, items: goodItems });

  it('submits once; a retry with the same key returns the same report and writes nothing', async () => {
    const first = await h.call('POST', '/v1/reports', { as: `${T}.pegawai`, body: body(), headers: { 'idempotency-key': 'submit-1' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ officerId: pegawai, period, status: 'submitted', agencyId: 'dinkes', version: 1 });
    reportId = first.body.id;
    await h.drain(); // the stream's own bookkeeping for the first submission lands before the snapshot
    const before = await partition(pegawai);
    const retry = await h.call('POST', '/v1/reports', { as: `${T}.pegawai`, body: body(), headers: { 'idempotency-key': 'submit-1' } });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    await h.drain();
    expect(await partition(pegawai)).toEqual(before);
  });

  it('refuses the same key with a different body, and a second live report for the month', async () => {
    const changed = { ...body(), items: goodItems.map((i) => ({ ...i, value: i.value + 1 })) };
    expect((await h.call('POST', '/v1/reports', { as: `${T}.pegawai`, body: changed, headers: { 'idempotency-key': 'submit-1' } })).status).toBe(422);
    expect((await h.call('POST', '/v1/reports', { as: `${T}.pegawai`, body: changed, headers: { 'idempotency-key': 'submit-2' } })).status).toBe(409);
    expect((await h.call('GET', `/v1/reports/${reportId}`, { as: `${T}.pegawai` })).body.items).toEqual(goodItems);
  });

  it('shows the report in the supervisor\'s queue, not in an unrelated officer\'s', async () => {
    const queue = await h.call('GET', '/v1/reports', { as: `${T}.atasan` });
    expect(queue.status).toBe(200);
    expect(queue.body.reports.map((r: any) => r.id)).toContain(reportId);
    expect(queue.body.reports.find((r: any) => r.id === reportId).officer.id).toBe(pegawai);
    expect((await h.call('GET', '/v1/reports', { as: `${T}.pegawai` })).body.reports).toEqual([]);
  });

  it('rejects bad reviews with 400 and the officer reviewing themself with 403', async () => {
    const bad = [
      { decision: 'approve', feedback: 'ok' },
      { decision: 'return', feedback: '  ' },
      { decision: 'approve', feedback: 'ok', behaviour: { ...behaviour, loyal: 4 } },
      { decision: 'approve', feedback: 'ok', behaviour, hasilKerjaOverride: { rating: 'DI_ATAS', reason: '' } },
    ];
    for (const review of bad) expect((await h.call('POST', `/v1/reports/${reportId}/review`, { as: `${T}.atasan`, body: review })).status).toBe(400);
    expect((await h.call('POST', `/v1/reports/${reportId}/review`, { as: `${T}.pegawai`, body: { decision: 'approve', feedback: 'x', behaviour } })).status).toBe(403);
    expect((await h.call('GET', `/v1/reports/${reportId}`, { as: `${T}.pegawai` })).body.status).toBe('submitted');
  });

  it('lets exactly one of two concurrent reviews win', async () => {
    const review = { decision: 'approve', feedback: 'Kinerja baik, pertahankan.', behaviour };
    const results = await Promise.all([
      h.call('POST', `/v1/reports/${reportId}/review`, { as: `${T}.atasan`, body: review }),
      h.call('POST', `/v1/reports/${reportId}/review`, { as: `${T}.opd`, body: review }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 200)!.body).toMatchObject({ status: 'approved', version: 2, review: { decision: 'approve', behaviour } });
    expect((await h.call('GET', '/v1/reports', { as: `${T}.atasan` })).body.reports.map((r: any) => r.id)).not.toContain(reportId);
  });

  it('scores the approved report and updates the agency and tenant rollups', async () => {
    await h.drain();
    // rhk1 = mean(120 capped, 5/4 → 125 capped 120) = 120; rhk2 = 81/90 = 90 (IKM unknown: left out);
    // utama mean 105; tambahan 15/10 → 120 > 105 counts at 0.5: (120 + 90 + 60) / 2.5 = 108 → SESUAI;
    // four 3s → perilaku DI_ATAS; SESUAI × DI_ATAS → BAIK.
    const scores = await h.call('GET', `/v1/officers/${pegawai}/scores?from=${period}&to=${period}`, { as: `${T}.pegawai` });
    expect(scores.status).toBe(200);
    expect(scores.body.scores).toEqual([expect.objectContaining({ period, capaian: 108, hasilKerja: 'SESUAI', perilaku: 'DI_ATAS', predikat: 'BAIK' })]);
    expect(await agencyRollup()).toMatchObject({ submitted: 1, approved: 1, scored: 1, capaianSum: 108, predikat_BAIK: 1, agencyId: 'dinkes', period });
    expect(await tenantRollup()).toMatchObject({ approved: 1, capaianSum: 108, predikat_BAIK: 1 });
  });

  it('leaves the rollups unchanged when a stream batch is replayed', async () => {
    const report = (await ddb().send(new GetCommand({ TableName: h.tableName, Key: keys.report(T, pegawai, period) }))).Item!;
    const image = (item: object) => marshall(item, { removeUndefinedValues: true }) as any;
    const records: DynamoDBRecord[] = [
      { eventName: 'INSERT', dynamodb: { Keys: image(keys.report(T, pegawai, period)), NewImage: image({ ...report, status: 'submitted', version: 1, review: undefined }), SequenceNumber: '1' } },
      { eventName: 'MODIFY', dynamodb: { Keys: image(keys.report(T, pegawai, period)), OldImage: image({ ...report, status: 'submitted', version: 1 }), NewImage: image(report), SequenceNumber: '2' } },
    ];
    const before = { agency: await agencyRollup(), tenant: await tenantRollup(), score: (await partition(pegawai)).find((i) => i.type === 'score') };
    expect(await processScoringRecords(records)).toEqual([]);
    expect(await processScoringRecords(records)).toEqual([]);
    expect({ agency: await agencyRollup(), tenant: await tenantRollup(), score: (await partition(pegawai)).find((i) => i.type === 'score') }).toEqual(before);
  });
});

describe('returned reports', () => {
  it('can be resubmitted, keeping the earlier submission in history and counting the month once', async () => {
    const as = sibling.nip;
    const first = await h.call('POST', '/v1/reports', { as, body: { officerId: sibling.id, period, items: goodItems } });
    expect(first.status).toBe(201);
    const returned = await h.call('POST', `/v1/reports/${first.body.id}/review`, { as: `${T}.atasan`, body: { decision: 'return', feedback: 'Lengkapi bukti dukung.' } });
    expect(returned.body).toMatchObject({ status: 'returned', review: { feedback: 'Lengkapi bukti dukung.' } });
    await h.drain();
    const again = await h.call('POST', '/v1/reports', { as, body: { officerId: sibling.id, period, items: goodItems.map((i) => ({ ...i, evidenceUrl: 'https://arsip.serang.go.id/bukti.pdf' })) } });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'submitted', version: 3, history: [{ items: goodItems, review: { decision: 'return' } }] });
    await h.drain();
    expect(await agencyRollup()).toMatchObject({ submitted: 2, approved: 1 });
    const year = await h.call('GET', `/v1/officers/${sibling.id}/reports?year=${period.slice(0, 4)}`, { as: `${T}.atasan` });
    expect(year.body.reports.map((r: any) => r.status)).toEqual(['submitted']);
  });
});

describe('a report returned many times', () => {
  it('keeps the item small and the whole history readable', async () => {
    const other = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers.find((o) => o.supervisorId === atasan && o.id !== pegawai && o.id !== sibling.id)!;
    expect((await h.agreedPlan(other.id, year, `${T}.atasan`, plan)).status).toBe(200);
    const cycles = 30;
    const note = (n: number) => `Siklus ${n}: ${'catatan panjang '.repeat(60)}`.slice(0, 1000);
    let id = '';
    for (let n = 1; n <= cycles + 1; n++) {
      const items = goodItems.map((i) => ({ ...i, note: note(n) }));
      const sent = await h.call('POST', '/v1/reports', { as: other.nip, body: { officerId: other.id, period, items } });
      expect(sent.status, `submission ${n}`).toBe(201);
      id = sent.body.id;
      if (n > cycles) break;
      const back = await h.call('POST', `/v1/reports/${id}/review`, { as: `${T}.atasan`, body: { decision: 'return', feedback: `Kembali ${n}: ${'perbaiki '.repeat(200)}`.slice(0, 2000) } });
      expect(back.status, `return ${n}`).toBe(200);
    }

    const item = (await ddb().send(new GetCommand({ TableName: h.tableName, Key: keys.report(T, other.id, period) }))).Item!;
    expect(item.history).toHaveLength(2);
    expect(Buffer.byteLength(JSON.stringify(item))).toBeLessThan(24 * 1024);
    const archived = (await partition(other.id)).filter((i) => i.type === 'reportCycle');
    expect(archived).toHaveLength(cycles - 2);

    const full = await h.call('GET', `/v1/reports/${id}`, { as: `${T}.atasan` });
    expect(full.status).toBe(200);
    expect(full.body.history).toHaveLength(cycles);
    full.body.history.forEach((c: any, i: number) => {
      expect(c.items[0].note).toBe(note(i + 1));
      expect(c.review).toMatchObject({ decision: 'return', feedback: expect.stringMatching(new RegExp(`^Kembali ${i + 1}:`)) });
    });
    expect(full.body.items[0].note).toBe(note(cycles + 1));
    const list = await h.call('GET', `/v1/officers/${other.id}/reports?year=${year}`, { as: `${T}.atasan` });
    expect(list.body.reports.map((r: any) => r.id)).toEqual([id]);
  });
});

describe('an officer\'s reports as a list', () => {
  const old = 2021;
  const list = (query: string) => h.call('GET', `/v1/officers/${sibling.id}/reports?year=${old}&${query}`, { as: `${T}.atasan` });

  beforeAll(async () => {
    // Approved months of a past year, written as the submit path would have left them.
    for (const m of ['01', '02', '03']) {
      const r: Report = {
        id: `${sibling.id}.${old}-${m}`, tenant: T, officerId: sibling.id, agencyId: 'dinkes', unitId: null, supervisorId: atasan, period: `${old}-${m}`,
        status: 'approved', items: goodItems, submittedAt: `${old}-${m}-28T03:00:00.000Z`, submittedBy: 'seed', history: [], version: 2,
        review: { decision: 'approve', feedback: '', behaviour: behaviour as Behaviour, reviewerId: atasan, reviewedAt: `${old}-${m}-29T03:00:00.000Z` },
      };
      await ddb().send(new PutCommand({ TableName: h.tableName, Item: reportItem(r) }));
    }
  });

  it('pages with limit and cursor, keeping `reports` beside `items`', async () => {
    const first = await list('limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items.map((r: any) => r.period)).toEqual([`${old}-01`]);
    expect(first.body.reports).toEqual(first.body.items);
    expect(first.body.year).toBe(old);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(`limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((r: any) => r.period)).toEqual([`${old}-02`]);
    const rest = await list(`cursor=${second.body.nextCursor}`);
    expect(rest.body.items.map((r: any) => r.period)).toEqual([`${old}-03`]);
    expect(rest.body.nextCursor).toBeNull();
    expect((await list('')).body.items).toHaveLength(3);
  });

  it('refuses a tampered cursor, another list\'s cursor and a bad limit with 400', async () => {
    const { nextCursor } = (await list('limit=1')).body;
    const key = JSON.parse(Buffer.from(nextCursor, 'base64url').toString());
    const forge = (k: unknown) => Buffer.from(JSON.stringify(k)).toString('base64url');
    for (const cursor of [`${nextCursor}x~`, forge({ ...key, PK: keys.officerPartition(T, pegawai) }), forge({ ...key, SK: `REPORT#${old + 1}-01` }), forge({ ...key, SK: 'PLAN#2021' })]) {
      const res = await list(`limit=1&cursor=${cursor}`);
      expect(res.status, cursor).toBe(400);
      expect(res.body.error.details[0].field).toBe('cursor');
    }
    const otherYear = await h.call('GET', `/v1/officers/${sibling.id}/reports?year=${old + 1}&cursor=${nextCursor}`, { as: `${T}.atasan` });
    expect(otherYear.status).toBe(400);
    for (const limit of ['0', '201', 'x']) expect((await list(`limit=${limit}`)).status, limit).toBe(400);
  });
});

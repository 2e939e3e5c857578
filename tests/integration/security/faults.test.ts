// Faults: DynamoDB throttling and transient errors injected by client middleware (the harness calls the
// handlers in-process, so setDdb() reaches them), and duplicate / out-of-order stream deliveries.
// A worker killed mid-batch is covered in tests/integration/evaluations.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { ddb, setDdb } from '../../../functions/data/client.js';
import * as keys from '../../../functions/data/keys.js';
import { handler as streamHandler } from '../../../functions/scoring/stream.js';
import { startHarness, type Harness } from '../harness.js';
import { BEHAVIOUR, buildTenant, PLAN, type TenantFx } from './fixture.js';
import { changes, NOTHING, snapshot } from './snapshot.js';

let h: Harness;
let a: TenantFx;
const WRITES = /^(PutItem|UpdateItem|DeleteItem|TransactWriteItems|BatchWriteItem)Command$/;
const throttled = () => Object.assign(new Error('Rate of requests exceeds the allowed throughput'), { name: 'ProvisionedThroughputExceededException', $fault: 'client', $metadata: {} });
const reset = () => Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET', $metadata: {} });

/** A client like the app's whose `fail(command, n)` may throw before the request is sent; inside the SDK's retry loop. */
function faulty(fail: (command: string, n: number) => Error | undefined, maxAttempts = 3) {
  const raw = new DynamoDBClient({ endpoint: h.endpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts });
  let n = 0;
  raw.middlewareStack.add((next, context) => async (args) => {
    const error = fail(context.commandName ?? '', ++n);
    if (error) throw error;
    return next(args);
  }, { step: 'finalizeRequest', priority: 'low', name: 'injectFaults' });
  setDdb(DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } }));
}

beforeAll(async () => {
  h = await startHarness({ stream: false });
  a = await buildTenant(h, 'serang', '10.55.0.1');
  for (const u of ['serang.atasan', 'serang.admin', a.pegawai.nip, a.colleague.nip]) await h.token(u); // before any fault
});
afterEach(() => setDdb(undefined));
afterAll(async () => { setDdb(undefined); await h?.close(); });

const trainingsOf = async (officerId: string) =>
  ((await ddb().send(new QueryCommand({ TableName: h.tableName, KeyConditionExpression: 'PK = :p AND begins_with(SK, :t)', ExpressionAttributeValues: { ':p': keys.officerPartition('serang', officerId), ':t': 'TRAINING#' } }))).Items ?? []).length;

describe('throttling and transient errors', () => {
  it('a request whose first calls are throttled or reset succeeds after the SDK retries, written once', async () => {
    const before = await trainingsOf(a.pegawai.id);
    faulty((_c, n) => (n <= 2 ? throttled() : n === 3 ? reset() : undefined), 5);
    const res = await h.call('POST', '/v1/trainings', { as: a.pegawai.nip, body: { officerId: a.pegawai.id, title: 'Pelatihan SDK', jp: 2, date: `${a.period}-01`, provider: 'BPSDM' } });
    expect(res.status).toBe(201);
    setDdb(undefined);
    expect(await trainingsOf(a.pegawai.id)).toBe(before + 1);
  });

  it('writes throttled past the retries: a clean 503 with Retry-After on every write route, nothing written', async () => {
    const before = await snapshot(h.tableName);
    faulty((command) => (WRITES.test(command) ? throttled() : undefined), 2);
    const year = a.period.slice(0, 4);
    const calls: [string, string, { as?: string; body: unknown; headers?: Record<string, string> }][] = [
      ['POST', `/v1/reports/${a.pegawai.id}.${a.period}/review`, { as: 'serang.atasan', body: { decision: 'approve', feedback: 'Baik', behaviour: BEHAVIOUR } }],
      ['PUT', `/v1/officers/${a.pegawai.id}/plans/${year}`, { as: 'serang.atasan', body: { ...PLAN, version: 1, reason: 'Target disesuaikan' } }],
      ['POST', '/v1/trainings', { as: a.pegawai.nip, body: { officerId: a.pegawai.id, title: 'Pelatihan', jp: 2, date: `${a.period}-01`, provider: 'BPSDM' } }],
      ['PATCH', `/v1/complaints/${a.complaintId}`, { as: 'serang.admin', body: { status: 'verified' } }],
      ['POST', '/v1/public/surveys', { headers: { 'x-forwarded-for': '10.55.1.1' }, body: { tenant: 'serang', unitId: a.pegawai.unitId, answers: { u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: 3 } } }],
      ['POST', '/v1/public/complaints', { headers: { 'x-forwarded-for': '10.55.1.2' }, body: { tenant: 'serang', unitId: a.pegawai.unitId, category: 'waktu', description: 'Pelayanan lambat sekali hari ini, menunggu tiga jam.' } }],
    ];
    for (const [method, path, opts] of calls) {
      const res = await h.call(method, path, opts);
      expect(res.status, `${method} ${path}`).toBe(503);
      expect(res.body.error.code).toBe('UNAVAILABLE');
      expect(res.headers.get('retry-after')).toBe('1');
    }
    setDdb(undefined);
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });

  it('an import cut off mid-way answers 503, and retrying the same file converges (upsert by NIP)', async () => {
    const header = 'nip,name,position,grade,agencyId,unitId,supervisorNip';
    const lines = Array.from({ length: 40 }, (_, i) => `1990010120150110${String(50 + i).padStart(2, '0')},Pegawai Impor ${i},Staf,III/a,dinkes,,`);
    const csv = `${header}\n${lines.join('\n')}\n`;
    let batches = 0;
    faulty((command) => (command === 'BatchWriteItemCommand' && ++batches > 1 ? throttled() : undefined), 2);
    const cut = await h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(cut.status).toBe(503);
    expect(cut.body.error.code).toBe('IMPORT_INTERRUPTED');
    expect(cut.body.error.message).toContain('send the same file again');
    setDdb(undefined);
    const retry = await h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(retry.status).toBe(200);
    expect(retry.body.total).toBe(40);
    const again = await h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(again.body).toMatchObject({ created: 0, updated: 40 });
  });
});

describe('stream deliveries', () => {
  const image = (item: object) => marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: true }) as any;
  let seq = 0;
  const rec = (eventName: 'INSERT' | 'MODIFY', item: Record<string, any>, old?: Record<string, any>): DynamoDBRecord => ({
    eventName, eventSource: 'aws:dynamodb',
    dynamodb: { Keys: image({ PK: item.PK, SK: item.SK }), NewImage: image(item), ...(old ? { OldImage: image(old) } : {}), SequenceNumber: String(++seq).padStart(21, '0'), StreamViewType: 'NEW_AND_OLD_IMAGES' },
  });
  const get = async (key: { PK: string; SK: string }) => (await ddb().send(new GetCommand({ TableName: h.tableName, Key: key, ConsistentRead: true }))).Item;
  const deliver = async (records: DynamoDBRecord[]) => expect((await streamHandler({ Records: records })).batchItemFailures).toEqual([]);

  it('duplicate and out-of-order records leave the rollups exact', async () => {
    const officers = [a.pegawai, a.colleague];
    for (const o of officers) {
      const res = await h.call('POST', `/v1/reports/${o.id}.${a.period}/review`, { as: 'serang.atasan', body: { decision: 'approve', feedback: 'Baik', behaviour: BEHAVIOUR } });
      expect(res.status).toBe(200);
    }
    const approved = await Promise.all(officers.map((o) => get(keys.report('serang', o.id, a.period))));
    const submitted = approved.map((r) => ({ ...r!, status: 'submitted', version: 1, review: undefined }));
    const [insA, insB] = submitted.map((r) => rec('INSERT', r));
    const [modA, modB] = approved.map((r, i) => rec('MODIFY', r!, submitted[i]));
    const surveyAt = `${a.period}-02T03:00:00.000Z`;
    const survey = (id: string, u: number) => ({
      ...keys.surveyResponse('serang', a.pegawai.unitId!, a.period, surveyAt, id), type: 'survey', id, tenant: 'serang', unitId: a.pegawai.unitId, agencyId: a.pegawai.agencyId,
      period: a.period, answers: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => [`u${k}`, u])), createdAt: surveyAt,
    });
    const [s1, s2] = [rec('INSERT', survey('svy_fault1', 4)), rec('INSERT', survey('svy_fault2', 2))];

    // approvals before their submissions, duplicates inside a batch and across batches, then everything again reversed
    await deliver([modB, insA, modB, s1]);
    await deliver([modA, insB, insA, s1, s2, s2]);
    const rollups = async () => ({
      agency: await get(keys.agencyRollup('serang', a.pegawai.agencyId, a.period)),
      tenant: await get(keys.tenantRollup('serang', a.period)),
      unit: await get(keys.unitRollup('serang', a.pegawai.unitId!, a.period)),
    });
    const first = await rollups();
    await deliver([s2, s1, modB, modA, insB, insA].reverse());
    await deliver([modA, modA, insB, s1]);
    expect(await rollups()).toEqual(first);

    const scores = await Promise.all(officers.map((o) => get(keys.score('serang', o.id, a.period))));
    const capaianSum = scores.reduce((n, s) => n + (s!.capaian as number), 0);
    for (const r of [first.agency, first.tenant]) {
      expect(r).toMatchObject({ submitted: 2, approved: 2, scored: 2 });
      expect(r!.capaianSum).toBeCloseTo(capaianSum, 6);
    }
    expect(first.unit).toMatchObject({ ikmRespondents: 2, ikm_u1: 6, ikm_u9: 6 });
  });
});

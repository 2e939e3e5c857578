// Survey intake in one round trip (DESIGN §2 Survey intake, §6 survey intake): what a response costs the
// table, and that every guarantee still holds when the Idempotency-Key, the device's marker, the
// address's flood ceiling and the response are one transaction: retries and concurrent duplicates
// stored once, repeats refused, the ceiling exact under concurrency, a conflicting transaction retried,
// and each response counted once by the IKM rollups even when the stream delivers it again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { monthOf } from '../../functions/domain/periods.js';
import { handler as streamHandler } from '../../functions/scoring/stream.js';
import { toLambdaRecord } from '../../infra/local/streams.js';
import { clearOfWindowEdge, startHarness, type Harness } from './harness.js';

let h: Harness;
// No stream poller: the calls counted below are the request's own, and the test of the rollups delivers
// the stream's records itself, first once and then again.
beforeAll(async () => { h = await startHarness({ stream: false }); });
afterAll(async () => { await h?.close(); });

const TENANT = 'serang';
const all = (v: number) => ({ u1: v, u2: v, u3: v, u4: v, u5: v, u6: v, u7: v, u8: v, u9: v });
const deviceId = () => randomBytes(16).toString('base64url');
let ip = 0;
const newAddress = () => `10.77.${Math.floor(++ip / 250)}.${ip % 250}`;
const send = (body: object, o: { address?: string; key?: string } = {}) => h.call('POST', '/v1/public/surveys', {
  body: { tenant: TENANT, answers: all(3), ...body },
  headers: { 'x-forwarded-for': o.address ?? newAddress(), ...(o.key ? { 'idempotency-key': o.key } : {}) },
});
const stored = async (unitId: string) => (await ddb().send(new QueryCommand({
  TableName: h.tableName, KeyConditionExpression: 'PK = :pk', ConsistentRead: true,
  ExpressionAttributeValues: { ':pk': keys.surveyResponse(TENANT, unitId, monthOf(new Date(), 'Asia/Jakarta'), '', '').PK },
}))).Items ?? [];
const unitOf = (n: number) => h.seeded.tenants.find((t) => t.tenant.id === TENANT)!.units[n]!.id;
const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).sort();
async function setAddressLimit(limit: number) {
  const policy = (await h.call('GET', '/v1/policy', { as: `${TENANT}.admin` })).body.policy;
  expect((await h.call('PUT', '/v1/policy', { as: `${TENANT}.admin`, body: { ...policy, surveyAddressLimit: limit } })).status).toBe(200);
}

/** Every DynamoDB command the in-process handlers send while `fn` runs (the harness shares this process's client). */
const commands: string[] = [];
let recording = false;
beforeAll(() => {
  ddb().middlewareStack.add((next, context) => async (args) => {
    if (recording) commands.push(context.commandName ?? '?');
    return next(args);
  }, { step: 'initialize', name: 'recordIntakeCommands' });
});
async function recorded<T>(fn: () => Promise<T>): Promise<[T, string[]]> {
  commands.length = 0;
  recording = true;
  try { return [await fn(), [...commands]]; } finally { recording = false; }
}

describe('one round trip', () => {
  it('a response with a device id and an Idempotency-Key is one TransactWriteItems once the unit is known', async () => {
    const unitId = unitOf(0);
    expect((await send({ unitId, deviceId: deviceId() })).status).toBe(201); // the warm function has read the unit
    const [res, sent] = await recorded(() => send({ unitId, deviceId: deviceId() }, { key: `one-trip-${deviceId()}` }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(sent).toEqual(['TransactWriteItemsCommand']);
  });

  it('a retried send is answered from the failed claim itself: one call, the first id, nothing more stored', async () => {
    const unitId = unitOf(1);
    const body = { unitId, deviceId: deviceId(), answers: all(2) };
    const key = `retry-${deviceId()}`;
    const first = await send(body, { key });
    expect(first.status).toBe(201);
    const [again, sent] = await recorded(() => send(body, { key, address: newAddress() }));
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    expect(sent).toEqual(['TransactWriteItemsCommand']);
    expect((await stored(unitId)).filter((i) => i.id === first.body.id)).toHaveLength(1);
  });
});

describe('concurrent duplicates', () => {
  it('twelve sends of one response with one key at the same moment: all answered with one id, stored once', async () => {
    const unitId = unitOf(2);
    const body = { unitId, deviceId: deviceId(), answers: all(4) };
    const key = `burst-${deviceId()}`;
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => send(body, { key, address: i % 2 ? '198.51.100.70' : newAddress() })));
    expect(statuses(replies)).toEqual(Array(12).fill(201));
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect((await stored(unitId)).map((i) => i.id)).toEqual([replies[0]!.body.id]);
  });

  it('twelve different sends from one device at the same moment: one stored, eleven refused as repeats', async () => {
    const unitId = unitOf(3);
    const device = deviceId();
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => send({ unitId, deviceId: device, answers: all(1 + (i % 4)) }, { key: `device-${device}-${i}` })));
    expect(statuses(replies)).toEqual([201, ...Array(11).fill(409)]);
    for (const r of replies.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('ALREADY_SUBMITTED');
    expect((await stored(unitId)).map((i) => i.id)).toEqual([replies.find((r) => r.status === 201)!.body.id]);
  });
});

describe('flood ceiling in the same transaction', () => {
  afterEach(async () => { await setAddressLimit(60); });

  it('is exact under concurrency: 25 phones at once behind one address, limit 10 → 10 stored, 15 × 429', async () => {
    await setAddressLimit(10);
    await clearOfWindowEdge();
    const unitId = unitOf(4);
    const address = '198.51.100.80';
    const replies = await Promise.all(Array.from({ length: 25 }, () => send({ unitId, deviceId: deviceId() }, { address })));
    expect(statuses(replies)).toEqual([...Array(10).fill(201), ...Array(15).fill(429)]);
    for (const r of replies.filter((x) => x.status === 429)) expect(r.body.error.code).toBe('RATE_LIMITED');
    expect(await stored(unitId)).toHaveLength(10);
  });

  it('a repeat refused with 409 uses none of the address\'s ceiling: the other citizens behind it still get in', async () => {
    await setAddressLimit(10); // the policy's least
    await clearOfWindowEdge();
    const unitId = unitOf(5);
    const address = '198.51.100.81';
    const eager = deviceId();
    expect((await send({ unitId, deviceId: eager }, { address })).status).toBe(201);
    const repeats = await Promise.all(Array.from({ length: 12 }, () => send({ unitId, deviceId: eager }, { address })));
    expect(statuses(repeats)).toEqual(Array(12).fill(409));
    const others = [];
    for (let i = 0; i < 10; i++) others.push((await send({ unitId, deviceId: deviceId() }, { address })).status);
    expect(others).toEqual([...Array(9).fill(201), 429]);
    expect(await stored(unitId)).toHaveLength(10);
  });

  it('a retry of a stored response is answered with its id even when the address has reached the ceiling', async () => {
    await setAddressLimit(10);
    await clearOfWindowEdge();
    const unitId = unitOf(6);
    const address = '198.51.100.82';
    const body = { unitId, deviceId: deviceId() };
    const key = `ceiling-retry-${deviceId()}`;
    const first = await send(body, { key, address });
    expect(first.status).toBe(201);
    const others = await Promise.all(Array.from({ length: 10 }, () => send({ unitId, deviceId: deviceId() }, { address })));
    expect(statuses(others)).toEqual([...Array(9).fill(201), 429]);
    expect(await send(body, { key, address })).toMatchObject({ status: 201, body: { id: first.body.id } });
    expect(await stored(unitId)).toHaveLength(10);
  });
});

describe('a concurrent transaction in the way', () => {
  const conflict = () => Object.assign(new Error('Transaction cancelled'), {
    name: 'TransactionCanceledException', $fault: 'client', $metadata: {},
    CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }, { Code: 'None' }],
  });
  /** Cancels the first `times` survey transactions as DynamoDB does when another transaction holds an item. */
  function conflicting(times: number) {
    let left = times;
    ddb().middlewareStack.add((next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand' && left > 0) { left--; throw conflict(); }
      return next(args);
    }, { step: 'initialize', name: 'surveyConflict' });
    return () => ddb().middlewareStack.remove('surveyConflict');
  }

  it('is waited out and tried again: stored once', async () => {
    const unitId = unitOf(7);
    const done = conflicting(2);
    try {
      const res = await send({ unitId, deviceId: deviceId() });
      expect(res.status).toBe(201);
      expect((await stored(unitId)).map((i) => i.id)).toEqual([res.body.id]);
    } finally { done(); }
  });

  it('still in the way after the retries: 503 with Retry-After, nothing stored', async () => {
    const unitId = unitOf(8);
    const done = conflicting(100);
    try {
      const res = await send({ unitId, deviceId: deviceId() });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally { done(); }
    expect(await stored(unitId)).toHaveLength(0);
  });
});

/** Every record of the table's stream so far, oldest first. */
async function streamRecords() {
  const streams = new DynamoDBStreamsClient({ endpoint: h.endpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const arn = (await ddb().send(new DescribeTableCommand({ TableName: h.tableName }))).Table!.LatestStreamArn!;
  const out: _Record[] = [];
  for (const shard of (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription?.Shards ?? []) {
    let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    while (iterator) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      out.push(...(page.Records ?? []));
      iterator = page.Records?.length ? page.NextShardIterator : undefined;
    }
  }
  return { arn, records: out };
}

describe('IKM rollups on the stream', () => {
  it('count each response once when the stream delivers the responses again, whole or in part', async () => {
    const unitId = unitOf(9);
    const ikm = async () => (await h.call('GET', `/v1/ikm?unitId=${unitId}&period=${monthOf(new Date(), 'Asia/Jakarta')}`, { as: `${TENANT}.pimpinan` })).body;
    const replies = await Promise.all([4, 4, 2, 3, 1].map((v) => send({ unitId, deviceId: deviceId(), answers: all(v) }, { key: `rollup-${deviceId()}` })));
    expect(statuses(replies)).toEqual(Array(5).fill(201));
    const { arn, records } = await streamRecords();
    const mine = records.filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.type?.S === 'survey' && r.dynamodb.NewImage.unitId?.S === unitId).map((r) => toLambdaRecord(r, arn));
    expect(mine).toHaveLength(5);
    const deliver = async (recs: typeof mine) => expect((await streamHandler({ Records: recs } as DynamoDBStreamEvent)).batchItemFailures).toEqual([]);
    expect(await ikm()).toMatchObject({ respondents: 0 });
    await deliver(mine.slice(0, 3)); // the first delivery, in two batches
    await deliver(mine.slice(3));
    // 4+4+2+3+1 = 14 per element over 5 respondents → NRR 2.8 → IKM 70, C
    const expected = { respondents: 5, ikm: 70, grade: 'C' };
    expect(await ikm()).toMatchObject(expected);
    await deliver(mine); // the whole batch again
    await deliver(mine.slice(2)); // a retry from the middle
    await deliver([mine[4]!, mine[4]!, mine[1]!]); // a record twice in one batch, out of order
    expect(await ikm()).toMatchObject(expected);
  });
});

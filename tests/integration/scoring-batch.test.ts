// Scoring a busy stream batch (DESIGN §6 stream scoring per report): a batch's submissions and approvals
// go out in one TransactWriteItems with one ADD per rollup and day item, so the rollups are paid once per
// batch, not once per report; the day's report activity rides in the same transaction, guarded by the same
// marker or score. Redelivery adds nothing, a resubmission counts in the day but not again in the month,
// and a report that cannot be scored fails alone; batches of four shards at once count exactly, and a
// transaction cancelled by a conflict is read and written again. A batch of survey responses likewise
// counts the day in the IKM rollups' transaction, under the units' watermarks, with no marker per
// response. Against DynamoDB Local; the spies count calls or inject the conflict.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { chunkChanges } from '../../functions/scoring/processor.js';
import { handler as streamHandler } from '../../functions/scoring/stream.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const T = 'serang';
// A month of its own, far ahead: its rollups and day items hold only what this file writes.
const period = '2031-03';
const day = '2031-03-05';
const submittedAt = '2031-03-05T03:00:00.000Z', reviewedAt = '2031-03-05T06:00:00.000Z';
const behaviour = { berorientasi_pelayanan: 3, akuntabel: 3, kompeten: 3, harmonis: 3, loyal: 2, adaptif: 2, kolaboratif: 2 };
const N = 30;

let officers: { id: string; agencyId: string; unitId: string | null }[];
let seq = 9_000_000;
const image = (item: object) => marshall(item, { removeUndefinedValues: true }) as any;
const rec = (eventName: 'INSERT' | 'MODIFY', item: Record<string, any>, old?: Record<string, any>): DynamoDBRecord => ({
  eventName, eventSource: 'aws:dynamodb',
  dynamodb: { Keys: image({ PK: item.PK, SK: item.SK }), NewImage: image(item), ...(old ? { OldImage: image(old) } : {}), SequenceNumber: String(++seq).padStart(21, '0'), StreamViewType: 'NEW_AND_OLD_IMAGES' },
});
const report = (o: (typeof officers)[number], over: Record<string, any> = {}) => ({
  ...keys.report(T, o.id, period), type: 'report', tenant: T, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period,
  planVersion: 1, items: [], status: 'submitted', version: 1, submittedAt, ...over,
});
const approvedOf = (r: Record<string, any>) => ({ ...r, status: 'approved', version: r.version + 1, review: { decision: 'approve', behaviour, reviewedAt, reviewerId: 'x' } });
const get = async (key: { PK: string; SK: string }) => (await ddb().send(new GetCommand({ TableName: h.tableName, Key: key, ConsistentRead: true }))).Item;
const deliver = async (records: DynamoDBRecord[]) => (await streamHandler({ Records: records })).batchItemFailures.map((f) => f.itemIdentifier);
const num = (item: Record<string, any> | undefined, field: string) => Number(item?.[field] ?? 0);

/** Counts the DynamoDB calls of `fn` by command, letting every call through. */
async function calls(fn: () => Promise<unknown>): Promise<Record<string, number>> {
  const client = ddb();
  const send = client.send.bind(client);
  const seen: Record<string, number> = {};
  const spy = vi.spyOn(client, 'send').mockImplementation((async (command: { constructor: { name: string } }) => {
    seen[command.constructor.name] = (seen[command.constructor.name] ?? 0) + 1;
    return send(command as never);
  }) as never);
  try { await fn(); } finally { spy.mockRestore(); }
  return seen;
}

beforeAll(async () => {
  h = await startHarness({ stream: false });
  officers = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers.slice(0, N).map((o) => ({ id: o.id, agencyId: o.agencyId, unitId: null }));
});
afterEach(() => { vi.restoreAllMocks(); });
afterAll(async () => { await h?.close(); });

describe('a busy stream batch', () => {
  const submitted = () => officers.map((o) => report(o));
  const agencies = () => [...new Set(officers.map((o) => o.agencyId))];

  it(`counts ${N} first submissions in one transaction: the month's rollups and the day once each`, async () => {
    const records = submitted().map((r) => rec('INSERT', r));
    const seen = await calls(async () => expect(await deliver(records)).toEqual([]));
    expect(seen.TransactWriteCommand).toBe(1);
    expect(num(await get(keys.tenantRollup(T, period)), 'submitted')).toBe(N);
    expect(num(await get(keys.nationalRollup(T, period)), 'submitted')).toBe(N);
    let perAgency = 0;
    for (const a of agencies()) perAgency += num(await get(keys.agencyRollup(T, a, period)), 'submitted');
    expect(perAgency).toBe(N);
    expect(num(await get(keys.tenantActivity(T, day)), 'reportsSubmitted')).toBe(N);
    expect(await get(keys.reportCounted(T, officers[0]!.id, period))).toMatchObject({ countedVersion: 1, GSI1PK: keys.reportedInMonth(T, period) });
  });

  it('adds nothing when the batch arrives again, and writes nothing to find that out', async () => {
    const records = submitted().map((r) => rec('INSERT', r));
    const seen = await calls(async () => expect(await deliver([...records, ...records])).toEqual([]));
    expect(seen.TransactWriteCommand ?? 0).toBe(0);
    expect(num(await get(keys.tenantRollup(T, period)), 'submitted')).toBe(N);
    expect(num(await get(keys.tenantActivity(T, day)), 'reportsSubmitted')).toBe(N);
  });

  it(`scores ${N} approvals in one transaction; a report that cannot be scored fails alone`, async () => {
    const good = submitted().slice(1).map((r) => rec('MODIFY', approvedOf(r), r));
    const first = report(officers[0]!);
    const poison = rec('MODIFY', { ...approvedOf(first), review: { decision: 'approve', reviewedAt } }, first); // no behaviour
    const records = [good[0]!, poison, ...good.slice(1)];
    let failed: string[] = [];
    const seen = await calls(async () => { failed = await deliver(records); });
    expect(failed).toEqual([poison.dynamodb!.SequenceNumber]);
    expect(seen.TransactWriteCommand).toBe(1);
    expect(num(await get(keys.tenantRollup(T, period)), 'approved')).toBe(N - 1);
    expect(num(await get(keys.tenantActivity(T, day)), 'reportsApproved')).toBe(N - 1);
    expect(await get(keys.score(T, officers[0]!.id, period))).toBeUndefined();
    expect(await get(keys.score(T, officers[1]!.id, period))).toMatchObject({ scoredVersion: 2 });
    // Redelivered from the failure on (as Lambda does): only what was not applied changes, once it can be.
    const fixed = rec('MODIFY', approvedOf(first), first);
    expect(await deliver([fixed, ...good.slice(1)])).toEqual([]);
    expect(await deliver([fixed, ...good.slice(1)])).toEqual([]);
    expect(num(await get(keys.tenantRollup(T, period)), 'approved')).toBe(N);
    expect(num(await get(keys.nationalRollup(T, period)), 'approved')).toBe(N);
    expect(num(await get(keys.tenantActivity(T, day)), 'reportsApproved')).toBe(N);
  });

  it('counts a resubmission in the day once, and never again in the month', async () => {
    const o = officers[2]!;
    const returned = report(o, { status: 'returned', version: 3 });
    const again = report(o, { version: 4, submittedAt: '2031-03-05T09:00:00.000Z' });
    const record = rec('MODIFY', again, returned);
    expect(await deliver([record])).toEqual([]);
    expect(await deliver([record])).toEqual([]);
    expect(num(await get(keys.tenantRollup(T, period)), 'submitted')).toBe(N);
    expect(num(await get(keys.tenantActivity(T, day)), 'reportsSubmitted')).toBe(N + 1);
    expect(await get(keys.reportCounted(T, o.id, period))).toMatchObject({ countedVersion: 4 });
  });

  it('counts exactly when four shards deliver batches at once (the same rollup and day items in every transaction)', async () => {
    const month = '2031-04';
    const others = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers.slice(0, 120);
    const at = '2031-04-02T03:00:00.000Z';
    const batches = [0, 1, 2, 3].map((b) => others.slice(b * 30, b * 30 + 30).map((o) => rec('INSERT', { ...report({ id: o.id, agencyId: o.agencyId, unitId: null }), ...keys.report(T, o.id, month), period: month, submittedAt: at })));
    const failed = (await Promise.all(batches.map(deliver))).flat();
    expect(failed).toEqual([]);
    expect(num(await get(keys.tenantRollup(T, month)), 'submitted')).toBe(120);
    expect(num(await get(keys.nationalRollup(T, month)), 'submitted')).toBe(120);
    expect(num(await get(keys.tenantActivity(T, '2031-04-02')), 'reportsSubmitted')).toBe(120);
  });

  it('retries a transaction cancelled by a conflict with another one, and counts once', async () => {
    const month = '2031-05';
    const batch = officers.slice(0, 10).map((o) => rec('INSERT', { ...report(o), ...keys.report(T, o.id, month), period: month, submittedAt: '2031-05-02T03:00:00.000Z' }));
    const client = ddb();
    const send = client.send.bind(client);
    let transactions = 0;
    vi.spyOn(client, 'send').mockImplementation((async (command: { constructor: { name: string }; input: { TransactItems?: unknown[] } }) => {
      // The first transaction is refused as DynamoDB refuses one that meets another on the same items.
      if (command.constructor.name === 'TransactWriteCommand' && ++transactions === 1) {
        throw Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: command.input.TransactItems!.map((_, i) => ({ Code: i === 11 ? 'TransactionConflict' : 'None' })) });
      }
      return send(command as never);
    }) as never);
    expect(await deliver(batch)).toEqual([]);
    expect(transactions).toBe(2);
    expect(num(await get(keys.tenantRollup(T, month)), 'submitted')).toBe(10);
    expect(num(await get(keys.tenantActivity(T, '2031-05-02')), 'reportsSubmitted')).toBe(10);
  });

  it('splits a batch where a transaction would touch an item twice or exceed 100 actions', () => {
    const r = report(officers[0]!);
    const change = (kind: 'submitted' | 'approved', i: number, officer = officers[i % N]!) => ({
      kind, report: { ...r, officerId: officer.id, agencyId: officer.agencyId } as any, seq: String(i), itemKey: officer.id,
      guard: kind === 'submitted' ? keys.reportCounted(T, officer.id, period) : keys.score(T, officer.id, period),
    });
    // The same officer's score twice: two chunks, in order.
    expect(chunkChanges([change('approved', 0), change('submitted', 1), change('approved', 2, officers[0])]).map((c) => c.map((x) => x.seq))).toEqual([['0', '1'], ['2']]);
    // 150 distinct submissions of a few agencies: every chunk within 100 actions, none lost, order kept.
    const many = Array.from({ length: 150 }, (_, i) => change('submitted', i, { ...officers[i % N]!, id: `bulk-${i}` }));
    const chunks = chunkChanges(many);
    expect(chunks.length).toBe(2);
    expect(chunks.flat().map((c) => c.seq)).toEqual(many.map((c) => c.seq));
    for (const c of chunks) expect(c.length + new Set(c.flatMap((x) => [x.report.agencyId])).size + 2).toBeLessThanOrEqual(100);
  });
});

describe('a busy batch of survey responses', () => {
  const answers = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => [`u${k}`, 3]));
  const survey = (i: number) => {
    const unit = h.seeded.tenants.find((t) => t.tenant.id === T)!.units[i % 3]!;
    const id = `batch-survey-${i}`;
    return { ...keys.surveyResponse(T, unit.id, period, '2031-03-06T02:00:00.000Z', id), type: 'survey', id, tenant: T, unitId: unit.id, agencyId: unit.agencyId, period, answers, createdAt: '2031-03-06T02:00:00.000Z' };
  };
  const surveyDay = '2031-03-06';

  it('counts the rollups and the day in one transaction, once through redelivery, with no marker per response', async () => {
    const records = Array.from({ length: 24 }, (_, i) => rec('INSERT', survey(i)));
    const seen = await calls(async () => expect(await deliver(records)).toEqual([]));
    expect(seen.TransactWriteCommand).toBe(1);
    expect(num(await get(keys.tenantActivity(T, surveyDay)), 'surveys')).toBe(24);
    expect(await deliver(records)).toEqual([]);
    expect(await deliver([...records.slice(12), ...records.slice(12)])).toEqual([]);
    expect(num(await get(keys.tenantActivity(T, surveyDay)), 'surveys')).toBe(24);
    let perAgency = 0;
    for (const a of new Set(records.map((_, i) => survey(i).agencyId))) perAgency += num(await get(keys.agencyActivity(T, a, surveyDay)), 'surveys');
    expect(perAgency).toBe(24);
    const markers = await ddb().send(new ScanCommand({ TableName: h.tableName, FilterExpression: 'begins_with(PK, :p)', ExpressionAttributeValues: { ':p': keys.activityCounted(T, 'survey.batch-survey-').PK } }));
    expect(markers.Items ?? []).toEqual([]);
  });
});

// Scoring on the stream counts each report once in the rollups (DESIGN §2, README design notes) when a
// write fails half-way and the record is delivered again: a fault is injected into the one DynamoDB
// client (the only mock: everything else is DynamoDB Local), then the same records are redelivered.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { monthOf } from '../../functions/domain/periods.js';
import { handler as streamHandler } from '../../functions/scoring/stream.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const T = 'serang';
const period = monthOf(new Date(), 'Asia/Jakarta');
const year = Number(period.slice(0, 4));
let pegawai: { id: string; agencyId: string };
const behaviour = { berorientasi_pelayanan: 3, akuntabel: 3, kompeten: 3, harmonis: 3, loyal: 2, adaptif: 2, kolaboratif: 2 };
const plan = {
  rhk: [{ id: 'rhk1', kind: 'utama', title: 'Pelayanan', indicators: [{ id: 'layanan', name: 'Layanan', aspect: 'kuantitas', target: 100, unit: 'layanan', source: 'report' }] }],
};

const image = (item: object) => marshall(item, { removeUndefinedValues: true }) as any;
let seq = 5_000_000;
const rec = (eventName: 'INSERT' | 'MODIFY', item: Record<string, any>, old?: Record<string, any>): DynamoDBRecord => ({
  eventName, eventSource: 'aws:dynamodb',
  dynamodb: { Keys: image({ PK: item.PK, SK: item.SK }), NewImage: image(item), ...(old ? { OldImage: image(old) } : {}), SequenceNumber: String(++seq).padStart(21, '0'), StreamViewType: 'NEW_AND_OLD_IMAGES' },
});
const get = async (key: { PK: string; SK: string }) => (await ddb().send(new GetCommand({ TableName: h.tableName, Key: key, ConsistentRead: true }))).Item;
const deliver = async (records: DynamoDBRecord[]) => (await streamHandler({ Records: records })).batchItemFailures;
const rollups = async (agencyId: string) => ({
  agency: await get(keys.agencyRollup(T, agencyId, period)),
  tenant: await get(keys.tenantRollup(T, period)),
  national: await get(keys.nationalRollup(T, period)),
});
const counts = (item: Record<string, any> | undefined) => ({ submitted: item?.submitted ?? 0, approved: item?.approved ?? 0, scored: item?.scored ?? 0, capaianSum: item?.capaianSum ?? 0 });

/** Every write after the first `allowed` throws, as if the function died there (the write itself never happens). */
function failWritesAfter(allowed: number) {
  const client = ddb();
  const send = client.send.bind(client);
  let writes = 0;
  return vi.spyOn(client, 'send').mockImplementation((async (command: { constructor: { name: string } }) => {
    if (/^(Put|Update|Delete|TransactWrite|BatchWrite)/.test(command.constructor.name) && ++writes > allowed) {
      throw Object.assign(new Error('injected fault: the function stopped here'), { name: 'InjectedFault' });
    }
    return send(command as never);
  }) as never);
}

/** The first write is applied but its answer is lost (a timeout after DynamoDB committed it). */
function loseFirstWriteAnswer() {
  const client = ddb();
  const send = client.send.bind(client);
  let writes = 0;
  return vi.spyOn(client, 'send').mockImplementation((async (command: { constructor: { name: string } }) => {
    const out = await send(command as never);
    if (/^(Put|Update|TransactWrite)/.test(command.constructor.name) && ++writes === 1) throw Object.assign(new Error('injected fault: socket hang up'), { name: 'TimeoutError' });
    return out;
  }) as never);
}

beforeAll(async () => {
  h = await startHarness({ stream: false });
  const id = h.seeded.users.find((x) => x.username === `${T}.pegawai`)!.officerId!;
  pegawai = { id, agencyId: h.seeded.tenants.find((t) => t.tenant.id === T)!.officers.find((o) => o.id === id)!.agencyId };
  expect((await h.agreedPlan(id, year, `${T}.atasan`, plan)).status).toBe(200);
});
afterEach(() => { vi.restoreAllMocks(); });
afterAll(async () => { await h?.close(); });

describe('scoring counts a report once through faults and redelivery', () => {
  let submitted: Record<string, any>, approved: Record<string, any>;

  it('a submission whose write answer was lost, delivered again, counts once', async () => {
    const res = await h.call('POST', '/v1/reports', { as: `${T}.pegawai`, body: { officerId: pegawai.id, period, items: [{ indicatorId: 'layanan', value: 110 }] } });
    expect(res.status).toBe(201);
    submitted = (await get(keys.report(T, pegawai.id, period)))!;
    const insert = rec('INSERT', submitted);
    const lost = loseFirstWriteAnswer();
    expect(await deliver([insert])).toEqual([]); // retried in-process: the second attempt finds it counted
    lost.mockRestore();
    expect(await deliver([insert])).toEqual([]);
    expect(await deliver([insert, insert])).toEqual([]);
    const r = await rollups(pegawai.agencyId);
    for (const item of [r.agency, r.tenant, r.national]) expect(counts(item)).toEqual({ submitted: 1, approved: 0, scored: 0, capaianSum: 0 });
  });

  it('an approval that failed mid-way is reported failed, and its redelivery counts it once', async () => {
    const review = await h.call('POST', `/v1/reports/${pegawai.id}.${period}/review`, { as: `${T}.atasan`, body: { decision: 'approve', feedback: 'Baik', behaviour } });
    expect(review.status).toBe(200);
    approved = (await get(keys.report(T, pegawai.id, period)))!;
    const modify = rec('MODIFY', approved, submitted);
    const fault = failWritesAfter(0);
    expect((await deliver([modify])).map((f) => f.itemIdentifier)).toEqual([modify.dynamodb!.SequenceNumber]);
    fault.mockRestore();
    expect(await get(keys.score(T, pegawai.id, period))).toBeUndefined(); // nothing half-written
    expect(await deliver([modify])).toEqual([]);
    expect(await deliver([modify, modify])).toEqual([]);
    const r = await rollups(pegawai.agencyId);
    for (const item of [r.agency, r.tenant, r.national]) expect(counts(item)).toEqual({ submitted: 1, approved: 1, scored: 1, capaianSum: 110 });
  });

  it("a re-scored month that moves to another agency leaves the old one even when the function stops after its first write", async () => {
    const other = h.seeded.tenants.find((t) => t.tenant.id === T)!.agencies.find((a) => a.id !== pegawai.agencyId)!.id;
    const before = { old: await rollups(pegawai.agencyId), moved: counts((await rollups(other)).agency) };
    // The same month scored again from a later version of the report, made while the officer was in `other`.
    const rescored = { ...approved, agencyId: other, version: approved.version + 1, items: [{ indicatorId: 'layanan', value: 90 }] };
    const modify = rec('MODIFY', rescored, approved);
    const fault = failWritesAfter(1);
    await deliver([modify]);
    fault.mockRestore();
    expect(await deliver([modify])).toEqual([]);
    expect(await deliver([modify])).toEqual([]);
    const after = { old: await rollups(pegawai.agencyId), moved: await rollups(other) };
    expect(counts(after.old.agency)).toEqual({ ...counts(before.old.agency), approved: 0, scored: 0, capaianSum: 0 });
    expect(counts(after.moved.agency)).toEqual({ ...before.moved, approved: before.moved.approved + 1, scored: before.moved.scored + 1, capaianSum: before.moved.capaianSum + 90 });
    for (const item of [after.moved.tenant, after.moved.national]) expect(counts(item)).toEqual({ submitted: 1, approved: 1, scored: 1, capaianSum: 90 });
    expect(await get(keys.score(T, pegawai.id, period))).toMatchObject({ agencyId: other, capaian: 90, scoredVersion: rescored.version });
  });
});

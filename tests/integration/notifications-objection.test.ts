// An objection decided reaches the officer (amend or uphold), once even when the stream delivers the record
// again; the event handler is called with the stream record the decision writes (DESIGN §2 Notifications).
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Officer } from '../../functions/data/org-repository.js';
import { processNotificationRecords } from '../../functions/notifications/events.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let me: Officer;
beforeAll(async () => {
  h = await startHarness({ stream: false });
  me = (await h.call('GET', '/v1/me', { as: 'serang.pegawai' })).body.officer;
}, 240_000);
afterAll(async () => { await h?.close(); });

const image = (objection: Record<string, unknown>) => marshall({
  PK: 'x', SK: 'y', type: 'evaluation', id: `${me.id}.2025-10`, tenant: 'serang', officerId: me.id, period: '2025-10', predikat: 'BUTUH_PERBAIKAN', objection,
}, { removeUndefinedValues: true });
const pendingOf = () => ({ id: `${me.id}.2025-10`, reason: 'Laporan sudah dikirim.', status: 'pending', filedAt: '2025-11-02T00:00:00.000Z', filedBy: me.id, deciderId: null });
const record = (after: Record<string, unknown>, seq: string): DynamoDBRecord => ({
  eventName: 'MODIFY', dynamodb: { SequenceNumber: seq, OldImage: image(pendingOf()) as never, NewImage: image(after) as never },
});

it('tells the officer the outcome once, redelivered or not, and not the decider\'s note', async () => {
  const decided = { ...pendingOf(), status: 'upheld', decision: { decision: 'uphold', note: 'Catatan pribadi pemutus.', decidedBy: 'x', decidedAt: '2025-11-10T00:00:00.000Z' } };
  expect(await processNotificationRecords([record(decided, '1')])).toEqual([]);
  expect(await processNotificationRecords([record(decided, '1')])).toEqual([]); // the same record again
  const mine = (await h.call('GET', '/v1/me/notifications', { as: 'serang.pegawai' })).body.items.filter((n: any) => n.kind === 'objection_decided');
  expect(mine).toHaveLength(1);
  expect(mine[0].title).toContain('ditolak');
  expect(mine[0].title).toContain('(EN) Your objection was not granted (2025-10)');
  expect(mine[0].body).toContain('BUTUH_PERBAIKAN');
  expect(mine[0].body).not.toContain('Catatan pribadi');
  // A record that is not a decision (still pending) tells nobody.
  expect(await processNotificationRecords([record(pendingOf(), '2')])).toEqual([]);
  expect((await h.call('GET', '/v1/me/notifications', { as: 'serang.pegawai' })).body.items.filter((n: any) => n.kind === 'objection_decided')).toHaveLength(1);
}, 60_000);

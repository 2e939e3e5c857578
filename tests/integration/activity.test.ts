// Today's activity (GET /v1/activity) against DynamoDB Local: each submission, approval, survey and
// complaint moves the tenant's and the agency's day counters by exactly one, a redelivered stream record
// adds nothing, and another tenant's counters are neither touched nor readable.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { dayOf, monthOf } from '../../functions/domain/periods.js';
import { handler as streamHandler } from '../../functions/scoring/stream.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const T = 'serang';
const period = monthOf(new Date(), 'Asia/Jakarta');
const plan = { rhk: [{ id: 'rhk1', kind: 'utama', title: 'Pelayanan', indicators: [{ id: 'layanan', name: 'Layanan selesai', aspect: 'kuantitas', target: 100, unit: 'layanan', source: 'report' }] }] };
const behaviour = { berorientasi_pelayanan: 3, akuntabel: 3, kompeten: 2, harmonis: 2, loyal: 2, adaptif: 2, kolaboratif: 2 };
const answers = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => [`u${k}`, 3]));
let pegawai: { id: string; nip: string; agencyId: string; unitId: string | null };
let reportId = '', surveyId = '', complaintCode = '';

type Counts = Record<'reportsSubmitted' | 'reportsApproved' | 'surveys' | 'complaints' | 'visits', number>;
const read = async (as: string, query: string) => h.call('GET', `/v1/activity?${query}`, { as });
const counts = async (as: string, query: string): Promise<Counts> => {
  const res = await read(as, query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.counts;
};
const cityCounts = () => counts(`${T}.admin`, 'scope=tenant');
const agencyCounts = () => counts(`${T}.opd`, `scope=agency&id=${pegawai.agencyId}`);
const plus = (c: Counts, what: keyof Counts): Counts => ({ ...c, [what]: c[what] + 1 });

/** Runs an action and checks that exactly `what` moved by one, in the city and in the agency. */
async function movesByOne(what: keyof Counts, action: () => Promise<void>) {
  const [city, agency] = [await cityCounts(), await agencyCounts()];
  await action();
  await h.drain();
  expect(await cityCounts()).toEqual(plus(city, what));
  expect(await agencyCounts()).toEqual(plus(agency, what));
}

beforeAll(async () => {
  h = await startHarness();
  const officerId = h.seeded.users.find((u) => u.username === `${T}.pegawai`)!.officerId!;
  pegawai = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers.find((o) => o.id === officerId)! as typeof pegawai;
  const planPath = `/v1/officers/${pegawai.id}/plans/${period.slice(0, 4)}`;
  expect((await h.call('PUT', planPath, { as: `${T}.atasan`, body: plan })).status).toBe(200);
  // Reports need an agreed plan: the officer and the supervisor both agree it.
  for (const as of [pegawai.nip, `${T}.atasan`]) await h.call('POST', `${planPath}/agreement`, { as, body: {} });
});
afterAll(async () => { await h?.close(); });

describe("today's counters", () => {
  let banjarbaru: Counts;

  it('start at zero with the five fields, the day and zone of the tenant, and asOf', async () => {
    banjarbaru = await counts('banjarbaru.admin', 'scope=tenant');
    const res = await read(`${T}.pimpinan`, 'scope=tenant');
    expect(res.body).toMatchObject({ scope: 'tenant', id: T, timeZone: 'Asia/Jakarta', day: dayOf(new Date(), 'Asia/Jakarta') });
    expect(Object.keys(res.body.counts).sort()).toEqual(['complaints', 'reportsApproved', 'reportsSubmitted', 'surveys', 'visits']);
    expect(Number.isNaN(Date.parse(res.body.asOf))).toBe(false);
  });

  it('a submitted report counts once', async () => {
    await movesByOne('reportsSubmitted', async () => {
      const res = await h.call('POST', '/v1/reports', { as: pegawai.nip, body: { officerId: pegawai.id, period, items: [{ indicatorId: 'layanan', value: 95 }] } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      reportId = res.body.id;
    });
  });

  it('an approved report counts once', async () => {
    await movesByOne('reportsApproved', async () => {
      const res = await h.call('POST', `/v1/reports/${reportId}/review`, { as: `${T}.atasan`, body: { decision: 'approve', feedback: 'Baik', behaviour } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    });
  });

  it('a stored survey counts once', async () => {
    await movesByOne('surveys', async () => {
      const body = { tenant: T, unitId: pegawai.unitId, deviceId: randomBytes(16).toString('base64url'), answers };
      const res = await h.call('POST', '/v1/public/surveys', { body, headers: { 'x-forwarded-for': '10.91.0.1' } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      surveyId = res.body.id;
    });
  });

  it('a filed complaint counts once, and asOf moves', async () => {
    const before = (await read(`${T}.admin`, 'scope=tenant')).body.asOf;
    await movesByOne('complaints', async () => {
      const body = { tenant: T, unitId: pegawai.unitId, category: 'pelayanan', description: 'Antrian di loket terlalu lama dan petugas tidak ada.', contact: 'warga@example.com' };
      const res = await h.call('POST', '/v1/public/complaints', { body, headers: { 'x-forwarded-for': '10.91.0.2' } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      complaintCode = res.body.code;
    });
    const after = await read(`${T}.admin`, 'scope=tenant');
    expect(after.body.asOf > before).toBe(true);
    expect(after.body.counts).toMatchObject({ reportsSubmitted: 1, reportsApproved: 1, surveys: 1, complaints: 1, visits: 0 });
  });

  it('another tenant is unaffected', async () => {
    expect(await counts('banjarbaru.admin', 'scope=tenant')).toEqual(banjarbaru);
  });
});

describe('stream redelivery', () => {
  const image = (item: object) => marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: true }) as any;
  let seq = 800_000;
  const rec = (eventName: 'INSERT' | 'MODIFY', item: Record<string, any>, old?: Record<string, any>): DynamoDBRecord => ({
    eventName, eventSource: 'aws:dynamodb',
    dynamodb: { Keys: image({ PK: item.PK, SK: item.SK }), NewImage: image(item), ...(old ? { OldImage: image(old) } : {}), SequenceNumber: String(++seq).padStart(21, '0'), StreamViewType: 'NEW_AND_OLD_IMAGES' },
  });
  const get = async (key: { PK: string; SK: string }) => (await ddb().send(new GetCommand({ TableName: h.tableName, Key: key, ConsistentRead: true }))).Item!;
  /** A survey's stream record as the stream numbers it: a redelivery carries the sequence number it was
   *  counted under (the unit's watermark, as this unit's last response), a new record a later one. */
  const surveyRec = async (item: Record<string, any>, after = 0n) => {
    const mark = (await get(keys.unitRollup(T, item.unitId, item.period))).ikmLastSeq as string;
    const r = rec('INSERT', item);
    r.dynamodb!.SequenceNumber = (BigInt(mark) + after).toString().padStart(mark.length, '0');
    return r;
  };
  const deliver = async (records: DynamoDBRecord[]) => expect((await streamHandler({ Records: records })).batchItemFailures).toEqual([]);

  it('adds nothing when the records already counted arrive again, in one batch or across batches', async () => {
    const approved = await get(keys.report(T, pegawai.id, period));
    const submitted = { ...approved, status: 'submitted', version: approved.version - 1, review: undefined };
    const records = [rec('INSERT', submitted), rec('MODIFY', approved, submitted), await surveyRec(await findSurvey()), rec('INSERT', await get(keys.complaint(T, (await get(keys.complaintCode(complaintCode))).complaintId)))];
    const [city, agency] = [await cityCounts(), await agencyCounts()];
    await deliver([...records, ...records]);
    await deliver(records);
    expect(await cityCounts()).toEqual(city);
    expect(await agencyCounts()).toEqual(agency);
  });

  it('counts a new record delivered twice once', async () => {
    const surveyItem = await findSurvey();
    const fresh = { ...surveyItem, SK: `${surveyItem.SK}-x`, id: `${surveyItem.id}-x` };
    const city = await cityCounts();
    const record = await surveyRec(fresh, 1000n);
    await deliver([record, record]);
    await deliver([record]);
    expect(await cityCounts()).toEqual(plus(city, 'surveys'));
  });

  async function findSurvey(): Promise<Record<string, any>> {
    const pk = keys.surveyResponse(T, pegawai.unitId!, period, '', '').PK;
    const items = (await ddb().send(new QueryCommand({ TableName: h.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } }))).Items ?? [];
    const item = items.find((i) => i.id === surveyId);
    expect(item).toBeDefined();
    return item!;
  }
});

describe('the month calendar of the guide', () => {
  it("names last month's report and its due days from the policy, and the next evaluation", async () => {
    const { policy } = (await h.call('GET', '/v1/policy', { as: `${T}.pegawai` })).body;
    const res = await h.call('GET', '/v1/calendar', { as: `${T}.pegawai` });
    expect(res.status).toBe(200);
    const pad = (n: number) => String(n).padStart(2, '0');
    const [y, m] = period.split('-').map(Number);
    const previous = m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
    expect(res.body).toMatchObject({
      timeZone: 'Asia/Jakarta', today: dayOf(new Date(), 'Asia/Jakarta'),
      reporting: { period: previous, reportDue: `${period}-${pad(policy.reportDueDay)}`, reviewDue: `${period}-${pad(policy.reviewDueDay)}` },
      current: { period, window: 'open' },
      evaluation: { at: expect.stringMatching(/T01:00:00\+07:00$/) },
    });
    expect((await h.call('GET', '/v1/calendar?x=1', { as: `${T}.pegawai` })).status).toBe(400);
    expect((await h.call('GET', '/v1/calendar', { as: 'nasional' })).status).toBe(403);
  });
});

describe('who may read', () => {
  it('refuses other tenants, officers, other agencies and national readers', async () => {
    expect((await read(`${T}.admin`, 'scope=tenant&id=banjarbaru')).status).toBe(403);
    expect((await read('nasional', 'scope=tenant&id=banjarbaru')).status).toBe(403);
    expect((await read(`${T}.pegawai`, 'scope=tenant')).status).toBe(403);
    expect((await read(`${T}.pegawai`, `scope=agency&id=${pegawai.agencyId}`)).status).toBe(403);
    expect((await read(`${T}.opd`, 'scope=tenant')).status).toBe(403);
    expect((await read(`${T}.opd`, 'scope=agency&id=disdik')).status).toBe(403);
    expect((await read(`${T}.admin`, 'scope=agency&id=no-such-agency')).status).toBe(404);
  });

  it("lets the agency's supervisors, leaders and the BKPSDM read the agency", async () => {
    for (const as of [`${T}.atasan`, `${T}.pimpinan`, `${T}.admin`]) {
      const res = await read(as, `scope=agency&id=${pegawai.agencyId}`);
      expect(res.status, as).toBe(200);
      expect(res.body.counts.reportsApproved).toBe(1);
    }
  });

  it('answers 400 for a bad query', async () => {
    expect((await read(`${T}.admin`, 'scope=agency')).status).toBe(400);
    expect((await read(`${T}.admin`, 'scope=officer')).status).toBe(400);
    expect((await read(`${T}.admin`, 'scope=tenant&extra=1')).status).toBe(400);
  });
});

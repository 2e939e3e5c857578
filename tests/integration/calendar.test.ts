// The reporting calendar against DynamoDB Local: a month stays open until its review due day, then
// only a late window the BKPSDM opened (audited, expiring) admits that officer's report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { addMonths, monthOf } from '../../functions/domain/periods.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const T = 'serang';
const current = monthOf(new Date(), 'Asia/Jakarta');
const closed = addMonths(current, -2); // its review due day (day 10 of the month after) has always passed
const plan = { rhk: [{ id: 'rhk1', kind: 'utama', title: 'Pelayanan', indicators: [{ id: 'layanan', name: 'Layanan selesai', aspect: 'kuantitas', target: 100, unit: 'layanan', source: 'report' }] }] };
const items = [{ indicatorId: 'layanan', value: 90 }];
let pegawai: string;

beforeAll(async () => {
  h = await startHarness({ stream: false });
  pegawai = h.seeded.users.find((x) => x.username === `${T}.pegawai`)!.officerId!;
  for (const year of new Set([closed.slice(0, 4), current.slice(0, 4)])) {
    expect((await h.agreedPlan(pegawai, year, `${T}.atasan`, plan)).status).toBe(200);
  }
});
afterAll(async () => { await h?.close(); });

const submit = (period: string) => h.call('POST', '/v1/reports', { as: `${T}.pegawai`, body: { officerId: pegawai, period, items } });
const open = (body: Record<string, unknown>, as = `${T}.admin`) => h.call('POST', '/v1/late-windows', { as, body });

describe('reporting calendar', () => {
  it('refuses a month whose review due day has passed, saying how to get a late window', async () => {
    const res = await submit(closed);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field: 'period', message: expect.stringContaining('late window') });
  });

  it('accepts the current month without a window', async () => {
    expect((await submit(current)).status).toBe(201);
  });

  it('only the BKPSDM opens a late window, only for a closed month, with a reason', async () => {
    expect((await open({ officerId: pegawai, period: closed, reason: 'Sakit, surat dokter terlampir' }, `${T}.atasan`)).status).toBe(403);
    expect((await open({ officerId: pegawai, period: current, reason: 'Sakit, surat dokter terlampir' })).status).toBe(400);
    const noReason = await open({ officerId: pegawai, period: closed, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.map((d: any) => d.field)).toContain('reason');
    expect((await open({ officerId: 'ofc_nobody', period: closed, reason: 'Sakit, surat dokter' })).status).toBe(404);
  });

  it('a late window admits that month for that officer until it expires, and is audited', async () => {
    const res = await open({ officerId: pegawai, period: closed, reason: 'Sakit, surat dokter terlampir' });
    expect(res.status).toBe(201);
    const days = (new Date(res.body.closesAt).getTime() - new Date(res.body.openedAt).getTime()) / 86_400_000;
    expect(days).toBe(7); // policy lateWindowDays default
    const audit = await ddb().send(new QueryCommand({
      TableName: h.tableName, KeyConditionExpression: 'PK = :p AND begins_with(SK, :s)',
      ExpressionAttributeValues: { ':p': keys.officerPartition(T, pegawai), ':s': 'AUDIT#LATEWINDOW#' },
    }));
    expect(audit.Items).toEqual([expect.objectContaining({ period: closed, reason: 'Sakit, surat dokter terlampir', openedBy: expect.any(String) })]);
    expect((await submit(closed)).status).toBe(201);
  });

  it('an expired window no longer admits the report', async () => {
    const earlier = addMonths(current, -3);
    const past = new Date(Date.now() - 86_400_000).toISOString();
    await ddb().send(new PutCommand({ TableName: h.tableName, Item: { ...keys.lateWindow(T, pegawai, earlier), type: 'lateWindow', tenant: T, officerId: pegawai, period: earlier, reason: 'x', openedBy: 'a', openedAt: past, closesAt: past } }));
    if (earlier.slice(0, 4) !== closed.slice(0, 4)) {
      await h.agreedPlan(pegawai, earlier.slice(0, 4), `${T}.atasan`, plan);
    }
    const res = await submit(earlier);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].message).toContain('closed at');
  });
});

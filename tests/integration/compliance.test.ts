// Report compliance of a city that came from a CSV import, not from the seed: the expected-reporter
// count follows imports, status changes, moves and the month's rollover, and matches a hand count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { formatNip } from '../../functions/domain/nip.js';
import { addMonths, monthOf, zonedTimeToUtc } from '../../functions/domain/periods.js';
import { handler as dailyPass } from '../../functions/evaluations/dispatcher.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const T = 'serang';
const A = 'kominfo-uji';
const B = 'arsip-uji';
const month = monthOf(new Date(), 'Asia/Jakarta');
const year = Number(month.slice(0, 4));
const nip = (i: number) => formatNip({ birthDate: `1985-0${1 + (i % 9)}-1${i % 10}`, tmt: '2010-03', gender: i % 2 ? 'L' : 'P', sequence: 100 + i });
const HEADER = 'nip,name,position,grade,agencyId,unitId,supervisorNip,email,status';
const plan = { rhk: [{ id: 'rhk1', kind: 'utama', title: 'Layanan informasi', indicators: [{ id: 'layanan', name: 'Permohonan dilayani', aspect: 'kuantitas', target: 40, unit: 'permohonan', source: 'report' }] }] };

const series = async (agencyId: string) => {
  const res = await h.call('GET', `/v1/trends?scope=agency&id=${agencyId}&from=${month}&to=${month}`, { as: 'serang.admin' });
  expect(res.status).toBe(200);
  return res.body.series.find((p: any) => p.period === month) ?? { officersExpected: 0, reportsSubmitted: 0 };
};
const idOf = async (n: string) => (await h.call('GET', `/v1/officers?q=${n}`, { as: 'serang.admin' })).body.items[0].id as string;

beforeAll(async () => {
  h = await startHarness();
  // The org itself (two agencies) is set up by hand; every officer comes from the CSV.
  for (const [id, name] of [[A, 'Dinas Komunikasi dan Informatika (uji)'], [B, 'Dinas Kearsipan (uji)']]) {
    await ddb().send(new PutCommand({ TableName: h.tableName, Item: { ...keys.agency(T, id), type: 'agency', id, name, shortName: id, kind: 'perizinan' } }));
  }
});
afterAll(async () => { await h?.close(); });

describe('report compliance of an imported city', () => {
  it('counts every imported officer who is expected to report, and not one on leave', async () => {
    const lines = [HEADER, `${nip(0)},Kepala Uji,Kepala Dinas,IV/c,${A},,,kepala@kominfo.example.go.id,aktif`];
    for (let i = 1; i < 30; i++) lines.push(`${nip(i)},Staf Uji ${String(i).padStart(2, '0')},Pranata Komputer,III/a,${A},,${nip(0)},,${i === 29 ? 'tugas_belajar' : ''}`);
    const res = await h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw: lines.join('\n'), headers: { 'content-type': 'text/csv' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: 30, total: 30 });
    // Hand count: 30 imported, one on tugas belajar since today → 29 expected this month.
    expect(await series(A)).toMatchObject({ officersExpected: 29, reportsSubmitted: 0, reportCompliance: 0 });
  });

  it('reports submitted this month count against the expected officers', async () => {
    const head = await idOf(nip(0));
    for (let i = 1; i <= 7; i++) {
      const officerId = await idOf(nip(i));
      expect((await h.agreedPlan(officerId, year, nip(0), plan)).status).toBe(200);
      expect((await h.call('POST', '/v1/reports', { as: nip(i), body: { officerId, period: month, items: [{ indicatorId: 'layanan', value: 38 }] } })).status).toBe(201);
    }
    expect(head).toBeTruthy();
    await h.drain();
    expect(await series(A)).toMatchObject({ officersExpected: 29, reportsSubmitted: 7, reportCompliance: 0.24 }); // 7 / 29
  });

  it('setting an officer to cuti removes them from the month\'s expected reporters; a move changes both agencies', async () => {
    const onLeave = await idOf(nip(20));
    const patch = await h.call('PATCH', `/v1/officers/${onLeave}`, { as: 'serang.admin', body: { status: 'cuti', effectiveFrom: `${month}-01`, reason: 'Cuti besar' } });
    expect(patch.status, JSON.stringify(patch.body)).toBe(200);
    expect(patch.body).toMatchObject({ status: 'cuti', statuses: [{ status: 'cuti', from: `${month}-01` }] });
    expect(await series(A)).toMatchObject({ officersExpected: 28 });
    const moved = await idOf(nip(21));
    expect((await h.call('PATCH', `/v1/officers/${moved}`, { as: 'serang.admin', body: { agencyId: B } })).status).toBe(200);
    expect(await series(A)).toMatchObject({ officersExpected: 27 });
    expect(await series(B)).toMatchObject({ officersExpected: 1 });
    // The tenant total sums every agency.
    const tenant = await h.call('GET', `/v1/trends?scope=tenant&from=${month}&to=${month}`, { as: 'serang.admin' });
    const seeded = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers.length;
    expect(tenant.body.series[0].officersExpected).toBe(seeded + 28);
  });

  it('a status that ends service leaves the active list but keeps the record; bad changes write nothing', async () => {
    const retired = await idOf(nip(22));
    expect((await h.call('PATCH', `/v1/officers/${retired}`, { as: 'serang.admin', body: { status: 'pensiun' } })).status).toBe(200);
    const active = await h.call('GET', `/v1/officers?agencyId=${A}&limit=200`, { as: 'serang.admin' });
    expect(active.body.items.map((o: any) => o.id)).not.toContain(retired);
    const all = await h.call('GET', `/v1/officers?agencyId=${A}&status=all&limit=200`, { as: 'serang.admin' });
    expect(all.body.items.map((o: any) => o.id)).toContain(retired);
    expect((await h.call('GET', `/v1/officers/${retired}`, { as: 'serang.admin' })).body.status).toBe('pensiun');
    // A retired officer no longer signs in.
    const signIn = await fetch(`${h.base}/v1/dev/token`, { method: 'POST', body: JSON.stringify({ username: nip(22) }) });
    expect(signIn.status).toBe(403);
    for (const [body, fieldName] of [[{ status: 'libur' }, 'status'], [{ agencyId: 'nowhere' }, 'agencyId'], [{ supervisorId: retired }, 'supervisorId'], [{ effectiveFrom: '2025-01-01' }, 'effectiveFrom'], [{}, 'body'], [{ status: 'cuti', extra: 1 }, 'extra']] as const) {
      const res = await h.call('PATCH', `/v1/officers/${retired}`, { as: 'serang.admin', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (fieldName) expect(res.body.error.details.map((d: any) => d.field)).toContain(fieldName);
    }
    expect((await h.call('PATCH', `/v1/officers/${retired}`, { as: 'serang.opd', body: { status: 'aktif' } })).status).toBe(403);
    expect((await h.call('GET', `/v1/officers/${retired}`, { as: 'serang.admin' })).body.status).toBe('pensiun');
  });

  it('the month rollover: the daily pass on the 1st counts the new month from the same records', async () => {
    const next = addMonths(month, 1);
    const [y, m] = next.split('-').map(Number) as [number, number];
    await dailyPass({ tenant: T }, undefined, zonedTimeToUtc('Asia/Jakarta', y, m, 1, 1));
    const res = await h.call('GET', `/v1/trends?scope=agency&id=${A}&from=${month}&to=${next}`, { as: 'serang.admin' });
    const byPeriod = new Map(res.body.series.map((p: any) => [p.period, p]));
    expect((byPeriod.get(next) as any)?.officersExpected).toBe(26); // 27 minus the one who retired
  });
});

describe('officer lists page', () => {
  it('the review queue pages: a supervisor sees the team\'s pending reports, limit and cursor', async () => {
    const first = await h.call('GET', '/v1/reports?limit=3', { as: nip(0) });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.reports).toEqual(first.body.items);
    const ids = first.body.items.map((r: any) => r.id);
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await h.call('GET', `/v1/reports?limit=3&cursor=${cursor}`, { as: nip(0) });
      ids.push(...page.body.items.map((r: any) => r.id));
      cursor = page.body.nextCursor;
    }
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect((await h.call('GET', '/v1/reports', { as: nip(1) })).body.items).toEqual([]); // a staff member reviews nobody
  });

  it('limit and cursor page through an agency; q finds by name or NIP prefix; a forged cursor is refused', async () => {
    const first = await h.call('GET', `/v1/officers?agencyId=${A}&limit=10`, { as: 'serang.admin' });
    expect(first.body.items).toHaveLength(10);
    expect(first.body.officers).toEqual(first.body.items);
    const second = await h.call('GET', `/v1/officers?agencyId=${A}&limit=10&cursor=${first.body.nextCursor}`, { as: 'serang.admin' });
    expect(second.body.items).toHaveLength(10);
    expect(second.body.items.map((o: any) => o.id)).not.toContain(first.body.items[0].id);
    const byName = await h.call('GET', `/v1/officers?agencyId=${A}&q=staf uji 0`, { as: 'serang.admin' });
    expect(byName.body.items.map((o: any) => o.name).sort()).toEqual(['Staf Uji 01', 'Staf Uji 02', 'Staf Uji 03', 'Staf Uji 04', 'Staf Uji 05', 'Staf Uji 06', 'Staf Uji 07', 'Staf Uji 08', 'Staf Uji 09']);
    const byNip = await h.call('GET', `/v1/officers?q=${nip(3).slice(0, 14)}`, { as: 'serang.admin' });
    expect(byNip.body.items.map((o: any) => o.nip)).toContain(nip(3));
    const forged = Buffer.from(JSON.stringify({ GSI1PK: 'TENANT#banjarbaru#AGENCY#dinkes#OFFICERS', GSI1SK: 'OFFICER#a', PK: 'x', SK: 'y' })).toString('base64url');
    expect((await h.call('GET', `/v1/officers?agencyId=${A}&cursor=${forged}`, { as: 'serang.admin' })).status).toBe(400);
    expect((await h.call('GET', `/v1/officers?agencyId=${A}&limit=500`, { as: 'serang.admin' })).status).toBe(400);
  });

  it('a supervisor lists their whole team (two levels) from the chain, paged', async () => {
    const officers = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers;
    const head = officers.find((o) => o.agencyId === 'dinkes' && !o.supervisorId)!;
    const me = (await h.call('GET', '/v1/me', { as: head.nip })).body.officer;
    const res = await h.call('GET', '/v1/officers?limit=5', { as: head.nip });
    expect(res.status).toBe(200);
    expect(res.body.items[0].id).toBe(me.id);
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await h.call('GET', `/v1/officers?limit=5${cursor ? `&cursor=${cursor}` : ''}`, { as: head.nip });
      all.push(...page.body.items.map((o: any) => o.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const below = officers.filter((o) => (o.ancestors ?? []).includes(me.id)).map((o) => o.id);
    expect(below.length).toBeGreaterThan(5);
    expect(new Set(all)).toEqual(new Set([me.id, ...below]));
  });
});

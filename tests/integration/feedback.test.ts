// Continuous feedback (DESIGN §2, §4) against DynamoDB Local through the real handlers: who may give
// it (the supervisor chain at any depth, the agency's admin; not the officer, not an outsider, not the
// BKPSDM merely for being tenant-wide), bad bodies refused with nothing written, replies by the
// officer only, the thread paged newest first, per-author counts exact under a retried POST, and the
// team rows' last-feedback time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Officer } from '../../functions/data/org-repository.js';
import { addMonths, monthOf } from '../../functions/domain/periods.js';
import { startHarness, type Harness } from './harness.js';
import { PLAN } from './security/fixture.js';
import { changes, NOTHING, snapshot } from './security/snapshot.js';

let h: Harness;
let officers: Officer[];
let atasan: Officer, pegawai: Officer, colleague: Officer, grand: Officer, outsider: Officer, opd: Officer;
const T = 'serang';
const MONTH = monthOf(new Date(), 'Asia/Jakarta');
const LAST = addMonths(MONTH, -1);
const body = (over: Record<string, unknown> = {}) => ({ kind: 'bimbingan', period: MONTH, note: 'Mohon laporan pelayanan dilengkapi dengan bukti foto.', ...over });
const post = (officerId: string, as: string, b: unknown, headers?: Record<string, string>) => h.call('POST', `/v1/officers/${officerId}/feedback`, { as, body: b, headers });
const fields = (res: { body: any }) => res.body.error.details.map((d: any) => d.field);

beforeAll(async () => {
  h = await startHarness({ stream: false });
  officers = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers;
  const idOf = async (as: string) => (await h.call('GET', '/v1/me', { as })).body.officer.id as string;
  const byId = (id: string) => officers.find((o) => o.id === id)!;
  atasan = byId(await idOf('serang.atasan'));
  pegawai = byId(await idOf('serang.pegawai'));
  opd = byId(await idOf('serang.opd'));
  colleague = officers.find((o) => o.supervisorId === atasan.id && o.id !== pegawai.id)!;
  grand = byId(atasan.supervisorId!);
  const supervisors = new Set(officers.map((o) => o.supervisorId));
  outsider = officers.find((o) => o.agencyId !== pegawai.agencyId && supervisors.has(o.id))!;
  expect((await h.call('PUT', `/v1/officers/${pegawai.id}/plans/${MONTH.slice(0, 4)}`, { as: 'serang.atasan', body: PLAN })).status).toBe(200);
});
afterAll(async () => { await h?.close(); });

describe('who may give feedback', () => {
  it('a supervisor two levels up may, named as the author', async () => {
    const res = await post(pegawai.id, grand.nip, body({ kind: 'apresiasi', note: 'Pelayanan bulan ini sangat baik, pertahankan.' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ officerId: pegawai.id, kind: 'apresiasi', period: MONTH, authorId: grand.id, authorName: grand.name, authorRole: 'supervisor', replies: [] });
  });

  it('a supervisor outside the chain, the BKPSDM admin and the officer on their own are refused, writing nothing', async () => {
    const before = await snapshot(h.tableName);
    expect((await post(pegawai.id, outsider.nip, body())).status).toBe(403);
    expect((await post(pegawai.id, 'serang.admin', body())).status).toBe(403);
    expect((await post(pegawai.id, 'serang.pegawai', body())).status).toBe(403);
    expect((await post(pegawai.id, colleague.nip, body())).status).toBe(403);
    expect((await post(pegawai.id, 'serang.pimpinan', body())).status).toBe(403);
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });

  it('bad kind, month, RHK or an unknown field → 400 naming the field, nothing written', async () => {
    const before = await snapshot(h.tableName);
    const cases: [Record<string, unknown>, string][] = [
      [body({ kind: 'teguran' }), 'kind'],
      [body({ period: addMonths(MONTH, 1) }), 'period'],
      [body({ period: '2025-13' }), 'period'],
      [body({ rhkId: 'rhk-tidak-ada' }), 'rhkId'],
      [body({ rhkId: 'rhk1', period: `${Number(MONTH.slice(0, 4)) - 1}-06` }), 'rhkId'], // no plan that year
      [body({ note: '' }), 'note'],
      [body({ score: 5 }), 'score'],
    ];
    for (const [b, field] of cases) {
      const res = await post(pegawai.id, 'serang.atasan', b);
      expect(res.status, JSON.stringify(b)).toBe(400);
      expect(fields(res)).toContain(field);
    }
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });

  it('an RHK of the officer\'s plan is kept with its title', async () => {
    const res = await post(pegawai.id, 'serang.atasan', body({ kind: 'perbaikan', period: LAST, rhkId: 'rhk1' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rhkId: 'rhk1', rhkTitle: 'Pelayanan', period: LAST, authorId: atasan.id });
  });
});

describe('replies and the thread', () => {
  it('only the officer the feedback is about replies', async () => {
    const fb = (await post(pegawai.id, 'serang.atasan', body({ note: 'Tolong percepat input data layanan harian.' }))).body;
    const before = await snapshot(h.tableName);
    expect((await h.call('POST', `/v1/feedback/${fb.id}/replies`, { as: 'serang.atasan', body: { note: 'Saya tambahkan' } })).status).toBe(403);
    expect((await h.call('POST', `/v1/feedback/${fb.id}/replies`, { as: colleague.nip, body: { note: 'Bukan untuk saya' } })).status).toBe(403);
    expect((await h.call('POST', `/v1/feedback/${fb.id}/replies`, { as: 'serang.opd', body: { note: 'Admin' } })).status).toBe(403);
    expect((await h.call('POST', '/v1/feedback/fb_0000000000000000/replies', { as: 'serang.pegawai', body: { note: 'Siap' } })).status).toBe(404);
    expect((await h.call('POST', `/v1/feedback/${fb.id}/replies`, { as: 'serang.pegawai', body: { note: 'Siap', extra: 1 } })).status).toBe(400);
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
    const reply = await h.call('POST', `/v1/feedback/${fb.id}/replies`, { as: 'serang.pegawai', body: { note: 'Siap, mulai minggu ini saya input setiap sore.' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ feedbackId: fb.id, byId: pegawai.id, byName: pegawai.name });
  });

  it('lists newest month first, paged, each with its replies and author', async () => {
    const all = await h.call('GET', `/v1/officers/${pegawai.id}/feedback`, { as: 'serang.pegawai' });
    expect(all.status).toBe(200);
    const items = all.body.items as any[];
    expect(items.length).toBe(3);
    // Newest first: the month it concerns, then the time it was given.
    expect(items.map((i) => i.period)).toEqual([MONTH, MONTH, LAST]);
    expect(items[0].createdAt > items[1].createdAt).toBe(true);
    expect(items[0].replies).toEqual([expect.objectContaining({ note: 'Siap, mulai minggu ini saya input setiap sore.', byName: pegawai.name })]);
    expect(items[1]).toMatchObject({ authorName: grand.name, replies: [] });
    const first = await h.call('GET', `/v1/officers/${pegawai.id}/feedback?limit=2`, { as: 'serang.atasan' });
    expect(first.body.items.map((i: any) => i.id)).toEqual(items.slice(0, 2).map((i) => i.id));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await h.call('GET', `/v1/officers/${pegawai.id}/feedback?limit=2&cursor=${first.body.nextCursor}`, { as: 'serang.atasan' });
    expect(second.body.items.map((i: any) => i.id)).toEqual([items[2].id]);
    // A year with none; a colleague may not read the thread.
    expect((await h.call('GET', `/v1/officers/${pegawai.id}/feedback?year=2001`, { as: 'serang.pegawai' })).body.items).toEqual([]);
    expect((await h.call('GET', `/v1/officers/${pegawai.id}/feedback`, { as: colleague.nip })).status).toBe(403);
  });
});

describe('counts per author and the team rows', () => {
  it('counts each feedback once per author and month, also under a retried POST with the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'fb-retry-0001' };
    const b = body({ kind: 'apresiasi', note: 'Terima kasih atas pelaporan yang rapi.' });
    const first = await post(colleague.id, 'serang.opd', b, key);
    const retry = await post(colleague.id, 'serang.opd', b, key);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({ authorRole: 'agency_admin', authorId: opd.id });
    // The same key with another body is not a retry.
    expect((await post(colleague.id, 'serang.opd', body({ note: 'Catatan lain sama sekali' }), key)).status).toBe(422);
    expect((await post(colleague.id, 'serang.opd', body())).status).toBe(201);
    const stats = await h.call('GET', `/v1/agencies/${pegawai.agencyId}/feedback-stats?period=${MONTH}`, { as: 'serang.pimpinan' });
    expect(stats.status).toBe(200);
    const of = (id: string) => stats.body.items.find((i: any) => i.authorId === id);
    expect(of(opd.id)).toEqual({ authorId: opd.id, authorName: opd.name, count: 2, byKind: { apresiasi: 1, bimbingan: 1, perbaikan: 0 } });
    // Counted in the month given (the perbaikan about last month was given this month).
    expect(of(atasan.id)).toMatchObject({ count: 2, byKind: { apresiasi: 0, bimbingan: 1, perbaikan: 1 } });
    expect(of(grand.id)).toMatchObject({ count: 1, byKind: { apresiasi: 1 } });
    expect(stats.body.items[0].count).toBeGreaterThanOrEqual(stats.body.items.at(-1).count);
    expect((await h.call('GET', `/v1/agencies/${pegawai.agencyId}/feedback-stats?period=${LAST}`, { as: 'serang.opd' })).body.items).toEqual([]);
    expect((await h.call('GET', `/v1/agencies/${pegawai.agencyId}/feedback-stats`, { as: 'serang.pegawai' })).status).toBe(403);
    expect((await h.call('GET', `/v1/agencies/${pegawai.agencyId}/feedback-stats?period=2025-1`, { as: 'serang.admin' })).status).toBe(400);
  });

  it('team rows carry when each officer last received feedback', async () => {
    const thread = (await h.call('GET', `/v1/officers/${pegawai.id}/feedback`, { as: 'serang.atasan' })).body.items as any[];
    const latest = thread.map((i) => i.createdAt).sort().at(-1);
    const team = await h.call('GET', '/v1/team?limit=200', { as: grand.nip });
    expect(team.status).toBe(200);
    const row = (id: string) => team.body.items.find((r: any) => r.officer.id === id);
    expect(row(pegawai.id).lastFeedbackAt).toBe(latest);
    const untouched = team.body.items.find((r: any) => r.officer.id !== pegawai.id && r.officer.id !== colleague.id);
    expect(untouched.lastFeedbackAt).toBeNull();
  });
});

// The public transparency page's JSON against DynamoDB Local: surveys, complaints, a forum and an SKM
// follow-up written through their own routes, then the page's aggregates checked against what was
// written (complaints by status and cause with on-time shares, forums and actions, follow-ups, IKM per
// unit with the Krejcie–Morgan check), no personal data in it, and its refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { monthOf } from '../../functions/domain/periods.js';
import { clearOfWindowEdge, startHarness, type Harness } from './harness.js';

let h: Harness;
const serang = () => h.seeded.tenants.find((t) => t.tenant.id === 'serang')!;
const month = () => monthOf(new Date(), 'Asia/Jakarta');
const year = () => month().slice(0, 4);
let ip = 0;
const from = () => ({ 'x-forwarded-for': `10.77.${Math.floor(++ip / 250)}.${ip % 250}` });
const page = (query = `?year=${year()}`, tenant = 'serang') => h.call('GET', `/v1/public/cities/${tenant}/transparency${query}`, { headers: from() });

const CONTACT = 'warga.pelapor@example.id';
const MINUTES = 'Berita acara rahasia: notulis mencatat jalannya forum bersama warga kelurahan.';
const OWNER = 'Penanggung Jawab Rahasia';
const TEXTS = ['Antrean sangat lama sekali di loket', 'Petugas tidak menjelaskan syarat', 'Laporan ganda yang sama persis', 'Belum diproses sama sekali hingga kini'];

let unitA: string; // dinkes unit with surveys, complaints, a forum and a follow-up
let unitB: string; // another dinkes unit with surveys only
let staffOfA: { id: string; nip: string; name: string };
const codes: string[] = [];

async function file(i: number, extra: Record<string, unknown> = {}) {
  const res = await h.call('POST', '/v1/public/complaints', { headers: from(), body: { tenant: 'serang', unitId: unitA, category: 'waktu', description: TEXTS[i], contact: CONTACT, ...extra } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const track = await h.call('GET', `/v1/public/complaints/${res.body.code}`, { headers: from() });
  codes.push(res.body.code);
  return track.body.code as string;
}
const admin = (path: string, body: unknown, method = 'PATCH') => h.call(method, path, { as: 'serang.admin', body });
async function idOf(code: string) {
  const list = await h.call('GET', '/v1/complaints?limit=200', { as: 'serang.admin' });
  return list.body.items.find((c: any) => c.code === code).id as string;
}

beforeAll(async () => {
  h = await startHarness();
  const units = serang().units.filter((u) => u.agencyId === 'dinkes');
  [unitA, unitB] = [units[0]!.id, units[1]!.id];
  staffOfA = serang().officers.find((o) => o.unitId === unitA)!;
  // Unit A serves 100 people a year (Krejcie–Morgan minimum 80): 3 respondents are far too few.
  expect((await admin(`/v1/agencies/dinkes/units/${unitA}`, { yearlyServiceUsers: 100 })).status).toBe(200);
  const answers = (u3: number) => ({ u1: 4, u2: 3, u3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 3, u9: 3 });
  for (const [unit, u3] of [[unitA, 1], [unitA, 2], [unitA, 2], [unitB, 4]] as const) {
    expect((await h.call('POST', '/v1/public/surveys', { headers: from(), body: { tenant: 'serang', unitId: unit, answers: answers(u3) } })).status).toBe(201);
  }
  // Four complaints: answered on time (waktu, substantiated, about an officer), answered (prosedur, not
  // substantiated), rejected, and one still received.
  const c1 = await idOf(await file(0, { officerId: staffOfA.id }));
  const c2 = await idOf(await file(1));
  const c3 = await idOf(await file(2));
  await file(3);
  expect((await admin(`/v1/complaints/${c1}`, { status: 'verified' })).status).toBe(200);
  expect((await admin(`/v1/complaints/${c1}`, { status: 'answered', answer: 'Sudah ditangani.', cause: 'waktu', substantiated: true })).status).toBe(200);
  expect((await admin(`/v1/complaints/${c2}`, { status: 'verified' })).status).toBe(200);
  expect((await admin(`/v1/complaints/${c2}`, { status: 'answered', answer: 'Sudah dijelaskan.', cause: 'prosedur', substantiated: false })).status).toBe(200);
  expect((await admin(`/v1/complaints/${c3}`, { status: 'rejected', reason: 'Duplikat laporan sebelumnya' })).status).toBe(200);

  const today = new Date().toISOString().slice(0, 10);
  const forum = await admin('/v1/forums', {
    agencyId: 'dinkes', unitId: unitA, date: today, place: 'Aula Puskesmas', participants: { citizens: 30, officers: 6 }, minutes: MINUTES,
    issues: [{ text: 'Waktu tunggu terlalu lama', element: 'u3' }, { text: 'Parkir sempit' }],
    actions: [{ title: 'Buka antrean daring', owner: OWNER, due: today }, { title: 'Tambah petugas pagi', owner: OWNER, due: '2099-12-31' }],
  }, 'POST');
  expect(forum.status, JSON.stringify(forum.body)).toBe(201);
  expect((await admin(`/v1/forums/${forum.body.id}/actions/a1`, { status: 'done', note: 'Catatan internal admin' })).status).toBe(200);
  // A second forum, of the whole agency, never changed after it was recorded.
  expect((await admin('/v1/forums', {
    agencyId: 'dinkes', date: today, place: 'Kantor Dinas Kesehatan', participants: { citizens: 12, officers: 4 }, minutes: MINUTES,
    issues: [{ text: 'Jadwal dokter tidak diumumkan' }], actions: [{ title: 'Umumkan jadwal dokter', owner: OWNER, due: '2099-12-31' }],
  }, 'POST')).status).toBe(201);

  await h.drain();
  const plan = await admin('/v1/ikm/follow-ups', { unitId: unitA, period: month(), actions: [{ title: 'Pantau waktu layanan harian', owner: OWNER, due: '2099-01-31' }, { title: 'Umumkan standar waktu', owner: OWNER, due: '2099-02-28' }] }, 'POST');
  expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  expect((await admin(`/v1/ikm/follow-ups/${plan.body.id}`, { actionId: 'a2', status: 'done' })).status).toBe(200);
  // And a follow-up of unit B, never changed either.
  expect((await admin('/v1/ikm/follow-ups', { unitId: unitB, period: month(), actions: [{ title: 'Pertahankan standar layanan', owner: OWNER, due: '2099-03-31' }] }, 'POST')).status).toBe(201);
}, 180_000);
afterAll(async () => { await h?.close(); });

describe('GET /v1/public/cities/{tenant}/transparency', () => {
  it('counts complaints by status and cause with the on-time shares, city, agency and unit', async () => {
    const res = await page();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const c = res.body.complaints;
    expect(c).toMatchObject({ received: 4, verified: 2, rejected: 1, answered: 2, answeredOnTime: 2, answeredOnTimeShare: 1, substantiated: 1, byCause: { waktu: 1, prosedur: 1 } });
    const dinkes = c.agencies.find((a: any) => a.agencyId === 'dinkes');
    expect(dinkes).toMatchObject({ received: 4, answered: 2 });
    expect(dinkes.units).toEqual([expect.objectContaining({ unitId: unitA, received: 4, byCause: { waktu: 1, prosedur: 1 } })]);
    expect(c.agencies).toHaveLength(1);
  });

  it('lists the forum with its issues and each action\'s title and status, and the follow-up', async () => {
    const { forums, followUps, awards } = (await page()).body;
    expect(forums).toMatchObject({ held: 2, actionsDone: 1, actionsOpen: 2 });
    expect(forums.items).toHaveLength(2);
    expect(forums.items.find((f: any) => f.place === 'Kantor Dinas Kesehatan')).toMatchObject({ agencyId: 'dinkes', agencyName: expect.any(String), issues: [{ text: 'Jadwal dokter tidak diumumkan' }], actions: [{ title: 'Umumkan jadwal dokter', status: 'open' }] });
    expect(forums.items.find((f: any) => f.place === 'Aula Puskesmas')).toMatchObject({
      unitId: unitA, agencyId: 'dinkes', place: 'Aula Puskesmas',
      issues: [{ text: 'Waktu tunggu terlalu lama', element: 'u3' }, { text: 'Parkir sempit' }],
      actions: [{ title: 'Buka antrean daring', status: 'done' }, { title: 'Tambah petugas pagi', status: 'open' }],
    });
    expect(Object.keys(forums.items[0].actions[0]).sort()).toEqual(['status', 'title']);
    expect(followUps).toMatchObject({ count: 2, actionsDone: 1, actionsOpen: 2 });
    expect(followUps.items.find((f: any) => f.unitId === unitB)).toMatchObject({ actions: [{ title: 'Pertahankan standar layanan', status: 'open' }] });
    const planA = followUps.items.find((f: any) => f.unitId === unitA);
    expect(planA).toMatchObject({ unitId: unitA, period: month(), actions: [{ title: 'Pantau waktu layanan harian', status: 'open' }, { title: 'Umumkan standar waktu', status: 'done' }] });
    expect(planA.elements).toContain('u3');
    expect(planA.ikmByMonth).toEqual([expect.objectContaining({ period: month(), respondents: 3 })]);
    expect(awards).toEqual({ count: 0 });
  });

  it('gives IKM with respondents per agency and unit, as GET /v1/ikm computes it, with the sample check', async () => {
    const { ikm } = (await page()).body;
    const mine = await h.call('GET', `/v1/ikm?unitId=${unitA}&period=${year()}`, { as: 'serang.admin' });
    const dinkes = ikm.agencies.find((a: any) => a.agencyId === 'dinkes');
    const a = dinkes.units.find((u: any) => u.unitId === unitA);
    expect(a).toMatchObject({ respondents: 3, ikm: mine.body.ikm, grade: mine.body.grade, sample: { population: 100, minimum: 80, sufficient: false } });
    // Unit B keeps its seeded population (a puskesmas of thousands a year): one respondent is not enough either.
    expect(dinkes.units.find((u: any) => u.unitId === unitB)).toMatchObject({ respondents: 1, sample: { sufficient: false } });
    expect(dinkes.respondents).toBe(4);
    expect(ikm.respondents).toBe(4);
    const agencyIkm = await h.call('GET', `/v1/ikm?agencyId=dinkes&period=${year()}`, { as: 'serang.admin' });
    expect(dinkes.ikm).toBe(agencyIkm.body.ikm);
  });

  it('reads the award counter of the year', async () => {
    await ddb().send(new PutCommand({ TableName: h.tableName, Item: { ...keys.awardStats('serang', year()), type: 'awardStats', count: 3 } }));
    expect((await page()).body.awards).toEqual({ count: 3 });
  });

  it('holds no personal data: no NIP, no names or ids of officers, no contact, no citizen text, no minutes or owners', async () => {
    const res = await page();
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/\d{18}/);
    for (const o of serang().officers) {
      expect(text).not.toContain(`"${o.id}"`);
      expect(text).not.toContain(o.name);
    }
    expect(text).not.toContain(staffOfA.id);
    for (const secret of [CONTACT, MINUTES, OWNER, 'Catatan internal admin', 'Sudah ditangani', 'Duplikat laporan', ...TEXTS, ...codes]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/createdBy|updatedBy|officer#|"owner"|"note"|"minutes"|"contact"/);
  });

  it('reads one Query per section (organisation, IKM, complaints, forums, follow-ups), one GetItem for awards, never a Scan', async () => {
    await h.drain();
    const seen: string[] = [];
    ddb().middlewareStack.add((next, context) => async (args) => { seen.push(context.commandName ?? ''); return next(args); }, { step: 'initialize', name: 'countTransparencyReads' });
    try {
      expect((await page()).status).toBe(200);
    } finally { ddb().middlewareStack.remove('countTransparencyReads'); }
    // The SDK names the low-level commands here (GetItem, UpdateItem).
    expect(seen.sort()).toEqual(['GetItemCommand', ...Array(5).fill('QueryCommand'), 'UpdateItemCommand']); // UpdateItem: the rate counter
  });

  it('is cacheable by anyone for a short while', async () => {
    const res = await page();
    expect(res.headers.get('cache-control')).toMatch(/public/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=300/);
  });

  it('a year without data answers zeros; the current year is the default', async () => {
    const past = await page(`?year=${Number(year()) - 3}`);
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({ year: Number(year()) - 3, complaints: { received: 0, agencies: [] }, forums: { held: 0, items: [] }, followUps: { count: 0, items: [] }, awards: { count: 0 } });
    expect((await page('')).body.year).toBe(Number(year()));
  });

  it('unknown city or a future year → 404; a malformed year or an unknown parameter → 400', async () => {
    expect((await page(`?year=${year()}`, 'atlantis')).status).toBe(404);
    expect((await page(`?year=${Number(year()) + 1}`)).status).toBe(404);
    for (const bad of ['?year=20x6', '?year=1999', '?year=202', '?year=']) {
      const res = await page(bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.details[0].field).toBe('year');
    }
    const unknown = await page(`?year=${year()}&officerId=x`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].field).toBe('officerId');
  });

  it('is rate-limited per address like the other public routes', async () => {
    await clearOfWindowEdge(600, 60);
    const statuses: number[] = [];
    for (let i = 0; i < 125; i++) statuses.push((await h.call('GET', `/v1/public/cities/serang/transparency?year=${year()}`, { headers: { 'x-forwarded-for': '10.99.99.99' } })).status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(120);
    expect(statuses).toContain(429);
  }, 120_000);
});

// Complaints against DynamoDB Local: file → answer → track, what tracking may show, who may answer,
// non-enumerable codes, overdue after the working-day limit, and the filing rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchPut } from '../../functions/data/batch.js';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { codeItem, complaintItem, type Complaint } from '../../functions/complaints/repository.js';
import { startHarness, type Harness, clearOfWindowEdge } from './harness.js';

let h: Harness;
beforeAll(async () => { h = await startHarness({ stream: false }); });
afterAll(async () => { await h?.close(); });

let ip = 0;
const newClient = () => `10.9.${Math.floor(++ip / 250)}.${ip % 250}`;
const file = (body: Record<string, unknown>, client = newClient()) => h.call('POST', '/v1/public/complaints', { body, headers: { 'x-forwarded-for': client } });
const track = (code: string, client = newClient()) => h.call('GET', `/v1/public/complaints/${encodeURIComponent(code)}`, { headers: { 'x-forwarded-for': client } });
const complaint = (over: Record<string, unknown> = {}) => ({
  tenant: 'serang', unitId: 'dinkes-u1', category: 'waktu',
  description: 'Sudah dua minggu menunggu surat keterangan sehat belum juga selesai.', contact: 'warga@example.id', ...over,
});

describe('filing, answering and tracking', () => {
  it('a citizen files, the agency admin answers, and the code shows the answer but never the text or contact', async () => {
    const filed = await file(complaint());
    expect(filed.status).toBe(201);
    expect(filed.body.code).toMatch(/^ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const code: string = filed.body.code;

    const fresh = await track(code);
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ code, status: 'received', statusLabel: 'Diterima', answer: null, unit: { id: 'dinkes-u1' } });

    const list = await h.call('GET', '/v1/complaints?status=received', { as: 'serang.opd' });
    expect(list.status).toBe(200);
    const mine = list.body.complaints.find((c: any) => c.code === code);
    expect(mine).toMatchObject({ contact: 'warga@example.id', overdue: false, status: 'received' });
    // Verification is due first, three working days after filing; no answer is due before it.
    expect(new Date(mine.verifyDeadline).getTime()).toBeGreaterThan(Date.now() + 3 * 86_400_000);
    expect(mine).toMatchObject({ deadline: mine.verifyDeadline, answerDeadline: null, verifyOverdue: false, answerOverdue: false });

    const noAnswer = await h.call('PATCH', `/v1/complaints/${mine.id}`, { as: 'serang.opd', body: { status: 'answered' } });
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.body.error.details[0].field).toBe('answer');
    const answer = { status: 'answered', answer: 'Surat Anda sudah dapat diambil di loket 2.', cause: 'waktu', substantiated: true };
    const unverified = await h.call('PATCH', `/v1/complaints/${mine.id}`, { as: 'serang.opd', body: answer });
    expect(unverified.status).toBe(409); // SP4N-LAPOR!: verified (or rejected) first
    expect(unverified.body.error.details).toEqual([{ field: 'status', message: 'Allowed next: verified, rejected' }]);
    const verified = await h.call('PATCH', `/v1/complaints/${mine.id}`, { as: 'serang.opd', body: { status: 'verified' } });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', verifyOverdue: false, answerOverdue: false });
    expect(new Date(verified.body.answerDeadline).getTime()).toBeGreaterThan(Date.now() + 5 * 86_400_000);
    const answered = await h.call('PATCH', `/v1/complaints/${mine.id}`, { as: 'serang.opd', body: answer });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', overdue: false, cause: 'waktu', substantiated: true });

    const done = await track(code.toLowerCase().replace(/-/g, ''));
    expect(done.body).toMatchObject({ code, status: 'answered', statusLabel: 'Sudah dijawab', answer: 'Surat Anda sudah dapat diambil di loket 2.' });
    // Each step with its date, and nothing about who handled it or what they noted.
    expect(done.body.steps.map((s: any) => s.status)).toEqual(['received', 'verified', 'answered']);
    expect(done.body.steps.every((s: any) => Object.keys(s).sort().join() === 'at,status')).toBe(true);
    expect(done.body.answeredAt).toBeTruthy();
    const text = JSON.stringify(done.body);
    expect(text).not.toContain('warga@example.id');
    expect(text).not.toContain('surat keterangan sehat');
    expect(text).not.toContain(mine.id);

    expect((await h.call('GET', '/v1/complaints?status=answered', { as: 'serang.admin' })).body.complaints.map((c: any) => c.id)).toContain(mine.id);
    expect((await h.call('GET', '/v1/complaints?status=received', { as: 'serang.admin' })).body.complaints.map((c: any) => c.id)).not.toContain(mine.id);
    expect((await h.call('PATCH', `/v1/complaints/${mine.id}`, { as: 'serang.admin', body: { status: 'closed' } })).status).toBe(200);
    expect((await h.call('PATCH', `/v1/complaints/${mine.id}`, { as: 'serang.admin', body: { status: 'in_progress' } })).status).toBe(409);
  });

  it('tracking one code never shows another complaint', async () => {
    const a = (await file(complaint({ unitId: 'dinkes-u2', description: 'Keluhan pertama tentang antrean yang panjang sekali.' }))).body.code;
    const b = (await file(complaint({ unitId: 'pupr-u1', description: 'Keluhan kedua tentang biaya advis teknis yang tidak jelas.' }))).body.code;
    const listed = (await h.call('GET', '/v1/complaints', { as: 'serang.admin' })).body.complaints;
    const idB = listed.find((c: any) => c.code === b).id;
    await h.call('PATCH', `/v1/complaints/${idB}`, { as: 'serang.admin', body: { status: 'verified' } });
    await h.call('PATCH', `/v1/complaints/${idB}`, { as: 'serang.admin', body: { status: 'answered', answer: 'Jawaban khusus untuk keluhan kedua.', cause: 'biaya', substantiated: false } });
    const ta = await track(a);
    expect(ta.body).toMatchObject({ code: a, status: 'received', answer: null, unit: { id: 'dinkes-u2' } });
    expect(JSON.stringify(ta.body)).not.toContain('keluhan kedua');
  });
});

describe('who may handle complaints', () => {
  it('an agency admin sees and answers only their agency; officers and national see nothing; other tenants get 404', async () => {
    const code = (await file(complaint({ unitId: 'pupr-u1' }))).body.code;
    const id = (await h.call('GET', '/v1/complaints', { as: 'serang.admin' })).body.complaints.find((c: any) => c.code === code).id;
    expect((await h.call('PATCH', `/v1/complaints/${id}`, { as: 'serang.opd', body: { status: 'verified' } })).status).toBe(403);
    const opdList = (await h.call('GET', '/v1/complaints', { as: 'serang.opd' })).body.complaints;
    expect(opdList.length).toBeGreaterThan(0);
    expect(opdList.every((c: any) => c.agencyId === 'dinkes')).toBe(true);
    expect((await h.call('GET', '/v1/complaints?agencyId=pupr', { as: 'serang.opd' })).status).toBe(403);
    expect((await h.call('GET', '/v1/complaints', { as: 'serang.pegawai' })).status).toBe(403);
    expect((await h.call('GET', '/v1/complaints', { as: 'nasional' })).status).toBe(403);
    expect((await h.call('PATCH', `/v1/complaints/${id}`, { as: 'serang.pimpinan', body: { status: 'verified' } })).status).toBe(403);
    expect((await h.call('PATCH', `/v1/complaints/${id}`, { as: 'banjarbaru.admin', body: { status: 'verified' } })).status).toBe(404);
    expect((await h.call('GET', '/v1/complaints', { as: 'banjarbaru.admin' })).body.complaints.some((c: any) => c.id === id)).toBe(false);
    expect((await h.call('PATCH', `/v1/complaints/${id}`, { as: 'serang.admin', body: { status: 'verified' } })).status).toBe(200);
  });
});

describe('tracking codes are not enumerable', () => {
  it('answers malformed and unknown codes with the same 404', async () => {
    const bodies = [];
    for (const code of ['ADU-0000-0000', 'ADU-ZZZZ-ZZZZ', 'nonsense', 'ADU-7KQ9-M2XU', 'x'.repeat(60), "ADU-'; DROP"]) {
      const res = await track(code);
      expect(res.status).toBe(404);
      bodies.push(res.body);
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  });

  it('limits tracking lookups per client', async () => {
    await clearOfWindowEdge();
    const client = newClient();
    const statuses = [];
    for (let i = 0; i < 62; i++) statuses.push((await track('ADU-0000-0000', client)).status);
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
  });
});

describe('overdue and filing limits', () => {
  it('flags complaints unanswered after five working days, and answered late ones', async () => {
    const base = { tenant: 'serang', agencyId: 'dinkes', unitId: 'dinkes-u3', category: 'sarana' as const, description: 'Lama tidak dijawab sama sekali oleh dinas.' };
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    const old: Complaint = { ...base, id: 'cmp_old', code: 'ADU-01D0-0001', status: 'received', createdAt: daysAgo(10), updatedAt: daysAgo(10), history: [] };
    const late: Complaint = { ...base, id: 'cmp_late', code: 'ADU-01D0-0002', status: 'answered', createdAt: daysAgo(30), updatedAt: daysAgo(15), answer: 'Maaf terlambat.', answeredAt: daysAgo(15), history: [] };
    await batchPut([old, late].flatMap((c) => [complaintItem(c), codeItem(c)]));
    const overdue = (await h.call('GET', '/v1/complaints?overdue=true', { as: 'serang.opd' })).body.complaints.map((c: any) => c.id);
    expect(overdue).toEqual(expect.arrayContaining(['cmp_old', 'cmp_late']));
    const onTime = (await h.call('GET', '/v1/complaints?overdue=false', { as: 'serang.opd' })).body.complaints.map((c: any) => c.id);
    expect(onTime).not.toContain('cmp_old');
    expect(onTime.length).toBeGreaterThan(0);
    // Newest first.
    const all = (await h.call('GET', '/v1/complaints', { as: 'serang.opd' })).body.complaints.map((c: any) => c.createdAt);
    expect(all).toEqual([...all].sort().reverse());
  });

  it('verification is due at the end of the 3rd working day, the answer 5 working days after verification, both skipping the city\'s holidays', async () => {
    const policy = (await h.call('GET', '/v1/policy', { as: 'serang.admin' })).body.policy;
    expect(policy.complaintAnswerWorkingDays).toBe(5);
    // Wednesday 4 and Tuesday 10 March 2026 are the city's holidays (policy, not code).
    expect((await h.call('PUT', '/v1/policy', { as: 'serang.admin', body: { ...policy, holidays: ['2026-03-04', '2026-03-10'] } })).status).toBe(200);
    try {
      const base = { tenant: 'serang', agencyId: 'dinkes', unitId: 'dinkes-u3', category: 'waktu' as const, description: 'Tenggat dengan hari libur daerah.', history: [] };
      // Filed Monday 2 March 10:00 WIB; verified Friday 6 March 09:00 WIB.
      const filed = '2026-03-02T03:00:00.000Z';
      const waiting: Complaint = { ...base, id: 'cmp_holiday_wait', code: 'ADU-01D0-0003', status: 'received', createdAt: filed, updatedAt: filed };
      const verified: Complaint = { ...base, id: 'cmp_holiday_ver', code: 'ADU-01D0-0004', status: 'verified', createdAt: filed, updatedAt: '2026-03-06T02:00:00.000Z', verifiedAt: '2026-03-06T02:00:00.000Z' };
      await batchPut([waiting, verified].flatMap((c) => [complaintItem(c), codeItem(c)]));
      const list = (await h.call('GET', '/v1/complaints?limit=200', { as: 'serang.opd' })).body.items as any[];
      // Tue 3, (Wed 4 off), Thu 5, Fri 6: due at 24:00 WIB on Friday, not Thursday.
      expect(list.find((c) => c.id === 'cmp_holiday_wait')).toMatchObject({ verifyDeadline: '2026-03-06T17:00:00.000Z', answerDeadline: null, verifyOverdue: true });
      // Verified on the Friday: on time only because of the holiday. Mon 9, (Tue 10 off), Wed 11, Thu 12, Fri 13, Mon 16.
      expect(list.find((c) => c.id === 'cmp_holiday_ver')).toMatchObject({ verifyDeadline: '2026-03-06T17:00:00.000Z', verifyOverdue: false, answerDeadline: '2026-03-16T17:00:00.000Z', answerOverdue: true });
    } finally {
      await h.call('PUT', '/v1/policy', { as: 'serang.admin', body: policy });
    }
  });

  it('refuses bad complaints with 400 and limits filing to 5 per client per 10 minutes', async () => {
    await clearOfWindowEdge();
    for (const [body, field] of [
      [complaint({ description: 'terlalu pendek' }), 'description'],
      [complaint({ contact: 'bukan kontak' }), 'contact'],
      [complaint({ category: 'korupsi' }), 'category'],
      [complaint({ unitId: 'no-such-unit' }), 'unitId'],
      [complaint({ extra: 1 }), 'extra'],
    ] as const) {
      const res = await file(body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: any) => d.field)).toContain(field);
    }
    const client = newClient();
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await file(complaint({ contact: '0812-3456-7890' }), client)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
  });
});

describe('SP4N-LAPOR! steps, causes and statistics', () => {
  const idOf = async (code: string) => (await h.call('GET', '/v1/complaints', { as: 'serang.admin' })).body.items.find((c: any) => c.code === code).id;
  const patch = (id: string, body: unknown, as = 'serang.admin') => h.call('PATCH', `/v1/complaints/${id}`, { as, body });
  const stats = async (query = '', as = 'serang.admin') => (await h.call('GET', `/v1/complaints/stats${query}`, { as })).body;

  it('a rejection needs its reason, shows it to the citizen, and only closing follows; bad causes are refused', async () => {
    const code = (await file(complaint({ unitId: 'dinkes-u2', description: 'Pengaduan yang sama sudah saya kirim kemarin sore.' }))).body.code;
    const id = await idOf(code);
    const noReason = await patch(id, { status: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.map((d: any) => d.field)).toEqual(['reason']);
    expect((await patch(id, { status: 'rejected', reason: 'Duplikat pengaduan ADU sebelumnya' })).status).toBe(200);
    const tracked = await track(code);
    expect(tracked.body).toMatchObject({ status: 'rejected', reason: 'Duplikat pengaduan ADU sebelumnya' });
    expect(tracked.body.steps.map((x: any) => x.status)).toEqual(['received', 'rejected']);
    const reopen = await patch(id, { status: 'verified' });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.details).toEqual([{ field: 'status', message: 'Allowed next: closed' }]);

    const other = await idOf((await file(complaint({ unitId: 'dinkes-u2', description: 'Petugas loket meminta uang tambahan tanpa kuitansi.' }))).body.code);
    await patch(other, { status: 'verified' });
    for (const [body, field] of [
      [{ status: 'answered', answer: 'Sudah ditindaklanjuti.', cause: 'korupsi', substantiated: true }, 'cause'],
      [{ status: 'answered', answer: 'Sudah ditindaklanjuti.', cause: 'petugas' }, 'substantiated'],
      [{ status: 'in_progress', cause: 'petugas' }, 'cause'],
    ] as const) {
      const res = await patch(other, body);
      expect(res.status, field).toBe(400);
      expect(res.body.error.details.map((d: any) => d.field)).toContain(field);
    }
    expect((await h.call('GET', '/v1/complaints?status=verified', { as: 'serang.admin' })).body.items.map((c: any) => c.id)).toContain(other); // nothing written
  });

  it('counts by status and cause, on-time shares, per unit and officer and month, exactly under concurrent changes', async () => {
    const before = await stats();
    const officer = (await h.call('GET', '/v1/officers?agencyId=dinkes&limit=200', { as: 'serang.admin' })).body.items.find((o: any) => o.unitId === 'dinkes-u3');
    const codes = await Promise.all([0, 1, 2, 3].map((i) => file(complaint({ unitId: 'dinkes-u3', officerId: officer.id, description: `Petugas bersikap kasar saat melayani antrean nomor ${i + 10}.` })).then((r) => r.body.code)));
    const ids = await Promise.all(codes.map(idOf));
    await Promise.all(ids.map((id) => patch(id, { status: 'verified' })));
    const answers = ids.map((id, i) => patch(id, { status: 'answered', answer: 'Petugas sudah dibina.', cause: i < 3 ? 'petugas' : 'prosedur', substantiated: i < 2 }));
    expect((await Promise.all(answers)).map((r) => r.status)).toEqual([200, 200, 200, 200]);

    const after = await stats();
    expect(after.total - before.total).toBe(4);
    expect((after.byStatus.answered ?? 0) - (before.byStatus.answered ?? 0)).toBe(4);
    expect((after.byCause.petugas ?? 0) - (before.byCause.petugas ?? 0)).toBe(3);
    expect(after.substantiated - before.substantiated).toBe(2);
    expect(after.verification.onTime - before.verification.onTime).toBe(4);
    expect(after.answer.onTime - before.answer.onTime).toBe(4);
    expect(after.answer.onTimeShare).toBeGreaterThan(0);
    const month = Object.keys(after.byMonth).sort().at(-1)!;
    expect(after.byMonth[month] - (before.byMonth?.[month] ?? 0)).toBe(4);
    const unit = after.units.find((u: any) => u.unitId === 'dinkes-u3');
    expect(unit).toMatchObject({ name: expect.any(String), byCause: expect.objectContaining({ petugas: expect.any(Number) }) });
    expect(after.officers.find((o: any) => o.officerId === officer.id)).toMatchObject({ name: officer.name, total: 4, substantiated: 2 });

    // The agency admin sees their agency only; a unit narrows it; a leader reads it; an officer does not.
    expect((await stats('?unitId=dinkes-u3', 'serang.opd')).officers.map((o: any) => o.officerId)).toEqual([officer.id]);
    expect((await h.call('GET', '/v1/complaints/stats?agencyId=pupr', { as: 'serang.opd' })).status).toBe(403);
    expect((await h.call('GET', '/v1/complaints/stats', { as: 'serang.pimpinan' })).status).toBe(200);
    expect((await h.call('GET', '/v1/complaints/stats', { as: 'serang.pegawai' })).status).toBe(403);
    expect((await h.call('GET', '/v1/complaints/stats?unitId=nope', { as: 'serang.admin' })).status).toBe(400);

    // The two substantiated complaints wait in the month's list for the officer's evaluation; a
    // corrected answer takes one out again.
    const { monthOf } = await import('../../functions/domain/periods.js');
    const substantiated = async () => ((await ddb().send(new QueryCommand({
      TableName: h.tableName, KeyConditionExpression: 'PK = :p AND begins_with(SK, :s)',
      ExpressionAttributeValues: { ':p': keys.substantiatedComplaintsOfMonth('serang', monthOf(new Date(), 'Asia/Jakarta')), ':s': `OFFICER#${officer.id}#` },
    }))).Items ?? []).map((i) => i.complaintId).sort();
    expect(await substantiated()).toEqual([ids[0], ids[1]].sort());
    expect((await patch(ids[1], { status: 'answered', answer: 'Setelah diperiksa, laporan tidak terbukti.', cause: 'petugas', substantiated: false })).status).toBe(200);
    expect(await substantiated()).toEqual([ids[0]]);
    expect((await stats()).substantiated - before.substantiated).toBe(1);
  });
});


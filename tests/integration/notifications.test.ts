// Notifications end to end: the daily pass (in-app and .eml, exactly once), the events (evaluation
// published, objection filed, complaint answered), mark read, and nobody else's inbox.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchPut } from '../../functions/data/batch.js';
import * as keys from '../../functions/data/keys.js';
import type { Officer } from '../../functions/data/org-repository.js';
import { addMonths } from '../../functions/domain/periods.js';
import { drainOutbox, sendEmail } from '../../functions/notifications/outbox.js';
import { ddb } from '../../functions/data/client.js';
import { createOnce } from '../../functions/notifications/repository.js';
import { startHarness, type Harness } from './harness.js';
import { runPass } from './notification-runs.js';

const OUTBOX = mkdtempSync(join(tmpdir(), 'kinerja-outbox-test-'));
process.env.OUTBOX_DIR = OUTBOX;
const T = 'serang';
let h: Harness;
let serang: Officer[];
let me: Officer;

/** A day in the last month whose report reminder window is open (days 2–5 with the default due day 5). */
function reminderDay(): { day: string; month: string } {
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' });
  const d = Number(today.slice(8, 10));
  const month = d >= 2 ? today.slice(0, 7) : addMonths(today.slice(0, 7), -1);
  const day = d >= 2 && d <= 5 ? today : `${month}-02`;
  return { day, month: addMonths(month, -1) };
}

const emls = () => readdirSync(OUTBOX).filter((f) => f.endsWith('.eml')).map((f) => readFileSync(join(OUTBOX, f), 'utf8'));
const bodyOf = (eml: string) => Buffer.from(eml.split('\r\n\r\n')[1]!.replace(/\r\n/g, ''), 'base64').toString('utf8');
const inbox = async (as: string) => (await h.call('GET', '/v1/me/notifications', { as })).body;

beforeAll(async () => {
  h = await startHarness();
  serang = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers;
  me = (await h.call('GET', '/v1/me', { as: 'serang.pegawai' })).body.officer;
  expect((await h.call('PATCH', `/v1/officers/${me.id}`, { as: 'serang.admin', body: { email: 'pegawai.serang@example.id' } })).status).toBe(200);
}, 240_000);
afterAll(async () => { await h?.close(); });

describe('the daily pass', () => {
  it('tells officers without a report that it is due, in-app and by e-mail, and only once', async () => {
    const { day, month } = reminderDay();
    // A colleague in the same agency who has reported (the first-submission marker the stream writes).
    const reported = serang.find((o) => o.agencyId === me.agencyId && o.id !== me.id)!;
    await batchPut([{ ...keys.reportCounted(T, reported.id, month), type: 'reportCounted', tenant: T, officerId: reported.id, agencyId: reported.agencyId, period: month, GSI1PK: keys.reportedInMonth(T, month), GSI1SK: keys.reportedSort(reported.agencyId, reported.id) }]);

    const first = (await runPass(h, { day })).run;
    expect(first.status).toBe('done');
    expect(first.created.report_due).toBeGreaterThan(1);

    const mine = await inbox('serang.pegawai');
    const due = mine.items.filter((n: any) => n.kind === 'report_due');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ read: false });
    expect(due[0].title).toContain(month);
    expect(due[0].title).toContain('(EN)');
    expect(mine.unread).toBeGreaterThanOrEqual(1);
    expect((await inbox(reported.nip)).items.filter((n: any) => n.kind === 'report_due')).toEqual([]);

    // The e-mail PATCH above also invites the officer to an account (in the background): only the reminders count here.
    const mails = emls().filter((m) => /^To: pegawai\.serang@example\.id$/m.test(m) && /^Subject: Laporan kinerja /m.test(m));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    expect(mails[0]).toMatch(/^Content-Transfer-Encoding: base64$/m);
    expect(mails[0]).toMatch(/^Message-ID: <.+>$/m);
    expect(bodyOf(mails[0]!)).toContain(`periode ${month}`);
    expect(bodyOf(mails[0]!)).not.toMatch(/\d{18}/); // no NIP in a message
    // The seeded officers have addresses too (the demo's outbox shows the pass's e-mails on npm start).
    expect(emls().some((m) => /^To: [^@\s]+@serang\.kinerja\.example$/m.test(m) && /^Subject: Laporan kinerja /m.test(m))).toBe(true);

    const reminders = () => emls().filter((m) => /^Subject: Laporan kinerja /m.test(m)).length;
    const files = reminders();
    const again = (await runPass(h, { day })).run;
    expect(again.status).toBe('done');
    expect(again.total).toBe(0);
    expect(reminders()).toBe(files);
    expect((await inbox('serang.pegawai')).items.filter((n: any) => n.kind === 'report_due')).toHaveLength(1);
  });

  it('is for the BKPSDM only, and takes no day in the future', async () => {
    expect((await h.call('POST', '/v1/notifications/runs', { as: 'serang.opd', body: {} })).status).toBe(403);
    const bad = await h.call('POST', '/v1/notifications/runs', { as: 'serang.admin', body: { day: '2999-01-01' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('day');
    expect((await h.call('POST', '/v1/notifications/runs', { as: 'serang.admin', body: { dag: '2025-01-01' } })).status).toBe(400);
  });
});

describe('reading and marking', () => {
  it('marks one read, then all; another user neither sees nor marks them', async () => {
    const before = await inbox('serang.pegawai');
    const target = before.items.find((n: any) => !n.read);
    expect(target).toBeTruthy();
    const other = await inbox('serang.atasan');
    expect(other.items.map((n: any) => n.id)).not.toContain(target.id);
    expect((await h.call('POST', '/v1/me/notifications/read', { as: 'serang.atasan', body: { ids: [target.id] } })).status).toBe(404);
    expect((await inbox('serang.pegawai')).items.find((n: any) => n.id === target.id).read).toBe(false);

    const one = await h.call('POST', '/v1/me/notifications/read', { as: 'serang.pegawai', body: { ids: [target.id] } });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ marked: 1, unread: before.unread - 1 });
    expect((await h.call('POST', '/v1/me/notifications/read', { as: 'serang.pegawai', body: { ids: [target.id] } })).body.marked).toBe(0);
    const all = await h.call('POST', '/v1/me/notifications/read', { as: 'serang.pegawai', body: { all: true } });
    expect(all.body.unread).toBe(0);
    expect((await inbox('serang.pegawai')).items.every((n: any) => n.read)).toBe(true);
    expect((await h.call('POST', '/v1/me/notifications/read', { as: 'serang.pegawai', body: { all: true, ids: [] } })).status).toBe(400);
  });

  it('reads the same whatever the inbox holds: a page of each inbox and one counter read for the unread count', async () => {
    const officer = serang.find((o) => o.id !== me.id && o.supervisorId)!;
    const reads = async () => {
      const items: number[] = [];
      ddb().middlewareStack.add((next, context) => async (args) => {
        const out = await next(args);
        const o = out.output as { ScannedCount?: number; Responses?: Record<string, unknown[]>; Item?: unknown };
        items.push(context.commandName === 'QueryCommand' ? o.ScannedCount ?? 0 : Object.values(o.Responses ?? {}).flat().length + (o.Item ? 1 : 0));
        return out;
      }, { step: 'initialize', name: 'countInboxReads' });
      try {
        const res = await h.call('GET', '/v1/me/notifications?limit=5', { as: officer.nip });
        expect(res.status).toBe(200);
        return { unread: res.body.unread as number, read: items.reduce((s, n) => s + n, 0) };
      } finally { ddb().middlewareStack.remove('countInboxReads'); }
    };
    const add = async (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        const createdAt = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
        await createOnce({ id: `counted${officer.id}${i}`, tenant: T, recipient: `OFFICER#${officer.id}`, kind: 'report_due', title: `t${i}`, body: '', createdAt, read: false }, undefined);
      }
    };
    const base = (await reads()).unread; // what the daily pass above may have told this officer
    await add(0, 6);
    const few = await reads();
    expect(few.unread).toBe(base + 6);
    await add(6, 60);
    const many = await reads();
    expect(many.unread).toBe(base + 66);
    expect(many.read).toBe(few.read); // before the counter, the unread count read every unread key (6 → 66)
    const page = (await h.call('GET', '/v1/me/notifications?limit=5', { as: officer.nip })).body;
    const marked = await h.call('POST', '/v1/me/notifications/read', { as: officer.nip, body: { ids: page.items.slice(0, 2).map((n: any) => n.id) } });
    expect(marked.body).toEqual({ marked: 2, unread: base + 64 });
    expect((await h.call('POST', '/v1/me/notifications/read', { as: officer.nip, body: { ids: [page.items[0].id] } })).body).toEqual({ marked: 0, unread: base + 64 });
    expect((await h.call('POST', '/v1/me/notifications/read', { as: officer.nip, body: { all: true } })).body).toEqual({ marked: base + 64, unread: 0 });
  });

});

describe('events', () => {
  it('a published evaluation tells the officer the predikat and the objection deadline; an objection reaches its decider', async () => {
    const start = await h.call('POST', '/v1/evaluations/runs', { as: 'serang.admin', body: { period: '2025-10' } });
    expect(start.status).toBe(202);
    let run: any;
    for (let i = 0; i < 600; i++) {
      run = (await h.call('GET', `/v1/evaluations/runs/${start.body.id}`, { as: 'serang.admin' })).body;
      if (run.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(run.status).toBe('done');
    await h.drain();
    const published = (await inbox('serang.pegawai')).items.filter((n: any) => n.kind === 'evaluation_published');
    expect(published).toHaveLength(1);
    const deadline = new Date(Date.parse(run.endedAt) + 14 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' });
    expect(published[0].body).toContain(deadline);
    expect(published[0].title).toContain('2025-10');
    expect(emls().some((m) => /^To: pegawai\.serang@example\.id$/m.test(m) && bodyOf(m).includes(deadline))).toBe(true);

    const filed = await h.call('POST', `/v1/evaluations/${me.id}.2025-10/objections`, { as: 'serang.pegawai', body: { reason: 'Laporan bulan ini sudah saya kirim tepat waktu.' } });
    expect(filed.status).toBe(201);
    await h.drain();
    const decider = filed.body.deciderId ? serang.find((o) => o.id === filed.body.deciderId)!.nip : 'serang.admin';
    const pending = (await inbox(decider)).items.filter((n: any) => n.kind === 'objection_pending');
    expect(pending).toHaveLength(1);
    expect(pending[0].body).toContain('2025-10');
    expect(pending[0].body).not.toContain(me.nip);

    // The decision (amend or uphold) reaches the officer, once, even when the stream delivers it again.
    const decided = await h.call('POST', `/v1/objections/${filed.body.id}/decision`, { as: decider, body: { decision: 'amend', amendedPredikat: 'BAIK', note: 'Bukti pengiriman laporan tepat waktu diterima.' } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    await h.drain();
    const outcome = (await inbox('serang.pegawai')).items.filter((n: any) => n.kind === 'objection_decided');
    expect(outcome).toHaveLength(1);
    expect(outcome[0].title).toContain('dikabulkan');
    expect(outcome[0].body).toContain('BAIK');
    expect(outcome[0].body).toContain('(EN)');
    expect(outcome[0].body).not.toContain('Bukti pengiriman'); // the decider's note stays on the evaluation
    expect(emls().filter((m) => /^To: pegawai\.serang@example\.id$/m.test(m) && /^Subject: Keberatan Anda dikabulkan/m.test(m))).toHaveLength(1);
    expect((await inbox(decider)).items.filter((n: any) => n.kind === 'objection_decided')).toEqual([]);
  }, 120_000);

  it('an answered complaint with a contact e-mail writes an .eml to the citizen that names no officer', async () => {
    const filed = await h.call('POST', '/v1/public/complaints', {
      body: { tenant: T, unitId: me.unitId ?? 'dinkes-u1', officerId: me.id, category: 'waktu', description: 'Antrean layanan lebih dari tiga jam tanpa kejelasan.', contact: 'warga.notif@example.id' },
      headers: { 'x-forwarded-for': '10.33.0.1' },
    });
    expect(filed.status).toBe(201);
    const list = await h.call('GET', '/v1/complaints?status=received', { as: 'serang.admin' });
    const c = list.body.items.find((x: any) => x.code === filed.body.code);
    expect((await h.call('PATCH', `/v1/complaints/${c.id}`, { as: 'serang.admin', body: { status: 'verified' } })).status).toBe(200);
    const answer = { status: 'answered', answer: 'Loket tambahan dibuka mulai pekan depan.', cause: 'waktu', substantiated: false };
    expect((await h.call('PATCH', `/v1/complaints/${c.id}`, { as: 'serang.admin', body: answer })).status).toBe(200);
    await h.drain();
    const mails = emls().filter((m) => /^To: warga\.notif@example\.id$/m.test(m));
    expect(mails).toHaveLength(1);
    const text = bodyOf(mails[0]!);
    expect(text).toContain(filed.body.code);
    expect(text).toContain('Loket tambahan dibuka');
    expect(text).not.toContain(me.name);
    expect(text).not.toContain(me.nip);
  }, 60_000);
});

describe('the e-mail outbox', () => {
  it('a queued e-mail (as the routes and the stream leave it in AWS) is sent once by the drain', async () => {
    await createOnce({ id: 'queuedtest1', tenant: T, recipient: 'EMAIL', kind: 'email', title: 'Undangan', body: '', createdAt: new Date().toISOString(), read: false },
      { tenant: T, to: 'undangan@example.id', subject: 'Undangan akun Kinerja ASN', text: 'Halo, akun Anda sudah dibuat.' });
    expect(await drainOutbox(T)).toBe(1);
    expect(await drainOutbox(T)).toBe(0);
    expect(emls().filter((m) => /^To: undangan@example\.id$/m.test(m))).toHaveLength(1);
  });

  it('sendEmail sends at once where the function has a port, and never twice for one id', async () => {
    await sendEmail({ tenant: T, to: 'akun.baru@example.id', subject: 'Akun Kinerja ASN', text: 'Selamat datang.', id: 'invite1' });
    await sendEmail({ tenant: T, to: 'akun.baru@example.id', subject: 'Akun Kinerja ASN', text: 'Selamat datang.', id: 'invite1' }).catch(() => undefined);
    expect(emls().filter((m) => /^To: akun\.baru@example\.id$/m.test(m))).toHaveLength(1);
  });
});

describe('paging', () => {
  it('pages newest first with a cursor', async () => {
    // The pegawai has the report reminder, the evaluation notice and more by now: page them one at a time.
    const all = (await inbox('serang.pegawai')).items;
    expect(all.length).toBeGreaterThan(1);
    const seen: any[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: any = (await h.call('GET', `/v1/me/notifications?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { as: 'serang.pegawai' })).body;
      seen.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen.map((n) => n.id)).toEqual(all.map((n: any) => n.id));
    expect(seen.map((n) => n.createdAt)).toEqual([...seen.map((n) => n.createdAt)].sort().reverse());
    expect((await h.call('GET', '/v1/me/notifications?cursor=bm90LWEtY3Vyc29y', { as: 'serang.admin' })).status).toBe(400);
  });
});

// Forum and SKM follow-up actions (free-text owners) due within 3 days or overdue reach the admins of their
// agency through the daily pass, exactly once, read from the open-action index that the action's own writes
// keep; and the pass started through the API runs in the background: 202, progress, done, one at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchPut } from '../../functions/data/batch.js';
import * as keys from '../../functions/data/keys.js';
import { openActions } from '../../functions/domain/action-items.js';
import { dayOf } from '../../functions/domain/periods.js';
import { addDays } from '../../functions/domain/reminders.js';
import { followUpId, insertFollowUp } from '../../functions/surveys/follow-up-repository.js';
import { startHarness, type Harness } from './harness.js';
import { followRun, runPass } from './notification-runs.js';

const T = 'serang';
let h: Harness;
let agencyId: string;
let today: string;

const notices = async (as: string, title: string) =>
  (await h.call('GET', '/v1/me/notifications?limit=100', { as })).body.items.filter((n: any) => n.title.includes(title));
const kinds = async (as: string, title: string) => (await notices(as, title)).map((n: any) => n.kind);

beforeAll(async () => {
  h = await startHarness();
  today = dayOf(new Date(), 'Asia/Jakarta');
  agencyId = (await h.call('GET', '/v1/dev/users')).body.users.find((u: any) => u.username === 'serang.opd').agencyId;
}, 240_000);
afterAll(async () => { await h?.close(); });

describe('forum and SKM follow-up actions', () => {
  let forumId: string;
  const unitOf = () => h.seeded.tenants.find((t) => t.tenant.id === T)!.units.find((u) => u.agencyId === agencyId)!;

  it('due in 3 days or overdue: the agency\'s admins hear of each once; done, far off or another inbox: nothing', async () => {
    const forum = await h.call('POST', '/v1/forums', {
      as: 'serang.opd',
      body: {
        agencyId, date: addDays(today, -20), place: 'Aula uji notifikasi', participants: { citizens: 12, officers: 3 },
        minutes: 'Forum uji untuk pemberitahuan rencana aksi kepada admin perangkat daerah.', issues: [],
        actions: [
          { title: 'Uji forum terlambat', owner: 'Kepala Seksi Budi Santoso', due: addDays(today, -3) },
          { title: 'Uji forum jatuh tempo', owner: 'Sekretariat', due: addDays(today, 2) },
          { title: 'Uji forum masih jauh', owner: 'Sekretariat', due: addDays(today, 10) },
          { title: 'Uji forum selesai', owner: 'Sekretariat', due: addDays(today, 1) },
        ],
      },
    });
    expect(forum.status).toBe(201);
    forumId = forum.body.id;
    expect((await h.call('PATCH', `/v1/forums/${forumId}/actions/a4`, { as: 'serang.opd', body: { status: 'done' } })).status).toBe(200);

    const unit = unitOf();
    await insertFollowUp({
      id: followUpId(unit.id, '2025-Q1'), tenant: T, unitId: unit.id, unitName: unit.name, agencyId, period: '2025-Q1',
      elements: [{ key: 'u3', nrr: 2.9 }], ikm: 74.2, respondents: 120,
      actions: openActions([{ title: 'Uji SKM hari ini', owner: 'Koordinator Pelayanan', due: today }, { title: 'Uji SKM selesai', owner: 'Koordinator', due: addDays(today, -1) }]),
      version: 1, createdAt: new Date().toISOString(), createdBy: 'test',
    });
    expect((await h.call('PATCH', `/v1/ikm/follow-ups/${followUpId(unit.id, '2025-Q1')}`, { as: 'serang.opd', body: { actionId: 'a2', status: 'done' } })).status).toBe(200);

    const { run } = await runPass(h);
    expect(run.status).toBe('done');
    expect(run.created.action_overdue).toBeGreaterThanOrEqual(1);
    expect(run.created.action_due).toBeGreaterThanOrEqual(2);

    expect(await kinds('serang.opd', 'Uji forum terlambat')).toEqual(['action_overdue']);
    expect(await kinds('serang.opd', 'Uji forum jatuh tempo')).toEqual(['action_due']);
    expect(await kinds('serang.opd', 'Uji SKM hari ini')).toEqual(['action_due']);
    for (const quiet of ['Uji forum masih jauh', 'Uji forum selesai', 'Uji SKM selesai']) expect(await kinds('serang.opd', quiet)).toEqual([]);
    // The agency's shared admin inbox, not the region admin's, nor an officer's.
    expect(await kinds('serang.admin', 'Uji forum')).toEqual([]);
    expect(await kinds('serang.pegawai', 'Uji forum')).toEqual([]);

    const [overdue] = await notices('serang.opd', 'Uji forum terlambat');
    expect(overdue).toMatchObject({ shared: true, link: '/forum', read: false });
    expect(overdue.body).toContain(addDays(today, -3));
    expect(overdue.body).toContain('forum konsultasi publik');
    expect(overdue.body).toContain('(EN) The public forum action');
    expect(overdue.body).not.toContain('Budi Santoso'); // the free-text owner may name a person: never in a message
    const [skm] = await notices('serang.opd', 'Uji SKM hari ini');
    expect(skm.body).toContain(unit.name);
    expect(skm.body).toContain('tindak lanjut SKM');
  }, 120_000);

  it('a second pass of the same day creates nothing new; a reopened action comes back, once', async () => {
    const again = (await runPass(h)).run;
    expect(again.created.action_due ?? 0).toBe(0);
    expect(again.created.action_overdue ?? 0).toBe(0);
    expect(await kinds('serang.opd', 'Uji forum jatuh tempo')).toEqual(['action_due']);

    expect((await h.call('PATCH', `/v1/forums/${forumId}/actions/a4`, { as: 'serang.opd', body: { status: 'open' } })).status).toBe(200);
    expect((await runPass(h)).run.created.action_due).toBe(1);
    expect((await runPass(h)).run.total).toBe(0);
    expect(await kinds('serang.opd', 'Uji forum selesai')).toEqual(['action_due']);
    // Done again: it leaves the index, so no later pass names it (its overdue notice would come on the day after its due day).
    expect((await h.call('PATCH', `/v1/forums/${forumId}/actions/a4`, { as: 'serang.opd', body: { status: 'done' } })).status).toBe(200);
    const { items } = await (await import('../../functions/data/open-actions.js')).pageOpenActionsDue(T, addDays(today, 40), { limit: 100 });
    expect(items.filter((i) => i.itemId === forumId).map((i) => i.actionId).sort()).toEqual(['a1', 'a2', 'a3']);
  }, 120_000);
});

describe('the pass on demand runs in the background', () => {
  it('answers 202 with the run, whose progress the caller follows to done', async () => {
    const { run, seen } = await runPass(h, { day: addDays(today, -1) });
    expect(run).toMatchObject({ tenant: T, day: addDays(today, -1), status: 'done', stepsDone: 5, stepsTotal: 5, step: 'actions' });
    expect(run.startedAt >= run.createdAt).toBe(true);
    expect(run.endedAt >= run.startedAt).toBe(true);
    expect(typeof run.sent).toBe('number');
    expect(seen.at(-1)).toBe('done:5');
  }, 60_000);

  it('refuses a second run of the city while one is queued or running (409), and not after it ended', async () => {
    const both = await Promise.all([0, 1].map(() => h.call('POST', '/v1/notifications/runs', { as: 'serang.admin', body: {} })));
    expect(both.map((r) => r.status).sort()).toEqual([202, 409]);
    const refused = both.find((r) => r.status === 409)!;
    const started = both.find((r) => r.status === 202)!;
    expect(refused.body.error.code).toBe('CONFLICT');
    expect(refused.body.error.details[0].message).toContain(started.body.id);
    expect((await followRun(h, started.body.id)).run.status).toBe('done');
    expect((await runPass(h)).run.status).toBe('done');
  }, 60_000);

  it('a lease left by a run that never ended expires: the next run starts', async () => {
    await batchPut([{ ...keys.notificationRunLease(T), type: 'notificationRunLease', runId: 'ntr_0000000000000000', until: Date.now() - 1 }]);
    expect((await runPass(h)).run.status).toBe('done');
  }, 60_000);

  it('a run is the BKPSDM\'s to follow; an unknown or malformed id is not found', async () => {
    const { run } = await runPass(h);
    expect((await h.call('GET', `/v1/notifications/runs/${run.id}`, { as: 'serang.opd' })).status).toBe(403);
    expect((await h.call('GET', '/v1/notifications/runs/ntr_ffffffffffffffff', { as: 'serang.admin' })).status).toBe(404);
    for (const bad of ['x', '..%2F..', 'ntr_%00', `${run.id}%20`, 'a'.repeat(300)]) {
      const res = await h.call('GET', `/v1/notifications/runs/${bad}`, { as: 'serang.admin' });
      expect(res.status, bad).toBe(404);
      expect(res.body.error.code).toBeTruthy();
    }
  }, 60_000);
});

// Accounts follow the officer data, in the background (DESIGN §5): an import with an `email` column
// answers at once with a provisioning job; the account worker (through the local queue, as SQS in
// AWS) creates the accounts and sends each an invitation (the local outbox) while the job counts
// done and failed; re-importing changes nothing; one account that fails is counted and the others
// still succeed; a status that ends sign-in disables the account (and the provider refuses it).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => { h = await startHarness({ stream: false }); });
afterAll(async () => { await h?.close(); });
afterEach(() => { delete process.env.LOCAL_ACCOUNT_FAULTS; });

const outbox = () => (existsSync(process.env.OUTBOX_DIR!) ? readdirSync(process.env.OUTBOX_DIR!).filter((f) => f.endsWith('.eml')) : []);
const ledger = async (nip: string) => (await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.account('serang', nip) }))).Item;
const send = (raw: string) => h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw, headers: { 'content-type': 'text/csv' } });

/** Polls the job as the admin would (the screen every 2 s; here every 100 ms) until it is done. */
async function finished(jobId: string, as = 'serang.admin') {
  for (let i = 0; i < 200; i++) {
    const res = await h.call('GET', `/v1/account-jobs/${jobId}`, { as });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    if (res.body.status === 'done') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} still running`);
}

function csvOf(from: number, count: number, status?: (i: number) => string) {
  const officers = h.seeded.tenants.find((t) => t.tenant.id === 'serang')!.officers;
  const byId = new Map(officers.map((o) => [o.id, o]));
  const pick = officers.filter((o) => o.supervisorId).slice(from, from + count);
  const csv = (s = status) => ['nip,name,position,grade,agencyId,unitId,supervisorNip,email,status',
    ...pick.map((o, i) => [o.nip, `"${o.name}"`, `"${o.position}"`, o.grade, o.agencyId, o.unitId ?? '', byId.get(o.supervisorId!)!.nip, `pegawai${from + i}@serangkota.go.id`, s?.(i) ?? 'aktif'].join(','))].join('\n');
  return { pick, csv };
}

describe('accounts from the officer import, in the background', () => {
  it('answers with a job whose progress reaches done; invites once; a status that ends service disables the account', async () => {
    const { pick, csv } = csvOf(10, 3);
    const before = outbox().length;
    const first = await send(csv());
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ total: 3, accountJobId: expect.stringMatching(/^acj_[0-9a-f]{16}$/) });
    expect(await finished(first.body.accountJobId)).toEqual({ id: first.body.accountJobId, status: 'done', total: 3, done: 3, failed: 0, createdAt: expect.any(String) });
    const invitations = outbox().slice(before);
    expect(invitations).toHaveLength(3);
    const mail = readFileSync(join(process.env.OUTBOX_DIR!, invitations[0]), 'utf8');
    expect(mail).toMatch(/To: pegawai\d+@serangkota\.go\.id/);
    expect(mail).toContain('Subject: Undangan Kinerja ASN');
    for (const o of pick) expect(await ledger(o.nip)).toMatchObject({ enabled: true });

    // The same file again: a job with nothing to do, no new account, no new invitation.
    const again = await send(csv());
    expect(again.status).toBe(200);
    expect(await finished(again.body.accountJobId)).toMatchObject({ status: 'done', total: 0, done: 0, failed: 0 });
    expect(outbox()).toHaveLength(before + 3);

    // pensiun ends sign-in: the account is disabled, the provider refuses, the API refuses the old token.
    const token = await h.token(pick[0].nip);
    const retired = await send(csv((i) => (i === 0 ? 'pensiun' : 'aktif')));
    expect(retired.status).toBe(200);
    expect(await finished(retired.body.accountJobId)).toMatchObject({ status: 'done', total: 1, done: 1, failed: 0 });
    expect(await ledger(pick[0].nip)).toMatchObject({ enabled: false });
    expect(await ledger(pick[1].nip)).toMatchObject({ enabled: true });
    expect((await h.call('GET', '/v1/me', { token })).status).toBe(401);
    expect((await fetch(`${h.base}/v1/dev/token`, { method: 'POST', body: JSON.stringify({ username: pick[0].nip }) })).status).toBe(403);
  });

  it('counts an account that fails as failed while the others succeed; the next import retries it', async () => {
    const { pick, csv } = csvOf(20, 12); // two batches of the worker (ten a message)
    process.env.LOCAL_ACCOUNT_FAULTS = pick[4].nip;
    const before = outbox().length;
    const res = await send(csv());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await finished(res.body.accountJobId)).toMatchObject({ status: 'done', total: 12, done: 11, failed: 1 });
    expect(outbox()).toHaveLength(before + 11);
    expect(await ledger(pick[4].nip)).toBeUndefined();
    expect(await ledger(pick[5].nip)).toMatchObject({ enabled: true });

    delete process.env.LOCAL_ACCOUNT_FAULTS;
    const retry = await send(csv());
    expect(await finished(retry.body.accountJobId)).toMatchObject({ status: 'done', total: 1, done: 1, failed: 0 });
    expect(outbox()).toHaveLength(before + 12);
  });

  it('shows a job to its own region_admin only', async () => {
    const res = await send(csvOf(40, 1).csv());
    const id = res.body.accountJobId;
    await finished(id);
    expect((await h.call('GET', `/v1/account-jobs/${id}`, { as: 'banjarbaru.admin' })).status).toBe(404);
    expect((await h.call('GET', `/v1/account-jobs/${id}`, { as: 'serang.pegawai' })).status).toBe(403);
    expect((await h.call('GET', '/v1/account-jobs/not-a-job', { as: 'serang.admin' })).status).toBe(404);
  });
});

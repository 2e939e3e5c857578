// Accounts follow the officer data: an import with an `email` column creates accounts and sends each
// an invitation (the local outbox), re-importing changes nothing, and a status that ends sign-in
// disables the account (and the local provider refuses the sign-in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../../functions/data/client.js';
import { keys } from '../../functions/data/keys.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => { h = await startHarness({ stream: false }); });
afterAll(async () => { await h?.close(); });

const outbox = () => (existsSync(process.env.OUTBOX_DIR!) ? readdirSync(process.env.OUTBOX_DIR!).filter((f) => f.endsWith('.eml')) : []);
const ledger = async (nip: string) => (await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.account('serang', nip) }))).Item;

describe('accounts from the officer import', () => {
  it('creates and invites officers with an e-mail, once; a status that ends service disables the account', async () => {
    const officers = h.seeded.tenants.find((t) => t.tenant.id === 'serang')!.officers;
    const byId = new Map(officers.map((o) => [o.id, o]));
    const pick = officers.filter((o) => o.supervisorId).slice(10, 13);
    const csv = (status?: string) => ['nip,name,position,grade,agencyId,unitId,supervisorNip,email,status',
      ...pick.map((o, i) => [o.nip, `"${o.name}"`, `"${o.position}"`, o.grade, o.agencyId, o.unitId ?? '', byId.get(o.supervisorId!)!.nip, `pegawai${i}@serangkota.go.id`, i === 0 && status ? status : 'aktif'].join(','))].join('\n');
    const send = (raw: string) => h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw, headers: { 'content-type': 'text/csv' } });

    const before = outbox().length;
    const first = await send(csv());
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const invitations = outbox().slice(before);
    expect(invitations).toHaveLength(3);
    const mail = readFileSync(join(process.env.OUTBOX_DIR!, invitations[0]), 'utf8');
    expect(mail).toMatch(/To: pegawai\d@serangkota\.go\.id/);
    expect(mail).toContain('Subject: Undangan Kinerja ASN');
    for (const o of pick) expect(await ledger(o.nip)).toMatchObject({ enabled: true });

    // The same file again: no new account, no new invitation.
    expect((await send(csv())).status).toBe(200);
    expect(outbox()).toHaveLength(before + 3);

    // pensiun ends sign-in: the account is disabled, the provider refuses, the API refuses the old token.
    const token = await h.token(pick[0].nip);
    expect((await send(csv('pensiun'))).status).toBe(200);
    expect(await ledger(pick[0].nip)).toMatchObject({ enabled: false });
    expect(await ledger(pick[1].nip)).toMatchObject({ enabled: true });
    expect((await h.call('GET', '/v1/me', { token })).status).toBe(401);
    expect((await fetch(`${h.base}/v1/dev/token`, { method: 'POST', body: JSON.stringify({ username: pick[0].nip }) })).status).toBe(403);
  });
});

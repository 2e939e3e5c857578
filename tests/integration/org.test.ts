// Org endpoints against DynamoDB Local: tenant isolation, visibility, and the all-or-nothing CSV import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { GSI1 } from '../../functions/data/table.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => { h = await startHarness({ stream: false }); });
afterAll(async () => { await h?.close(); });

const tenantOf = (id: string) => h.seeded.tenants.find((t) => t.tenant.id === id)!;
const officersOfAgency = async (tenant: string, agencyId: string) =>
  (await ddb().send(new QueryCommand({ TableName: h.tableName, IndexName: GSI1, KeyConditionExpression: 'GSI1PK = :p', ExpressionAttributeValues: { ':p': keys.officersOfAgency(tenant, agencyId) } }))).Items ?? [];

describe('health and sign-in', () => {
  it('answers health without a token and refuses the API without one', async () => {
    expect(await h.call('GET', '/v1/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const res = await h.call('GET', '/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  it('lists demo users of every role for every tenant plus a national user', async () => {
    const { body } = await h.call('GET', '/v1/dev/users');
    for (const t of ['banjarbaru', 'serang', 'tanjung-selor', 'mulyorejo']) {
      const roles = new Set(body.users.filter((u: any) => u.tenant === t).flatMap((u: any) => u.roles));
      expect([...roles].sort()).toEqual(['agency_admin', 'inspector', 'leader', 'officer', 'region_admin', 'supervisor']);
    }
    expect(body.users.some((u: any) => u.roles.includes('national'))).toBe(true);
  });

  it('signs in a seeded officer by NIP', async () => {
    const officer = tenantOf('mulyorejo').officers[10];
    const me = await h.call('GET', '/v1/me', { as: officer.nip });
    expect(me.status).toBe(200);
    expect(me.body.officer).toMatchObject({ id: officer.id, nip: officer.nip, agencyId: officer.agencyId });
    expect(me.body.tenant.id).toBe('mulyorejo');
  });
});

describe('tenant isolation', () => {
  it('a Serang token reads Serang agencies and is refused Banjarbaru', async () => {
    const own = await h.call('GET', '/v1/agencies', { as: 'serang.pimpinan' });
    expect(own.status).toBe(200);
    expect(own.body.agencies.map((a: any) => a.id).sort()).toEqual(tenantOf('serang').agencies.map((a) => a.id).sort());
    expect(own.body.agencies.find((a: any) => a.id === 'dinkes').units.length).toBeGreaterThan(0);
    expect((await h.call('GET', '/v1/agencies?tenant=banjarbaru', { as: 'serang.pimpinan' })).status).toBe(403);
  });

  it('a Serang token gets 404 for every Banjarbaru officer, even as region_admin', async () => {
    for (const officer of tenantOf('banjarbaru').officers.slice(0, 25)) {
      const res = await h.call('GET', `/v1/officers/${officer.id}`, { as: 'serang.admin' });
      expect(res.status).toBe(404);
    }
  });

  it('a Serang region_admin listing an agency id that Banjarbaru also has sees only Serang officers', async () => {
    const res = await h.call('GET', '/v1/officers?agencyId=dinkes', { as: 'serang.admin' });
    const serangIds = new Set(tenantOf('serang').officers.map((o) => o.id));
    expect(res.status).toBe(200);
    expect(res.body.officers.length).toBeGreaterThan(5);
    expect(res.body.officers.every((o: any) => serangIds.has(o.id))).toBe(true);
  });

  it('the national role reads the tenant list and agencies by name but no officer', async () => {
    expect((await h.call('GET', '/v1/tenants', { as: 'nasional' })).body.tenants).toHaveLength(4);
    expect((await h.call('GET', '/v1/agencies?tenant=serang', { as: 'nasional' })).status).toBe(200);
    expect((await h.call('GET', '/v1/officers?agencyId=dinkes', { as: 'nasional' })).status).toBe(403);
  });
});

describe('visibility inside a tenant', () => {
  it('an officer cannot list another agency nor read a colleague', async () => {
    expect((await h.call('GET', '/v1/officers?agencyId=pupr', { as: 'serang.pegawai' })).status).toBe(403);
    const me = (await h.call('GET', '/v1/me', { as: 'serang.pegawai' })).body.officer;
    const colleague = tenantOf('serang').officers.find((o) => o.agencyId === me.agencyId && o.id !== me.id)!;
    expect((await h.call('GET', `/v1/officers/${colleague.id}`, { as: 'serang.pegawai' })).status).toBe(403);
    expect((await h.call('GET', `/v1/officers/${me.id}`, { as: 'serang.pegawai' })).status).toBe(200);
  });

  it('a supervisor sees subordinates two levels down but not a peer', async () => {
    const serang = tenantOf('serang');
    const head = serang.officers.find((o) => o.agencyId === 'dinkes' && o.supervisorId === null)!;
    const kabid = serang.officers.find((o) => o.supervisorId === head.id && o.position.startsWith('Kepala Bidang'))!;
    const grandchild = serang.officers.find((o) => serang.officers.some((m) => m.supervisorId === kabid.id && o.supervisorId === m.id))!;
    const peer = serang.officers.find((o) => o.supervisorId === head.id && o.id !== kabid.id)!;
    expect((await h.call('GET', `/v1/officers/${grandchild.id}`, { as: kabid.nip })).status).toBe(200);
    expect((await h.call('GET', `/v1/officers/${peer.id}`, { as: kabid.nip })).status).toBe(403);
    const list = await h.call('GET', '/v1/officers', { as: kabid.nip });
    expect(list.body.officers.map((o: any) => o.id)).toContain(grandchild.id);
    expect(list.body.officers.map((o: any) => o.id)).not.toContain(peer.id);
  });
});

describe('officer CSV import', () => {
  const header = 'nip,name,position,grade,agencyId,unitId,supervisorNip';

  it('refuses a file with one bad line, naming line and field, and writes nothing', async () => {
    const before = await officersOfAgency('serang', 'pupr');
    const csv = [header, '199001012015031001,Andi Baru,Analis,III/a,pupr,,', '199001012015031002,Budi Baru,Analis,III/z,pupr,,', '12345,Cici,Analis,III/a,pupr,,'].join('\n');
    const res = await h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'line 3: grade' }),
      expect.objectContaining({ field: 'line 4: nip' }),
    ]));
    expect(await officersOfAgency('serang', 'pupr')).toHaveLength(before.length);
  });

  it('imports new officers with supervisors resolved from the file and the table, then updates by NIP', async () => {
    const serang = tenantOf('serang');
    const existingBoss = serang.officers.find((o) => o.agencyId === 'pupr' && o.supervisorId === null)!;
    const csv = [header,
      `199202022016041001,"Dedi Baru, S.T.",Kepala Seksi,III/d,pupr,,${existingBoss.nip}`,
      '199303032017051002,Eka Baru,Teknik Jalan dan Jembatan,III/a,pupr,pupr-u1,199202022016041001'].join('\r\n');
    const res = await h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(res).toMatchObject({ status: 200, body: { created: 2, updated: 0, total: 2 } });
    const list = (await h.call('GET', '/v1/officers?agencyId=pupr', { as: 'serang.admin' })).body.officers;
    const dedi = list.find((o: any) => o.nip === '199202022016041001');
    const eka = list.find((o: any) => o.nip === '199303032017051002');
    expect(dedi).toMatchObject({ name: 'Dedi Baru, S.T.', supervisorId: existingBoss.id });
    expect(eka).toMatchObject({ unitId: 'pupr-u1', supervisorId: dedi.id });

    const again = await h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw: `${header}\n199303032017051002,Eka Baru,Pengawas Konstruksi,III/b,pupr,pupr-u1,199202022016041001\n`, headers: { 'content-type': 'text/csv' } });
    expect(again.body).toEqual({ created: 0, updated: 1, total: 1, accountJobId: expect.stringMatching(/^acj_/) });
    const eka2 = (await h.call('GET', `/v1/officers/${eka.id}`, { as: 'serang.admin' })).body;
    expect(eka2).toMatchObject({ id: eka.id, position: 'Pengawas Konstruksi', grade: 'III/b' });
  });

  it('refuses a NIP of another tenant and a supervisor cycle', async () => {
    const bjbOfficer = tenantOf('banjarbaru').officers[3];
    const crossTenant = await h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw: `${header}\n${bjbOfficer.nip},X,Analis,III/a,pupr,,\n`, headers: { 'content-type': 'text/csv' } });
    expect(crossTenant.status).toBe(400);
    expect(crossTenant.body.error.details[0]).toMatchObject({ field: 'line 2: nip' });
    const cycle = await h.call('POST', '/v1/officers/import', { as: 'serang.admin', headers: { 'content-type': 'text/csv' },
      raw: `${header}\n199404042018061001,A,Analis,III/a,pupr,,199505052019071001\n199505052019071001,B,Analis,III/a,pupr,,199404042018061001\n` });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.details[0].message).toContain('loops');
  });

  it('is for region_admin only, and only as text/csv', async () => {
    expect((await h.call('POST', '/v1/officers/import', { as: 'serang.opd', raw: `${header}\n`, headers: { 'content-type': 'text/csv' } })).status).toBe(403);
    expect((await h.call('POST', '/v1/officers/import', { as: 'serang.admin', body: { nip: 1 } })).status).toBe(415);
  });
});

describe('policy audit', () => {
  it('records who changed which policy field and when; a refused change records nothing; other cities see their own', async () => {
    const { policy } = (await h.call('GET', '/v1/policy', { as: 'serang.admin' })).body;
    const before = (await h.call('GET', '/v1/policy/history', { as: 'serang.admin' })).body.items.length;
    expect((await h.call('PUT', '/v1/policy', { as: 'serang.admin', body: { ...policy, reviewDueDay: 1 } })).status).toBe(400);
    expect((await h.call('PUT', '/v1/policy', { as: 'serang.admin', body: { ...policy, lateWindowDays: policy.lateWindowDays + 2 } })).status).toBe(200);
    const history = await h.call('GET', '/v1/policy/history', { as: 'serang.pimpinan' }); // a leader reads it too
    expect(history.status).toBe(200);
    expect(history.body.items.length).toBe(before + 1);
    const admin = h.seeded.users.find((u) => u.username === 'serang.admin')!.officerId;
    expect(history.body.items[0]).toMatchObject({ by: admin, changes: [`lateWindowDays: ${policy.lateWindowDays} → ${policy.lateWindowDays + 2}`] });
    expect((await h.call('GET', '/v1/policy/history', { as: 'banjarbaru.admin' })).body.items).toEqual([]);
    expect((await h.call('GET', '/v1/policy/history', { as: 'nasional' })).status).toBe(403);
  });
});


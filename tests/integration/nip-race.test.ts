// NIP uniqueness is a conditional write: two imports that both saw a NIP as free cannot both register it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => { h = await startHarness({ stream: false }); });
afterAll(async () => { await h?.close(); });

const HEADER = 'nip,name,position,grade,agencyId,unitId,supervisorNip';
const NIP = '198807072014021003';
const csv = (name: string) => `${HEADER}\n${NIP},${name},Analis,III/b,dinkes,,\n199001012015031009,${name} Dua,Analis,III/a,dinkes,,\n`;
const post = (as: string, body: string) => h.call('POST', '/v1/officers/import', { as, raw: body, headers: { 'content-type': 'text/csv' } });

describe('NIP uniqueness under concurrent imports', () => {
  it('the import that read the NIP as free but lost the race is refused with 409, writing nothing', async () => {
    let raced = false;
    let other: Awaited<ReturnType<typeof post>> | undefined;
    // Right after Serang's import has checked the NIP index (and found the NIP free), Banjarbaru's import
    // of the same NIP runs to completion.
    ddb().middlewareStack.add((next, context) => async (args) => {
      const out = await next(args);
      if (!raced && /^BatchGet(Item)?Command$/.test(context.commandName ?? '') && JSON.stringify(args.input).includes(`NIP#${NIP}`)) {
        raced = true;
        other = await post('banjarbaru.admin', csv('Warga Banjarbaru').replace('199001012015031009', '199101012016031009'));
      }
      return out;
    }, { step: 'initialize', name: 'nipRace' });
    let res;
    try {
      res = await post('serang.admin', csv('Warga Serang'));
    } finally {
      ddb().middlewareStack.remove('nipRace');
    }
    expect(raced).toBe(true);
    expect(other!.status).toBe(200);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error.details[0].field).toBe('line 2: nip');
    const entry = (await ddb().send(new GetCommand({ TableName: h.tableName, Key: keys.nip(NIP) }))).Item!;
    expect(entry.tenant).toBe('banjarbaru');
    // All or nothing: Serang's other, uncontested officer was not registered either.
    expect((await ddb().send(new GetCommand({ TableName: h.tableName, Key: keys.nip('199001012015031009') }))).Item).toBeUndefined();
    expect((await h.call('GET', `/v1/officers?q=${NIP}`, { as: 'serang.admin' })).body.items).toEqual([]);
  });
});

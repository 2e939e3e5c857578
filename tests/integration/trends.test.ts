// Trends against DynamoDB Local: each chart is one Query over rollup items, with the right authority.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchPut } from '../../functions/data/batch.js';
import { ddb } from '../../functions/data/client.js';
import { rollupItems } from '../../functions/data/rollup-repository.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let queries = 0;
beforeAll(async () => {
  h = await startHarness({ stream: false });
  const fields = (capaianSum: number) => ({ officers: 10, submitted: 9, approved: 8, scored: 8, capaianSum, predikat_SANGAT_BAIK: 2, predikat_BAIK: 6, ikmRespondents: 2, ikm_u1: 7, ikm_u2: 7, ikm_u3: 7, ikm_u4: 7, ikm_u5: 7, ikm_u6: 7, ikm_u7: 7, ikm_u8: 7, ikm_u9: 7, trainingJp: 40 });
  await batchPut([
    ...rollupItems('serang', 'dinkes', '2025-09', fields(800)), ...rollupItems('serang', 'dinkes', '2025-10', fields(840)),
    ...rollupItems('serang', null, '2025-09', fields(800)), ...rollupItems('serang', null, '2025-10', fields(840)),
    ...rollupItems('banjarbaru', null, '2025-10', fields(720)),
  ]);
  ddb().middlewareStack.add((next, context) => async (args) => {
    if (context.commandName === 'QueryCommand') queries++;
    return next(args);
  }, { step: 'initialize', name: 'countTrendQueries' });
});
afterAll(async () => { await h?.close(); });

const get = async (as: string, qs: string) => {
  queries = 0;
  const res = await h.call('GET', `/v1/trends?${qs}`, { as });
  return { ...res, queries };
};

describe('trends', () => {
  it('tenant series for a leader in one Query: capaian, predikat, compliance, IKM, training', async () => {
    const res = await get('serang.pimpinan', 'scope=tenant&from=2025-09&to=2025-10');
    expect(res.status).toBe(200);
    expect(res.queries).toBe(1);
    expect(res.body.series).toHaveLength(2);
    expect(res.body.series[1]).toMatchObject({ period: '2025-10', avgCapaian: 105, reportCompliance: 0.9, ikm: 87.5, respondents: 2, trainingJp: 40, predikat: { SANGAT_BAIK: 2, BAIK: 6, KURANG: 0 } });
  });

  it('agency series for its admin, all agencies for the BKPSDM, each one Query', async () => {
    const agency = await get('serang.opd', 'scope=agency&id=dinkes&from=2025-09&to=2025-10');
    expect(agency).toMatchObject({ status: 200, queries: 1 });
    expect(agency.body.series.map((p: any) => p.avgCapaian)).toEqual([100, 105]);
    expect((await get('serang.opd', 'scope=agency&id=bkpsdm&from=2025-09&to=2025-10')).status).toBe(403);
    const all = await get('serang.admin', 'scope=agencies&from=2025-09&to=2025-10');
    expect(all).toMatchObject({ status: 200, queries: 1 });
    expect(all.body.groups.map((g: any) => g.id)).toEqual(['dinkes']);
  });

  it('national scope: every tenant side by side, for national readers only', async () => {
    const res = await get('nasional', 'scope=national&from=2025-10&to=2025-10');
    expect(res).toMatchObject({ status: 200, queries: 1 });
    expect(res.body.groups.map((g: any) => g.id).sort()).toEqual(['banjarbaru', 'serang']);
    expect(res.body.series[0]).toMatchObject({ period: '2025-10', avgCapaian: 97.5 });
    expect(JSON.stringify(res.body)).not.toContain('ofc_');
    expect((await get('serang.pimpinan', 'scope=national')).status).toBe(403);
    expect((await get('nasional', 'scope=tenant')).status).toBe(403);
  });

  it('refuses officers the tenant chart and bad ranges', async () => {
    expect((await get('serang.pegawai', 'scope=tenant')).status).toBe(403);
    expect((await get('serang.pimpinan', 'scope=tenant&from=2025-10&to=2025-01')).status).toBe(400);
    expect((await get('serang.pimpinan', 'scope=planet')).status).toBe(400);
    const me = (await h.call('GET', '/v1/me', { as: 'serang.pegawai' })).body.officer.id;
    expect((await get('serang.pegawai', `scope=officer&id=${me}`)).status).toBe(200);
  });
});

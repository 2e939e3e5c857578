// The organisation API (issue 13) against DynamoDB Local: agencies and units added and renamed by the
// BKPSDM and an agency's admin, audited, visible at once in GET /v1/agencies and the IKM sample check;
// organisational ratings; and the distribution curve of a real evaluation run, incl. an amended objection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchPut, queryAll } from '../../functions/data/batch.js';
import * as keys from '../../functions/data/keys.js';
import type { Officer } from '../../functions/data/org-repository.js';
import { krejcieMorganMinimum } from '../../functions/domain/ikm.js';
import { startHarness, type Harness } from './harness.js';
import { changes, NOTHING, ofTenant, snapshot } from './security/snapshot.js';

let h: Harness;
let serang: Officer[];
const T = 'serang';
const admin = { as: 'serang.admin' };

const agencies = async (as = 'serang.admin') => {
  const res = await h.call('GET', '/v1/agencies', { as });
  expect(res.status).toBe(200);
  return res.body.agencies as { id: string; name: string; shortName: string; kind: string; units: { id: string; name: string; kind: string; yearlyServiceUsers?: number }[] }[];
};
const audits = (agencyId: string) => queryAll<Record<string, any>>({
  KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.agencyAuditPartition(T, agencyId) },
});

beforeAll(async () => {
  h = await startHarness();
  serang = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers;
});
afterAll(async () => { await h?.close(); });

describe('agencies and units', () => {
  it('the BKPSDM adds an agency with an id made from its name, audited, and lists it at once', async () => {
    const res = await h.call('POST', '/v1/agencies', { ...admin, body: { name: 'Dinas Perhubungan', kind: 'perhubungan' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ id: 'dinas-perhubungan', name: 'Dinas Perhubungan', shortName: 'Dinas Perhubungan', kind: 'perhubungan', units: [] });
    expect((await agencies()).find((a) => a.id === 'dinas-perhubungan')).toMatchObject({ name: 'Dinas Perhubungan', units: [] });
    const [audit] = await audits('dinas-perhubungan');
    expect(audit).toMatchObject({ subject: 'agency', by: h.seeded.users.find((u) => u.username === 'serang.admin')!.officerId, changes: { name: { from: null, to: 'Dinas Perhubungan' } } });
    expect(Date.parse(audit!.at)).toBeGreaterThan(Date.now() - 60_000);

    // The same name again gets the next free id; a given id that is taken is a conflict.
    expect((await h.call('POST', '/v1/agencies', { ...admin, body: { name: 'Dinas Perhubungan' } })).body).toMatchObject({ id: 'dinas-perhubungan-2', kind: 'lainnya' });
    const taken = await h.call('POST', '/v1/agencies', { ...admin, body: { id: 'dinkes', name: 'Dinas Kesehatan Kedua' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details[0].field).toBe('id');
    expect((await agencies()).find((a) => a.id === 'dinkes')!.name).toBe('Dinas Kesehatan');
  });

  it('renames an agency (audited with before and after); an unknown agency is 404; only region_admin', async () => {
    const res = await h.call('PATCH', '/v1/agencies/dinas-perhubungan', { ...admin, body: { name: 'Dinas Perhubungan Kota Serang', shortName: 'Dishub' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: 'dinas-perhubungan', name: 'Dinas Perhubungan Kota Serang', shortName: 'Dishub', kind: 'perhubungan' });
    expect((await agencies('serang.pegawai')).find((a) => a.id === 'dinas-perhubungan')).toMatchObject({ name: 'Dinas Perhubungan Kota Serang', shortName: 'Dishub' });
    expect((await audits('dinas-perhubungan')).map((a) => a.changes)).toContainEqual({
      name: { from: 'Dinas Perhubungan', to: 'Dinas Perhubungan Kota Serang' }, shortName: { from: 'Dinas Perhubungan', to: 'Dishub' },
    });
    expect((await h.call('PATCH', '/v1/agencies/tidak-ada', { ...admin, body: { name: 'Apa Saja' } })).status).toBe(404);
    expect((await h.call('PATCH', '/v1/agencies/dinkes', { as: 'serang.opd', body: { name: 'Dinkes Baru' } })).status).toBe(403);
    expect((await h.call('POST', '/v1/agencies', { as: 'serang.opd', body: { name: 'Dinas Baru' } })).status).toBe(403);
  });

  it('adds a unit, sets its yearly service users, and GET /v1/agencies and the IKM sample check follow', async () => {
    const added = await h.call('POST', '/v1/agencies/dinas-perhubungan/units', { ...admin, body: { name: 'Terminal Pakupatan', kind: 'loket' } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toEqual({ id: 'dinas-perhubungan-terminal-pakupatan', agencyId: 'dinas-perhubungan', name: 'Terminal Pakupatan', kind: 'loket' });
    const unitId = added.body.id as string;
    const ikm = async () => (await h.call('GET', `/v1/ikm?unitId=${unitId}&period=2025`, admin)).body;
    expect((await ikm()).sample).toBeNull(); // no yearly figure yet: nothing to check against

    const patched = await h.call('PATCH', `/v1/agencies/dinas-perhubungan/units/${unitId}`, { ...admin, body: { name: 'Terminal Tipe A Pakupatan', yearlyServiceUsers: 1000 } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Terminal Tipe A Pakupatan', yearlyServiceUsers: 1000 });
    expect((await agencies()).find((a) => a.id === 'dinas-perhubungan')!.units).toEqual([{ id: unitId, name: 'Terminal Tipe A Pakupatan', kind: 'loket', yearlyServiceUsers: 1000 }]);
    expect((await ikm()).sample).toEqual({ population: 1000, minimum: 278, sufficient: false }); // DESIGN §2: 1,000 → 278
    const month = (await h.call('GET', `/v1/ikm?unitId=${unitId}&period=2025-10`, admin)).body;
    expect(month.sample).toEqual({ population: 84, minimum: krejcieMorganMinimum(84), sufficient: false });
    expect((await audits('dinas-perhubungan')).filter((a) => a.subject === 'unit').map((a) => a.changes)).toContainEqual({
      name: { from: 'Terminal Pakupatan', to: 'Terminal Tipe A Pakupatan' }, yearlyServiceUsers: { from: null, to: 1000 },
    });

    // The unit belongs to its agency: under another agency's path it does not exist.
    expect((await h.call('PATCH', `/v1/agencies/dinkes/units/${unitId}`, { ...admin, body: { kind: 'kantor' } })).status).toBe(404);
  });

  it('an agency_admin adds and changes units of their own agency only', async () => {
    const own = await h.call('POST', '/v1/agencies/dinkes/units', { as: 'serang.opd', body: { name: 'Puskesmas Walantaka', kind: 'puskesmas', yearlyServiceUsers: 12000 } });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect((await agencies()).find((a) => a.id === 'dinkes')!.units.map((u) => u.id)).toContain(own.body.id);
    expect((await h.call('PATCH', `/v1/agencies/dinkes/units/${own.body.id}`, { as: 'serang.opd', body: { yearlyServiceUsers: 13000 } })).body.yearlyServiceUsers).toBe(13000);

    const before = await snapshot(h.tableName, ofTenant(T));
    expect((await h.call('POST', '/v1/agencies/dinas-perhubungan/units', { as: 'serang.opd', body: { name: 'Halte', kind: 'loket' } })).status).toBe(403);
    expect((await h.call('PATCH', '/v1/agencies/dinas-perhubungan/units/dinas-perhubungan-terminal-pakupatan', { as: 'serang.opd', body: { kind: 'kantor' } })).status).toBe(403);
    expect((await h.call('POST', '/v1/agencies/dinkes/units', { as: 'serang.atasan', body: { name: 'Pustu', kind: 'puskesmas' } })).status).toBe(403);
    expect((await h.call('POST', '/v1/agencies/tidak-ada/units', { ...admin, body: { name: 'Pustu', kind: 'puskesmas' } })).status).toBe(404);
    expect(changes(before, await snapshot(h.tableName, ofTenant(T)))).toEqual(NOTHING);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = await snapshot(h.tableName, ofTenant(T));
    const unit = '/v1/agencies/dinas-perhubungan/units';
    const cases: [string, string, unknown, string][] = [
      ['POST', '/v1/agencies', { name: 'Dinas Pariwisata', isAdmin: true }, 'isAdmin'],
      ['POST', '/v1/agencies', { name: '   ' }, 'name'],
      ['POST', '/v1/agencies', { name: 'Dinas Pariwisata', kind: 'pariwisata' }, 'kind'],
      ['POST', '/v1/agencies', { id: 'Dinas Pariwisata!', name: 'Dinas Pariwisata' }, 'id'],
      ['PATCH', '/v1/agencies/dinas-perhubungan', {}, 'body'],
      ['PATCH', '/v1/agencies/dinas-perhubungan', { name: '' }, 'name'],
      ['POST', unit, { name: 'Halte Sempu', kind: 'halte' }, 'kind'],
      ['POST', unit, { name: 'Halte Sempu', kind: 'loket', yearlyServiceUsers: -1 }, 'yearlyServiceUsers'],
      ['POST', unit, { name: 'Halte Sempu', kind: 'loket', yearlyServiceUsers: 10.5 }, 'yearlyServiceUsers'],
      ['POST', unit, { name: 'Halte Sempu', kind: 'loket', agencyId: 'dinkes' }, 'agencyId'],
      ['PATCH', `${unit}/dinas-perhubungan-terminal-pakupatan`, { yearlyServiceUsers: '1000' }, 'yearlyServiceUsers'],
      ['PUT', '/v1/agencies/dinkes/org-ratings/2025', { rating: 'SANGAT_BAIK' }, 'rating'],
      ['PUT', '/v1/agencies/dinkes/org-ratings/2025', { rating: 'BAIK', year: 2024 }, 'year'],
      ['PUT', '/v1/agencies/dinkes/org-ratings/1999', { rating: 'BAIK' }, 'year'],
      ['PUT', `/v1/agencies/dinkes/org-ratings/${new Date().getUTCFullYear() + 2}`, { rating: 'BAIK' }, 'year'],
      ['PUT', '/v1/agencies/dinkes/org-ratings/20x5', { rating: 'BAIK' }, 'year'],
      ['GET', '/v1/agencies/dinkes/curve?year=1999', undefined, 'year'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await h.call(method, path, { ...admin, body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field), `${method} ${path}`).toContain(field);
    }
    expect(changes(before, await snapshot(h.tableName, ofTenant(T)))).toEqual(NOTHING);
  });
});

describe('officers of a unit', () => {
  /** Every page of a list, with the size of each page. */
  const pages = async (path: string, as: string) => {
    const sizes: number[] = [];
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await h.call('GET', `${path}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      sizes.push(res.body.items.length);
      ids.push(...res.body.items.map((o: Officer) => o.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    return { sizes, ids };
  };

  it('GET /v1/officers?unitId= lists the unit\'s officers only, reading one page of its agency per page', async () => {
    const unitId = 'dinkes-u1';
    const ofUnit = serang.filter((o) => o.unitId === unitId).map((o) => o.id).sort();
    const ofAgency = serang.filter((o) => o.agencyId === 'dinkes');
    expect(ofUnit.length).toBeGreaterThan(2);
    expect(ofAgency.length).toBeGreaterThan(ofUnit.length);

    for (const path of [`/v1/officers?unitId=${unitId}&status=all`, `/v1/officers?agencyId=dinkes&unitId=${unitId}&status=all`]) {
      const { sizes, ids } = await pages(path, 'serang.admin');
      expect([...ids].sort(), path).toEqual(ofUnit);
      // One page of the agency's officers read per page returned: as many pages as the whole agency has
      // (and an empty last one when DynamoDB stops exactly at its end).
      expect(sizes.length, path).toBeGreaterThanOrEqual(Math.ceil(ofAgency.length / 2));
      expect(sizes.length, path).toBeLessThanOrEqual(Math.ceil(ofAgency.length / 2) + 1);
    }
    // The agency's own admin may list its units; a name prefix narrows within the unit.
    const first = serang.find((o) => o.id === ofUnit[0])!;
    expect((await pages(`/v1/officers?unitId=${unitId}&status=all`, 'serang.opd')).ids.sort()).toEqual(ofUnit);
    const byName = await h.call('GET', `/v1/officers?unitId=${unitId}&status=all&q=${encodeURIComponent(first.name.slice(0, 6))}`, admin);
    expect(byName.body.items.map((o: Officer) => o.id)).toContain(first.id);
    expect(byName.body.items.every((o: Officer) => o.unitId === unitId && o.name.startsWith(first.name.slice(0, 6)))).toBe(true);
  });

  it('refuses a unit of another agency or an unknown unit (400 on unitId) and another agency\'s unit to an agency admin', async () => {
    for (const path of ['/v1/officers?agencyId=disdukcapil&unitId=dinkes-u1', '/v1/officers?unitId=tidak-ada']) {
      const res = await h.call('GET', path, admin);
      expect(res.status, path).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['unitId']);
    }
    expect((await h.call('GET', '/v1/officers?unitId=disdukcapil-u1', { as: 'serang.opd' })).status).toBe(403);
  });
});

describe('organisational ratings', () => {
  it('is null until the BKPSDM sets it; any reader of the tenant sees it; the change is audited', async () => {
    expect((await h.call('GET', '/v1/agencies/dinsos/org-ratings/2025', { as: 'serang.pegawai' })).body).toEqual({ agencyId: 'dinsos', year: 2025, rating: null });
    expect((await h.call('PUT', '/v1/agencies/dinsos/org-ratings/2025', { as: 'serang.opd', body: { rating: 'BAIK' } })).status).toBe(403);
    const put = await h.call('PUT', '/v1/agencies/dinsos/org-ratings/2025', { ...admin, body: { rating: 'ISTIMEWA' } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ agencyId: 'dinsos', year: 2025, rating: 'ISTIMEWA' });
    expect((await h.call('PUT', '/v1/agencies/dinsos/org-ratings/2025', { ...admin, body: { rating: 'BAIK' } })).body.rating).toBe('BAIK');
    expect((await h.call('GET', '/v1/agencies/dinsos/org-ratings/2025', { as: 'serang.pegawai' })).body).toMatchObject({ agencyId: 'dinsos', year: 2025, rating: 'BAIK' });
    expect((await h.call('GET', '/v1/agencies/dinsos/org-ratings/2024', { as: 'serang.pegawai' })).body.rating).toBeNull();
    expect((await audits('dinsos')).filter((a) => a.subject === 'orgRating').map((a) => a.changes['rating.2025'])).toEqual([
      { from: null, to: 'ISTIMEWA' }, { from: 'ISTIMEWA', to: 'BAIK' },
    ]);
    expect((await h.call('GET', '/v1/agencies/tidak-ada/org-ratings/2025', admin)).status).toBe(404);
    expect((await h.call('PUT', '/v1/agencies/tidak-ada/org-ratings/2025', { ...admin, body: { rating: 'BAIK' } })).status).toBe(404);
  });
});

describe('the distribution curve', () => {
  // One small agency's officers get October 2025 scores: one KURANG, half SANGAT_BAIK, the rest BAIK.
  const A = 'pupr';
  const month = '2025-10';
  let staff: Officer[];
  let low: Officer;
  const curve = async (as = 'serang.admin') => {
    const res = await h.call('GET', `/v1/agencies/${A}/curve?year=2025`, { as });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const score = (o: Officer, predikat: string, capaian: number, hasilKerja: string, perilaku: string) => ({
    ...keys.score(T, o.id, month), type: 'score', tenant: T, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period: month,
    capaian, hasilKerjaSuggested: hasilKerja, hasilKerja, hasilKerjaOverridden: false, perilaku, predikat, reportId: `${o.id}.${month}`, scoredAt: '2025-11-01T00:00:00Z', scoredVersion: 1,
  });
  async function runToEnd(period: string) {
    const start = await h.call('POST', '/v1/evaluations/runs', { ...admin, body: { period } });
    expect(start.status, JSON.stringify(start.body)).toBe(202);
    for (let i = 0; i < 600; i++) {
      const run = await h.call('GET', `/v1/evaluations/runs/${start.body.id}`, admin);
      if (run.body.status !== 'running') return run.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('run did not finish');
  }

  beforeAll(async () => {
    staff = serang.filter((o) => o.agencyId === A);
    low = staff.find((o) => o.supervisorId && serang.find((s) => s.id === o.supervisorId)?.supervisorId)!;
    const others = staff.filter((o) => o !== low);
    const half = Math.floor(staff.length / 2);
    await batchPut([
      score(low, 'KURANG', 100, 'SESUAI', 'DI_BAWAH'),
      ...others.slice(0, half).map((o) => score(o, 'SANGAT_BAIK', 115, 'DI_ATAS', 'DI_ATAS')),
      ...others.slice(half).map((o) => score(o, 'BAIK', 100, 'SESUAI', 'SESUAI')),
    ]);
  });

  it('only leaders, the BKPSDM and the agency\'s own admin read it', async () => {
    expect((await h.call('GET', `/v1/agencies/${A}/curve?year=2025`, { as: 'serang.pimpinan' })).status).toBe(200);
    expect((await h.call('GET', '/v1/agencies/dinkes/curve?year=2025', { as: 'serang.opd' })).status).toBe(200);
    expect((await h.call('GET', `/v1/agencies/${A}/curve?year=2025`, { as: 'serang.opd' })).status).toBe(403);
    expect((await h.call('GET', `/v1/agencies/${A}/curve?year=2025`, { as: 'serang.pegawai' })).status).toBe(403);
    expect((await h.call('GET', `/v1/agencies/${A}/curve?year=2025`, { as: 'nasional' })).status).toBe(403);
    expect((await h.call('GET', '/v1/agencies/tidak-ada/curve?year=2025', admin)).status).toBe(404);
  });

  it('is unchecked without a rating, and with a rating before any final predikat of the year', async () => {
    const zero = { SANGAT_BAIK: 0, BAIK: 0, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 };
    expect(await curve()).toEqual({ year: 2025, rating: null, basis: 'periods', status: 'unchecked', counts: zero, shares: zero, rules: [] });
    expect((await h.call('PUT', `/v1/agencies/${A}/org-ratings/2025`, { ...admin, body: { rating: 'BAIK' } })).status).toBe(200);
    expect(await curve()).toEqual({ year: 2025, rating: 'BAIK', basis: 'periods', status: 'unchecked', counts: zero, shares: zero, rules: [] });
  });

  it('after a run, holds the final predikat to the year\'s rating, rule by rule', async () => {
    expect((await runToEnd(month)).status).toBe('done');
    // The run reads done a moment before its finalise step has written the agency counts.
    let body = await curve();
    for (let i = 0; i < 50 && body.status === 'unchecked'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      body = await curve();
    }
    const half = Math.floor(staff.length / 2);
    const counts = { SANGAT_BAIK: half, BAIK: staff.length - 1 - half, BUTUH_PERBAIKAN: 0, KURANG: 1, SANGAT_KURANG: 0 };
    expect(body).toMatchObject({ year: 2025, rating: 'BAIK', basis: 'periods', status: 'pass', counts }); // a month: no annual evaluation yet
    expect(body.rules).toEqual([{ rule: 'BAIK_MAX_70_BAIK', ok: true }, { rule: 'BAIK_MIN_1_BUTUH_PERBAIKAN_OR_KURANG', ok: true }]);
    expect(body.shares.KURANG).toBeCloseTo(1 / staff.length, 3); // four decimals
    expect(Object.values(body.shares as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);

    // The same counts against a stricter rating: SANGAT_KURANG allows no SANGAT_BAIK.
    await h.call('PUT', `/v1/agencies/${A}/org-ratings/2025`, { ...admin, body: { rating: 'SANGAT_KURANG' } });
    const strict = await curve();
    expect(strict).toMatchObject({ rating: 'SANGAT_KURANG', status: 'breach' });
    expect(strict.rules).toEqual([
      { rule: 'SANGAT_KURANG_MIN_60_SANGAT_KURANG', ok: false },
      { rule: 'SANGAT_KURANG_MIN_10_KURANG_OR_BUTUH_PERBAIKAN', ok: 1 / staff.length >= 0.1 },
      { rule: 'SANGAT_KURANG_MAX_0_SANGAT_BAIK', ok: false },
    ]);
    await h.call('PUT', `/v1/agencies/${A}/org-ratings/2025`, { ...admin, body: { rating: 'BAIK' } });
    // Another year has no rating and no predikat.
    expect((await h.call('GET', `/v1/agencies/${A}/curve?year=2024`, admin)).body).toMatchObject({ year: 2024, rating: null, status: 'unchecked' });
  });

  it('an amended objection\'s predikat counts: the only KURANG becomes BAIK and the BAIK curve breaks', async () => {
    const id = `${low.id}.${month}`;
    expect((await h.call('POST', `/v1/evaluations/${id}/objections`, { as: low.nip, body: { reason: 'Perilaku saya dinilai tanpa catatan.' } })).status).toBe(201);
    const supervisor = serang.find((o) => o.id === low.supervisorId)!;
    const decider = serang.find((o) => o.id === supervisor.supervisorId)!;
    const decided = await h.call('POST', `/v1/objections/${id}/decision`, { as: decider.nip, body: { decision: 'amend', note: 'Catatan perilaku tidak ada.', amendedPredikat: 'BAIK' } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    const half = Math.floor(staff.length / 2);
    const after = await curve();
    expect(after).toMatchObject({ status: 'breach', counts: { SANGAT_BAIK: half, BAIK: staff.length - half, KURANG: 0 } });
    expect(after.rules).toEqual([{ rule: 'BAIK_MAX_70_BAIK', ok: true }, { rule: 'BAIK_MIN_1_BUTUH_PERBAIKAN_OR_KURANG', ok: false }]);
    // A rerun counts the amended predikat too: the same curve.
    expect((await runToEnd(month)).status).toBe('done');
    expect(await curve()).toEqual(after);
  });
});

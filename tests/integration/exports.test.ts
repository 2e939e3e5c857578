// CSV exports for payroll and BKN: BOM, header, one row per evaluated officer, quoting, the 409 for a
// period not yet evaluated, 400 for a bad period and 403 for anyone but the BKPSDM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchPut } from '../../functions/data/batch.js';
import { officerItem, type Officer } from '../../functions/data/org-repository.js';
import { evaluationId, evaluationItem, type Evaluation } from '../../functions/evaluations/repository.js';
import type { Predikat } from '../../functions/domain/types.js';
import { startHarness, type Harness } from './harness.js';
import { publishAsRun } from './evaluation-fixture.js';

const T = 'serang';
let h: Harness;
let serang: Officer[];
const COMMA_NAME = 'Siti Rahma, S.Kom.';
const PREDIKATS: Predikat[] = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

const evaluation = (o: Officer, period: string, i: number): Evaluation => ({
  id: evaluationId(o.id, period), tenant: T, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period,
  runId: 'run_test', evaluatedAt: '2026-01-11T01:00:00.000Z', publishedAt: '2026-01-11T02:00:00.000Z',
  capaian: 100, hasilKerja: 'SESUAI', perilaku: i % 2 ? 'DI_ATAS' : 'SESUAI', predikat: PREDIKATS[i % 5]!, ikm: null, trainingJp: 20, flags: [], recommendations: [],
});

/** Parses the CSV the way a spreadsheet does (RFC 4180 quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r') continue;
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  return rows;
}

const get = async (path: string, as = 'serang.admin') => {
  const res = await fetch(`${h.base}${path}`, { headers: { authorization: `Bearer ${await h.token(as)}` } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
};

beforeAll(async () => {
  h = await startHarness({ stream: false });
  serang = h.seeded.tenants.find((t) => t.tenant.id === T)!.officers;
  const renamed = { ...serang[1]!, name: COMMA_NAME };
  await batchPut([
    officerItem(T, renamed, new Date().toISOString()),
    ...serang.map((o, i) => evaluationItem(evaluation(o, '2025-10', i))),
    ...serang.map((o, i) => evaluationItem(evaluation(o, '2025', i))),
  ]);
  for (const period of ['2025-10', '2025']) await publishAsRun(T, period, serang.map((o) => ({ officerId: o.id, agencyId: o.agencyId })));
  for (const o of serang.slice(0, 2)) expect((await h.call('PATCH', `/v1/officers/${o.id}`, { as: 'serang.admin', body: { koefisienAk: 12.5 } })).status).toBe(200);
}, 240_000);
afterAll(async () => { await h?.close(); });

describe('GET /v1/exports/tpp', () => {
  it('is UTF-8 CSV with a BOM, one header row and one row per evaluated officer, names with a comma quoted', async () => {
    const res = await get('/v1/exports/tpp?period=2025-10');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tpp-serang-2025-10.csv"');
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(res.bytes.slice(3));
    expect(text).toContain(`"${COMMA_NAME}"`);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['nip', 'nama', 'perangkat_daerah', 'periode', 'predikat_akhir', 'potongan_tpp_persen']);
    expect(rows).toHaveLength(serang.length + 1);
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(serang.map((o) => o.nip)));
    const byNip = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byNip.get(serang[1]!.nip)![1]).toBe(COMMA_NAME);
    // Default policy cuts: SANGAT_KURANG 25, KURANG 15, BUTUH_PERBAIKAN 5, else 0.
    expect(byNip.get(serang[4]!.nip)!.slice(3)).toEqual(['2025-10', 'SANGAT_KURANG', '25']);
    expect(byNip.get(serang[0]!.nip)!.slice(4)).toEqual(['SANGAT_BAIK', '0']);
  });

  it('answers 409 for a period not yet evaluated, 400 for a bad period, 403 for anyone but the BKPSDM', async () => {
    const none = await h.call('GET', '/v1/exports/tpp?period=2025-11', { as: 'serang.admin' });
    expect(none.status).toBe(409);
    expect(none.body.error.message).toMatch(/belum dievaluasi/);
    for (const bad of ['2025-13', 'oktober', '2025-Q5', '']) {
      const res = await h.call('GET', `/v1/exports/tpp?period=${bad}`, { as: 'serang.admin' });
      expect(res.status, bad).toBe(400);
      expect(res.body.error.details[0].field).toBe('period');
    }
    expect((await h.call('GET', '/v1/exports/tpp?period=2025-10&x=1', { as: 'serang.admin' })).status).toBe(400);
    for (const as of ['serang.opd', 'serang.pimpinan', 'serang.pegawai', 'nasional', 'banjarbaru.opd']) {
      expect((await h.call('GET', '/v1/exports/tpp?period=2025-10', { as })).status, as).toBe(403);
    }
    // Another city's BKPSDM exports its own city: none of Serang's officers.
    const other = await get('/v1/exports/tpp?period=2025-10', 'banjarbaru.admin');
    expect(other.status).toBe(409);
  });
});

describe('GET /v1/exports/siasn and angka-kredit', () => {
  it('siasn carries the SIASN fields with the penilai from the org chart', async () => {
    const res = await get('/v1/exports/siasn?year=2025');
    expect(res.status).toBe(200);
    const rows = parseCsv(new TextDecoder().decode(res.bytes.slice(3)));
    expect(rows[0]).toEqual(['nip', 'nama', 'hasilKinerjaNilai', 'perilakuKerjaNilai', 'kuadranKinerjaNilai', 'penilaiNipNrp', 'penilaiNama', 'penilaiGolongan', 'penilaiJabatan', 'penilaiUnorNama', 'tahun']);
    expect(rows).toHaveLength(serang.length + 1);
    const withBoss = serang.find((o, i) => i > 1 && o.supervisorId)!;
    const boss = serang.find((o) => o.id === withBoss.supervisorId)!;
    const row = rows.find((r) => r[0] === withBoss.nip)!;
    expect(row.slice(5, 9)).toEqual([boss.nip, boss.id === serang[1]!.id ? COMMA_NAME : boss.name, boss.grade, boss.position]);
    expect(row[10]).toBe('2025');
    expect(row[4]).toBe(String(PREDIKATS.indexOf(PREDIKATS[serang.indexOf(withBoss) % 5]!) + 1));
    expect((await h.call('GET', '/v1/exports/siasn?year=2024', { as: 'serang.admin' })).status).toBe(409);
    expect((await h.call('GET', '/v1/exports/siasn?year=25', { as: 'serang.admin' })).status).toBe(400);
  });

  it('angka-kredit lists only officers with a coefficient, by the DESIGN §2 formula', async () => {
    const res = await get('/v1/exports/angka-kredit?year=2025');
    expect(res.status).toBe(200);
    const rows = parseCsv(new TextDecoder().decode(res.bytes.slice(3)));
    expect(rows).toHaveLength(3);
    const byNip = new Map(rows.slice(1).map((r) => [r[0], r]));
    // SANGAT_BAIK 150% × 12.5 × 12/12 = 18.75; BAIK 100% × 12.5 = 12.50.
    expect(byNip.get(serang[0]!.nip)!.slice(5)).toEqual(['SANGAT_BAIK', '12.5', '12', '18.75']);
    expect(byNip.get(serang[1]!.nip)!.slice(5)).toEqual(['BAIK', '12.5', '12', '12.50']);
  });
});

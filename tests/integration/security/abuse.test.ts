// Abuse: rate limits keyed on an address a flooder cannot rotate (the right-most X-Forwarded-For entry,
// which the trusted proxy appends), floods not stored, body size caps, tracking codes not enumerable,
// and logs free of tokens, other people's NIPs and citizens' words. Plain flood limits per route are
// in surveys.test.ts and complaints.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { logger } from '../../../functions/http/logger.js';
import { startHarness, type Harness, clearOfWindowEdge } from '../harness.js';
import { buildTenant, COMPLAINT_TEXT, ITEMS, type TenantFx } from './fixture.js';
import { snapshot } from './snapshot.js';

let h: Harness;
let a: TenantFx;
beforeAll(async () => {
  h = await startHarness({ stream: false });
  a = await buildTenant(h, 'serang', '10.44.0.1');
});
afterAll(async () => { await h?.close(); });

const complaint = (n: number) => ({ tenant: 'serang', unitId: a.pegawai.unitId, category: 'waktu', description: `Keluhan nomor ${n}: antrean terlalu panjang di loket.` });
const complaintsStored = async () => [...(await snapshot(h.tableName, (pk) => pk.startsWith('TENANT#serang#COMPLAINT#'))).keys()].length;
const surveysStored = async () => [...(await snapshot(h.tableName, (pk) => pk.startsWith('TENANT#serang#SURVEY#'))).keys()].length;

describe('rate-limit keying', () => {
  it('a flooder rotating forged X-Forwarded-For entries is still counted as one client', async () => {
    await clearOfWindowEdge();
    const before = await complaintsStored();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      // the left entries are the client's invention; the proxy appended the real address last
      const res = await h.call('POST', '/v1/public/complaints', { headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.${i}, 10.44.9.9` }, body: complaint(i) });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    expect(await complaintsStored()).toBe(before + 5); // the flood is not stored
  });

  it('a survey flooder rotating device ids and forged entries meets the per-address ceiling of the policy', async () => {
    const policy = (await h.call('GET', '/v1/policy', { as: 'serang.admin' })).body.policy;
    expect((await h.call('PUT', '/v1/policy', { as: 'serang.admin', body: { ...policy, surveyAddressLimit: 10 } })).status).toBe(200);
    await clearOfWindowEdge();
    const before = await surveysStored();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      // device ids are the client's own choice: a flooder invents a new one each time
      const body = { tenant: 'serang', unitId: a.pegawai.unitId, deviceId: `flood-device-${String(i).padStart(4, '0')}`, answers: { u1: 1, u2: 1, u3: 1, u4: 1, u5: 1, u6: 1, u7: 1, u8: 1, u9: 1 } };
      statuses.push((await h.call('POST', '/v1/public/surveys', { headers: { 'x-forwarded-for': `203.0.113.${i}, 10.44.9.11` }, body })).status);
    }
    expect(statuses).toEqual([...Array(10).fill(201), 429, 429]);
    expect(await surveysStored()).toBe(before + 10);
  });

  it('tracking lookups are limited per client however the forged entries rotate', async () => {
    await clearOfWindowEdge();
    let limited = 0;
    for (let i = 0; i < 62; i++) {
      const res = await h.call('GET', '/v1/public/complaints/ADU-0000-0000', { headers: { 'x-forwarded-for': `192.0.2.${i % 250}, 10.44.9.10` } });
      if (res.status === 429) limited++;
    }
    expect(limited).toBe(2);
  });
});

describe('tracking codes', () => {
  it('unknown well-formed codes and malformed ones get the same 404', async () => {
    let n = 0;
    const lookup = async (code: string) => h.call('GET', `/v1/public/complaints/${encodeURIComponent(code)}`, { headers: { 'x-forwarded-for': `10.44.${10 + Math.floor(++n / 50)}.${n % 50}` } });
    const reference = await lookup('ADU-ZZZZ-ZZZZ');
    expect(reference.status).toBe(404);
    const wellFormed = fc.stringMatching(/^ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/).filter((c) => c !== a.complaintCode);
    const malformed = fc.oneof(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''), fc.constantFrom('ADU-', 'ADU-1234', 'x'.repeat(500), '%', 'ADU-0000-000O0'));
    await fc.assert(fc.asyncProperty(fc.oneof(wellFormed, malformed), async (code) => {
      const res = await lookup(code);
      expect(res.status, code).toBe(404);
      expect(res.body).toEqual(reference.body);
    }), { numRuns: 40, seed: 4 });
  });
});

describe('body size', () => {
  it('caps JSON bodies at 64 KB (8 KB for surveys) with 413, before anything is read or written', async () => {
    const pad = 'x'.repeat(65 * 1024);
    const report = await h.call('POST', '/v1/reports', { as: a.pegawai.nip, body: { officerId: a.pegawai.id, period: a.period, items: ITEMS, pad } });
    const survey = await h.call('POST', '/v1/public/surveys', { body: { tenant: 'serang', unitId: a.pegawai.unitId, comment: 'y'.repeat(9 * 1024) } });
    const huge = await h.call('POST', '/v1/public/complaints', { raw: 'z'.repeat(11 * 1024 * 1024), headers: { 'content-type': 'application/json' } });
    for (const res of [report, survey, huge]) {
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });
});

describe('logs', () => {
  const captured: string[] = [];
  afterEach(() => { vi.restoreAllMocks(); logger.setLogLevel('SILENT'); });

  it('carry no bearer token, no NIP of another person, no survey comment or complaint text', async () => {
    const token = await h.token(a.pegawai.nip);
    const capture = (...args: unknown[]) => { captured.push(args.map(String).join(' ')); return true; };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture as never);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture as never);
    for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, m).mockImplementation(capture);
    logger.setLogLevel('DEBUG');

    const comment = 'Petugas Budi ramah sekali, rahasia-komentar-7731';
    const contact = 'warga-rahasia-7731@example.com';
    await h.call('POST', '/v1/public/surveys', { headers: { 'x-forwarded-for': '10.44.7.1' }, body: { tenant: 'serang', unitId: a.pegawai.unitId, answers: { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 }, comment } });
    await h.call('POST', '/v1/public/complaints', { headers: { 'x-forwarded-for': '10.44.7.2' }, body: { ...complaint(99), description: `${COMPLAINT_TEXT} ${comment}`, contact } });
    await h.call('GET', `/v1/officers/${a.colleague.id}`, { token });
    await h.call('GET', `/v1/officers/${a.colleague.id}/reports`, { token });
    await h.call('POST', '/v1/reports', { token, body: { officerId: a.colleague.id, period: a.period, items: ITEMS } });
    const csv = `nip,name,position,grade,agencyId,unitId,supervisorNip\n${a.colleague.nip},"${a.colleague.name}",Staf,III/a,dinkes,,\n`;
    await h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw: csv, headers: { 'content-type': 'text/csv' } });

    const text = captured.join('\n');
    expect(text).toContain('officer import progress'); // the capture works: the import logs its progress
    for (const secret of [token, token.split('.')[2]!, comment, contact, COMPLAINT_TEXT, a.colleague.nip, a.colleague.name, a.atasan.nip]) {
      expect(text).not.toContain(secret);
    }
  });
});

// Hostile input against every route with a JSON body, drawn from the OpenAPI document's request
// schemas (hostile-bodies.ts): each case breaks at least one field where its schema says it must be
// refused (wrong type, outside an enum or pattern, past a bound or length, missing, unknown) or the JSON
// itself (non-objects, deep nesting, duplicate keys, huge bodies). Always a 4xx with error.code and
// message, never a 5xx, and the table unchanged. A new route with a documented body is fuzzed here
// without new test code; TARGETS below only give a route a reachable path, caller and valid body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openApiDocument } from '../../../functions/contract/document.js';
import { CONTRACT } from '../../../functions/contract/index.js';
import { ROUTES, routeKey } from '../../../functions/routes.js';
import { startHarness, type Harness } from '../harness.js';
import { BEHAVIOUR, buildTenant, COMPLAINT_TEXT, ITEMS, PLAN, type TenantFx } from './fixture.js';
import { hostileBody, oddString } from './hostile-bodies.js';
import { changes, NOTHING, snapshot, type Snapshot } from './snapshot.js';

interface Target { method: string; path: (a: TenantFx) => string; as?: (a: TenantFx) => string; valid: (a: TenantFx) => Record<string, unknown> }

const TARGETS: Record<string, Target> = {
  'POST /v1/public/surveys': {
    method: 'POST', path: () => '/v1/public/surveys',
    valid: (a) => ({ tenant: 'serang', unitId: a.pegawai.unitId, deviceId: 'hostile-device-0001', answers: { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 }, comment: 'Bagus' }),
  },
  'POST /v1/kiosk-tokens': {
    method: 'POST', path: () => '/v1/kiosk-tokens', as: () => 'serang.admin',
    valid: (a) => ({ unitId: a.pegawai.unitId }),
  },
  'POST /v1/public/complaints': {
    method: 'POST', path: () => '/v1/public/complaints',
    valid: (a) => ({ tenant: 'serang', unitId: a.pegawai.unitId, category: 'pelayanan', description: COMPLAINT_TEXT }),
  },
  'POST /v1/reports': {
    method: 'POST', path: () => '/v1/reports', as: (a) => a.colleague.nip,
    valid: (a) => ({ officerId: a.colleague.id, period: a.period, items: ITEMS }),
  },
  'PUT /v1/officers/{id}/plans/{year}': {
    method: 'PUT', path: (a) => `/v1/officers/${a.pegawai.id}/plans/${a.period.slice(0, 4)}`, as: () => 'serang.atasan',
    valid: () => ({ ...PLAN, version: 1 }),
  },
  'POST /v1/reports/{id}/review': {
    method: 'POST', path: (a) => `/v1/reports/${a.pegawai.id}.${a.period}/review`, as: () => 'serang.atasan',
    valid: () => ({ decision: 'approve', feedback: 'Baik', behaviour: BEHAVIOUR }),
  },
  'PUT /v1/officers/{id}/roles': {
    method: 'PUT', path: (a) => `/v1/officers/${a.pegawai.id}/roles`, as: () => 'serang.admin',
    valid: () => ({ roles: ['leader'] }),
  },
  'PUT /v1/officers/{id}/progress/{period}': {
    method: 'PUT', path: (a) => `/v1/officers/${a.pegawai.id}/progress/${a.period}`, as: (a) => a.pegawai.nip,
    valid: () => ({ items: ITEMS, version: 0 }),
  },
  'POST /v1/trainings': {
    method: 'POST', path: () => '/v1/trainings', as: (a) => a.pegawai.nip,
    valid: (a) => ({ officerId: a.pegawai.id, title: 'Pelatihan', jp: 2, date: `${a.period}-01`, provider: 'BPSDM' }),
  },
  'POST /v1/visits': {
    method: 'POST', path: () => '/v1/visits', as: () => 'serang.inspektur',
    valid: (a) => ({ unitId: a.pegawai.unitId, date: `${a.period}-05`, checklist: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`u${i}`, 'sesuai'])),
      findings: [{ note: 'Antrean tanpa nomor', severity: 'berat', officerId: a.pegawai.id, evidenceUrl: 'https://foto.example/a.jpg' }], actions: [{ title: 'Pasang mesin antrean', due: `${a.period}-20` }] }),
  },
  'PATCH /v1/visits/{id}/actions/{actionId}': {
    method: 'PATCH', path: () => '/v1/visits/20250110-hostile001/actions/a1', as: () => 'serang.inspektur',
    valid: () => ({ status: 'done', note: 'Selesai' }),
  },
  'PUT /v1/policy': {
    method: 'PUT', path: () => '/v1/policy', as: () => 'serang.admin',
    valid: (a) => a.policy as Record<string, unknown>,
  },
  'PATCH /v1/complaints/{id}': {
    method: 'PATCH', path: (a) => `/v1/complaints/${a.complaintId}`, as: () => 'serang.admin',
    valid: () => ({ status: 'answered', answer: 'Sudah kami tindak lanjuti.', cause: 'prosedur', substantiated: false }),
  },
  'POST /v1/agencies': {
    method: 'POST', path: () => '/v1/agencies', as: () => 'serang.admin',
    valid: () => ({ id: 'dishub-uji', name: 'Dinas Perhubungan', shortName: 'Dishub', kind: 'perhubungan' }),
  },
  'PATCH /v1/agencies/{id}': {
    method: 'PATCH', path: (a) => `/v1/agencies/${a.pegawai.agencyId}`, as: () => 'serang.admin',
    valid: () => ({ name: 'Dinas Kesehatan Kota Serang', kind: 'kesehatan' }),
  },
  'POST /v1/agencies/{id}/units': {
    method: 'POST', path: (a) => `/v1/agencies/${a.pegawai.agencyId}/units`, as: () => 'serang.opd',
    valid: () => ({ name: 'Puskesmas Pembantu', kind: 'puskesmas', yearlyServiceUsers: 3000 }),
  },
  'PATCH /v1/agencies/{id}/units/{unitId}': {
    method: 'PATCH', path: (a) => `/v1/agencies/${a.pegawai.agencyId}/units/${a.pegawai.unitId}`, as: () => 'serang.opd',
    valid: () => ({ name: 'Puskesmas Rawat Inap', kind: 'puskesmas', yearlyServiceUsers: 3000 }),
  },
  'PUT /v1/agencies/{id}/org-ratings/{year}': {
    method: 'PUT', path: (a) => `/v1/agencies/${a.pegawai.agencyId}/org-ratings/${a.period.slice(0, 4)}`, as: () => 'serang.admin',
    valid: () => ({ rating: 'BAIK' }),
  },
  'POST /v1/forums': {
    method: 'POST', path: () => '/v1/forums', as: () => 'serang.opd',
    valid: () => ({ agencyId: 'dinkes', date: '2025-03-04', place: 'Aula Puskesmas', participants: { citizens: 20, officers: 4 }, minutes: 'Warga menyampaikan antrean yang lama.', issues: [{ text: 'Antrean lama', element: 'u3' }], actions: [{ title: 'Tambah loket', owner: 'Sekretariat', due: '2025-04-01' }] }),
  },
  'POST /v1/ikm/follow-ups': {
    method: 'POST', path: () => '/v1/ikm/follow-ups', as: () => 'serang.opd',
    valid: (a) => ({ unitId: a.pegawai.unitId, period: a.period, elements: ['u3'], actions: [{ title: 'Pantau waktu layanan', owner: 'Kepala unit', due: '2099-01-31' }] }),
  },
  'PATCH /v1/forums/{id}/actions/{actionId}': {
    method: 'PATCH', path: () => '/v1/forums/frm_0000000000000000/actions/a1', as: () => 'serang.admin',
    valid: () => ({ status: 'done', note: 'Selesai' }),
  },
  'POST /v1/evaluations/runs': {
    method: 'POST', path: () => '/v1/evaluations/runs', as: () => 'serang.admin',
    valid: (a) => ({ period: a.evalPeriod }),
  },
  'POST /v1/evaluations/{id}/objections': {
    method: 'POST', path: (a) => `/v1/evaluations/${a.pegawai.id}.${a.evalPeriod}/objections`, as: (a) => a.pegawai.nip,
    valid: () => ({ reason: 'Nilai perilaku tidak sesuai catatan saya' }),
  },
  'POST /v1/objections/{id}/decision': {
    method: 'POST', path: (a) => `/v1/objections/${a.colleague.id}.${a.evalPeriod}/decision`, as: (a) => `decider:${a.atasan.supervisorId}`,
    valid: () => ({ decision: 'amend', note: 'Diubah', amendedPredikat: 'BAIK' }),
  },
  'POST /v1/officers/{id}/feedback': {
    method: 'POST', path: (a) => `/v1/officers/${a.pegawai.id}/feedback`, as: () => 'serang.atasan',
    valid: (a) => ({ kind: 'bimbingan', period: a.period, rhkId: 'rhk1', note: 'Lengkapi bukti dukung laporan.' }),
  },
  'POST /v1/feedback/{id}/replies': {
    method: 'POST', path: () => '/v1/feedback/fb_0000000000000000/replies', as: (a) => a.pegawai.nip,
    valid: () => ({ note: 'Siap, segera saya lengkapi.' }),
  },
  // A kinerja award for an officer without candidacy: refused (409) even when nothing else is wrong.
  'POST /v1/awards': {
    method: 'POST', path: () => '/v1/awards', as: () => 'serang.admin',
    valid: (a) => ({ officerId: a.pegawai.id, kind: 'kinerja', title: 'Pegawai Berkinerja Terbaik', citation: 'Atas predikat Sangat Baik berturut-turut.', period: a.evalPeriod }),
  },
  'POST /v1/me/notifications/read': {
    method: 'POST', path: () => '/v1/me/notifications/read', as: (a) => a.pegawai.nip,
    valid: (a) => ({ ids: [Buffer.from(`OFFICER#${a.pegawai.id}|N#2025-01-01T00:00:00.000Z#x`, 'utf8').toString('base64url')] }),
  },
  'POST /v1/notifications/runs': {
    method: 'POST', path: () => '/v1/notifications/runs', as: () => 'serang.admin',
    valid: () => ({ day: new Date().toISOString().slice(0, 10) }),
  },
};

// Every route whose documented request is a JSON body: its target above, or the document's example
// sent by the region admin to the path with placeholder ids (refused before or at validation).
const doc = openApiDocument();
const BODY_ROUTES = ROUTES.filter((r) => doc.paths[r.path][r.method.toLowerCase()].requestBody?.content?.['application/json']).map(routeKey);
const targetOf = (key: string): Target => TARGETS[key] ?? {
  method: key.split(' ')[0]!,
  path: () => key.split(' ')[1]!.replace(/\{[^}]+\}/g, 'hostile0'),
  as: () => 'serang.admin',
  valid: () => CONTRACT[key]!.body!.example as Record<string, unknown>,
};
const bodySchema = (key: string) => {
  const [method, path] = key.split(' ');
  return doc.paths[path!][method!.toLowerCase()].requestBody.content['application/json'].schema;
};

let h: Harness;
let a: TenantFx;
let before: Snapshot;
let ip = 0;
const nextIp = () => `10.66.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`;

beforeAll(async () => {
  h = await startHarness({ stream: false });
  a = await buildTenant(h, 'serang', '10.66.255.1');
  before = await snapshot(h.tableName);
});
afterAll(async () => { await h?.close(); });

const caller = (t: Target) => {
  const as = t.as?.(a);
  if (!as?.startsWith('decider:')) return as;
  return h.seeded.tenants.find((x) => x.tenant.id === 'serang')!.officers.find((o) => o.id === as.slice(8))!.nip;
};

function expectCleanRefusal(res: { status: number; body: any }, sent: string) {
  const where = `${res.status} for ${sent.slice(0, 200)}`;
  expect(res.status, where).toBeGreaterThanOrEqual(400);
  expect(res.status, where).toBeLessThan(500);
  expect(typeof res.body?.error?.code, where).toBe('string');
  expect(res.body.error.message.length, where).toBeGreaterThan(0);
}

it('fuzzes every route with a documented JSON body, and only those', () => {
  expect(BODY_ROUTES.length).toBeGreaterThanOrEqual(Object.keys(TARGETS).length);
  expect(Object.keys(TARGETS).filter((k) => !BODY_ROUTES.includes(k)), 'targets of routes without a documented body').toEqual([]);
});

describe.each(BODY_ROUTES)('%s', (key) => {
  it('refuses 40 hostile bodies drawn from its documented schema with a clean 4xx', async () => {
    const t = targetOf(key);
    await fc.assert(fc.asyncProperty(hostileBody(bodySchema(key), t.valid(a)), async (raw) => {
      const res = await h.call(t.method, t.path(a), { as: caller(t), raw, headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() } });
      expectCleanRefusal(res, raw);
    }), { numRuns: 40, seed: 9 });
  });
});

describe('officer CSV import', () => {
  const header = 'nip,name,position,grade,agencyId,unitId,supervisorNip';
  const send = (raw: string) => h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw, headers: { 'content-type': 'text/csv' } });

  it('refuses a file over 8 MB with 413 and 50,001 lines with 400', async () => {
    expectCleanRefusal(await send(`${header}\n${'x'.repeat(8 * 1024 * 1024 + 10)}`), 'over 8 MB');
    const big = await send(`${header}\n${'199001012015011001,A,B,III/a,dinkes,,\n'.repeat(50_001)}`);
    expect(big.status).toBe(400);
    expect(big.body.error.message).toMatch(/50000|50,000/);
  });

  it('refuses hostile lines with 400 naming the line', async () => {
    const cell = fc.oneof(oddString, fc.constantFrom('"', '""', '"a""', '=cmd|calc', '\r', 'a,b'), fc.string({ maxLength: 20 }));
    await fc.assert(fc.asyncProperty(fc.array(cell, { minLength: 1, maxLength: 9 }), async (cells) => {
      const raw = `${header}\n${cells.join(',')}\n`;
      const res = await send(raw);
      expectCleanRefusal(res, raw);
    }), { numRuns: 40, seed: 9 });
  });
});

describe('path parameters', () => {
  // Lone surrogates cannot be percent-encoded as UTF-8: send the bytes a broken client would (invalid UTF-8).
  const enc = (id: string) => { try { return encodeURIComponent(id); } catch { return `${encodeURIComponent(id.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80%E0%A4%A`; } };
  const ID_SEGMENT = /\/(v1\/(?:reports|complaints|evaluations|objections|agencies))\/[^/]+\/?/;
  it('hostile ids in paths give a clean 4xx', async () => {
    const withIds = Object.values(TARGETS).filter((t) => t.method !== 'PUT' && ID_SEGMENT.test(t.path(a)) && t.path(a) !== '/v1/evaluations/runs');
    await fc.assert(fc.asyncProperty(oddString, fc.constantFrom(...withIds), async (id, t) => {
      const path = t.path(a).replace(ID_SEGMENT, (m, base: string) => `/${base}/${enc(id)}${m.endsWith('/') ? '/' : ''}`);
      expect(path).not.toBe(t.path(a));
      expectCleanRefusal(await h.call(t.method, path, { as: caller(t), body: t.valid(a) }), path);
    }), { numRuns: 40, seed: 9 });
  });
});

describe('after every hostile request', () => {
  it('the table is unchanged', async () => {
    expect(changes(before, await snapshot(h.tableName))).toEqual(NOTHING);
  });
});

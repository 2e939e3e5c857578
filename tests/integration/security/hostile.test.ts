// Hostile input against every write route (public ones first), generated with fast-check: each case
// breaks at least one field (wrong type, odd Unicode, edge numbers, NaN-like strings) or the JSON itself
// (non-objects, deep nesting, duplicate keys, huge bodies). Always a 4xx with error.code and message,
// never a 5xx, and the table unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startHarness, type Harness } from '../harness.js';
import { BEHAVIOUR, buildTenant, COMPLAINT_TEXT, ITEMS, PLAN, type TenantFx } from './fixture.js';
import { changes, NOTHING, snapshot, type Snapshot } from './snapshot.js';

type Kind = 'id' | 'text' | 'num' | 'enum' | 'obj' | 'arr';
interface Target { method: string; path: (a: TenantFx) => string; as?: (a: TenantFx) => string; valid: (a: TenantFx) => Record<string, unknown>; fields: Record<string, Kind> }

const TARGETS: Record<string, Target> = {
  'POST /v1/public/surveys': {
    method: 'POST', path: () => '/v1/public/surveys',
    valid: (a) => ({ tenant: 'serang', unitId: a.pegawai.unitId, deviceId: 'hostile-device-0001', answers: { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 }, comment: 'Bagus' }),
    fields: { tenant: 'id', unitId: 'id', deviceId: 'id', answers: 'obj', 'answers.u1': 'num', 'answers.u9': 'num', respondent: 'obj' },
  },
  'POST /v1/kiosk-tokens': {
    method: 'POST', path: () => '/v1/kiosk-tokens', as: () => 'serang.admin',
    valid: (a) => ({ unitId: a.pegawai.unitId }),
    fields: { unitId: 'id' },
  },
  'POST /v1/public/complaints': {
    method: 'POST', path: () => '/v1/public/complaints',
    valid: (a) => ({ tenant: 'serang', unitId: a.pegawai.unitId, category: 'pelayanan', description: COMPLAINT_TEXT }),
    fields: { tenant: 'id', unitId: 'id', category: 'enum', description: 'text', contact: 'text' },
  },
  'POST /v1/reports': {
    method: 'POST', path: () => '/v1/reports', as: (a) => a.colleague.nip,
    valid: (a) => ({ officerId: a.colleague.id, period: a.period, items: ITEMS }),
    fields: { officerId: 'id', period: 'enum', items: 'arr', 'items.0.value': 'num', 'items.0.indicatorId': 'id', 'items.0.evidenceUrl': 'text' },
  },
  'PUT /v1/officers/{id}/plans/{year}': {
    method: 'PUT', path: (a) => `/v1/officers/${a.pegawai.id}/plans/${a.period.slice(0, 4)}`, as: () => 'serang.atasan',
    valid: () => ({ ...PLAN, version: 1 }),
    fields: { version: 'num', rhk: 'arr', 'rhk.0.kind': 'enum', 'rhk.0.indicators.0.target': 'num', 'rhk.0.indicators.0.aspect': 'enum', 'rhk.0.id': 'id' },
  },
  'POST /v1/reports/{id}/review': {
    method: 'POST', path: (a) => `/v1/reports/${a.pegawai.id}.${a.period}/review`, as: () => 'serang.atasan',
    valid: () => ({ decision: 'approve', feedback: 'Baik', behaviour: BEHAVIOUR }),
    fields: { decision: 'enum', behaviour: 'obj', 'behaviour.akuntabel': 'num', feedback: 'text', hasilKerjaOverride: 'obj' },
  },
  'PUT /v1/officers/{id}/roles': {
    method: 'PUT', path: (a) => `/v1/officers/${a.pegawai.id}/roles`, as: () => 'serang.admin',
    valid: () => ({ roles: ['leader'] }),
    fields: { roles: 'arr', 'roles.0': 'enum' },
  },
  'PUT /v1/officers/{id}/progress/{period}': {
    method: 'PUT', path: (a) => `/v1/officers/${a.pegawai.id}/progress/${a.period}`, as: (a) => a.pegawai.nip,
    valid: () => ({ items: ITEMS, version: 0 }),
    fields: { items: 'arr', 'items.0.value': 'num', 'items.0.indicatorId': 'id', 'items.0.note': 'text', version: 'num' },
  },
  'POST /v1/trainings': {
    method: 'POST', path: () => '/v1/trainings', as: (a) => a.pegawai.nip,
    valid: (a) => ({ officerId: a.pegawai.id, title: 'Pelatihan', jp: 2, date: `${a.period}-01`, provider: 'BPSDM' }),
    fields: { officerId: 'id', jp: 'num', date: 'enum', title: 'text', provider: 'text' },
  },
  'POST /v1/visits': {
    method: 'POST', path: () => '/v1/visits', as: () => 'serang.inspektur',
    valid: (a) => ({ unitId: a.pegawai.unitId, date: `${a.period}-05`, checklist: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`u${i}`, 'sesuai'])),
      findings: [{ note: 'Antrean tanpa nomor', severity: 'berat', officerId: a.pegawai.id, evidenceUrl: 'https://foto.example/a.jpg' }], actions: [{ title: 'Pasang mesin antrean', due: `${a.period}-20` }] }),
    fields: { unitId: 'id', date: 'enum', checklist: 'obj', 'checklist.u1': 'enum', findings: 'arr', 'findings.0.severity': 'enum', 'findings.0.officerId': 'id', 'findings.0.evidenceUrl': 'text', actions: 'arr', 'actions.0.due': 'enum', 'actions.0.title': 'text' },
  },
  'PATCH /v1/visits/{id}/actions/{actionId}': {
    method: 'PATCH', path: () => '/v1/visits/20250110-hostile001/actions/a1', as: () => 'serang.inspektur',
    valid: () => ({ status: 'done', note: 'Selesai' }),
    fields: { status: 'enum', note: 'text' },
  },
  'PUT /v1/policy': {
    method: 'PUT', path: () => '/v1/policy', as: () => 'serang.admin',
    valid: (a) => a.policy as Record<string, unknown>,
    fields: { tambahanWeight: 'num', reportDueDay: 'num', evaluationFrequency: 'enum', hasilKerjaThresholds: 'obj', 'hasilKerjaThresholds.diAtas': 'num', holidays: 'arr' },
  },
  'PATCH /v1/complaints/{id}': {
    method: 'PATCH', path: (a) => `/v1/complaints/${a.complaintId}`, as: () => 'serang.admin',
    valid: () => ({ status: 'answered', answer: 'Sudah kami tindak lanjuti.', cause: 'prosedur', substantiated: false }),
    fields: { status: 'enum', answer: 'text', cause: 'enum' },
  },
  'POST /v1/agencies': {
    method: 'POST', path: () => '/v1/agencies', as: () => 'serang.admin',
    valid: () => ({ id: 'dishub-uji', name: 'Dinas Perhubungan', shortName: 'Dishub', kind: 'perhubungan' }),
    fields: { id: 'id', name: 'text', shortName: 'text', kind: 'enum' },
  },
  'PATCH /v1/agencies/{id}': {
    method: 'PATCH', path: (a) => `/v1/agencies/${a.pegawai.agencyId}`, as: () => 'serang.admin',
    valid: () => ({ name: 'Dinas Kesehatan Kota Serang', kind: 'kesehatan' }),
    fields: { name: 'text', shortName: 'text', kind: 'enum' },
  },
  'POST /v1/agencies/{id}/units': {
    method: 'POST', path: (a) => `/v1/agencies/${a.pegawai.agencyId}/units`, as: () => 'serang.opd',
    valid: () => ({ name: 'Puskesmas Pembantu', kind: 'puskesmas', yearlyServiceUsers: 3000 }),
    fields: { name: 'text', kind: 'enum', yearlyServiceUsers: 'num' },
  },
  'PATCH /v1/agencies/{id}/units/{unitId}': {
    method: 'PATCH', path: (a) => `/v1/agencies/${a.pegawai.agencyId}/units/${a.pegawai.unitId}`, as: () => 'serang.opd',
    valid: () => ({ name: 'Puskesmas Rawat Inap', kind: 'puskesmas', yearlyServiceUsers: 3000 }),
    fields: { name: 'text', kind: 'enum', yearlyServiceUsers: 'num' },
  },
  'PUT /v1/agencies/{id}/org-ratings/{year}': {
    method: 'PUT', path: (a) => `/v1/agencies/${a.pegawai.agencyId}/org-ratings/${a.period.slice(0, 4)}`, as: () => 'serang.admin',
    valid: () => ({ rating: 'BAIK' }),
    fields: { rating: 'enum' },
  },
  'POST /v1/forums': {
    method: 'POST', path: () => '/v1/forums', as: () => 'serang.opd',
    valid: () => ({ agencyId: 'dinkes', date: '2025-03-04', place: 'Aula Puskesmas', participants: { citizens: 20, officers: 4 }, minutes: 'Warga menyampaikan antrean yang lama.', issues: [{ text: 'Antrean lama', element: 'u3' }], actions: [{ title: 'Tambah loket', owner: 'Sekretariat', due: '2025-04-01' }] }),
    fields: { agencyId: 'id', date: 'enum', place: 'text', minutes: 'text', 'participants.citizens': 'num', 'issues.0.element': 'enum', 'issues.0.text': 'text', actions: 'arr', 'actions.0.due': 'enum' },
  },
  'POST /v1/ikm/follow-ups': {
    method: 'POST', path: () => '/v1/ikm/follow-ups', as: () => 'serang.opd',
    valid: (a) => ({ unitId: a.pegawai.unitId, period: a.period, elements: ['u3'], actions: [{ title: 'Pantau waktu layanan', owner: 'Kepala unit', due: '2099-01-31' }] }),
    fields: { unitId: 'id', period: 'enum', elements: 'arr', actions: 'arr', 'actions.0.title': 'text', 'actions.0.due': 'enum' },
  },
  'PATCH /v1/forums/{id}/actions/{actionId}': {
    method: 'PATCH', path: () => '/v1/forums/frm_0000000000000000/actions/a1', as: () => 'serang.admin',
    valid: () => ({ status: 'done', note: 'Selesai' }),
    fields: { status: 'enum', note: 'text' },
  },
  'POST /v1/evaluations/runs': {
    method: 'POST', path: () => '/v1/evaluations/runs', as: () => 'serang.admin',
    valid: (a) => ({ period: a.evalPeriod }),
    fields: { period: 'enum' },
  },
  'POST /v1/evaluations/{id}/objections': {
    method: 'POST', path: (a) => `/v1/evaluations/${a.pegawai.id}.${a.evalPeriod}/objections`, as: (a) => a.pegawai.nip,
    valid: () => ({ reason: 'Nilai perilaku tidak sesuai catatan saya' }),
    fields: { reason: 'text' },
  },
  'POST /v1/objections/{id}/decision': {
    method: 'POST', path: (a) => `/v1/objections/${a.colleague.id}.${a.evalPeriod}/decision`, as: (a) => `decider:${a.atasan.supervisorId}`,
    valid: () => ({ decision: 'amend', note: 'Diubah', amendedPredikat: 'BAIK' }),
    fields: { decision: 'enum', note: 'text', amendedPredikat: 'enum' },
  },
  'POST /v1/officers/{id}/feedback': {
    method: 'POST', path: (a) => `/v1/officers/${a.pegawai.id}/feedback`, as: () => 'serang.atasan',
    valid: (a) => ({ kind: 'bimbingan', period: a.period, rhkId: 'rhk1', note: 'Lengkapi bukti dukung laporan.' }),
    fields: { kind: 'enum', period: 'enum', rhkId: 'id', note: 'text' },
  },
  'POST /v1/feedback/{id}/replies': {
    method: 'POST', path: () => '/v1/feedback/fb_0000000000000000/replies', as: (a) => a.pegawai.nip,
    valid: () => ({ note: 'Siap, segera saya lengkapi.' }),
    fields: { note: 'text' },
  },
  // A kinerja award for an officer without candidacy: refused (409) even when nothing else is wrong.
  'POST /v1/awards': {
    method: 'POST', path: () => '/v1/awards', as: () => 'serang.admin',
    valid: (a) => ({ officerId: a.pegawai.id, kind: 'kinerja', title: 'Pegawai Berkinerja Terbaik', citation: 'Atas predikat Sangat Baik berturut-turut.', period: a.evalPeriod }),
    fields: { officerId: 'id', kind: 'enum', title: 'text', citation: 'text', period: 'enum' },
  },
  'POST /v1/me/notifications/read': {
    method: 'POST', path: () => '/v1/me/notifications/read', as: (a) => a.pegawai.nip,
    valid: (a) => ({ ids: [Buffer.from(`OFFICER#${a.pegawai.id}|N#2025-01-01T00:00:00.000Z#x`, 'utf8').toString('base64url')] }),
    fields: { ids: 'arr', 'ids.0': 'id' },
  },
  'POST /v1/notifications/runs': {
    method: 'POST', path: () => '/v1/notifications/runs', as: () => 'serang.admin',
    valid: () => ({ day: new Date().toISOString().slice(0, 10) }),
    fields: { day: 'enum' },
  },
};

// --- hostile values, each invalid for any field of its kind -------------------------------------
const ODD = ['\u0000', '\u0007', '\u001b[31m', '\u202e', '\u2066', '\ud800', '\udfff', '\u200b', '\ufeff', '\u0301', '\u{1F4A9}', '\u00a0', '%00', '../', '<script>'];
const oddString = fc.array(fc.constantFrom(...ODD, 'a', 'Z', '9', ' '), { minLength: 1, maxLength: 12 }).map((a) => a.join(''))
  .filter((s) => /[^\x20-\x7e]|[<%./]|^\s|\s$/.test(s)); // never a plain id, so never valid where an id is due
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
/** Raw JSON number tokens (spliced in unquoted) and NaN-like strings: never a valid number here. */
const RAW = (t: string) => `@@RAW:${t}@@`;
const badNumber = fc.oneof(
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '-0', '1e308', '0x10', '١', '１', ' 1', '1,5', ''),
  fc.constantFrom(RAW('-1e308'), RAW('1e999'), RAW('-1e999'), RAW('-1'), RAW('-0.5'), RAW('1e-400')).filter((r) => !r.includes('1e-400')),
  fc.constant(-1), wrongType.filter((v) => typeof v !== 'number'),
);
const HOSTILE: Record<Kind, fc.Arbitrary<unknown>> = {
  id: fc.oneof(oddString, wrongType),
  text: fc.oneof(wrongType, fc.constant('x'.repeat(70 * 1024))), // too long → 413
  num: badNumber,
  enum: fc.oneof(oddString, wrongType, fc.constantFrom('APPROVE', 'approve ', 'toString', '__proto__', '2099-13', '2024-1', '9999-99-99')),
  obj: fc.oneof(fc.constantFrom('{}', 'null', 'yes'), fc.integer(), fc.array(fc.integer(), { maxLength: 2 }), fc.constant(JSON.parse('{"__proto__":{"admin":true}}'))),
  arr: fc.oneof(fc.constantFrom('[]', 'null'), fc.integer(), fc.constant({}), fc.array(fc.constant(null), { minLength: 1, maxLength: 3 })),
};

function setPath(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(obj);
  const parts = path.split('.');
  let at: any = copy;
  for (const p of parts.slice(0, -1)) at = at[p] ??= {};
  at[parts.at(-1)!] = value;
  return copy;
}
const toText = (v: unknown) => JSON.stringify(v).replace(/"@@RAW:([^@]+)@@"/g, '$1');

/** A body that is refused whatever else it carries: one field broken, maybe extra keys and odd text elsewhere. */
const mutation = (t: Target, a: TenantFx) => {
  const fieldNames = Object.keys(t.fields);
  const broken = fc.constantFrom(...fieldNames).chain((f) => HOSTILE[t.fields[f]!].map((v) => ({ f, v })));
  const extras = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'roles', 'tenantId', 'isAdmin', '$where'), fc.oneof(oddString, wrongType), { maxKeys: 2 });
  const fieldCase = fc.tuple(broken, extras).map(([{ f, v }, x]) => toText({ ...x, ...setPath(t.valid(a), f, v) }));
  const valid = JSON.stringify(t.valid(a));
  const structural = fc.oneof(
    fc.constantFrom('null', '[]', '"body"', '123', 'true', '{', '{"a":', '{"a" 1}', '\u0000', "{'a':1}", '{"a":1}//', 'NaN'),
    fc.integer({ min: 33, max: 3000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
    fc.integer({ min: 33, max: 1000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
    // the same key twice: first a valid value, then another (JSON.parse would keep the last silently)
    fc.constantFrom(...Object.keys(t.valid(a))).map((k) => `{${JSON.stringify(k)}:${JSON.stringify(t.valid(a)[k])},${valid.slice(1)}`),
    fc.constant(valid.slice(0, -1) + `,"pad":"${'x'.repeat(65 * 1024)}"}`),
  );
  return fc.oneof({ weight: 3, arbitrary: fieldCase }, { weight: 2, arbitrary: structural });
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

describe.each(Object.keys(TARGETS))('%s', (key) => {
  it('refuses 40 hostile bodies with a clean 4xx', async () => {
    const t = TARGETS[key]!;
    await fc.assert(fc.asyncProperty(mutation(t, a), async (raw) => {
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

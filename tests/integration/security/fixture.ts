// The few resources the security tests need, per tenant: plans and submitted reports of an officer and
// a colleague (made through the API), a training each, a complaint, evaluations with a pending
// objection and an evaluation run (written directly: the engine is tested elsewhere).
import { expect } from 'vitest';
import type { Officer } from '../../../functions/data/org-repository.js';
import { batchPut } from '../../../functions/data/batch.js';
import { addMonths, monthOf } from '../../../functions/domain/periods.js';
import { evaluationItem, type Evaluation } from '../../../functions/evaluations/repository.js';
import { createRun } from '../../../functions/evaluations/runs.js';
import type { Harness } from '../harness.js';

export const PLAN = {
  rhk: [{ id: 'rhk1', kind: 'utama', title: 'Pelayanan', indicators: [
    { id: 'layanan', name: 'Layanan selesai', aspect: 'kuantitas', target: 100, unit: 'layanan', source: 'report' },
  ] }],
};
export const ITEMS = [{ indicatorId: 'layanan', value: 95 }];
export const BEHAVIOUR = { berorientasi_pelayanan: 3, akuntabel: 3, kompeten: 2, harmonis: 2, loyal: 2, adaptif: 2, kolaboratif: 2 };
export const COMPLAINT_TEXT = 'Antrian di loket terlalu lama dan petugas sering tidak ada di tempat.';

export interface TenantFx {
  tenant: string;
  period: string;
  evalPeriod: string;
  pegawai: Officer;
  /** Same supervisor as pegawai: a colleague whose data pegawai must not see. */
  colleague: Officer;
  atasan: Officer;
  /** A supervisor in another agency: outside pegawai's chain. */
  outsider: Officer;
  complaintId: string;
  complaintCode: string;
  runId: string;
  policy: unknown;
}

const TZ: Record<string, string> = { serang: 'Asia/Jakarta', banjarbaru: 'Asia/Makassar' };

export async function buildTenant(h: Harness, tenant: string, clientIp: string): Promise<TenantFx> {
  const seeded = h.seeded.tenants.find((t) => t.tenant.id === tenant)!;
  const byId = new Map(seeded.officers.map((o) => [o.id, o]));
  const user = (u: string) => byId.get(h.seeded.users.find((x) => x.username === `${tenant}.${u}`)!.officerId!)!;
  const pegawai = user('pegawai');
  const atasan = user('atasan');
  const colleague = seeded.officers.find((o) => o.supervisorId === atasan.id && o.id !== pegawai.id)!;
  const supervisors = new Set(seeded.officers.map((o) => o.supervisorId));
  const outsider = seeded.officers.find((o) => o.agencyId !== pegawai.agencyId && supervisors.has(o.id))!;
  const period = monthOf(new Date(), TZ[tenant] ?? 'Asia/Jakarta');
  const year = Number(period.slice(0, 4));

  for (const o of [pegawai, colleague]) {
    expect((await h.agreedPlan(o.id, year, `${tenant}.atasan`, PLAN)).status).toBe(200);
    expect((await h.call('POST', '/v1/reports', { as: o.nip, body: { officerId: o.id, period, items: ITEMS } })).status).toBe(201);
    const training = { officerId: o.id, title: 'Pelatihan pelayanan prima', jp: 4, date: `${period}-01`, provider: 'BPSDM' };
    expect((await h.call('POST', '/v1/trainings', { as: o.nip, body: training })).status).toBe(201);
  }
  const filed = await h.call('POST', '/v1/public/complaints', {
    headers: { 'x-forwarded-for': clientIp },
    body: { tenant, unitId: pegawai.unitId, category: 'pelayanan', description: COMPLAINT_TEXT, contact: 'warga@example.com' },
  });
  expect(filed.status).toBe(201);
  const list = await h.call('GET', '/v1/complaints', { as: `${tenant}.admin` });
  const complaintId = list.body.complaints.find((c: { code: string }) => c.code === filed.body.code).id;

  const evalPeriod = addMonths(period, -1);
  const evaluatedAt = new Date().toISOString();
  const runId = `run_${evalPeriod}_sec${tenant.slice(0, 4)}`;
  const evaluation = (o: Officer): Evaluation => ({
    id: `${o.id}.${evalPeriod}`, tenant, officerId: o.id, agencyId: o.agencyId, unitId: o.unitId, period: evalPeriod, runId, evaluatedAt,
    capaian: 95, hasilKerja: 'SESUAI', perilaku: 'SESUAI', predikat: 'BAIK', ikm: null, trainingJp: 4, flags: [], recommendations: [],
    // pegawai's is open for an objection; the colleague's already has one pending with atasan's supervisor.
    ...(o === colleague ? { objection: { id: `${o.id}.${evalPeriod}`, reason: 'Nilai perilaku tidak sesuai catatan saya', filedAt: evaluatedAt, filedBy: o.id, deciderId: atasan.supervisorId, status: 'pending' as const } } : {}),
  });
  await batchPut([evaluationItem(evaluation(pegawai)), evaluationItem(evaluation(colleague))]);
  await createRun({ id: runId, tenant, period: evalPeriod, trigger: 'manual', startedBy: 'test', officersTotal: 2, batchesTotal: 1, officersDone: 2, officersFailed: 0, dlq: 0, status: 'done', startedAt: evaluatedAt, endedAt: evaluatedAt });
  const policy = (await h.call('GET', '/v1/policy', { as: `${tenant}.admin` })).body.policy;
  return { tenant, period, evalPeriod, pegawai, colleague, atasan, outsider, complaintId, complaintCode: filed.body.code, runId, policy };
}

// Contract of the plans function: the SKP (rencana hasil kerja), its agreement, history and cascade.
import { AgreementBody, PlanBody, PlanParams } from '../plans/schema.js';
import { arr, int, obj, ok, oneOf, opt, page, str, type Contract } from './registry.js';

const Plan = obj({ officerId: str, year: int, version: int, status: str, rhk: arr(obj({ id: str, kind: oneOf(['utama', 'tambahan'] as const), title: str, indicators: arr(obj({ id: str, name: str, unit: str })) })) });
const CascadeNode = obj({ id: str, kind: str, title: str, officerId: str, children: arr(obj({ id: str })) });
export const PLAN_EXAMPLE = {
  version: 0,
  rhk: [{
    id: 'rhk1', kind: 'utama', title: 'Meningkatnya cakupan imunisasi dasar lengkap',
    indicators: [{ id: 'r1i1', name: 'Bayi diimunisasi lengkap', aspect: 'kuantitas', target: 40, unit: 'bayi', source: 'report' }],
  }],
};

export const plansContract: Contract = {
  'GET /v1/officers/{id}/plans/{year}': {
    tag: 'SKP', summary: 'Sasaran Kinerja Pegawai (SKP) setahun', params: PlanParams,
    responses: ok(Plan),
  },
  'PUT /v1/officers/{id}/plans/{year}': {
    tag: 'SKP', summary: 'Menyimpan SKP (atasan, admin); `version` untuk konkurensi optimistis (409 bila berbeda)', params: PlanParams,
    body: { schema: PlanBody, example: PLAN_EXAMPLE },
    responses: ok(Plan, 'SKP tersimpan'),
  },
  'POST /v1/officers/{id}/plans/{year}/agreement': {
    tag: 'SKP', summary: 'Menyetujui draf SKP (pegawai dan atasannya); `agreed` bila keduanya setuju', params: PlanParams,
    body: { schema: AgreementBody, example: { version: 1 } },
    responses: ok(Plan, 'Persetujuan tercatat'),
  },
  'GET /v1/officers/{id}/plans/{year}/history': {
    tag: 'SKP', summary: 'Riwayat perubahan SKP', params: PlanParams,
    responses: ok(page(obj({ version: opt(int) }))),
  },
  'GET /v1/officers/{id}/plans/{year}/cascade': {
    tag: 'SKP', summary: 'Cascading RHK: RHK pegawai dengan RHK bawahan di bawahnya, berjenjang', params: PlanParams,
    responses: ok(obj({ officerId: str, year: int, rhk: arr(CascadeNode) })),
  },
};

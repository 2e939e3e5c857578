// Contract of the contract itself: the OpenAPI document route (served by functions/contract/handler.ts).
import { anything, obj, ok, record, str, type Contract } from './registry.js';

export const metaContract: Contract = {
  'GET /v1/openapi.json': {
    tag: 'Kontrak API', summary: 'Dokumen OpenAPI 3.1 ini', description: 'Dibangun dari skema zod dan tabel rute yang dipakai handler; halaman bacanya ada di `/docs`.',
    responses: ok(obj({ openapi: str, info: obj({ title: str }), paths: record(anything) })),
  },
};

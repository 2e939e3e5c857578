// OpenAPI 3.1 from the route table (functions/routes.ts) and the contract registry: paths carry the
// whole /v1/… path; request schemas are the handlers' own zod schemas as JSON Schema 2020-12.
import * as z from 'zod/mini';
import { ROUTES, routeKey, type RouteDef } from '../routes.js';
import { CONTRACT } from './index.js';
import { ErrorBody, type Op, type Schema } from './registry.js';

type Json = Record<string, any>;

/** JSON Schema 2020-12 of a zod schema: requests as the handler accepts them, responses as sent. */
export function jsonSchema(schema: Schema, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  return openObjects(rest);
}

/** `additionalProperties: {}` (an open response object) says what its absence says; readers render it as noise. */
function openObjects(s: Json): Json {
  if (Array.isArray(s)) return s.map(openObjects);
  if (!s || typeof s !== 'object') return s;
  const out: Json = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'additionalProperties' && v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = k === 'properties' || k === '$defs' ? Object.fromEntries(Object.entries(v as Json).map(([p, x]) => [p, openObjects(x)])) : openObjects(v);
  }
  return out;
}

const ERRORS: Record<number, string> = {
  400: 'Masukan tidak valid; `details` menyebut setiap kolom yang salah',
  401: 'Belum masuk, atau token tidak sah',
  403: 'Tidak berwenang atas sumber ini',
  404: 'Tidak ditemukan (atau milik tenant lain)',
  409: 'Konflik: versi berbeda, sudah ada, atau status tidak mengizinkan',
  413: 'Badan permintaan terlalu besar',
  429: 'Terlalu banyak permintaan; coba lagi setelah `Retry-After` detik',
};

function errorStatuses(def: RouteDef, op: Op | undefined): number[] {
  const codes = [400];
  if (def.auth === 'user') codes.push(401, 403);
  if (def.path.includes('{')) codes.push(404);
  if (def.method !== 'GET') codes.push(409);
  if (op?.body) codes.push(413);
  if (def.auth === 'public') codes.push(429);
  return codes;
}

const HEADERS: Record<string, Json> = {
  'Idempotency-Key': { name: 'Idempotency-Key', in: 'header', required: false, description: 'Kunci pengulangan aman: permintaan yang sama dengan kunci yang sama dijawab sekali.', schema: { type: 'string', minLength: 1, maxLength: 128 } },
  'X-Kiosk-Token': { name: 'X-Kiosk-Token', in: 'header', required: false, description: 'Token perangkat kios di loket (POST /v1/kiosk-tokens).', schema: { type: 'string' } },
};

function parameters(def: RouteDef, op: Op | undefined): Json[] {
  const out: Json[] = [];
  const pathProps = op?.params ? (jsonSchema(op.params, 'input').properties ?? {}) : {};
  for (const [, name] of def.path.matchAll(/\{([^}]+)\}/g)) {
    out.push({ name, in: 'path', required: true, schema: pathProps[name!] ?? { type: 'string', minLength: 1 } });
  }
  if (op?.query) {
    const q = jsonSchema(op.query, 'input');
    const required = new Set<string>(q.required ?? []);
    for (const [name, schema] of Object.entries<Json>(q.properties ?? {})) {
      const pageDoc = name === 'limit' ? 'Banyaknya butir per halaman (bawaan 50, paling banyak 200)' : name === 'cursor' ? 'Kursor dari `nextCursor` halaman sebelumnya' : undefined;
      out.push({ name, in: 'query', required: required.has(name), schema, ...(pageDoc ? { description: pageDoc } : {}) });
    }
  }
  for (const h of op?.headers ?? []) out.push(HEADERS[h]!);
  return out;
}

const operationId = (def: RouteDef) =>
  def.method.toLowerCase() + def.path.replace(/^\/v1/, '').split(/[/.-]/).filter(Boolean)
    .map((p) => (p.startsWith('{') ? `By${p[1]!.toUpperCase()}${p.slice(2, -1)}` : p[0]!.toUpperCase() + p.slice(1))).join('');

function operation(def: RouteDef, op: Op | undefined): Json {
  const responses: Json = {};
  for (const [status, res] of Object.entries(op?.responses ?? {})) {
    const type = res.contentType ?? 'application/json';
    const content = res.schema || res.contentType
      ? { [type]: { schema: res.schema ? jsonSchema(res.schema, 'output') : { type: 'string', format: 'binary' }, ...(res.example === undefined ? {} : { example: res.example }) } }
      : undefined;
    responses[status] = { description: res.description, ...(content ? { content } : {}) };
  }
  for (const code of errorStatuses(def, op)) responses[code] = { $ref: `#/components/responses/E${code}` };
  responses.default = { $ref: '#/components/responses/Error' };
  const body = op?.body
    ? { requestBody: { required: true, content: { [op.body.contentType ?? 'application/json']: { schema: jsonSchema(op.body.schema, 'input'), example: op.body.example } } } }
    : {};
  return {
    operationId: operationId(def),
    tags: [op?.tag ?? 'Belum didokumentasikan'],
    summary: op?.summary ?? 'Belum didokumentasikan',
    ...(op?.description ? { description: op.description } : {}),
    ...(op ? {} : { 'x-undocumented': true }),
    security: def.auth === 'public' ? [] : [{ bearer: [] }],
    parameters: parameters(def, op),
    ...body,
    responses,
  };
}

let built: Json | undefined;

/** The OpenAPI 3.1 document of every route in functions/routes.ts (built once per process). */
export function openApiDocument(): Json {
  if (built) return built;
  const paths: Json = {};
  const tags: string[] = [];
  for (const def of ROUTES) {
    const op = CONTRACT[routeKey(def)];
    const o = operation(def, op);
    if (!tags.includes(o.tags[0])) tags.push(o.tags[0]);
    (paths[def.path] ??= {})[def.method.toLowerCase()] = o;
  }
  const error = jsonSchema(ErrorBody, 'output');
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  built = {
    openapi: '3.1.0',
    info: {
      title: 'Kinerja ASN API',
      version: '1',
      description: 'Manajemen kinerja ASN: SKP, laporan bulanan, penilaian, evaluasi, IKM, pengaduan, dan kunjungan lapangan. '
        + 'Semua daftar menjawab `{items, nextCursor}` dengan parameter `limit` dan `cursor`. Setiap penolakan menjawab bentuk galat yang sama '
        + 'dan tidak menyimpan apa pun.',
    },
    tags: tags.map((name) => ({ name })),
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Token akses dari proses masuk (Cognito atau penyedia OIDC tenant).' } },
      schemas: { Error: error },
      responses: {
        ...Object.fromEntries(Object.entries(ERRORS).map(([code, text]) => [`E${code}`, errorResponse(text)])),
        Error: errorResponse('Galat lain; 503 berarti layanan sementara tidak tersedia dan tidak ada yang tersimpan'),
      },
    },
  };
  return built;
}

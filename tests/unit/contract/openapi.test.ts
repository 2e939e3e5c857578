// The published contract (GET /v1/openapi.json) against the route table the handlers use: valid
// OpenAPI 3.1 by a validator nobody here wrote, every route of functions/routes.ts in it with its
// request and response documented, and every example accepted by the very schema it illustrates.
import { describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
import { openApiDocument } from '../../../functions/contract/document.js';
import { CONTRACT } from '../../../functions/contract/index.js';
import { ROUTES, routeKey } from '../../../functions/routes.js';

const doc = openApiDocument();

describe('OpenAPI document', () => {
  it('validates as OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid, JSON.stringify(result.valid ? [] : result.errors, null, 1).slice(0, 3000)).toBe(true);
  });

  it('lists every route of functions/routes.ts (method and whole /v1 path), and nothing else', () => {
    const listed = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    expect(listed).toEqual(ROUTES.map(routeKey).sort());
    expect(listed.every((k) => k.split(' ')[1]!.startsWith('/v1/'))).toBe(true);
  });

  it('documents the request (body where the route takes one) and a success response of every route', () => {
    const missing = ROUTES.map(routeKey).flatMap((key) => {
      const op = CONTRACT[key];
      if (!op) return [`${key}: no entry in functions/contract`];
      const problems: string[] = [];
      if (!key.startsWith('GET ') && !op.body && !op.noBody) problems.push(`${key}: a write without a documented body (or noBody)`);
      const ok = Object.entries(op.responses).filter(([s]) => Number(s) >= 200 && Number(s) < 300);
      if (!ok.length) problems.push(`${key}: no success response`);
      for (const [s, r] of ok) if (!r.schema && !r.contentType && s !== '204') problems.push(`${key}: ${s} without a schema`);
      return problems;
    });
    expect(missing).toEqual([]);
    expect(Object.keys(CONTRACT).filter((k) => !ROUTES.some((r) => routeKey(r) === k)), 'entries for routes that do not exist').toEqual([]);
  });

  it('marks public routes with security: [] and signed-in routes with the bearer JWT', () => {
    for (const r of ROUTES) {
      const op = doc.paths[r.path][r.method.toLowerCase()];
      expect(op.security, routeKey(r)).toEqual(r.auth === 'public' ? [] : [{ bearer: [] }]);
    }
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  // Histories answered whole in one page today (bounded by the writes that make them; nextCursor is
  // always null and the handlers take no limit or cursor): documented as they are, listed here.
  const WHOLE_HISTORIES = ['GET /v1/policy/history', 'GET /v1/officers/{id}/plans/{year}/history', 'GET /v1/evaluations/{id}/history'];

  it('gives every list route limit and cursor and answers {items, nextCursor}', () => {
    let lists = 0;
    for (const r of ROUTES) {
      const op = doc.paths[r.path][r.method.toLowerCase()];
      const ok = op.responses['200']?.content?.['application/json']?.schema;
      if (!ok?.properties?.nextCursor) continue;
      lists++;
      expect(ok.properties.items?.type, routeKey(r)).toBe('array');
      if (WHOLE_HISTORIES.includes(routeKey(r))) continue;
      expect(op.parameters.map((p: { name: string }) => p.name), routeKey(r)).toEqual(expect.arrayContaining(['limit', 'cursor']));
      expect(op.parameters.find((p: { name: string }) => p.name === 'limit').schema).toMatchObject({ minimum: 1, maximum: 200 });
    }
    expect(lists).toBeGreaterThan(15);
  });

  it('carries the error shape on every operation', () => {
    for (const r of ROUTES) {
      const op = doc.paths[r.path][r.method.toLowerCase()];
      expect(op.responses['400'], routeKey(r)).toEqual({ $ref: '#/components/responses/E400' });
      expect(op.responses.default, routeKey(r)).toBeDefined();
    }
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message', 'details']);
  });

  it('every request example is accepted by the schema the handler validates with', () => {
    const refused = Object.entries(CONTRACT).flatMap(([key, op]) => {
      if (!op.body || op.body.contentType) return [];
      const res = op.body.schema['~standard'].validate(op.body.example) as { issues?: unknown[] };
      return res.issues ? [`${key}: ${JSON.stringify(res.issues).slice(0, 300)}`] : [];
    });
    expect(refused).toEqual([]);
  });
});

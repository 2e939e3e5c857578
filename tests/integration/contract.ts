// The contract check every integration test runs through the harness: each real response of a route
// of functions/routes.ts is held against the OpenAPI document's schema for its status (a success
// status the document does not list is a mismatch; refusals must have the error shape). Validation
// uses the document itself (JSON Schema → zod via z.fromJSONSchema), not the zod sources.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { openApiDocument } from '../../functions/contract/document.js';
import { ROUTES, routeKey, type RouteDef } from '../../functions/routes.js';

const doc = openApiDocument();
const matchers = ROUTES.map((r) => ({
  r,
  re: new RegExp(`^${r.path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  literal: r.path.replace(/\{[^}]+\}/g, '').length,
}));

/** The route of the table a concrete request hits (the most literal match, as API Gateway picks). */
export function routeOf(method: string, url: string): RouteDef | undefined {
  const path = url.split('?')[0]!;
  return matchers.filter((m) => m.r.method === method.toUpperCase() && m.re.test(path)).sort((a, b) => b.literal - a.literal)[0]?.r;
}

const compiled = new Map<object, z.ZodType>();
const validatorOf = (schema: object) => {
  if (!compiled.has(schema)) compiled.set(schema, z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]));
  return compiled.get(schema)!;
};
const errorSchema = doc.components.schemas.Error as object;

/** Why a response breaks the document, or undefined when it holds (or the route is not documented yet). */
export function contractProblem(method: string, url: string, status: number, body: unknown, contentType: string): string | undefined {
  const route = routeOf(method, url);
  if (!route) return undefined; // /v1/dev/* and static files are not in the contract
  const op = doc.paths[route.path][route.method.toLowerCase()];
  if (op['x-undocumented']) return undefined; // tests/unit/contract fails for it instead
  const key = routeKey(route);
  if (status >= 400) {
    if (!contentType.includes('json')) return `${key} ${status}: a refusal that is not JSON`;
    const r = validatorOf(errorSchema).safeParse(body);
    return r.success ? undefined : `${key} ${status}: not the error shape: ${z.prettifyError(r.error)}`;
  }
  const res = op.responses[String(status)];
  if (!res) return `${key}: status ${status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`;
  const media = res.content?.['application/json'];
  if (!media) {
    const types = Object.keys(res.content ?? {});
    return types.length && !types.some((t) => contentType.startsWith(t)) ? `${key} ${status}: content-type ${contentType}, documented ${types.join(', ')}` : undefined;
  }
  const r = validatorOf(media.schema).safeParse(body);
  return r.success ? undefined : `${key} ${status}: ${z.prettifyError(r.error)}\n  in ${JSON.stringify(body).slice(0, 400)}`;
}

/** With CONTRACT_RECORD_DIR set, each checked response is logged there (route and status), one file per process. */
export function recordResponse(method: string, url: string, status: number): void {
  const dir = process.env.CONTRACT_RECORD_DIR;
  const route = dir ? routeOf(method, url) : undefined;
  if (!dir || !route) return;
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${process.pid}.jsonl`), `${JSON.stringify({ route: routeKey(route), status })}\n`);
}

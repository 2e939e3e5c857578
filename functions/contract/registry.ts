// The API contract's registry: per route of functions/routes.ts, the very zod schemas its handler
// validates with (body, query, path), the response schemas, and words for people (Bahasa Indonesia).
// functions/contract/document.ts turns it into OpenAPI 3.1; tests check every route is in it and
// replay the integration tests' real responses against it. One file per feature (functions/contract/*.ts).
import * as z from 'zod/mini';

export type Schema = z.ZodMiniType;

export interface Res {
  description: string;
  /** JSON body schema; absent for a body-less answer (204) or a non-JSON one (contentType). */
  schema?: Schema;
  /** e.g. 'application/pdf' or 'text/csv' for a download. */
  contentType?: string;
  example?: unknown;
}

export interface Op {
  tag: string;
  summary: string;
  description?: string;
  /** Path parameters as the handler parses them; a parameter it does not name is an opaque string. */
  params?: Schema;
  /** Query parameters (a zod object): every property becomes one parameter. */
  query?: Schema;
  /** JSON body (or text/csv with contentType) and a valid example of it. */
  body?: { schema: Schema; example: unknown; contentType?: string };
  /** A write that takes no body (else a non-GET route without `body` fails tests/unit/contract). */
  noBody?: true;
  /** Request headers the route honours. */
  headers?: ('Idempotency-Key' | 'X-Kiosk-Token')[];
  /** Success statuses and their bodies. Error statuses are added by the document (the error shape). */
  responses: Record<number, Res>;
}

/** "METHOD /v1/path" (as in functions/routes.ts) → its operation. */
export type Contract = Record<string, Op>;

// --- response shape helpers: objects stay open (looseObject), so adding a field is never a break ---
export const obj = <T extends z.core.$ZodLooseShape>(shape: T) => z.looseObject(shape);
export const str = z.string();
export const num = z.number();
export const int = z.number().check(z.int());
export const bool = z.boolean();
export const nullable = <T extends Schema>(s: T) => z.nullable(s);
export const opt = <T extends Schema>(s: T) => z.optional(s);
export const arr = <T extends Schema>(s: T) => z.array(s);
export const oneOf = <T extends readonly string[]>(values: T) => z.enum(values as unknown as [T[number], ...T[number][]]);
export const record = <T extends Schema>(value: T) => z.record(z.string(), value);
export const anything = z.unknown();
export const isoTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T/));

/** DESIGN §4 Lists: `{items, nextCursor}`; `named` keeps the legacy array name beside items. */
export const page = <T extends Schema>(item: T, extra: z.core.$ZodLooseShape = {}) =>
  z.looseObject({ items: z.array(item), nextCursor: z.nullable(z.string()), ...extra });

export const ok = (schema: Schema, description = 'Berhasil', example?: unknown): Record<number, Res> => ({ 200: { description, schema, example } });
export const created = (schema: Schema, description = 'Tersimpan', example?: unknown): Record<number, Res> => ({ 201: { description, schema, example } });

/** The error shape of every refusal (functions/http/errors.ts, DESIGN §4). */
export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    details: z.array(z.strictObject({ field: z.string(), message: z.string() })),
  }),
});

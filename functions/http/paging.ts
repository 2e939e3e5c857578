// DESIGN §4 Lists: every list route takes `limit` (default 50, at most 200) and an opaque `cursor`,
// and answers `{items, nextCursor}`. A cursor is the table's LastEvaluatedKey, base64url JSON; it is
// only accepted for the partition the request itself queries, so a forged cursor cannot reach
// another tenant's items (nor make DynamoDB answer a 500 for a foreign start key).
import * as z from 'zod/mini';
import { badRequest } from './errors.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** Query fields shared by every list route; spread into a route's own query schema. */
export const pageQuery = {
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_LIMIT))),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2000), z.regex(/^[A-Za-z0-9_-]+$/, 'Not a cursor from this API'))),
};

export interface PageRequest { limit?: number; cursor?: string }
export interface Page<T> { items: T[]; nextCursor: string | null }

export type StartKey = Record<string, string | number>;

export function encodeCursor(key: StartKey | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;
}

const bad = () => badRequest('Invalid cursor', [{ field: 'cursor', message: 'Not a cursor of this list; start again without it' }]);

/**
 * The start key inside a cursor. `partition` names the key attribute(s) the request queries with
 * their values (e.g. `{ GSI1PK: 'TENANT#x#…' }`); a cursor whose values differ is refused. `within`
 * names sort-key attributes the list reads a range of by its prefix (e.g. `{ SK: 'RUN#run_2025-01_' }`);
 * a cursor outside that range is refused too.
 */
export function decodeCursor(cursor: string | undefined, partition: Record<string, string>, within: Record<string, string> = {}): StartKey | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!key || typeof key !== 'object' || Array.isArray(key)) throw bad();
  const entries = Object.entries(key as Record<string, unknown>);
  if (entries.length === 0 || entries.length > 4) throw bad();
  if (!entries.every(([k, v]) => /^(PK|SK|GSI[12]PK|GSI[12]SK)$/.test(k) && typeof v === 'string' && v.length <= 1024)) throw bad();
  for (const [k, v] of Object.entries(partition)) if ((key as Record<string, unknown>)[k] !== v) throw bad();
  for (const [k, prefix] of Object.entries(within)) if (!String((key as Record<string, unknown>)[k]).startsWith(prefix)) throw bad();
  return key as StartKey;
}

export const pageLimit = (req: PageRequest) => req.limit ?? DEFAULT_LIMIT;

// Idempotency-Key (DESIGN §4): the header's shape, the fingerprint of the body a key is bound to,
// and the answer to a key reused for another body. Shared by every route that honours the header.
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { HttpError } from './errors.js';
import { parse } from './validation.js';

export const IdempotencyKey = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(128), z.regex(/^[\x21-\x7e]+$/, 'Printable ASCII without spaces')));

/** The request's Idempotency-Key, validated (400 naming the header), or undefined when absent. */
export const idempotencyKeyOf = (headers: Record<string, string>): string | undefined =>
  parse(IdempotencyKey, headers['idempotency-key'] || undefined, 'Idempotency-Key');

/** SHA-256 of the validated body: a retry must carry the same body to be answered as the first. */
export const bodyFingerprint = (body: unknown): string => createHash('sha256').update(JSON.stringify(body)).digest('base64url');

export const keyReused = () => new HttpError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request; use a new key for a new submission');

/** The first answer for a retried key, or 422 when the key came with another body. */
export function replayOf<T>(stored: { bodyHash: string; result: T }, bodyHash: string): T {
  if (stored.bodyHash !== bodyHash) throw keyReused();
  return stored.result;
}

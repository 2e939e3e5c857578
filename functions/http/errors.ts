// Errors carry their HTTP status and the contract's error code; anything else becomes a 500
// whose detail stays in the logs. Services raise domain errors (functions/domain/errors.ts); this
// edge gives them their status.
import { DomainError, type DomainErrorKind } from '../domain/errors.js';

export interface ErrorDetail { field: string; message: string }

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details: ErrorDetail[] = []) => new HttpError(400, 'VALIDATION_FAILED', message, details);
export const unauthorized = (message = 'Sign in required') => new HttpError(401, 'UNAUTHORIZED', message);
export const forbidden = (message = 'Not allowed') => new HttpError(403, 'FORBIDDEN', message);
export const notFound = (what = 'Resource') => new HttpError(404, 'NOT_FOUND', `${what} not found`);
export const conflict = (message: string, details: ErrorDetail[] = []) => new HttpError(409, 'CONFLICT', message, details);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new HttpError(429, 'RATE_LIMITED', `Too many requests; retry after ${retryAfterSeconds} s`, [], { 'retry-after': String(retryAfterSeconds) });
export const payloadTooLarge = (limit: number) => new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${limit} bytes`);
export const serviceUnavailable = () => new HttpError(503, 'UNAVAILABLE', 'Service temporarily unavailable; nothing was saved, please retry', [], { 'retry-after': '1' });

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400, forbidden: 403, not_found: 404, conflict: 409, too_large: 413, unprocessable: 422, unavailable: 503,
};

/** The HTTP error a thrown value stands for: a domain error gets its kind's status; anything else is returned as is. */
export const httpErrorOf = (error: unknown): unknown =>
  error instanceof DomainError
    ? new HttpError(STATUS[error.kind], error.code, error.message, error.details,
      error.retryAfterSeconds === undefined ? {} : { 'retry-after': String(error.retryAfterSeconds) })
    : error;

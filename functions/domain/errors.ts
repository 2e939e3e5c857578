// What a service says went wrong, in the domain's words. The HTTP edge (functions/http/errors.ts
// httpErrorOf, used by functions/http/api.ts) turns each kind into its status: services never name one.
export interface FieldProblem { field: string; message: string }

export type DomainErrorKind = 'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'unprocessable' | 'too_large' | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** The contract's error code (DESIGN §4), e.g. NOT_FOUND, IDEMPOTENCY_KEY_REUSED. */
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
    /** For a transient refusal: when the caller may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const Invalid = (message: string, details: FieldProblem[] = []) => new DomainError('invalid', 'VALIDATION_FAILED', message, details);
export const NotFound = (what = 'Resource') => new DomainError('not_found', 'NOT_FOUND', `${what} not found`);
export const Forbidden = (message = 'Not allowed') => new DomainError('forbidden', 'FORBIDDEN', message);
export const Conflict = (message: string, details: FieldProblem[] = [], code = 'CONFLICT') => new DomainError('conflict', code, message, details);
/** Well-formed but refused as a whole, e.g. an idempotency key reused for another request. */
export const Unprocessable = (code: string, message: string) => new DomainError('unprocessable', code, message);
/** More than one answer may carry, e.g. an export or a batch of documents; the details say how to narrow it. */
export const TooLarge = (code: string, message: string, details: FieldProblem[] = []) => new DomainError('too_large', code, message, details);
/** Nothing was saved and a retry may succeed, e.g. a write contended past its retries. */
export const Unavailable = (
  retryAfterSeconds = 1,
  code = 'UNAVAILABLE',
  message = 'Service temporarily unavailable; nothing was saved, please retry',
  details: FieldProblem[] = [],
) => new DomainError('unavailable', code, message, details, retryAfterSeconds);

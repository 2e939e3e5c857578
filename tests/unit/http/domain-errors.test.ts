// Services raise domain errors; the HTTP edge alone decides their status and keeps their code and details.
import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, Invalid, NotFound, Unprocessable } from '../../../functions/domain/errors.js';
import { HttpError, httpErrorOf } from '../../../functions/http/errors.js';

describe('httpErrorOf', () => {
  it('gives each domain error kind its status, with the code, message and field details', () => {
    const cases = [
      [Invalid('Training date is in the future', [{ field: 'date', message: 'Must be today or earlier' }]), 400, 'VALIDATION_FAILED'],
      [Forbidden(), 403, 'FORBIDDEN'],
      [NotFound('Officer'), 404, 'NOT_FOUND'],
      [Conflict('Already reviewed', [], 'ALREADY_REVIEWED'), 409, 'ALREADY_REVIEWED'],
      [Unprocessable('IDEMPOTENCY_KEY_REUSED', 'Key reused'), 422, 'IDEMPOTENCY_KEY_REUSED'],
    ] as const;
    for (const [error, status, code] of cases) {
      const http = httpErrorOf(error) as HttpError;
      expect(http).toBeInstanceOf(HttpError);
      expect({ status: http.status, code: http.code, message: http.message, details: http.details }).toEqual({ status, code, message: error.message, details: error.details });
    }
  });

  it('leaves anything else as it was (HTTP errors, unknown failures become 500 downstream)', () => {
    const http = new HttpError(429, 'RATE_LIMITED', 'slow down');
    const boom = new Error('boom');
    expect(httpErrorOf(http)).toBe(http);
    expect(httpErrorOf(boom)).toBe(boom);
  });
});

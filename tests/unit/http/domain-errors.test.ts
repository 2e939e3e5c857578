// Services raise domain errors; the HTTP edge alone decides their status and keeps their code and details.
import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, Invalid, NotFound, TooLarge, Unavailable, Unprocessable } from '../../../functions/domain/errors.js';
import { HttpError, httpErrorOf } from '../../../functions/http/errors.js';

describe('httpErrorOf', () => {
  it('gives each domain error kind its status, with the code, message and field details', () => {
    const cases = [
      [Invalid('Training date is in the future', [{ field: 'date', message: 'Must be today or earlier' }]), 400, 'VALIDATION_FAILED'],
      [Forbidden(), 403, 'FORBIDDEN'],
      [NotFound('Officer'), 404, 'NOT_FOUND'],
      [Conflict('Already reviewed', [], 'ALREADY_REVIEWED'), 409, 'ALREADY_REVIEWED'],
      [Unprocessable('IDEMPOTENCY_KEY_REUSED', 'Key reused'), 422, 'IDEMPOTENCY_KEY_REUSED'],
      [TooLarge('EXPORT_TOO_LARGE', 'Too big', [{ field: 'agencyId', message: 'Narrow it' }]), 413, 'EXPORT_TOO_LARGE'],
      [Unavailable(), 503, 'UNAVAILABLE'],
    ] as const;
    for (const [error, status, code] of cases) {
      const http = httpErrorOf(error) as HttpError;
      expect(http).toBeInstanceOf(HttpError);
      expect({ status: http.status, code: http.code, message: http.message, details: http.details }).toEqual({ status, code, message: error.message, details: error.details });
    }
  });

  it('tells a transient refusal when to retry (retry-after), and nothing else', () => {
    expect((httpErrorOf(Unavailable()) as HttpError).headers).toEqual({ 'retry-after': '1' });
    const run = httpErrorOf(Unavailable(30, 'RUN_NOT_QUEUED', 'Not queued', [{ field: 'period', message: 'queue down' }])) as HttpError;
    expect({ status: run.status, code: run.code, headers: run.headers, details: run.details })
      .toEqual({ status: 503, code: 'RUN_NOT_QUEUED', headers: { 'retry-after': '30' }, details: [{ field: 'period', message: 'queue down' }] });
    expect((httpErrorOf(NotFound()) as HttpError).headers).toEqual({});
  });

  it('leaves anything else as it was (HTTP errors, unknown failures become 500 downstream)', () => {
    const http = new HttpError(429, 'RATE_LIMITED', 'slow down');
    const boom = new Error('boom');
    expect(httpErrorOf(http)).toBe(http);
    expect(httpErrorOf(boom)).toBe(boom);
  });
});

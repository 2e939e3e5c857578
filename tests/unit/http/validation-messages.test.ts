// A 400's details name each bad field with a message a clerk can act on (functions/http/validation.ts
// gives zod/mini its messages).
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../functions/http/errors.js';
import { calendarDay, freeText, parse } from '../../../functions/http/validation.js';

const schema = z.strictObject({
  title: freeText(10, 2),
  count: z.number().check(z.int(), z.minimum(1), z.maximum(5)),
  kind: z.enum(['pelayanan', 'waktu']),
  items: z.array(z.string()).check(z.maxLength(2)),
  day: calendarDay(),
  email: z.optional(z.email()),
});

const detailsOf = (input: unknown) => {
  try { parse(schema, input); } catch (e) { expect(e).toBeInstanceOf(HttpError); return Object.fromEntries((e as HttpError).details.map((d) => [d.field, d.message])); }
  throw new Error('parse accepted the input');
};

describe('validation messages', () => {
  it('says what each bad field needs', () => {
    expect(detailsOf({ title: 'x', count: 9, kind: 'lain', items: ['a', 'b', 'c'], day: '2026-02-30', email: 'no', extra: 1 })).toEqual({
      title: 'Too small: at least 2 characters',
      count: 'Too big: at most 5',
      kind: 'Invalid option: expected one of "pelayanan"|"waktu"',
      items: 'Too big: at most 2 items',
      day: 'Not a calendar date',
      email: 'Invalid email',
      extra: 'Unknown field',
    });
    expect(detailsOf({ title: 'a'.repeat(11), count: 'two', kind: 'waktu', items: [], day: '2026-01-01' })).toEqual({
      title: 'Too big: at most 10 characters',
      count: 'Invalid input: expected number',
    });
    expect(detailsOf({})).toMatchObject({ title: 'Required', count: 'Required', kind: 'Required', day: 'Required' });
  });
});

// zod schemas at the edge: a failed parse becomes a 400 whose details name each bad field.
import type { z } from 'zod';
import { badRequest } from './errors.js';

export function parse<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : what,
    message: issue.message,
  }));
  throw badRequest(`Invalid ${what}: ${details.map((d) => d.field).join(', ')}`, details);
}

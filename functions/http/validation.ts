// zod schemas at the edge: a failed parse becomes a 400 whose details name each bad field.
// zod/mini (tree-shakable) keeps the Lambda bundles near the 250 KB budget (DESIGN §6).
import * as z from 'zod/mini';
import { badRequest } from './errors.js';

const unit = (origin: string) => (origin === 'string' ? ' characters' : origin === 'array' || origin === 'set' ? ' items' : '');
/** zod/mini ships no messages. These are the cases our schemas meet, in a few lines where zod's English
 * locale costs 2.6 KB in every bundle (DESIGN §6); a check's own message (refine, regex) wins over them. */
const message: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'Required';
  switch (issue.code) {
    case 'invalid_type': return `Invalid input: expected ${issue.expected}`;
    case 'too_big': return `Too big: ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}${unit(issue.origin)}`;
    case 'too_small': return `Too small: ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}${unit(issue.origin)}`;
    case 'invalid_value': return `Invalid option: expected one of ${issue.values.map((v) => JSON.stringify(v)).join('|')}`;
    case 'invalid_format': return `Invalid ${issue.format}`;
    case 'not_multiple_of': return `Must be a multiple of ${issue.divisor}`;
    default: return 'Invalid input';
  }
};
z.config({ localeError: message });

export function parse<S extends z.ZodMiniType>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldOf = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : what);
  // An unknown field is named itself (not its parent object), so the caller sees which key to drop.
  const details = result.error.issues.flatMap((issue) => issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => ({ field: fieldOf([...issue.path, key]), message: 'Unknown field' }))
    : [{ field: fieldOf(issue.path), message: issue.message }]);
  throw badRequest(`Invalid ${what}: ${details.map((d) => d.field).join(', ')}`, details);
}

// C0 controls except tab/newline/CR, DEL, C1 controls, and bidi overrides that can disguise text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Free text from the public: trimmed, bounded, no control characters. */
export const freeText = (max: number, min = 0) =>
  z.string().check(z.trim(), z.minLength(min), z.maxLength(max), z.refine((s) => !CONTROL.test(s), 'Control characters are not allowed'));

const isRealDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
/** A calendar date `YYYY-MM-DD`. */
export const calendarDay = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD'), z.refine(isRealDay, 'Not a calendar date'));

const isHttpsUrl = (s: string) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && u.hostname.length > 0;
  } catch {
    return false;
  }
};
/** A link to evidence or a certificate: https only. */
export const httpsLink = (max = 500) => z.string().check(z.maxLength(max), z.refine(isHttpsUrl, 'Use an https:// link'));

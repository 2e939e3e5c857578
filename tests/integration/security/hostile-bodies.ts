// Hostile request bodies drawn from the OpenAPI document's request schemas (JSON Schema 2020-12):
// each case takes the route's valid example and breaks it where the schema says it must be refused —
// a wrong type, a value outside an enum or a pattern, a number past its bounds, a string past its
// length (or huge: 413), a missing required field, an unknown field where the object is closed —
// maybe with prototype-polluting extras. A new route with a documented body is fuzzed with no new test code.
import fc from 'fast-check';

type JsonSchema = Record<string, any>;
/** Raw JSON tokens spliced in unquoted (1e999 parses to Infinity, which no number field accepts). */
export const RAW = (t: string) => `@@RAW:${t}@@`;
export const toText = (v: unknown) => JSON.stringify(v).replace(/"@@RAW:([^@]+)@@"/g, '$1');

const ODD = ['\u0000', '\u0007', '\u001b[31m', '\u202e', '\u2066', '\ud800', '\udfff', '\u200b', '\ufeff', '\u0301', '\u{1F4A9}', '\u00a0', '%00', '../', '<script>'];
export const oddString = fc.array(fc.constantFrom(...ODD, 'a', 'Z', '9', ' '), { minLength: 1, maxLength: 12 }).map((a) => a.join(''))
  .filter((s) => /[^\x20-\x7e]|[<%./]|^\s|\s$/.test(s));
const HUGE = 70 * 1024; // past the 64 KB body limit: 413

const typesOf = (s: JsonSchema): Set<string> => {
  if (s.anyOf || s.oneOf) return new Set((s.anyOf ?? s.oneOf).flatMap((b: JsonSchema) => [...typesOf(b)]));
  if (s.const !== undefined) return new Set([s.const === null ? 'null' : typeof s.const]);
  if (s.enum) return new Set(s.enum.map((v: unknown) => (v === null ? 'null' : typeof v)));
  const t = s.type;
  if (!t) return new Set(['any']);
  const list: string[] = Array.isArray(t) ? t : [t];
  return new Set(list.flatMap((x) => (x === 'integer' ? ['number'] : [x])));
};

/** Values of a JSON type none of the schema's branches accepts. */
function wrongTypes(s: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const ok = typesOf(s);
  if (ok.has('any')) return undefined;
  const options: fc.Arbitrary<unknown>[] = [];
  if (!ok.has('number')) options.push(fc.integer(), fc.constantFrom(RAW('1e999'), RAW('-0.5')));
  if (!ok.has('string')) options.push(fc.constantFrom('NaN', 'Infinity', '1', 'true', ''), oddString);
  if (!ok.has('boolean')) options.push(fc.boolean());
  if (!ok.has('null')) options.push(fc.constant(null));
  if (!ok.has('array')) options.push(fc.array(fc.integer(), { maxLength: 3 }));
  if (!ok.has('object')) options.push(fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
  return options.length ? fc.oneof(...options) : undefined;
}

/** Values of the right type that the schema's own constraints refuse. */
function outOfBounds(s: JsonSchema, valid: unknown): fc.Arbitrary<unknown> | undefined {
  if (s.anyOf || s.oneOf) return undefined; // a value refused by one branch may pass another
  const options: fc.Arbitrary<unknown>[] = [];
  const t = s.type;
  if (t === 'string') {
    if (s.enum) options.push(fc.oneof(oddString, fc.constantFrom('APPROVE', 'toString', '__proto__', '2099-13', ...s.enum.map((e: string) => `${e} `))).filter((v) => !s.enum.includes(v)));
    if (s.pattern) { const re = new RegExp(s.pattern, 'u'); options.push(oddString.filter((v) => !re.test(v))); }
    if (s.maxLength !== undefined) options.push(fc.constant('x'.repeat(Math.min(s.maxLength + 1, HUGE))));
    else options.push(fc.constant('x'.repeat(HUGE)));
    if ((s.minLength ?? 0) > 0) options.push(fc.constant(''));
  }
  if (t === 'number' || t === 'integer') {
    if (t === 'integer') options.push(fc.constant(typeof valid === 'number' ? valid + 0.5 : 1.5));
    if (s.minimum !== undefined && s.minimum > -1e15) options.push(fc.constant(s.minimum - 1));
    if (s.exclusiveMinimum !== undefined) options.push(fc.constant(s.exclusiveMinimum));
    if (s.maximum !== undefined && s.maximum < 1e15) options.push(fc.constant(s.maximum + 1));
    if (s.exclusiveMaximum !== undefined) options.push(fc.constant(s.exclusiveMaximum));
    options.push(fc.constantFrom(RAW('1e999'), RAW('-1e999')));
  }
  if (t === 'array') {
    if ((s.minItems ?? 0) > 0) options.push(fc.constant([]));
    if (s.maxItems !== undefined && s.maxItems < 100 && Array.isArray(valid) && valid.length) options.push(fc.constant(Array.from({ length: s.maxItems + 1 }, () => valid[0])));
  }
  if (t === 'object' && s.additionalProperties === false && valid && typeof valid === 'object') {
    options.push(fc.constantFrom('__proto__', 'constructor', 'roles', 'tenantId', 'isAdmin', '$where', 'unknownField').map((k) => ({ ...(valid as object), [k]: 1 })));
  }
  return options.length ? fc.oneof(...options) : undefined;
}

export interface Case { path: string; value: unknown }

/** Every field of the example (and every documented optional one) with the hostile values of its schema. */
export function fieldCases(schema: JsonSchema, example: unknown): fc.Arbitrary<Case>[] {
  const out: fc.Arbitrary<Case>[] = [];
  const walk = (s: JsonSchema, valid: unknown, path: string, required: boolean) => {
    const bad = [wrongTypes(s), outOfBounds(s, valid)].filter((a): a is fc.Arbitrary<unknown> => !!a);
    if (path && bad.length) out.push(fc.oneof(...bad).map((value) => ({ path, value })));
    if (path && required) out.push(fc.constant({ path, value: DELETE }));
    if (s.type === 'object' && s.properties) {
      const req = new Set<string>(s.required ?? []);
      for (const [k, sub] of Object.entries<JsonSchema>(s.properties)) {
        const v = valid && typeof valid === 'object' ? (valid as Record<string, unknown>)[k] : undefined;
        // an optional field absent from the example: only its wrong types (its inner fields need a parent)
        if (v === undefined && !req.has(k)) { const w = wrongTypes(sub); if (w) out.push(w.map((value) => ({ path: path ? `${path}.${k}` : k, value }))); continue; }
        walk(sub, v, path ? `${path}.${k}` : k, req.has(k));
      }
    }
    if (s.type === 'array' && s.items && Array.isArray(valid) && valid.length) walk(s.items, valid[0], `${path}.0`, false);
    // a union of objects: break the branch the example is (the unit test checks no other branch accepts it)
    const branch = (s.anyOf ?? s.oneOf ?? []).find((b: JsonSchema) => b.type === 'object' && valid && typeof valid === 'object' && (b.required ?? []).every((k: string) => k in valid));
    if (branch) walk(branch, valid, path, false);
  };
  walk(schema, example, '', false);
  return out;
}

export const DELETE = Symbol('delete');
export function setPath(obj: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(obj) as Record<string, any>;
  const parts = path.split('.');
  let at: any = copy;
  for (const p of parts.slice(0, -1)) at = at[p] ??= {};
  const last = parts.at(-1)!;
  if (value === DELETE) delete at[last]; else at[last] = value;
  return copy;
}

/** A body refused whatever else it carries: one field broken (maybe odd extras too), or broken JSON. */
export function brokenField(schema: JsonSchema, valid: Record<string, unknown>): fc.Arbitrary<string> {
  const extras = schema.additionalProperties === false
    ? fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'roles', 'tenantId', 'isAdmin', '$where'), fc.oneof(oddString, fc.integer()), { maxKeys: 2 })
    : fc.constant({});
  return fc.tuple(fc.oneof(...fieldCases(schema, valid)), extras).map(([c, x]) => toText({ ...x, ...(setPath(valid, c.path, c.value) as object) }));
}

export function hostileBody(schema: JsonSchema, valid: Record<string, unknown>): fc.Arbitrary<string> {
  const fieldCase = brokenField(schema, valid);
  const text = JSON.stringify(valid);
  const structural = fc.oneof(
    fc.constantFrom('null', '[]', '"body"', '123', 'true', '{', '{"a":', '{"a" 1}', '\u0000', "{'a':1}", '{"a":1}//', 'NaN'),
    fc.integer({ min: 33, max: 3000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
    fc.integer({ min: 33, max: 1000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
    // the same key twice: first a valid value, then another (JSON.parse would keep the last silently)
    fc.constantFrom(...Object.keys(valid)).map((k) => `{${JSON.stringify(k)}:${JSON.stringify(valid[k])},${text.slice(1)}`),
    fc.constant(`${text.slice(0, -1)},"pad":"${'x'.repeat(65 * 1024)}"}`),
  );
  return fc.oneof({ weight: 3, arbitrary: fieldCase }, { weight: 2, arbitrary: structural });
}

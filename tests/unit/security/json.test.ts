// Request JSON shape checks (functions/http/json.ts): duplicate keys at any depth, nesting depth.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonShapeProblem, MAX_JSON_DEPTH } from '../../../functions/http/json.js';

describe('jsonShapeProblem', () => {
  it('finds a duplicate key at the top, nested, in arrays, and through escapes', () => {
    expect(jsonShapeProblem('{"a":1,"a":2}')).toBe('Duplicate key "a"');
    expect(jsonShapeProblem('{"x":{"b":1,"c":{"d":[1,{"e":1,"e":2}]}}}')).toBe('Duplicate key "e"');
    expect(jsonShapeProblem('{"officerId":"x","\\u006ffficerId":"y"}')).toBe('Duplicate key "officerId"');
    expect(jsonShapeProblem('{"\\u202e":1,"\\u202e":2}')).toBe('Duplicate key'); // odd keys are not echoed
  });

  it('accepts the same key in sibling objects, keys that appear as values, and strings with quotes and braces', () => {
    expect(jsonShapeProblem('[{"a":1},{"a":2}]')).toBeUndefined();
    expect(jsonShapeProblem('{"a":"a","b":{"a":"}{\\"a\\":"},"c":["a","a"]}')).toBeUndefined();
  });

  it('refuses nesting deeper than the limit, arrays and objects alike', () => {
    const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(jsonShapeProblem(nest(MAX_JSON_DEPTH))).toBeUndefined();
    expect(jsonShapeProblem(nest(MAX_JSON_DEPTH + 1))).toMatch(/deeper/);
    expect(jsonShapeProblem(`${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`)).toMatch(/deeper/);
  });

  it('never flags what JSON.stringify produces (no duplicates possible), whatever the content', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      expect(jsonShapeProblem(JSON.stringify(v), 64)).toBeUndefined();
    }), { numRuns: 300 });
  });
});

// The bundles' stand-in for mnemonist's LRUCache (functions/data/lru-cache.ts, aliased in
// infra/constructs/bundling.ts) must behave as mnemonist's does for what EndpointCache calls.
import MnemonistLru from 'mnemonist/lru-cache.js';
import { describe, expect, it } from 'vitest';
import LRUCache from '../../../functions/data/lru-cache.js';
import { BUNDLE_ALIASES, REPO_ROOT } from '../../../infra/constructs/bundling.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** A small deterministic generator, so a failure names a sequence that can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('LRUCache stand-in', () => {
  it('is what the bundles use in place of mnemonist/lru-cache', () => {
    expect(BUNDLE_ALIASES['mnemonist/lru-cache']).toBe('./functions/data/lru-cache.ts');
    expect(existsSync(resolve(REPO_ROOT, BUNDLE_ALIASES['mnemonist/lru-cache']!))).toBe(true);
  });

  it('evicts the least recently used key; get refreshes a key, peek does not', () => {
    const c = new LRUCache<string, number>(2);
    c.set('a', 1).set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3); // b goes
    expect([c.has('a'), c.has('b'), c.has('c')]).toEqual([true, false, true]);
    expect(c.peek('a')).toBe(1); // a stays the older of a and c
    c.set('d', 4); // a goes
    expect([c.has('a'), c.has('c'), c.has('d'), c.size]).toEqual([false, true, true, 2]);
    c.set('c', 30); // overwriting refreshes
    c.set('e', 5); // d goes
    expect([c.get('c'), c.has('d'), c.get('e')]).toEqual([30, false, 5]);
    c.clear();
    expect([c.size, c.get('c')]).toEqual([0, undefined]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new LRUCache(0)).toThrow(/capacity/);
  });

  it.each([1, 2, 3, 7])('matches mnemonist over 5,000 random operations (seed %i)', (seed) => {
    const next = rng(seed);
    const capacity = 1 + Math.floor(next() * 8);
    const ours = new LRUCache<string, number>(capacity);
    const theirs = new MnemonistLru<string, number>(capacity);
    for (let i = 0; i < 5000; i++) {
      const key = `k${Math.floor(next() * 12)}`;
      const op = Math.floor(next() * 5);
      const step = `op ${i}: ${['set', 'get', 'peek', 'has', 'clear'][op]} ${key}`;
      if (op === 0) { ours.set(key, i); theirs.set(key, i); }
      else if (op === 1) expect(ours.get(key), step).toBe(theirs.get(key));
      else if (op === 2) expect(ours.peek(key), step).toBe(theirs.peek(key));
      else if (op === 3) expect(ours.has(key), step).toBe(theirs.has(key));
      else if (next() < 0.02) { ours.clear(); theirs.clear(); }
      expect(ours.size, step).toBe(theirs.size);
    }
  });
});

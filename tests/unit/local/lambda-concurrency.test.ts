// The local gateway's Lambda concurrency (infra/local/server.ts): 1,000 requests at once used to run
// 1,000 in-process invocations together, each past its 30 s clock, and answer 503 (bench load).
import { describe, expect, it } from 'vitest';
import { LOCAL_LAMBDA_CONCURRENCY, concurrencyLimit } from '../../../infra/local/server.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('concurrencyLimit', () => {
  it('runs at most max calls at once, the rest in arrival order, and every call completes', async () => {
    const admit = concurrencyLimit(8);
    let running = 0, peak = 0;
    const started: number[] = [];
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => admit(async () => {
      started.push(i);
      peak = Math.max(peak, ++running);
      await tick();
      running--;
      return i;
    })));
    expect(peak).toBe(8);
    expect(started).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('frees the slot of a call that throws', async () => {
    const admit = concurrencyLimit(1);
    await expect(admit(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(admit(async () => 'next')).resolves.toBe('next');
  });

  it('starts a waiting call\'s clock only when it runs (the emulated Lambda timeout counts from there)', async () => {
    const admit = concurrencyLimit(1);
    const first = admit(() => new Promise((r) => setTimeout(r, 50)));
    const queuedAt = Date.now();
    const startedAt = await admit(async () => Date.now());
    await first;
    expect(startedAt - queuedAt).toBeGreaterThanOrEqual(45);
  });

  it('bounds the local server well below a 1,000-request burst', () => {
    expect(LOCAL_LAMBDA_CONCURRENCY).toBeGreaterThan(1);
    expect(LOCAL_LAMBDA_CONCURRENCY).toBeLessThanOrEqual(100);
  });
});

// Runs the daily notification pass through the API as the BKPSDM does: POST (202 with the run) and then
// GET …/runs/{id} until it ends. Answers the ended run and every status seen on the way.
import { expect } from 'vitest';
import type { Harness } from './harness.js';

export async function runPass(h: Harness, body: { day?: string } = {}, as = 'serang.admin') {
  const start = await h.call('POST', '/v1/notifications/runs', { as, body });
  expect(start.status, JSON.stringify(start.body)).toBe(202);
  expect(start.headers.get('location')).toBe(`/v1/notifications/runs/${start.body.id}`);
  return followRun(h, start.body.id, as);
}

export async function followRun(h: Harness, id: string, as = 'serang.admin') {
  const seen: string[] = [];
  for (let i = 0; i < 1200; i++) {
    const run = (await h.call('GET', `/v1/notifications/runs/${id}`, { as })).body;
    if (seen.at(-1) !== `${run.status}:${run.stepsDone}`) seen.push(`${run.status}:${run.stepsDone}`);
    if (run.status === 'done' || run.status === 'failed') return { run, seen };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`notification run ${id} did not end`);
}

// Each browser file first waits for the runtime tests/e2e/global-setup.ts started in the background
// (its status file says `ready`, or why it is not: then every test of the file fails with that reason).
import { existsSync, readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { READY_TIMEOUT_MS } from './global-setup.js';

const status = inject('runtimeStatus');
if (status) {
  const until = Date.now() + READY_TIMEOUT_MS + 10_000;
  while (!existsSync(status)) {
    if (Date.now() > until) throw new Error('the local runtime gave no status');
    await new Promise((r) => setTimeout(r, 250));
  }
  const text = readFileSync(status, 'utf8');
  if (text !== 'ready') throw new Error(text);
}

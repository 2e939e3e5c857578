// Every e2e file starts once the runtime that tests/e2e/global-setup.ts launched is ready (it seeds while
// the other projects' files run), and fails with the runtime's own output when it never will be.
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, inject } from 'vitest';

const WAIT_MS = 420_000;

beforeAll(async () => {
  const state = inject('runtimeState');
  if (!state) return; // E2E_BASE_URL: an instance that is already running
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const text = existsSync(state) ? readFileSync(state, 'utf8') : '';
    if (text === 'ready') return;
    if (text) throw new Error(text);
    if (Date.now() > until) throw new Error(`no word from the runtime after ${WAIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}, WAIT_MS + 10_000);

// Starts the whole local runtime (DynamoDB Local, seed, API, dashboard) on free ports with a fresh
// data dir for the browser tests. E2E_BASE_URL points the tests at an already running instance instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../infra/local/ddb-local.js';

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string; runtimeState: string }
}

const READY_TIMEOUT_MS = 400_000; // the seed writes ~24 months of data on first start, beside the other projects' files

export default async function setup(project: TestProject) {
  if (process.env.E2E_BASE_URL) { project.provide('baseUrl', process.env.E2E_BASE_URL.replace(/\/$/, '')); project.provide('runtimeState', ''); return; }
  const [port, ddbPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-e2e-'));
  // The runtime seeds while the unit and integration files run: setup returns at once, and the e2e files
  // wait for the state file (tests/e2e/ready.ts) to say `ready` — or why it never will.
  const state = join(dataDir, 'runtime-state');
  const child = spawn('npx', ['tsx', 'infra/local/start.ts'], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { ...process.env, PORT: String(port), DDB_PORT: String(ddbPort), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so teardown reaches DynamoDB Local's JVM too
  });
  let log = '';
  let settled = false;
  const settle = (text: string) => { if (!settled) { settled = true; clearTimeout(timer); writeFileSync(state, text); } };
  const timer = setTimeout(() => settle(`failed: runtime not ready after ${READY_TIMEOUT_MS / 1000} s:\n${log.slice(-3000)}`), READY_TIMEOUT_MS);
  child.stdout!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    if (/^ready$/m.test(log)) settle('ready');
  });
  child.stderr!.on('data', (c: Buffer) => { log += c.toString(); });
  child.once('exit', (code) => settle(`failed: runtime exited (${code}) before ready:\n${log.slice(-3000)}`));
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('runtimeState', state);
  return async () => {
    clearTimeout(timer);
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 10_000))]);
  if (timedOut) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
}

// Seeds the integration files' starting data once per run (tests/integration/seed-snapshot.ts) and
// hands its folder to the harness, which gives every file its own DynamoDB Local over a copy of it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext { integrationSnapshot: string }
}

const ROOT = join(import.meta.dirname, '..', '..');

export default async function setup(project: TestProject) {
  // Opt-in (HARNESS_SNAPSHOT=1): a file-backed DynamoDB Local writes far slower than the in-memory one the
  // harness uses otherwise (the 5,000-officer import of limits.test.ts: 31 s over a snapshot copy vs 19 s in
  // memory, same machine and hour; in a full run it passed the function's 30 s clock), which costs the
  // write-heavy files more than the org seed it saves.
  if (process.env.HARNESS_SNAPSHOT !== '1') { project.provide('integrationSnapshot', ''); return; }
  // tmpfs when there is one: every file copies the snapshot and writes its own data there.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'kinerja-it-seed-'));
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/integration/seed-snapshot.ts'), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`seeding the integration snapshot failed (${code}):\n${output.slice(-3000)}`);
  if (process.env.HARNESS_TIMING) console.log(`integration snapshot seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('integrationSnapshot', dir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    // Each file's copy (harness.ts: <dir>-f<pid>-…), also when a worker died before its close().
    for (const f of readdirSync(dirname(dir))) if (f.startsWith(`${basename(dir)}-f`)) rmSync(join(dirname(dir), f), { recursive: true, force: true });
  };
}

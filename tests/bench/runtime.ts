// The local runtime exactly as `npm start` runs it (its own process group), on free ports, over a
// copy of the cached seeded database so it starts without seeding again.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { setDdb } from '../../functions/data/client.js';
import { freePort, localClient } from '../../infra/local/ddb-local.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/env.js';
import { ROOT } from '../../infra/local/lambda.js';
import { apiClient, type Reply } from './api.js';
import { DB_FILE } from './fixture.js';
import type { BenchContext } from './types.js';

export interface Runtime { base: string; ddbEndpoint: string; stop: () => Promise<void> }

export async function startRuntime(seedFile: string, log: (l: string) => void): Promise<Runtime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-bench-runtime-'));
  mkdirSync(join(dataDir, 'dynamodb'), { recursive: true });
  copyFileSync(seedFile, join(dataDir, 'dynamodb', DB_FILE));
  writeFileSync(join(dataDir, 'seeded'), new Date().toISOString());
  const [port, ddbPort] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn('npx', ['tsx', 'infra/local/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DDB_PORT: String(ddbPort), DATA_DIR: dataDir, LOG_LEVEL: 'ERROR' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local runtime not ready after 5 min:\n${output.slice(-2000)}`)), 300_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      if (/^ready$/m.test(output)) { clearTimeout(timer); resolve(); }
    });
    child.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`local runtime exited (${code}):\n${output.slice(-2000)}`)); });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 8000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  log(`local runtime ready at http://127.0.0.1:${port} (DynamoDB Local ${ddbPort})`);
  const quiet = await settled(child.pid!);
  log(`local runtime settled after ${quiet.waitedS} s (its processes used ${quiet.lastCpuPct}% of a core over the last ${SETTLE_WINDOW_MS / 1000} s)`);
  return { base: `http://127.0.0.1:${port}`, ddbEndpoint: `http://127.0.0.1:${ddbPort}`, stop };
}

/** The HTTP sections' start: the runtime, a document client on its database (the repositories read it too),
 *  and its API, whose `call` counts a request that got no HTTP answer (refused, reset) as status 0 instead of throwing. */
export async function runtimeClients(ctx: BenchContext) {
  const rt = await ctx.runtime();
  process.env.TABLE_NAME = LOCAL_TABLE_NAME;
  const doc = DynamoDBDocumentClient.from(localClient(rt.ddbEndpoint), { marshallOptions: { removeUndefinedValues: true } });
  setDdb(doc);
  const api = apiClient(rt.base);
  const call: typeof api.call = (method, path, opts) => api.call(method, path, opts).catch((e: Error): Reply => ({ status: 0, body: String(e.cause ?? e), ms: 0 }));
  return { rt, doc, api, call };
}

const SETTLE_WINDOW_MS = 3000;

/** CPU seconds used so far by every process in a process group (the runtime, its DynamoDB Local JVM). */
function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]); // pgrp; utime + stime
    } catch { /* gone meanwhile */ }
  }
  return ticks / 100;
}

/** Waits (up to 3 min) until the runtime's own processes are nearly idle, so a timed section does not
 *  measure the tail of its start (JIT warm-up, first requests, background passes) as the product's speed. */
async function settled(pgid: number): Promise<{ waitedS: number; lastCpuPct: number }> {
  const started = Date.now();
  let pct = 100;
  for (let calm = 0; calm < 2 && Date.now() - started < 180_000;) {
    const before = groupCpuSeconds(pgid);
    await new Promise((r) => setTimeout(r, SETTLE_WINDOW_MS));
    pct = Math.round(((groupCpuSeconds(pgid) - before) / (SETTLE_WINDOW_MS / 1000)) * 100);
    calm = pct < 10 ? calm + 1 : 0;
  }
  return { waitedS: Math.round((Date.now() - started) / 1000), lastCpuPct: pct };
}

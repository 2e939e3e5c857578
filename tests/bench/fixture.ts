// The seeded demo database, made once and cached (it takes minutes; the seed is deterministic per
// month), and fresh DynamoDB Local instances started from a copy of it on tmpfs.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setDdb } from '../../functions/data/client.js';
import { monthOf } from '../../functions/domain/periods.js';
import { allTenants } from '../../infra/deployments.js';
import { ensureTable, freePort, startDynamoLocal, type DynamoLocal } from '../../infra/local/ddb-local.js';
import { applyLocalEnv, LOCAL_TABLE_NAME } from '../../infra/local/env.js';
import { ROOT } from '../../infra/local/lambda.js';
import { seed } from '../../infra/local/seed/index.js';

export const DB_FILE = 'shared-local-instance.db';
const SCRATCH_ROOT = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** The cache key: the seed's month and the sources that shape the data. */
function seedKey(now: Date): string {
  const h = createHash('sha256').update(monthOf(now, 'Asia/Jakarta'));
  // Only the seed and the key design: other code being edited must not force a multi-minute reseed.
  for (const dir of ['infra/local/seed', 'functions/data']) {
    for (const f of readdirSync(join(ROOT, dir)).sort()) if (f.endsWith('.ts') && !f.startsWith('province')) h.update(f).update(readFileSync(join(ROOT, dir, f))); // the province is not in the demo
  }
  return h.digest('hex').slice(0, 16);
}

/** Path of a seeded DynamoDB Local database file, seeding it (once per key) when absent. */
export async function seededDatabase(log: (l: string) => void, opts: { fresh?: boolean } = {}): Promise<string> {
  const dir = join(tmpdir(), 'kinerja-bench-seed', seedKey(new Date()));
  const file = join(dir, DB_FILE);
  if (existsSync(file) && !opts.fresh) return file;
  const scratch = join(SCRATCH_ROOT, `kinerja-bench-seed-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  log('seeding the demo data once (cached for later runs)…');
  const started = Date.now();
  const dynamo = await startDynamoLocal({ port: await freePort(), dbPath: scratch });
  try {
    applyLocalEnv({ endpoint: dynamo.endpoint });
    setDdb(undefined);
    await ensureTable(dynamo.endpoint, LOCAL_TABLE_NAME);
    await seed(allTenants(), { progress: (m) => log(`  ${m}`) });
  } finally {
    await dynamo.stop();
    setDdb(undefined);
  }
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(scratch, DB_FILE), file);
  writeFileSync(join(dir, 'seeded-at'), new Date().toISOString());
  rmSync(scratch, { recursive: true, force: true });
  log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return file;
}

export interface LocalDb { dynamo: DynamoLocal; endpoint: string; stop: () => Promise<void> }

/** A DynamoDB Local of its own on a free port, over a tmpfs copy of the seeded database; env applied. */
export async function startSeededDb(seedFile: string): Promise<LocalDb> {
  const dir = join(SCRATCH_ROOT, `kinerja-bench-db-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(seedFile, join(dir, DB_FILE));
  const dynamo = await startDynamoLocal({ port: await freePort(), dbPath: dir });
  applyLocalEnv({ endpoint: dynamo.endpoint, tableName: LOCAL_TABLE_NAME });
  setDdb(undefined); // the repositories' client is created again on this endpoint (an earlier section's points elsewhere)
  process.env.LOG_LEVEL = 'ERROR';
  await ensureTable(dynamo.endpoint, LOCAL_TABLE_NAME);
  return {
    dynamo,
    endpoint: dynamo.endpoint,
    stop: async () => { await dynamo.stop(); rmSync(dir, { recursive: true, force: true }); },
  };
}

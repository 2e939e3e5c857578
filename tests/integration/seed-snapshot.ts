// The integration files' starting data (the demo organisation, DESIGN §2's org), seeded ONCE per run
// into a file-backed DynamoDB Local: each file then starts its own DynamoDB Local over a private copy
// of that file (tests/integration/harness.ts) instead of re-seeding it (~17 s of writes per file).
// Run as a script by tests/integration/global-setup.ts, in a child process, so the seeding's
// environment (DDB_ENDPOINT, TABLE_NAME) and SDK client never reach the vitest main process.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { allTenants } from '../../infra/deployments.js';
import { ensureTable, freePort, startDynamoLocal } from '../../infra/local/ddb-local.js';
import { applyLocalEnv } from '../../infra/local/env.js';
import { seed } from '../../infra/local/seed/index.js';
import { orgSeeder } from '../../infra/local/seed/org.js';
import type { SeedContext } from '../../infra/local/seed/context.js';

/** DynamoDB Local's file name under -sharedDb. */
export const SNAPSHOT_DB_FILE = 'shared-local-instance.db';
/** The seed context (tenants, users, NIPs, now) the harness hands each file as `seeded`. */
export const SNAPSHOT_CONTEXT_FILE = 'seed-context.v8';
export const SNAPSHOT_TABLE = 'kinerja-it';

/** What the context file holds: SeedContext without its functions (rng, progress), restored by the harness. */
export type SnapshotContext = Omit<SeedContext, 'rng' | 'progress'>;

export async function makeSnapshot(dir: string): Promise<void> {
  const work = join(dir, 'work');
  mkdirSync(work, { recursive: true });
  const dynamo = await startDynamoLocal({ port: await freePort(), dbPath: work });
  try {
    applyLocalEnv({ endpoint: dynamo.endpoint, tableName: SNAPSHOT_TABLE });
    process.env.LOG_LEVEL = 'SILENT';
    await ensureTable(dynamo.endpoint, SNAPSHOT_TABLE);
    const { rng: _rng, progress: _progress, ...ctx } = await seed(allTenants(), { seeders: [orgSeeder] });
    writeFileSync(join(dir, SNAPSHOT_CONTEXT_FILE), serialize(ctx satisfies SnapshotContext));
  } finally {
    await dynamo.stop();
  }
  // Copied only once DynamoDB Local has stopped, so the file is complete.
  copyFileSync(join(work, SNAPSHOT_DB_FILE), join(dir, SNAPSHOT_DB_FILE));
  rmSync(work, { recursive: true, force: true });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  makeSnapshot(process.argv[2]).then(
    () => process.exit(0),
    (e) => { console.error(e); process.exit(1); },
  );
}

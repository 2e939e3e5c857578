// `npm run seed:province [-- --officers 10000]`: adds the province tenant (DKI Jakarta, 100,000 officers
// by default; PROVINCE_OFFICERS or --officers for another size) to the local data of `npm start`, which
// then serves it like the demo cities. Stop `npm start` first (the seed writes the database files, and
// the stream poller must not count the province's scores a second time). The items are written into a
// tmpfs copy of the database (fsyncs cost nothing there) and the copy replaces the original when done,
// so an interrupted seed leaves the data as it was; the items are deterministic, so running it again is
// safe. The tenant is recorded in <data>/tenants.local.json, which `npm start` adds to the configured
// tenants (TENANTS): local data only, never the default demo; in AWS a province is a tenant of a cell
// in infra/deployments.ts.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { batchPut } from '../../../functions/data/batch.js';
import { setDdb } from '../../../functions/data/client.js';
import { monthOf } from '../../../functions/domain/periods.js';
import { freePort, startDynamoLocal } from '../ddb-local.js';
import { applyLocalEnv } from '../env.js';
import { ROOT } from '../lambda.js';
import { DKI_JAKARTA, provinceItems, type ProvinceConfig } from './province.js';
import { addLocalTenant } from './province-tenants.js';

const { values } = parseArgs({ options: { officers: { type: 'string' }, id: { type: 'string' }, name: { type: 'string' } } });
const DATA_DIR = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : join(ROOT, '.data');
const DB_DIR = join(DATA_DIR, 'dynamodb');
const DB_FILE = 'shared-local-instance.db';
const officers = Number(values.officers ?? process.env.PROVINCE_OFFICERS ?? DKI_JAKARTA.officers);
const province: ProvinceConfig = { ...DKI_JAKARTA, ...(values.id ? { id: values.id } : {}), ...(values.name ? { name: values.name } : {}), officers };

/** One updating line on a terminal (percent, count, rate, ETA); a plain line every 5% otherwise. */
export function progressBar(total: number, label: string, out: NodeJS.WriteStream = process.stdout) {
  const started = Date.now();
  let lastPlain = -1;
  const fmt = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`);
  return {
    update(done: number) {
      const secs = (Date.now() - started) / 1000;
      const rate = done / Math.max(secs, 0.001);
      const pct = Math.min(100, (done / total) * 100);
      const eta = rate > 0 ? (total - done) / rate : 0;
      const text = `${label} ${pct.toFixed(1).padStart(5)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} items · ${Math.round(rate).toLocaleString('en')}/s · ETA ${fmt(eta)}`;
      if (out.isTTY) {
        const width = 24, filled = Math.round((pct / 100) * width);
        out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
      } else if (Math.floor(pct / 5) > lastPlain || done >= total) {
        lastPlain = Math.floor(pct / 5);
        out.write(`${text}\n`);
      }
    },
    end() { if (out.isTTY) out.write('\n'); },
  };
}

function runtimeRunning(): number | null {
  const lock = join(DATA_DIR, 'runtime.lock');
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, 'utf8'));
  try { process.kill(pid, 0); return pid; } catch { return null; }
}

async function main() {
  if (!Number.isInteger(officers) || officers < 100) throw new Error(`--officers must be a whole number of at least 100 (got ${values.officers ?? process.env.PROVINCE_OFFICERS})`);
  const pid = runtimeRunning();
  if (pid) throw new Error(`npm start is running (pid ${pid}) on ${DATA_DIR}: stop it first (Ctrl-C), seed, then start it again.`);
  if (!existsSync(join(DATA_DIR, 'seeded')) || !existsSync(join(DB_DIR, DB_FILE))) throw new Error(`No local data in ${DATA_DIR}: run \`npm start\` once first (it seeds the demo cities), stop it, then seed the province.`);
  const scratchRoot = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const scratch = mkdtempSync(join(scratchRoot, 'kinerja-province-'));
  const started = Date.now();
  try {
    copyFileSync(join(DB_DIR, DB_FILE), join(scratch, DB_FILE));
    console.log(`Seeding ${province.name} (${province.id}): ${officers.toLocaleString('en')} officers into ${DATA_DIR}`);
    const dynamo = await startDynamoLocal({ port: await freePort(), dbPath: scratch });
    // Ctrl-C: stop DynamoDB Local and drop the scratch copy; the data directory is as it was.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        console.log(`\ninterrupted: ${DATA_DIR} unchanged; run the command again to seed the province`);
        void dynamo.stop().finally(() => { rmSync(scratch, { recursive: true, force: true }); process.exit(130); });
      });
    }
    try {
      applyLocalEnv({ endpoint: dynamo.endpoint });
      setDdb(undefined);
      const { total, chunks } = provinceItems(province, monthOf(new Date(), province.timeZone));
      const bar = progressBar(total, province.id);
      let done = 0;
      bar.update(0);
      for (const chunk of chunks()) {
        await batchPut(chunk, { concurrency: 16, onProgress: (n) => bar.update(done + n) });
        done += chunk.length;
      }
      bar.update(done);
      bar.end();
    } finally {
      await dynamo.stop();
    }
    // Replace the database only now: an interrupted seed has changed nothing.
    copyFileSync(join(scratch, DB_FILE), join(DB_DIR, `${DB_FILE}.province`));
    renameSync(join(DB_DIR, `${DB_FILE}.province`), join(DB_DIR, DB_FILE));
    addLocalTenant(DATA_DIR, province);
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s. Start the runtime (npm start); sign in as ${province.id}.admin (region_admin) or ${province.id}.pimpinan (leader).`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`\nseed:province failed: ${error.message}\n`);
  process.exit(1);
});

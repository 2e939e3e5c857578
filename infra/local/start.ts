// `npm start`: DynamoDB Local, the table, demo data (once), the API + dashboard on one origin,
// the stream poller and the scheduler. Ctrl-C stops everything it started.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setDdb } from '../../functions/data/client.js';
import { allTenants } from '../deployments.js';
import { loadSigner, localIssuer } from './auth.js';
import { startBackground, type Background } from './background.js';
import { ensureTable, portInUse, startDynamoLocal, type DynamoLocal } from './ddb-local.js';
import { devRoutes, LOCAL_DEMO_PASSWORD } from './dev-routes.js';
import { applyLocalEnv, LOCAL_TABLE_NAME } from './env.js';
import { JAVA_HELP, javaMajorVersion } from './java.js';
import { ROOT } from './lambda.js';
import { createLocalOidc } from './oidc.js';
import { seed } from './seed/index.js';
import { applyLocalTenants } from './seed/province-tenants.js';
import { createLocalServer } from './server.js';
import { ensureWebBuilt, webDistDir } from './web-build.js';

const DATA_DIR = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : join(ROOT, '.data');
const DB_DIR = join(DATA_DIR, 'dynamodb');
const LOCK = join(DATA_DIR, 'runtime.lock');
/** Written once the seeded database sits in DB_DIR; without it the next start seeds again. */
const SEEDED = join(DATA_DIR, 'seeded');
const DB_FILE = 'shared-local-instance.db';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const ddbPort = Number(process.env.DDB_PORT ?? 8000);
const reset = process.argv.includes('--reset');
const t0 = Date.now();
const say = (line: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${line}`);

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function alreadyRunning(): number | null {
  if (!existsSync(LOCK)) return null;
  const pid = Number(readFileSync(LOCK, 'utf8'));
  try { process.kill(pid, 0); return pid; } catch { return null; }
}

/**
 * First start: seed into a scratch database on tmpfs, where DynamoDB Local's fsyncs cost nothing
 * (about 4x faster here), then move the finished file into DB_DIR. An interrupted seed leaves no
 * SEEDED marker, so the next start simply seeds again.
 */
let scratchDynamo: DynamoLocal | undefined;

async function seedIntoDataDir(ddbPort: number, say: (line: string) => void): Promise<void> {
  const scratchRoot = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const scratch = mkdtempSync(join(scratchRoot, 'kinerja-seed-'));
  try {
    say(`seeding demo data into a scratch database (first start only)…`);
    const dynamo = (scratchDynamo = await startDynamoLocal({ port: ddbPort, dbPath: scratch }));
    try {
      applyLocalEnv({ endpoint: dynamo.endpoint });
      await ensureTable(dynamo.endpoint, LOCAL_TABLE_NAME);
      await seed(allTenants(), { progress: (m) => say(`  ${m}`) });
    } finally {
      await dynamo.stop();
      scratchDynamo = undefined;
    }
    rmSync(DB_DIR, { recursive: true, force: true });
    mkdirSync(DB_DIR, { recursive: true });
    copyFileSync(join(scratch, DB_FILE), join(DB_DIR, DB_FILE));
    rmSync(join(DATA_DIR, 'stream-checkpoints.json'), { force: true });
    writeFileSync(SEEDED, new Date().toISOString());
    setDdb(undefined); // the next client talks to the persistent instance
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const running = alreadyRunning();
  if (running) fail(`Kinerja ASN is already running (pid ${running}) at http://${host}:${port}.\nStop it with Ctrl-C in its terminal (or: kill ${running}) before starting another.`);
  const java = javaMajorVersion();
  if (java === null || java < 17) fail(java === null ? JAVA_HELP : `Found Java ${java}. ${JAVA_HELP}`);
  if (await portInUse(port, host)) fail(`Port ${port} is in use by another program. Free it or choose another: PORT=3001 npm start`);
  if (await portInUse(ddbPort)) fail(`Port ${ddbPort} (DynamoDB Local) is in use by another program. Free it or choose another: DDB_PORT=8001 npm start`);
  if (reset) { say(`--reset: wiping ${DATA_DIR}`); rmSync(DATA_DIR, { recursive: true, force: true }); }
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(LOCK, String(process.pid));

  let dynamo: DynamoLocal | undefined;
  let background: Background | undefined;
  let server: ReturnType<typeof createLocalServer> | undefined;
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    server?.close();
    await background?.stop().catch(() => {});
    await dynamo?.stop();
    await scratchDynamo?.stop();
    try { unlinkSync(LOCK); } catch { /* already gone */ }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  try {
    const webBuild = ensureWebBuilt(say);
    const fresh = !existsSync(SEEDED);
    if (fresh) await seedIntoDataDir(ddbPort, say);
    say(`starting DynamoDB Local on 127.0.0.1:${ddbPort} (data in ${DB_DIR})`);
    dynamo = await startDynamoLocal({ port: ddbPort, dbPath: DB_DIR });
    applyLocalEnv({ endpoint: dynamo.endpoint, outboxDir: join(DATA_DIR, 'outbox') });
    const added = applyLocalTenants(DATA_DIR); // a province added with npm run seed:province
    if (added.length) say(`tenants of this data only: ${added.join(', ')} (${join(DATA_DIR, 'tenants.local.json')})`);
    if (!fresh) say('demo data already present (npm start -- --reset starts over)');
    background = await startBackground({ endpoint: dynamo.endpoint, tableName: LOCAL_TABLE_NAME, dataDir: DATA_DIR, fromLatest: true, log: say });
    await webBuild;

    const base = `http://${host}:${port}`;
    const signer = await loadSigner(join(DATA_DIR, 'jwt-key.json'), { issuer: localIssuer(base) });
    const oidc = createLocalOidc({ signer, appOrigin: base, dataDir: DATA_DIR });
    server = createLocalServer({ signer, webDir: webDistDir(), dev: devRoutes(signer), log: say, oidc });
    // A deep accept queue: 1,000 clients connecting at once wait in it instead of timing out (Node's default is 511).
    await new Promise<void>((resolve, reject) => { server!.once('error', reject); server!.listen({ port, host, backlog: 4096 }, resolve); });
    console.log(`
Kinerja ASN is ready (${((Date.now() - t0) / 1000).toFixed(1)} s)
  Dashboard     ${base}/
  API           ${base}/v1/health
  DynamoDB      ${dynamo.endpoint} (table ${LOCAL_TABLE_NAME})
  Sign-in       ${signer.issuer} (OpenID Connect): any officer's NIP or a demo user name, password ${LOCAL_DEMO_PASSWORD}
  Demo logins   local only: pick one on the sign-in page, or: curl -X POST ${base}/v1/dev/token -d '{"username":"serang.pegawai"}'
                <city>.pimpinan (leader) · <city>.admin (BKPSDM) · <city>.opd (agency admin) · <city>.atasan (supervisor) · <city>.pegawai (officer) · nasional
                cities: ${allTenants().map((t) => t.id).join(', ')}; any seeded officer also signs in with their NIP
Press Ctrl-C to stop.
ready`);
  } catch (error) {
    console.error(`\nStart-up failed: ${(error as Error).message}\n`);
    await stop(1);
  }
}

void main();

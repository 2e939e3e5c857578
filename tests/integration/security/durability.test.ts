// No acknowledged write is lost: DynamoDB Local (persistent, on disk) is killed with SIGKILL and
// restarted while the BKPSDM keeps importing officers; every 200 must be readable afterwards, and
// requests caught in the outage get a clean 503, never a 500.
// The import path (BatchGetItem + BatchWriteItem) is used because DynamoDB Local itself does not keep
// TransactWriteItems durable across SIGKILL (about 1 acknowledged transaction in 30 is lost, with
// nothing of ours in the path; see SECURITY.md); DynamoDB in AWS acknowledges transactions durably.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, setDdb } from '../../../functions/data/client.js';
import * as keys from '../../../functions/data/keys.js';
import { formatNip } from '../../../functions/domain/nip.js';
import { logger } from '../../../functions/http/logger.js';
import { allTenants } from '../../../infra/deployments.js';
import { loadSigner } from '../../../infra/local/auth.js';
import { ensureTable, freePort, startDynamoLocal, type DynamoLocal } from '../../../infra/local/ddb-local.js';
import { applyLocalEnv } from '../../../infra/local/env.js';
import { seed } from '../../../infra/local/seed/index.js';
import { orgSeeder } from '../../../infra/local/seed/org.js';
import { createLocalServer } from '../../../infra/local/server.js';

const TABLE = 'durability';
let dir: string, port: number, dynamo: DynamoLocal, base: string, token: string;
let server: ReturnType<typeof createLocalServer>;

beforeAll(async () => {
  process.env.LOG_LEVEL = 'SILENT'; // the outage's 503s are expected here
  dir = mkdtempSync(join(tmpdir(), 'kinerja-durability-'));
  port = await freePort();
  dynamo = await startDynamoLocal({ port, dbPath: dir });
  applyLocalEnv({ endpoint: dynamo.endpoint, tableName: TABLE });
  logger.setLogLevel('SILENT');
  await ensureTable(dynamo.endpoint, TABLE);
  await seed(allTenants(), { seeders: [orgSeeder] });
  const signer = await loadSigner(join(dir, 'key.json'));
  token = await signer.sign({ sub: 'durability', tenant: 'serang', roles: ['region_admin'] });
  server = createLocalServer({ signer, webDir: join(dir, 'no-web') });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.close();
  await dynamo?.stop();
  setDdb(undefined);
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = 'nip,name,position,grade,agencyId,unitId,supervisorNip';
/** Two new officers per request, with NIPs no other request uses. */
const nipsOf = (i: number) => [0, 1].map((k) => formatNip({ birthDate: `1991-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12) % 28).padStart(2, '0')}`, tmt: '2016-07', gender: k ? 'P' : 'L', sequence: 900 + Math.floor(i / 336) }));

async function submit(i: number): Promise<{ status: number; nips: string[] }> {
  const nips = nipsOf(i);
  const csv = [HEADER, ...nips.map((nip, k) => `${nip},Pegawai Uji ${i}-${k},Analis,III/a,dinkes,,`)].join('\n');
  try {
    const res = await fetch(`${base}/v1/officers/import`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: csv });
    await res.text();
    return { status: res.status, nips };
  } catch {
    return { status: 0, nips }; // connection-level failure: not acknowledged
  }
}

describe('DynamoDB Local killed and restarted under load', () => {
  it('keeps every acknowledged import and answers the outage with 503s', async () => {
    const results: { status: number; nips: string[] }[] = [];
    let next = 0, killed = false, restarted = false, ackAfterRestart = 0;
    const acks = () => results.filter((r) => r.status === 200).length;
    // Load keeps coming while DynamoDB Local is down; stop once 60 more were acknowledged after the restart.
    const worker = async () => {
      while (next < 1200 && !(restarted && ackAfterRestart >= 60)) {
        const i = next++;
        const result = await submit(i);
        results.push(result);
        if (restarted && result.status === 200) ackAfterRestart++;
        if (!killed && acks() >= 60) {
          killed = true;
          process.kill(dynamo.pid, 'SIGKILL');
          await new Promise((r) => setTimeout(r, 500));
          dynamo = await startDynamoLocal({ port, dbPath: dir });
          restarted = true;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    const acknowledged = results.filter((r) => r.status === 200).flatMap((r) => r.nips);
    expect(killed).toBe(true);
    expect(ackAfterRestart).toBeGreaterThanOrEqual(60);
    expect(results.some((r) => r.status === 503)).toBe(true); // the outage was felt, and answered cleanly
    expect(results.filter((r) => r.status !== 200 && r.status !== 503 && r.status !== 0)).toEqual([]);

    const stored = new Set<string>();
    for (let i = 0; i < acknowledged.length; i += 100) {
      const res = await ddb().send(new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: acknowledged.slice(i, i + 100).map((nip) => keys.nip(nip)) } } }));
      for (const item of res.Responses?.[TABLE] ?? []) stored.add(item.nip as string);
    }
    expect(acknowledged.filter((nip) => !stored.has(nip))).toEqual([]);
  });
});

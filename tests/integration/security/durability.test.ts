// No acknowledged write is lost: DynamoDB Local (persistent, on disk) is killed with SIGKILL and
// restarted while citizens keep submitting surveys; every 201 must be readable afterwards, and
// requests caught in the outage get a clean 503, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, setDdb } from '../../../functions/data/client.js';
import { keys } from '../../../functions/data/keys.js';
import { monthOf } from '../../../functions/domain/periods.js';
import { logger } from '../../../functions/http/logger.js';
import { allTenants } from '../../../infra/deployments.js';
import { loadSigner } from '../../../infra/local/auth.js';
import { ensureTable, freePort, startDynamoLocal, type DynamoLocal } from '../../../infra/local/ddb-local.js';
import { applyLocalEnv } from '../../../infra/local/env.js';
import { seed } from '../../../infra/local/seed/index.js';
import { orgSeeder } from '../../../infra/local/seed/org.js';
import { createLocalServer } from '../../../infra/local/server.js';

const TABLE = 'durability';
let dir: string, port: number, dynamo: DynamoLocal, base: string, unitId: string;
let server: ReturnType<typeof createLocalServer>;

beforeAll(async () => {
  process.env.LOG_LEVEL = 'SILENT'; // the outage's 503s are expected here
  dir = mkdtempSync(join(tmpdir(), 'kinerja-durability-'));
  port = await freePort();
  dynamo = await startDynamoLocal({ port, dbPath: dir });
  applyLocalEnv({ endpoint: dynamo.endpoint, tableName: TABLE });
  logger.setLogLevel('SILENT');
  await ensureTable(dynamo.endpoint, TABLE);
  const seeded = await seed(allTenants(), { seeders: [orgSeeder] });
  unitId = seeded.tenants.find((t) => t.tenant.id === 'serang')!.units[0].id;
  const signer = await loadSigner(join(dir, 'key.json'));
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

const answers = { u1: 3, u2: 4, u3: 3, u4: 4, u5: 3, u6: 3, u7: 4, u8: 3, u9: 3 };
async function submit(i: number): Promise<{ status: number; id?: string }> {
  try {
    const res = await fetch(`${base}/v1/public/surveys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.77.${i >> 8}.${i & 255}` },
      body: JSON.stringify({ tenant: 'serang', unitId, answers }),
    });
    const body = (await res.json()) as { id?: string };
    return { status: res.status, id: body.id };
  } catch {
    return { status: 0 }; // connection-level failure: not acknowledged
  }
}

describe('DynamoDB Local killed and restarted under load', () => {
  it('keeps every acknowledged survey and answers the outage with 503s', async () => {
    const results: { status: number; id?: string }[] = [];
    let next = 0, killed = false, restarted = false, ackAfterRestart = 0;
    const acks = () => results.filter((r) => r.status === 201).length;
    // Load keeps coming while DynamoDB Local is down; stop once 60 more were acknowledged after the restart.
    const worker = async () => {
      while (next < 1500 && !(restarted && ackAfterRestart >= 60)) {
        const i = next++;
        const result = await submit(i);
        results.push(result);
        if (restarted && result.status === 201) ackAfterRestart++;
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

    const acknowledged = results.filter((r) => r.status === 201).map((r) => r.id!);
    expect(killed).toBe(true);
    expect(ackAfterRestart).toBeGreaterThanOrEqual(60);
    expect(results.some((r) => r.status === 503)).toBe(true); // the outage was felt, and answered cleanly
    expect(results.filter((r) => r.status >= 500 && r.status !== 503)).toEqual([]);

    const period = monthOf(new Date(), 'Asia/Jakarta');
    const res = await ddb().send(new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.surveyResponse('serang', unitId, period, '', '').PK },
    }));
    const stored = new Set((res.Items ?? []).map((item) => item.id as string));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  });
});

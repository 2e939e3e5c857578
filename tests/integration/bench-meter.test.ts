// The bench's capacity meter (tests/bench/meter.ts) against DynamoDB Local: what DynamoDB Local reports,
// plus the reads it reports as free but DynamoDB bills (keys of a BatchGetItem that find no item, a
// Query that finds nothing), so the cost model is fed what AWS would charge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchGetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable, freePort, startDynamoLocal } from '../../infra/local/ddb-local.js';
import { applyLocalEnv } from '../../infra/local/env.js';
import { installMeter, type Meter } from '../bench/meter.js';

let stop: () => Promise<void> | void;
let meter: Meter;
const TABLE = 'meter-test';

beforeAll(async () => {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  stop = () => dynamo.stop();
  applyLocalEnv({ endpoint: dynamo.endpoint, tableName: TABLE });
  await ensureTable(dynamo.endpoint, TABLE);
  meter = installMeter(dynamo.endpoint);
  await meter.client.send(new PutCommand({ TableName: TABLE, Item: { PK: 'A', SK: '1', note: 'small' } }));
});
afterAll(async () => { await stop?.(); });

const rcu = async (fn: () => Promise<unknown>) => (await meter.measure(fn)).usage.rcu;
const keys = [{ PK: 'A', SK: '1' }, { PK: 'A', SK: 'missing-1' }, { PK: 'B', SK: 'missing-2' }];

describe('bench capacity meter', () => {
  it('bills each BatchGetItem key that finds nothing as a GetItem of the smallest item', async () => {
    expect(await rcu(() => meter.client.send(new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: keys, ConsistentRead: true } } })))).toBe(3);
    expect(await rcu(() => meter.client.send(new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: keys } } })))).toBe(1.5);
  });

  it('bills a Query that finds nothing as the smallest read, and one that finds an item as DynamoDB Local reports it', async () => {
    const query = (pk: string, consistent: boolean) => () => meter.client.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': pk }, ConsistentRead: consistent }));
    expect(await rcu(query('nobody', true))).toBe(1);
    expect(await rcu(query('nobody', false))).toBe(0.5);
    expect(await rcu(query('A', true))).toBe(1);
  });
});

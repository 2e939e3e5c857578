// Counts every DynamoDB call of this process and the capacity it consumed: a middleware on the one
// document client (installed with setDdb) asks for ReturnConsumedCapacity TOTAL and sums the outputs.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { setDdb } from '../../functions/data/client.js';
import { topBytes } from './item-size.js';

/** items: what Query/Scan calls read (ScannedCount), to tell more items from bigger items. */
export interface Usage { calls: number; rcu: number; wcu: number; items: number; byCommand: Record<string, number> }

// Names as the middleware sees them: the document client's commands report the low-level names.
const READS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'ScanCommand', 'TransactGetItemsCommand']);
const empty = (): Usage => ({ calls: 0, rcu: 0, wcu: 0, items: 0, byCommand: {} });

type Capacity = { CapacityUnits?: number };

export interface Meter {
  client: DynamoDBDocumentClient;
  /** Usage of everything this process sent while `fn` ran (run measured work alone). */
  measure: <T>(fn: () => Promise<T>) => Promise<{ result: T; usage: Usage }>;
  total: () => Usage;
}

export function installMeter(endpoint: string): Meter {
  const raw = new DynamoDBClient({ endpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 5 });
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const acc = empty();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const name = context.commandName ?? 'unknown';
      acc.calls++;
      acc.byCommand[name] = (acc.byCommand[name] ?? 0) + 1;
      const out = await next(args);
      const output = out.output as { ConsumedCapacity?: Capacity | Capacity[]; ScannedCount?: number };
      const consumed = output.ConsumedCapacity;
      acc.items += output.ScannedCount ?? 0;
      const reported = consumed ? [consumed].flat().reduce((s, c) => s + (c.CapacityUnits ?? 0), 0) : partiqlInsertUnits(name, args.input, out.output);
      const units = reported + missingKeyUnits(name, args.input, out.output) + emptyReadUnits(name, args.input, reported);
      if (READS.has(name)) acc.rcu += units;
      else acc.wcu += units;
      return out;
    },
    { step: 'initialize', name: 'benchCapacityMeter' },
  );
  setDdb(client);
  const snapshot = (): Usage => ({ ...acc, byCommand: { ...acc.byCommand } });
  return {
    client,
    total: snapshot,
    async measure(fn) {
      const before = snapshot();
      const result = await fn();
      const after = snapshot();
      const byCommand: Record<string, number> = {};
      for (const [k, v] of Object.entries(after.byCommand)) if (v - (before.byCommand[k] ?? 0) > 0) byCommand[k] = v - (before.byCommand[k] ?? 0);
      return { result, usage: { calls: after.calls - before.calls, items: after.items - before.items, rcu: round(after.rcu - before.rcu), wcu: round(after.wcu - before.wcu), byCommand } };
    },
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** DynamoDB Local answers PartiQL batches without ConsumedCapacity; DynamoDB bills an INSERT like a
 *  PutItem: per statement that succeeded, 1 WCU per started KB of the item (its attribute names, read from
 *  the statement's `'name': ?` pairs, and the values bound to them, sized as DynamoDB sizes them) for the
 *  table, and as much again for each index whose keys the item carries (both indexes project ALL). */
function partiqlInsertUnits(name: string, input: unknown, output: unknown): number {
  if (name !== 'BatchExecuteStatementCommand') return 0;
  const statements = (input as { Statements?: { Statement: string; Parameters?: unknown[] }[] }).Statements ?? [];
  const responses = (output as { Responses?: { Error?: unknown }[] }).Responses ?? [];
  return statements.reduce((sum, st, i) => {
    if (responses[i]?.Error || !/^\s*INSERT/i.test(st.Statement)) return sum;
    const names = [...st.Statement.matchAll(/'((?:[^']|'')+)'\s*:\s*\?/g)].map((m) => m[1]!.replace(/''/g, "'"));
    const item = Object.fromEntries(names.map((n, j) => [n, st.Parameters?.[j]]));
    const kb = Math.max(1, Math.ceil(topBytes(item) / 1024));
    const indexes = ['GSI1PK', 'GSI2PK'].filter((k) => k in item).length;
    return sum + kb * (1 + indexes);
  }, 0);
}

/** DynamoDB Local reports no capacity for the keys of a BatchGetItem that find no item; DynamoDB reads
 *  each key as a GetItem and bills one that finds nothing as it bills the smallest item (1 RCU strongly
 *  consistent, 0.5 eventually), as DynamoDB Local itself does for a GetItem. Keys returned unprocessed
 *  were not read. */
export const MISSING_KEYS_NOTE = 'the keys of a BatchGetItem that find no item, and a Query or Scan that finds none, are counted as DynamoDB bills them (1 RCU strongly consistent, 0.5 eventually; DynamoDB Local reports 0 for them)';
function missingKeyUnits(name: string, input: unknown, output: unknown): number {
  if (name !== 'BatchGetItemCommand') return 0;
  type Req = Record<string, { Keys?: unknown[]; ConsistentRead?: boolean }>;
  const requested = (input as { RequestItems?: Req }).RequestItems ?? {};
  const found = (output as { Responses?: Record<string, unknown[]> }).Responses ?? {};
  const unprocessed = (output as { UnprocessedKeys?: Req }).UnprocessedKeys ?? {};
  return Object.entries(requested).reduce((sum, [table, r]) => {
    const missing = (r.Keys?.length ?? 0) - (found[table]?.length ?? 0) - (unprocessed[table]?.Keys?.length ?? 0);
    return sum + Math.max(0, missing) * (r.ConsistentRead ? 1 : 0.5);
  }, 0);
}

/** A Query or Scan that reads nothing: DynamoDB still bills the smallest read; DynamoDB Local reports 0. */
function emptyReadUnits(name: string, input: unknown, reported: number): number {
  if ((name !== 'QueryCommand' && name !== 'ScanCommand') || reported > 0) return 0;
  return (input as { ConsistentRead?: boolean }).ConsistentRead ? 1 : 0.5;
}

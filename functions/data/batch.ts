// Batched reads and writes with the unprocessed remainder retried, shared by every repository.
import { BatchGetCommand, BatchWriteCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.js';
import type { Key } from './keys.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` over the list with at most `limit` calls in flight (the first failure rejects). */
export async function inParallel<T>(list: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, async () => { while (next < list.length) await fn(list[next++]!); }));
}

/** Puts items 25 at a time, `concurrency` batches in flight, retrying unprocessed items with backoff. */
export async function batchPut(items: Record<string, unknown>[], opts: { concurrency?: number; onProgress?: (done: number) => void } = {}): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0, done = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++];
      let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 10) throw new Error('BatchWrite kept returning unprocessed items');
        if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
        const out = await ddb().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
        requests = (out.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
      }
      done += chunk.length;
      opts.onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 8, chunks.length) }, worker));
}

/** Gets items by key, 100 at a time; missing items are simply absent from the result. */
export async function batchGet<T = Record<string, unknown>>(keyList: Key[], opts: { consistent?: boolean } = {}): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let pending: Key[] = keyList.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 10) throw new Error('BatchGet kept returning unprocessed keys');
      if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
      const res = await ddb().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ...(opts.consistent ? { ConsistentRead: true } : {}) } } }));
      out.push(...((res.Responses?.[tableName()] ?? []) as T[]));
      pending = (res.UnprocessedKeys?.[tableName()]?.Keys ?? []) as Key[];
    }
  }
  return out;
}

/** Runs a Query to the end of its pages (for bounded listings: an agency's officers, a year's items). */
export async function queryAll<T = Record<string, unknown>>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
  const items: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const res = await ddb().send(new QueryCommand({ ...input, TableName: tableName(), ExclusiveStartKey }));
    items.push(...((res.Items ?? []) as T[]));
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** One page of a Query: at most `limit` items read, and the key to continue from (undefined at the end).
 *  With a FilterExpression a page may hold fewer items than the limit: never more than one page is read. */
export async function queryPage<T = Record<string, unknown>>(
  input: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ items: T[]; lastKey?: Record<string, string | number> }> {
  const res = await ddb().send(new QueryCommand({ ...input, TableName: tableName(), Limit: page.limit, ExclusiveStartKey: page.startKey }));
  return { items: (res.Items ?? []) as T[], lastKey: res.LastEvaluatedKey as Record<string, string | number> | undefined };
}

// §6 "list routes": the first page of every list route that answers {items, nextCursor}, at the seeded
// size and again after the partition each list reads holds 10× the items. A middleware on the metered
// client records each Query a request sends (index, key condition, Limit, items read), so the check is
// on what the route really asked DynamoDB for, and the 10× copies go exactly where the list reads.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchPut, queryAll } from '../../functions/data/batch.js';
import type { Api } from './api.js';
import type { Meter, Usage } from './meter.js';

export interface ListRoute { name: string; as: string | null; path: string; limit: number }

export interface QueryCall { index: string | null; keyCondition: string; names?: Record<string, string>; values: Record<string, unknown>; forward: boolean; limit: number | null; read: number; filter: boolean }

export interface ListMeasure extends Usage { status: number; returned: number; more: boolean; queries: QueryCall[] }

type Item = Record<string, unknown>;

/** Records every Query sent while `fn` runs (only one request at a time is measured). */
export function queryRecorder(client: DynamoDBDocumentClient) {
  let calls: QueryCall[] | undefined;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (calls && context.commandName === 'QueryCommand') {
        const input = args.input as { IndexName?: string; KeyConditionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown>; ScanIndexForward?: boolean; Limit?: number; FilterExpression?: string };
        const output = out.output as { ScannedCount?: number };
        calls.push({
          index: input.IndexName ?? null, keyCondition: input.KeyConditionExpression ?? '', names: input.ExpressionAttributeNames, values: input.ExpressionAttributeValues ?? {},
          forward: input.ScanIndexForward !== false, limit: input.Limit ?? null, read: output.ScannedCount ?? 0, filter: !!input.FilterExpression,
        });
      }
      return out;
    },
    { step: 'initialize', name: 'benchQueryRecorder' },
  );
  return async <T>(fn: () => Promise<T>): Promise<{ result: T; queries: QueryCall[] }> => {
    calls = [];
    try {
      const result = await fn();
      return { result, queries: calls };
    } finally {
      calls = undefined;
    }
  };
}

export async function measureList(api: Api, meter: Meter, record: ReturnType<typeof queryRecorder>, route: ListRoute): Promise<ListMeasure> {
  const token = route.as ? await api.token(route.as) : undefined;
  const path = `${route.path}${route.path.includes('?') ? '&' : '?'}limit=${route.limit}`;
  const headers = { 'x-forwarded-for': '10.99.0.1' };
  await api.call('GET', path, { token, headers }); // warm: module load, policy caches
  const { result: { result, usage }, queries } = await record(() => meter.measure(() => api.call('GET', path, { token, headers })));
  const returned = Array.isArray(result.body?.items) ? result.body.items.length : -1;
  return { ...usage, status: result.status, returned, more: !!result.body?.nextCursor, queries };
}

/** The Query that reads the list: the one that read the most items (the others are authority checks or lookups). */
export const listQuery = (m: ListMeasure): QueryCall | undefined => [...m.queries].sort((a, b) => b.read - a.read)[0];

/** The items the list's own Query reads (its key condition, in its order), to its end. */
function readList(q: QueryCall): Promise<Item[]> {
  const unnamed = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([k]) => q.keyCondition.includes(k)));
  return queryAll<Item>({
    ...(q.index ? { IndexName: q.index } : {}),
    KeyConditionExpression: q.keyCondition,
    ...(q.names && Object.keys(q.names).some((n) => q.keyCondition.includes(n)) ? { ExpressionAttributeNames: Object.fromEntries(Object.entries(q.names).filter(([n]) => q.keyCondition.includes(n))) } : {}),
    ExpressionAttributeValues: unnamed(q.values),
    ScanIndexForward: q.forward,
  });
}

/** Copies of `from` (cycling), the k-th copy's sort keys suffixed `${tag}k`, until there are `count`. */
function copiesOf(from: Item[], count: number, tag: string): Item[] {
  return Array.from({ length: count }, (_, n) => {
    const item = from[n % from.length]!;
    const k = Math.floor(n / from.length) + 1;
    const copy: Item = { ...item };
    for (const attr of ['SK', 'GSI1SK', 'GSI2SK']) if (typeof item[attr] === 'string') copy[attr] = `${item[attr] as string}${tag}${k}`;
    return copy;
  });
}

/**
 * A list whose first page is not full at the seeded size (and has nothing behind it) gets copies of its
 * own items until it holds a page and one more, so "1×" measures a full first page with something
 * behind it. Returns how many items were added (0: full already, or empty so nothing to copy).
 */
export async function padToPage(q: QueryCall, page: number): Promise<number> {
  const items = await readList(q);
  if (items.length === 0 || items.length > page) return 0;
  const copies = copiesOf(items, page + 1 - items.length, '~p');
  await batchPut(copies, { concurrency: 8 });
  return copies.length;
}

/**
 * Nine more items for every item the list's Query can read (its own key condition, in its own order), so
 * the list holds 10× its items. The copies are of the items behind the first page, each beside its
 * original (`~k` after every sort key), so page 1 holds the same items at both sizes and any difference
 * in what it costs is the route reading more than a page. No other partition changes.
 */
export async function multiplyBehindPage(q: QueryCall, page: number): Promise<number> {
  const items = await readList(q);
  const behind = items.slice(page);
  if (behind.length === 0) return 0;
  const copies = copiesOf(behind, items.length * 9, '~');
  await batchPut(copies, { concurrency: 8 });
  return copies.length;
}

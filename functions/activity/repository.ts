// Activity items: tenant × local day and agency × local day, in one partition per tenant.
// Counting is exactly-once under stream retries: each event's marker (conditional Put,
// attribute_not_exists) and the ADDs ride in ONE transaction, so a redelivered event fails its marker and
// adds nothing. Events of a batch share a transaction (up to 100 actions): one ADD per day item per batch,
// not one per event. Writers with a guard of their own (scoring, the IKM rollups) put the day's ADDs
// (activityTransactItems) in their transaction instead and need no marker.
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from '../data/batch.js';
import { ddb, tableName } from '../data/client.js';
import * as keys from '../data/keys.js';
import type { Key } from '../data/keys.js';
import { ACTIVITY_COUNTERS, type ActivityCounter, type DayEvent } from './events.js';

export type ActivityCounts = Record<ActivityCounter, number>;
export interface ActivityItem { counts: ActivityCounts; updatedAt: string | null }

const MAX_ACTIONS = 100;
const MAX_ATTEMPTS = 5;
/** Markers outlive the stream's 24-hour retention, then expire. */
const MARKER_TTL_SECONDS = 3 * 24 * 3600;

interface Target { key: Key; identity: Record<string, string>; deltas: ActivityCounts }

const zeros = (): ActivityCounts => Object.fromEntries(ACTIVITY_COUNTERS.map((c) => [c, 0])) as ActivityCounts;

function targetsOf(events: readonly DayEvent[]): Target[] {
  const targets = new Map<string, Target>();
  const add = (key: Key, identity: Record<string, string>, counter: ActivityCounter) => {
    const id = keys.keyId(key);
    if (!targets.has(id)) targets.set(id, { key, identity, deltas: zeros() });
    targets.get(id)!.deltas[counter] += 1;
  };
  for (const e of events) {
    add(keys.tenantActivity(e.tenant, e.day), { type: 'tenantActivity', tenant: e.tenant, day: e.day }, e.counter);
    if (e.agencyId) add(keys.agencyActivity(e.tenant, e.agencyId, e.day), { type: 'agencyActivity', tenant: e.tenant, agencyId: e.agencyId, day: e.day }, e.counter);
  }
  return [...targets.values()];
}

/** ADDs every counter (zeros too, so all five fields exist from the first write) and stamps updatedAt. */
function update(target: Target, now: string) {
  const names: Record<string, string> = { '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':now': now };
  const sets = ['#updatedAt = :now', ...Object.entries(target.identity).map(([k, v], i) => { names[`#i${i}`] = k; values[`:i${i}`] = v; return `#i${i} = :i${i}`; })];
  const adds = ACTIVITY_COUNTERS.map((c, i) => { names[`#c${i}`] = c; values[`:c${i}`] = target.deltas[c]; return `#c${i} :c${i}`; });
  return { TableName: tableName(), Key: target.key, UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

function marker(e: DayEvent, nowMs: number) {
  return {
    TableName: tableName(),
    Item: { ...keys.activityCounted(e.tenant, e.id), type: 'activityCounted', tenant: e.tenant, day: e.day, counter: e.counter, expiresAt: Math.floor(nowMs / 1000) + MARKER_TTL_SECONDS },
    ConditionExpression: 'attribute_not_exists(PK)',
  };
}

/** Keys of the day items an event adds to (for sizing a transaction before adding). */
export const activityTargetKeys = (e: DayEvent): string[] => targetsOf([e]).map((t) => keys.keyId(t.key));

/** The day items' ADDs for a set of events, as transaction items: for a writer whose own guard (a marker or
 *  a conditioned write of its own) makes each event count once, in the same transaction. */
export const activityTransactItems = (events: readonly DayEvent[], now = new Date()) =>
  targetsOf(events).map((t) => ({ Update: update(t, now.toISOString()) }));

/** Splits events into transactions of at most MAX_ACTIONS actions (one marker each plus their day items). */
export function chunkEvents(events: readonly DayEvent[]): DayEvent[][] {
  const out: DayEvent[][] = [];
  let current: DayEvent[] = [];
  for (const e of events) {
    const next = [...current, e];
    if (current.length && next.length + targetsOf(next).length > MAX_ACTIONS) { out.push(current); current = [e]; } else current = next;
  }
  if (current.length) out.push(current);
  return out;
}

/** Counts each event of a chunk once: drops events whose marker exists (a redelivery) and retries the rest. */
export async function countActivityOnce(chunk: readonly DayEvent[], now = new Date()): Promise<void> {
  let pending = [...chunk];
  for (let attempt = 1; pending.length > 0; attempt++) {
    try {
      await ddb().send(new TransactWriteCommand({
        TransactItems: [
          ...pending.map((e) => ({ Put: marker(e, now.getTime()) })),
          ...activityTransactItems(pending, now),
        ],
      }));
      return;
    } catch (error) {
      const reasons = (error as { name?: string; CancellationReasons?: { Code?: string }[] }).CancellationReasons;
      if ((error as Error).name !== 'TransactionCanceledException' || !reasons || attempt >= MAX_ATTEMPTS) throw error;
      const counted = new Set(pending.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed'));
      if (counted.size === 0) { await new Promise((r) => setTimeout(r, 50 * 2 ** attempt)); continue; } // a conflict: retry
      pending = pending.filter((e) => !counted.has(e));
    }
  }
}

const itemView = (item: Record<string, unknown> | undefined): ActivityItem => ({
  counts: Object.fromEntries(ACTIVITY_COUNTERS.map((c) => [c, Number(item?.[c] ?? 0)])) as ActivityCounts,
  updatedAt: typeof item?.updatedAt === 'string' ? item.updatedAt : null,
});

export async function tenantActivity(tenant: string, day: string): Promise<ActivityItem> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.tenantActivity(tenant, day) }));
  return itemView(res.Item);
}

/** The agency's day item and the agency itself in one BatchGetItem; undefined when the agency does not exist. */
export async function agencyActivity(tenant: string, agencyId: string, day: string): Promise<ActivityItem | undefined> {
  const [agencyKey, dayKey] = [keys.agency(tenant, agencyId), keys.agencyActivity(tenant, agencyId, day)];
  const items = await batchGet<Record<string, unknown>>([agencyKey, dayKey]);
  if (!items.some((i) => i.SK === agencyKey.SK)) return undefined;
  return itemView(items.find((i) => i.SK === dayKey.SK));
}

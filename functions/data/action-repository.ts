// Items that carry a list of actions (SKM follow-ups, public forums): the conditional write that
// changes one action's status, and the pre-aggregated counts ADDed in the same transaction.
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { statusDelta, type ActionItem, type ActionStatus } from '../domain/action-items.js';
import { ddb, tableName } from './client.js';
import { transactionConditionFailed, transactionConflicted } from './conditions.js';
import type { Key } from './keys.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** ADD `add` to a counts item, setting `attrs` (type, tenant, year…) so the item reads on its own. */
export function statsUpdate(key: Key, attrs: Record<string, string | number>, add: Record<string, number>): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(attrs).map(([k, v], i) => { names[`#s${i}`] = k; values[`:s${i}`] = v; return `#s${i} = :s${i}`; });
  const adds = Object.entries(add).map(([k, v], i) => { names[`#a${i}`] = k; values[`:a${i}`] = v; return `#a${i} :a${i}`; });
  return {
    Update: {
      TableName: tableName(), Key: key,
      UpdateExpression: `SET ${sets.join(', ')}${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
      ExpressionAttributeNames: names, ExpressionAttributeValues: values,
    },
  };
}

export interface StatsTarget { key: Key; attrs: Record<string, string | number> }

/** The tenant × year and agency × year counts items of one kind (`keyOf` builds the key of either). */
export function yearStats(type: string, tenant: string, year: string, agencyId: string, keyOf: (tenant: string, year: string, agencyId?: string) => Key): StatsTarget[] {
  const attrs = { type, tenant, year: Number(year) };
  return [{ key: keyOf(tenant, year), attrs }, { key: keyOf(tenant, year, agencyId), attrs: { ...attrs, agencyId } }];
}

/** What every item with actions carries: the actions, a version for conditional writes, and who wrote it when. */
export interface ActionOwnerItem {
  actions: ActionItem[];
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt?: string;
  updatedBy?: string;
}

/**
 * Puts a new item (on condition its key is free) and ADDs `add` to its counts items, in one transaction.
 * `claim` (an Idempotency-Key's Put) goes first: false when the claim or the key was already taken.
 * `digest` (the item's public summary, for the transparency page) and `index` (e.g. its open actions by
 * due day) are put in the same transaction.
 */
export async function insertCounted(item: Record<string, unknown>, stats: StatsTarget[], add: Record<string, number>, claim?: TransactItem, digest?: Record<string, unknown>, index: Record<string, unknown>[] = []): Promise<boolean> {
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [
        ...(claim ? [claim] : []),
        { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
        ...stats.map((s) => statsUpdate(s.key, s.attrs, add)),
        ...(digest ? [{ Put: { TableName: tableName(), Item: digest } }] : []),
        ...index.map((Item) => ({ Put: { TableName: tableName(), Item } })),
      ],
    }));
    return true;
  } catch (error) {
    if (transactionConditionFailed(error, 0)) return false;
    throw error;
  }
}

export interface ActionChange { actionId: string; status: ActionStatus; note?: string; by: string; at: string }

export interface ActionPatchSpec<T extends ActionOwnerItem> {
  key: Key;
  /** Throws when the caller may not change this item (read first, so a refusal writes nothing). */
  authorize: (item: T) => void;
  /** The errors for an absent item, an actionId the item lacks, and writers that kept colliding. */
  errors: { item: () => Error; action: () => Error; busy: () => Error };
  /** Counts items to ADD the open/done delta to (tenant × year, agency × year). */
  stats: (item: T) => StatsTarget[];
  /** The item's public summary, rewritten with the change (a Put: complete even if it was missing). */
  digest?: (item: T) => Record<string, unknown>;
  /** Index items the change moves (e.g. the open-action item put or deleted), written in the same transaction. */
  index?: (before: T, after: T) => TransactItem[];
}

const MAX_ATTEMPTS = 4;

/**
 * Sets one action's status (and note) with who and when, on condition the item is still the version
 * read: of two admins writing at once, the second re-reads and applies its change on top of the
 * first's, so neither is lost and the counts move once per real change.
 */
export async function patchAction<T extends ActionOwnerItem>(spec: ActionPatchSpec<T>, change: ActionChange): Promise<T> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const item = (await ddb().send(new GetCommand({ TableName: tableName(), Key: spec.key, ConsistentRead: true }))).Item as T | undefined;
    if (!item) throw spec.errors.item();
    spec.authorize(item);
    const index = item.actions.findIndex((a) => a.id === change.actionId);
    if (index < 0) throw spec.errors.action();
    const before = item.actions[index]!;
    const after: ActionItem = { ...before, status: change.status, ...(change.note !== undefined ? { note: change.note } : {}), updatedAt: change.at, updatedBy: change.by };
    const actions = item.actions.map((a, i) => (i === index ? after : a));
    const delta = statusDelta(before.status, after.status);
    const counted = delta.actionsDone !== 0 ? spec.stats(item).map((s) => statsUpdate(s.key, s.attrs, { ...delta })) : [];
    try {
      await ddb().send(new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(), Key: spec.key,
              UpdateExpression: 'SET actions = :actions, version = :next, updatedAt = :at, updatedBy = :by',
              ConditionExpression: 'version = :version',
              ExpressionAttributeValues: { ':actions': actions, ':next': item.version + 1, ':version': item.version, ':at': change.at, ':by': change.by },
            },
          },
          ...counted,
          ...(spec.digest ? [{ Put: { TableName: tableName(), Item: spec.digest({ ...item, actions }) } }] : []),
          ...(spec.index?.(item, { ...item, actions }) ?? []),
        ],
      }));
      return { ...item, actions, version: item.version + 1, updatedAt: change.at, updatedBy: change.by };
    } catch (error) {
      if (!transactionConditionFailed(error, 0) && !transactionConflicted(error)) throw error;
    }
  }
  throw spec.errors.busy();
}

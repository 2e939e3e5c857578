// Idempotency records of the public write routes: one item per tenant, route and key (the key is
// hashed, so any printable key fits a partition key), bound to the body's fingerprint and holding
// the first answer. The record is written in the same transaction as what it guards, so a retry
// finds either both or neither. Records expire after a day (TTL on `expiresAt`).
import { createHash } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.js';
import { transactionConditionFailed, transactionConflicted } from './conditions.js';
import * as keys from './keys.js';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface IdempotencyRecord<T> { bodyHash: string; result: T }

/** What is stored of an Idempotency-Key: its SHA-256 (the key itself is the client's). */
export const idempotencyKeyHash = (key: string) => createHash('sha256').update(key).digest('base64url');
const keyOf = (tenant: string, route: string, key: string) => keys.idempotency(tenant, route, idempotencyKeyHash(key));
const epoch = (now: Date) => Math.floor(now.getTime() / 1000);

/** The Put that claims a key; fails its condition while an unexpired record of the key exists. */
export function claimIdempotencyKey<T>(tenant: string, route: string, key: string, record: IdempotencyRecord<T>, now: Date): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keyOf(tenant, route, key), type: 'idempotency', route, ...record, expiresAt: epoch(now) + IDEMPOTENCY_TTL_SECONDS },
      // TTL deletes lazily: a record past its expiry no longer counts.
      ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
      ExpressionAttributeValues: { ':now': epoch(now) },
    },
  };
}

export async function getIdempotencyRecord<T>(tenant: string, route: string, key: string, now: Date): Promise<IdempotencyRecord<T> | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keyOf(tenant, route, key), ConsistentRead: true }));
  const item = res.Item as (IdempotencyRecord<T> & { expiresAt: number }) | undefined;
  return item && item.expiresAt >= epoch(now) ? { bodyHash: item.bodyHash, result: item.result } : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends a transaction whose first item may be a claimIdempotencyKey Put. Answers undefined when it
 * wrote; when the claim's condition failed, the record the first request stored. A conflict with a
 * concurrent retry's transaction is waited out and tried again (it wrote nothing).
 */
export async function transactOnce<T>(items: TransactItem[], claimed: { tenant: string; route: string; key: string } | undefined, now: Date): Promise<IdempotencyRecord<T> | undefined> {
  const command = new TransactWriteCommand({ TransactItems: items });
  for (let attempt = 0; ; attempt++) {
    try {
      await ddb().send(command);
      return undefined;
    } catch (error) {
      if (claimed && transactionConditionFailed(error, 0)) {
        const stored = await getIdempotencyRecord<T>(claimed.tenant, claimed.route, claimed.key, now);
        if (stored) return stored;
      }
      if (transactionConflicted(error) && attempt < 5) { await sleep(40 * 2 ** attempt); continue; }
      throw error;
    }
  }
}

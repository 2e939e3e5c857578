// Survey intake items, written in ONE transaction (one round trip): with a device id, the response and
// the address's flood-ceiling counter only, the response's own key being the device's once-a-day claim
// (its id and sort key follow from device, unit and day), the Idempotency-Key's hash kept on it; without
// one, the Idempotency-Key record, the counter and the response. And the kiosk tokens of counter devices
// (only their hash is stored).
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../data/client.js';
import { transactionConflicted } from '../data/conditions.js';
import { claimIdempotencyKey, getIdempotencyRecord, idempotencyKeyHash, type IdempotencyRecord } from '../data/idempotency-repository.js';
import * as keys from '../data/keys.js';
import { fromImage } from '../data/stream-image.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type CounterUpdate = NonNullable<TransactItem['Update']>;

export interface SurveyWrite {
  survey: Record<string, unknown> & { tenant: string; id: string };
  /** Repeat suppression: the response's key follows from the device, unit and day (deviceResponseId), so
   *  it is put on condition it does not exist; false for a kiosk or without a deviceId. */
  deviceKeyed: boolean;
  idempotency?: { key: string; bodyHash: string };
  /** Flood ceiling: the conditional ADD of the address's counter for the unit (rateCounterUpdate); absent for a kiosk. */
  ceiling?: CounterUpdate;
}

export type SurveyAnswer = IdempotencyRecord<{ id: string }>;
export type SurveyOutcome =
  | { stored: true }
  /** The Idempotency-Key was claimed by an earlier send: its record (the first answer and body fingerprint). */
  | { stored: false; reason: 'retry'; first: SurveyAnswer | undefined }
  | { stored: false; reason: 'repeat' | 'ceiling' | 'busy' };

const epoch = (now: Date) => Math.floor(now.getTime() / 1000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Attempts when a concurrent transaction on the same item (a duplicate in flight, a busy counter) cancels ours. */
const ATTEMPTS = 5;

type Cancelled = { name?: string; CancellationReasons?: { Code?: string; Item?: Record<string, unknown> }[] };
const failedAt = (error: unknown, index: number) => {
  const e = error as Cancelled;
  return index >= 0 && e?.name === 'TransactionCanceledException' && e.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
};

/** The id of a device's response at a unit on a day: the same for every send of that device there that
 *  day, and unique across tenants (units of different cities share ids such as `dinkes-u1`). */
export const deviceResponseId = (tenant: string, deviceHash: string, unitId: string, day: string) =>
  `svy_${createHash('sha256').update(`${tenant}|${deviceHash}|${unitId}|${day}`).digest('hex').slice(0, 20)}`;

/**
 * Stores the response, or tells why not, in one TransactWriteItems, all or nothing (a refused send
 * leaves no count and no response). With a device id: the response, on condition its device-day key
 * is free, and the address's count against the ceiling; a failed condition returns the stored response
 * (ReturnValuesOnConditionCheckFailure), which is the first answer when it carries this Idempotency-Key,
 * else a repeat. Without one: the key's claim (its failure returns the stored record), the count, the
 * response. The response's condition is checked first: a retry of a stored response may meet a full counter.
 */
export async function insertSurvey(w: SurveyWrite, now: Date): Promise<SurveyOutcome> {
  const tenant = w.survey.tenant;
  const items: TransactItem[] = [];
  let idemAt = -1, responseAt = -1;
  if (w.deviceKeyed) {
    const survey = w.idempotency ? { ...w.survey, idempotencyKeyHash: idempotencyKeyHash(w.idempotency.key), bodyHash: w.idempotency.bodyHash } : w.survey;
    responseAt = items.push({ Put: { TableName: tableName(), Item: survey, ConditionExpression: 'attribute_not_exists(PK)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } }) - 1;
  } else if (w.idempotency) {
    const claim = claimIdempotencyKey(tenant, 'survey', w.idempotency.key, { bodyHash: w.idempotency.bodyHash, result: { id: w.survey.id } }, now);
    idemAt = items.push({ Put: { ...claim.Put!, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } }) - 1;
  }
  const ceilingAt = w.ceiling ? items.push({ Update: w.ceiling }) - 1 : -1;
  if (!w.deviceKeyed) items.push({ Put: { TableName: tableName(), Item: w.survey } });
  const command = new TransactWriteCommand({ TransactItems: items });
  for (let attempt = 1; ; attempt++) {
    try {
      await ddb().send(command);
      return { stored: true };
    } catch (error) {
      if (failedAt(error, responseAt)) {
        const old = fromImage<{ id: string; idempotencyKeyHash?: string; bodyHash?: string }>((error as Cancelled).CancellationReasons![responseAt]!.Item);
        const retry = !!w.idempotency && !!old && old.idempotencyKeyHash === idempotencyKeyHash(w.idempotency.key);
        return retry ? { stored: false, reason: 'retry', first: { bodyHash: old!.bodyHash!, result: { id: old!.id } } } : { stored: false, reason: 'repeat' };
      }
      if (failedAt(error, idemAt)) {
        const old = fromImage<SurveyAnswer & { expiresAt: number }>((error as Cancelled).CancellationReasons![idemAt]!.Item);
        // The failed claim carries the unexpired record; read it only if a store did not return it.
        return { stored: false, reason: 'retry', first: old ? { bodyHash: old.bodyHash, result: old.result } : await storedSurveyAnswer(tenant, w.idempotency!.key, now) };
      }
      if (failedAt(error, ceilingAt)) return { stored: false, reason: 'ceiling' };
      if (!transactionConflicted(error)) throw error;
      // Nothing was written; the other transaction has usually finished a few milliseconds later.
      if (attempt >= ATTEMPTS) return { stored: false, reason: 'busy' };
      await sleep((10 + Math.random() * 20) * 2 ** attempt);
    }
  }
}

export const storedSurveyAnswer = (tenant: string, key: string, now: Date) => getIdempotencyRecord<{ id: string }>(tenant, 'survey', key, now);

export interface KioskToken { tenant: string; unitId: string; createdBy: string; createdAt: string; expiresAt: number }

export async function putKioskToken(tokenHash: string, t: KioskToken): Promise<void> {
  await ddb().send(new PutCommand({ TableName: tableName(), Item: { ...keys.kioskToken(t.tenant, tokenHash), type: 'kioskToken', ...t } }));
}

/** The token's record if it exists and has not expired (TTL deletes lazily). */
export async function getKioskToken(tenant: string, tokenHash: string, now: Date): Promise<KioskToken | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.kioskToken(tenant, tokenHash) }));
  const t = res.Item as KioskToken | undefined;
  return t && t.expiresAt > epoch(now) ? t : undefined;
}

// Survey intake items: the response, the device's once-a-day marker, the Idempotency-Key record and the
// address's flood-ceiling counter, written in ONE transaction (one round trip); and the kiosk tokens of
// counter devices (only their hash is stored).
import { GetCommand, PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../data/client.js';
import { transactionConflicted } from '../data/conditions.js';
import { claimIdempotencyKey, getIdempotencyRecord, type IdempotencyRecord } from '../data/idempotency-repository.js';
import { keys } from '../data/keys.js';
import { fromImage } from '../data/stream-image.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type CounterUpdate = NonNullable<TransactItem['Update']>;

export interface SurveyWrite {
  survey: Record<string, unknown> & { tenant: string; id: string };
  /** Repeat suppression: the device's marker for the unit and day; absent for a kiosk or without a deviceId. */
  repeat?: { deviceHash: string; unitId: string; day: string };
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

/**
 * Stores the response, or tells why not, in one TransactWriteItems: claim the Idempotency-Key, claim the
 * device's marker for the unit and day, count the address against the ceiling, put the response. All
 * or nothing: a refused send leaves no marker, no count and no response. The key's claim returns the
 * stored record on failure (ReturnValuesOnConditionCheckFailure), so a retry is answered without a read.
 */
export async function insertSurvey(w: SurveyWrite, now: Date): Promise<SurveyOutcome> {
  const tenant = w.survey.tenant;
  const items: TransactItem[] = [];
  // Order matters: a retry of a stored response fails the key's and the marker's conditions (and may
  // meet a full counter); it must be recognised as a retry first.
  let idemAt = -1;
  if (w.idempotency) {
    const claim = claimIdempotencyKey(tenant, 'survey', w.idempotency.key, { bodyHash: w.idempotency.bodyHash, result: { id: w.survey.id } }, now);
    idemAt = items.push({ Put: { ...claim.Put!, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } }) - 1;
  }
  const repeatAt = w.repeat ? items.push({
    Put: {
      TableName: tableName(),
      Item: { ...keys.surveyRepeat(tenant, w.repeat.deviceHash, w.repeat.unitId, w.repeat.day), type: 'surveyRepeat', expiresAt: epoch(now) + 2 * 86_400 },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  }) - 1 : -1;
  const ceilingAt = w.ceiling ? items.push({ Update: w.ceiling }) - 1 : -1;
  items.push({ Put: { TableName: tableName(), Item: w.survey } });
  const command = new TransactWriteCommand({ TransactItems: items });
  for (let attempt = 1; ; attempt++) {
    try {
      await ddb().send(command);
      return { stored: true };
    } catch (error) {
      if (failedAt(error, idemAt)) {
        const old = fromImage<SurveyAnswer & { expiresAt: number }>((error as Cancelled).CancellationReasons![idemAt]!.Item);
        // The failed claim carries the unexpired record; read it only if a store did not return it.
        return { stored: false, reason: 'retry', first: old ? { bodyHash: old.bodyHash, result: old.result } : await storedSurveyAnswer(tenant, w.idempotency!.key, now) };
      }
      if (failedAt(error, repeatAt)) return { stored: false, reason: 'repeat' };
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

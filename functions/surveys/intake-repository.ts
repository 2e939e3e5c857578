// Survey intake items: the response, the device's once-a-day marker and the Idempotency-Key record,
// written in one transaction; and the kiosk tokens of counter devices (only their hash is stored).
import { GetCommand, PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../data/client.js';
import { transactionConditionFailed, transactionConflicted } from '../data/conditions.js';
import { claimIdempotencyKey, getIdempotencyRecord } from '../data/idempotency-repository.js';
import { keys } from '../data/keys.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface SurveyWrite {
  survey: Record<string, unknown> & { tenant: string; id: string };
  /** Repeat suppression: the device's marker for the unit and day; absent for a kiosk or without a deviceId. */
  repeat?: { deviceHash: string; unitId: string; day: string };
  idempotency?: { key: string; bodyHash: string };
}

export type SurveyOutcome = { stored: true } | { stored: false; reason: 'repeat' | 'retry' | 'busy' };

const epoch = (now: Date) => Math.floor(now.getTime() / 1000);

export async function insertSurvey(w: SurveyWrite, now: Date): Promise<SurveyOutcome> {
  const tenant = w.survey.tenant;
  const items: TransactItem[] = [];
  // Order matters: a retry of a stored response fails both conditions and must be told apart first.
  const idemAt = w.idempotency ? items.push(claimIdempotencyKey(tenant, 'survey', w.idempotency.key, { bodyHash: w.idempotency.bodyHash, result: { id: w.survey.id } }, now)) - 1 : -1;
  const repeatAt = w.repeat ? items.push({
    Put: {
      TableName: tableName(),
      Item: { ...keys.surveyRepeat(tenant, w.repeat.deviceHash, w.repeat.unitId, w.repeat.day), type: 'surveyRepeat', expiresAt: epoch(now) + 2 * 86_400 },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  }) - 1 : -1;
  items.push({ Put: { TableName: tableName(), Item: w.survey } });
  try {
    await ddb().send(new TransactWriteCommand({ TransactItems: items }));
    return { stored: true };
  } catch (error) {
    if (idemAt >= 0 && transactionConditionFailed(error, idemAt)) return { stored: false, reason: 'retry' };
    if (repeatAt >= 0 && transactionConditionFailed(error, repeatAt)) return { stored: false, reason: 'repeat' };
    if (transactionConflicted(error)) return { stored: false, reason: 'busy' };
    throw error;
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

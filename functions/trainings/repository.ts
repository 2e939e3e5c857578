// Training records (officer partition, SK TRAINING#date#id) and their JP share of the monthly rollups.
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { queryPage } from '../data/batch.js';
import { ddb, tableName } from '../data/client.js';
import { transactionConditionFailed } from '../data/conditions.js';
import * as keys from '../data/keys.js';
import { rollupTransactItems } from '../data/rollup-repository.js';

export interface Training {
  id: string;
  tenant: string;
  officerId: string;
  agencyId: string;
  title: string;
  jp: number;
  /** `YYYY-MM-DD` in the tenant's calendar. */
  date: string;
  provider: string;
  /** https link to the certificate, when the officer has one. */
  certificateUrl?: string;
  createdAt: string;
  createdBy: string;
}

export const trainingItem = (t: Training) => ({ ...keys.training(t.tenant, t.officerId, t.date, t.id), type: 'training', ...t });

const view = ({ PK: _pk, SK: _sk, type: _t, ...rest }: Record<string, unknown>) => rest as unknown as Training;

// The officer-year total: one ADD per training into its month's attribute, so an evaluation reads
// "JP from 1 January to the end of month M" with one key instead of a Query over the trainings.
const monthAttr = (month: string | number) => `jp_${String(month).padStart(2, '0')}`;

function trainingYearUpdate(t: Training) {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.trainingYear(t.tenant, t.officerId, t.date.slice(0, 4)),
      UpdateExpression: 'SET #type = :type, tenant = :tenant, officerId = :officer, #year = :year ADD jp :jp, #month :jp',
      ExpressionAttributeNames: { '#type': 'type', '#year': 'year', '#month': monthAttr(t.date.slice(5, 7)) },
      ExpressionAttributeValues: { ':type': 'trainingYear', ':tenant': t.tenant, ':officer': t.officerId, ':year': Number(t.date.slice(0, 4)), ':jp': t.jp },
    },
  };
}

/** The officer-year total items for a list of trainings, as putTraining would have left them (for the seed). */
export function trainingYearItems(list: readonly Training[]): Record<string, unknown>[] {
  const items = new Map<string, Record<string, unknown> & { jp: number }>();
  for (const t of list) {
    const year = t.date.slice(0, 4);
    const key = keys.trainingYear(t.tenant, t.officerId, year);
    const item = items.get(keys.keyId(key)) ?? { ...key, type: 'trainingYear', tenant: t.tenant, officerId: t.officerId, year: Number(year), jp: 0 };
    const m = monthAttr(t.date.slice(5, 7));
    // JP are in tenths: round each sum so the item holds what DynamoDB's exact ADDs would.
    item.jp = Math.round((item.jp + t.jp) * 10) / 10;
    item[m] = Math.round((((item[m] as number | undefined) ?? 0) + t.jp) * 10) / 10;
    items.set(keys.keyId(key), item);
  }
  return [...items.values()];
}

/** JP of a year's item from January to `month` (`YYYY-MM`), rounded like totalJp; 0 without an item. */
export function jpToMonth(item: Record<string, unknown> | undefined, month: string): number {
  if (!item) return 0;
  const list = Array.from({ length: Number(month.slice(5, 7)) }, (_, i) => ({ jp: Number(item[monthAttr(i + 1)] ?? 0) }));
  return totalJp(list);
}

/** An Idempotency-Key as the caller sent it (scoped to the caller) and the hash of the request body it came with. */
export interface TrainingIdempotency { caller: string; key: string; bodyHash: string }
/** What the first request under a key stored: its body hash and the training it logged. */
export interface TrainingReplay { bodyHash: string; training: Training }

// Retries arrive within minutes (a flaky network, the dashboard's resend); a week is ample.
const IDEMPOTENCY_TTL_SECONDS = 7 * 86_400;
const idempotencyItemKey = (tenant: string, i: TrainingIdempotency) =>
  keys.idempotency(tenant, 'training', createHash('sha256').update(`${i.caller}\n${i.key}`).digest('base64url'));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const transactionConflict = (error: unknown) =>
  (error as { name?: string })?.name === 'TransactionCanceledException' &&
  ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');

/**
 * The training, its month's JP in the officer-year total, and its JP added to the agency, tenant and
 * national rollups of its month, atomically. With an Idempotency-Key the key's item is written in the
 * same transaction on condition it does not exist: of two retries exactly one counts, and the other
 * gets back what the first stored (undefined is returned when this call wrote).
 */
export async function putTraining(t: Training, idempotency?: TrainingIdempotency): Promise<TrainingReplay | undefined> {
  const idem = idempotency ? idempotencyItemKey(t.tenant, idempotency) : undefined;
  const marker = idem && {
    Put: {
      TableName: tableName(),
      Item: { ...idem, type: 'idempotency', route: 'training', bodyHash: idempotency?.bodyHash, training: t, expiresAt: Math.floor(Date.parse(t.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
  const command = new TransactWriteCommand({
    TransactItems: [
      ...(marker ? [marker] : []),
      { Put: { TableName: tableName(), Item: trainingItem(t), ConditionExpression: 'attribute_not_exists(PK)' } },
      trainingYearUpdate(t),
      ...rollupTransactItems(t.tenant, t.agencyId, t.date.slice(0, 7), { trainingJp: t.jp }),
    ],
  });
  for (let attempt = 0; ; attempt++) {
    try {
      await ddb().send(command);
      return undefined;
    } catch (error) {
      if (idem && transactionConditionFailed(error, 0)) {
        const stored = (await ddb().send(new GetCommand({ TableName: tableName(), Key: idem, ConsistentRead: true }))).Item;
        if (stored) return { bodyHash: stored.bodyHash as string, training: stored.training as Training };
      }
      // A concurrent retry's transaction in flight on the same items: wait for it, then find its marker.
      if (transactionConflict(error) && attempt < 5) { await sleep(40 * 2 ** attempt); continue; }
      throw error;
    }
  }
}

/** The sort keys of a year's trainings, for the Query and for checking a cursor against it. */
export const trainingRange = (year: number) => ({ from: `TRAINING#${year}-01-01`, to: `TRAINING#${year}-12-31~` });

/** One page of a year's trainings, oldest first (one Query). */
export async function pageTrainings(tenant: string, officerId: string, year: number, page: { limit: number; startKey?: Record<string, unknown> }) {
  const range = trainingRange(year);
  const { items, lastKey } = await queryPage({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId), ':from': range.from, ':to': range.to },
  }, page);
  return { items: items.map(view), lastKey };
}

/** The officer's JP of a year from the officer-year total item (one GetItem); 0 without an item. */
export async function yearJp(tenant: string, officerId: string, year: number): Promise<number> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.trainingYear(tenant, officerId, year), ProjectionExpression: 'jp' }));
  return Math.round(Number(res.Item?.jp ?? 0) * 10) / 10;
}

/** JP summed, to one decimal (JP are logged in halves or tenths). */
export const totalJp = (list: readonly Pick<Training, 'jp'>[]): number => Math.round(list.reduce((s, t) => s + t.jp, 0) * 10) / 10;

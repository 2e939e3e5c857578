// Training records (officer partition, SK TRAINING#date#id) and their JP share of the monthly rollups.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../data/batch.js';
import { ddb, tableName } from '../data/client.js';
import { keys } from '../data/keys.js';
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
    const item = items.get(`${key.PK}|${key.SK}`) ?? { ...key, type: 'trainingYear', tenant: t.tenant, officerId: t.officerId, year: Number(year), jp: 0 };
    const m = monthAttr(t.date.slice(5, 7));
    // JP are in tenths: round each sum so the item holds what DynamoDB's exact ADDs would.
    item.jp = Math.round((item.jp + t.jp) * 10) / 10;
    item[m] = Math.round((((item[m] as number | undefined) ?? 0) + t.jp) * 10) / 10;
    items.set(`${key.PK}|${key.SK}`, item);
  }
  return [...items.values()];
}

/** JP of a year's item from January to `month` (`YYYY-MM`), rounded like totalJp; 0 without an item. */
export function jpToMonth(item: Record<string, unknown> | undefined, month: string): number {
  if (!item) return 0;
  const list = Array.from({ length: Number(month.slice(5, 7)) }, (_, i) => ({ jp: Number(item[monthAttr(i + 1)] ?? 0) }));
  return totalJp(list);
}

/** The training, its month's JP in the officer-year total, and its JP added to the agency, tenant and national rollups of its month, atomically. */
export async function putTraining(t: Training): Promise<void> {
  await ddb().send(new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: tableName(), Item: trainingItem(t), ConditionExpression: 'attribute_not_exists(PK)' } },
      trainingYearUpdate(t),
      ...rollupTransactItems(t.tenant, t.agencyId, t.date.slice(0, 7), { trainingJp: t.jp }),
    ],
  }));
}

/** Trainings dated between two days, inclusive (`YYYY-MM-DD`), oldest first. */
export async function listTrainings(tenant: string, officerId: string, fromDay: string, toDay: string): Promise<Training[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId), ':from': `TRAINING#${fromDay}`, ':to': `TRAINING#${toDay}~` },
  });
  return items.map(view);
}

/** JP summed, to one decimal (JP are logged in halves or tenths). */
export const totalJp = (list: readonly Pick<Training, 'jp'>[]): number => Math.round(list.reduce((s, t) => s + t.jp, 0) * 10) / 10;

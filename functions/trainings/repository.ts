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

/** The training and its JP added to the agency, tenant and national rollups of its month, atomically. */
export async function putTraining(t: Training): Promise<void> {
  await ddb().send(new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: tableName(), Item: trainingItem(t), ConditionExpression: 'attribute_not_exists(PK)' } },
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

// SKP plans: one item per officer and year in the officer's partition, each change with an audit item.
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Rhk } from '../domain/types.js';
import { ddb, tableName } from './client.js';
import { keys } from './keys.js';

export interface PlanItem {
  tenant: string;
  officerId: string;
  year: number;
  version: number;
  rhk: Rhk[];
  updatedAt: string;
  updatedBy: string;
}

export interface PlanAudit { at: string; by: string; version: number; changes: string[] }

export const planItem = (p: PlanItem) => ({ ...keys.plan(p.tenant, p.officerId, p.year), type: 'plan', ...p });

const planView = (item: Record<string, unknown>): PlanItem => ({
  tenant: item.tenant as string, officerId: item.officerId as string, year: item.year as number, version: item.version as number,
  rhk: item.rhk as Rhk[], updatedAt: item.updatedAt as string, updatedBy: item.updatedBy as string,
});

export async function getPlan(tenant: string, officerId: string, year: number): Promise<PlanItem | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.plan(tenant, officerId, year) }));
  return res.Item ? planView(res.Item) : undefined;
}

/** Writes the plan only if the stored version is still `expectedVersion` (0: no plan yet), with its audit item.
 *  Returns false when another change came first. */
export async function savePlan(plan: PlanItem, expectedVersion: number, audit: PlanAudit): Promise<boolean> {
  const condition = expectedVersion === 0
    ? { ConditionExpression: 'attribute_not_exists(PK)' }
    : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } };
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName(), Item: planItem(plan), ...condition } },
        {
          Put: {
            TableName: tableName(),
            Item: { ...keys.planAudit(plan.tenant, plan.officerId, audit.at, `${plan.year}-v${audit.version}`), type: 'planAudit', tenant: plan.tenant, officerId: plan.officerId, year: plan.year, ...audit },
          },
        },
      ],
    }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') return false;
    throw error;
  }
}

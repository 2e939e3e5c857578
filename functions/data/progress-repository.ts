// Progress drafts (officer partition, SK PROGRESS#YYYY-MM): one item per officer and month, replaced in
// place. The item carries the report-sourced indicators' aspect and target as they were when saved, so a
// team page judges pace from its BatchGet alone, without reading every officer's plan.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Aspect } from '../domain/types.js';
import { ddb, tableName } from './client.js';
import { conditionFailed } from './conditions.js';
import * as keys from './keys.js';

export interface ProgressLine { indicatorId: string; value: number; note?: string }
export interface ProgressTarget { indicatorId: string; aspect: Aspect; target: number }

export interface Progress {
  tenant: string;
  officerId: string;
  period: string;
  items: ProgressLine[];
  targets: ProgressTarget[];
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export const progressFromItem = (item: Record<string, unknown>): Progress => {
  const { PK: _p, SK: _s, type: _t, ...rest } = item;
  return rest as unknown as Progress;
};

export async function getProgress(tenant: string, officerId: string, period: string): Promise<Progress | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.progress(tenant, officerId, period), ConsistentRead: true }));
  return res.Item ? progressFromItem(res.Item) : undefined;
}

/** Writes the draft; with `expectedVersion` only over that version (0: only when there is none yet).
 *  Returns false when the stored draft is another version. */
export async function putProgress(p: Progress, expectedVersion: number | undefined): Promise<boolean> {
  const condition = expectedVersion === undefined ? {}
    : expectedVersion === 0 ? { ConditionExpression: 'attribute_not_exists(PK)' }
      : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } };
  try {
    await ddb().send(new PutCommand({ TableName: tableName(), Item: { ...keys.progress(p.tenant, p.officerId, p.period), type: 'progress', ...p }, ...condition }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

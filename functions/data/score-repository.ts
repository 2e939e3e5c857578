// Officer × month scores (officer partition, SK SCORE#YYYY-MM), written by the scoring stream
// together with the rollup deltas in one transaction, so a score and its rollup share never diverge.
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { MonthRatings } from '../domain/types.js';
import { queryAll } from './batch.js';
import { ddb, tableName } from './client.js';
import * as keys from './keys.js';
import { rollupTransactItems, rollupTransactItemsByAgency, type RollupDeltas } from './rollup-repository.js';
import { transactionConditionFailed } from './conditions.js';

export interface Score extends MonthRatings {
  tenant: string;
  officerId: string;
  agencyId: string;
  unitId: string | null;
  period: string;
  reportId: string;
  scoredAt: string;
  /** The report version this score was computed from: replays of older versions are ignored. */
  scoredVersion: number;
}

export const scoreItem = (s: Score) => ({ ...keys.score(s.tenant, s.officerId, s.period), type: 'score', ...s });

const scoreView = ({ PK: _pk, SK: _sk, type: _t, ...rest }: Record<string, unknown>) => rest as unknown as Score;

export async function getScore(tenant: string, officerId: string, period: string): Promise<Score | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.score(tenant, officerId, period), ConsistentRead: true }));
  return res.Item ? scoreView(res.Item) : undefined;
}

/** Scores of an officer from one month to another, inclusive. */
export async function listScores(tenant: string, officerId: string, from: string, to: string): Promise<Score[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId), ':from': `SCORE#${from}`, ':to': `SCORE#${to}` },
  });
  return items.map(scoreView);
}

/** Replaces `previous` (exactly as read) with `score` and applies the rollup deltas atomically: `agencyDeltas`
 *  per agency (two when the officer's month moved from one agency to another), `tenantDeltas` to the tenant
 *  and national rollups. False when the stored score is no longer `previous` (a replay or a concurrent scorer
 *  got there first). */
export async function replaceScore(score: Score, previous: Score | undefined, agencyDeltas: Record<string, RollupDeltas>, tenantDeltas: RollupDeltas): Promise<boolean> {
  const condition = previous
    ? { ConditionExpression: 'scoredVersion = :prev', ExpressionAttributeValues: { ':prev': previous.scoredVersion } }
    : { ConditionExpression: 'attribute_not_exists(PK)' };
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName(), Item: scoreItem(score), ...condition } },
        ...rollupTransactItemsByAgency(score.tenant, score.period, agencyDeltas, tenantDeltas),
      ],
    }));
    return true;
  } catch (error) {
    if (transactionConditionFailed(error)) return false;
    throw error;
  }
}

/** Counts an officer-period's first submission in the rollups once, however often the stream replays it. */
export async function countSubmissionOnce(tenant: string, officerId: string, agencyId: string, period: string): Promise<boolean> {
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName(), Item: { ...keys.reportCounted(tenant, officerId, period), type: 'reportCounted', tenant, officerId, agencyId, period, GSI1PK: keys.reportedInMonth(tenant, period), GSI1SK: keys.reportedSort(agencyId, officerId) }, ConditionExpression: 'attribute_not_exists(PK)' } },
        ...rollupTransactItems(tenant, agencyId, period, { submitted: 1 }),
      ],
    }));
    return true;
  } catch (error) {
    if (transactionConditionFailed(error)) return false;
    throw error;
  }
}

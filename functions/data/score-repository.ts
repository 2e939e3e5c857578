// Officer × month scores (officer partition, SK SCORE#YYYY-MM) and submission markers, written by the
// scoring stream together with the rollup deltas in one transaction, so a score and its rollup share
// never diverge (functions/scoring/processor.ts).
import type { MonthRatings } from '../domain/types.js';
import { queryAll } from './batch.js';
import { tableName } from './client.js';
import * as keys from './keys.js';
import type { TransactItem } from './rollup-repository.js';

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

export const scoreView = ({ PK: _pk, SK: _sk, type: _t, ...rest }: Record<string, unknown>) => rest as unknown as Score;

/** Scores of an officer from one month to another, inclusive. */
export async function listScores(tenant: string, officerId: string, from: string, to: string): Promise<Score[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId), ':from': `SCORE#${from}`, ':to': `SCORE#${to}` },
  });
  return items.map(scoreView);
}

/** The score's write as a transaction item: it replaces `previous` exactly as read (its scoredVersion), or
 *  creates the first score; the condition fails when a replay or a concurrent scorer got there first. */
export function scoreWrite(score: Score, previous: Score | undefined): TransactItem {
  const condition = previous
    ? { ConditionExpression: 'scoredVersion = :prev', ExpressionAttributeValues: { ':prev': previous.scoredVersion } }
    : { ConditionExpression: 'attribute_not_exists(PK)' };
  return { Put: { TableName: tableName(), Item: scoreItem(score), ...condition } };
}

/** The officer-period's submission marker: written by its first submission (which counts in the rollups),
 *  then moved on by each resubmission (which counts only in the day's activity). `countedVersion` is the
 *  report version last counted; markers written before it existed have none. */
export interface SubmissionMarker { countedVersion?: number }

/** The marker's write as a transaction item, conditioned on the marker read (`read`: none for a first
 *  submission), so a redelivered or concurrent submission of the same version fails it. */
export function submissionMarkerWrite(s: { tenant: string; officerId: string; agencyId: string; period: string; version: number }, read: SubmissionMarker | undefined): TransactItem {
  const key = keys.reportCounted(s.tenant, s.officerId, s.period);
  if (!read) {
    return {
      Put: {
        TableName: tableName(),
        Item: { ...key, type: 'reportCounted', tenant: s.tenant, officerId: s.officerId, agencyId: s.agencyId, period: s.period, countedVersion: s.version, GSI1PK: keys.reportedInMonth(s.tenant, s.period), GSI1SK: keys.reportedSort(s.agencyId, s.officerId) },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }
  const unchanged = read.countedVersion === undefined ? 'attribute_not_exists(countedVersion)' : 'countedVersion = :read';
  return {
    Update: {
      TableName: tableName(), Key: key, UpdateExpression: 'SET countedVersion = :v', ConditionExpression: `attribute_exists(PK) AND ${unchanged}`,
      ExpressionAttributeValues: { ':v': s.version, ...(read.countedVersion === undefined ? {} : { ':read': read.countedVersion }) },
    },
  };
}

// Continuous feedback items: the feedback in the officer's partition (replies kept on it, a thread is
// one Query), an id → key reference for replies, the officer's "last feedback" item that the team
// rows' BatchGet reads, and the per agency × month × author counts the agency card reads in one Query.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryPage } from '../data/batch.js';
import { ddb, tableName } from '../data/client.js';
import { conditionFailed } from '../data/conditions.js';
import { claimIdempotencyKey, transactOnce } from '../data/idempotency-repository.js';
import * as keys from '../data/keys.js';

import { FEEDBACK_KINDS } from './schema.js';

export { FEEDBACK_KINDS };
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
/** A thread stays readable in one item: beyond this many replies the officer is answered 409. */
export const MAX_REPLIES = 50;

export interface Reply { note: string; at: string; byId: string; byName: string }
export interface Feedback {
  id: string;
  officerId: string;
  agencyId: string;
  kind: FeedbackKind;
  /** The month it concerns, `YYYY-MM`. */
  period: string;
  rhkId?: string;
  /** The RHK's title when given, as the plan named it then. */
  rhkTitle?: string;
  note: string;
  authorId: string;
  authorName: string;
  authorRole: 'supervisor' | 'agency_admin';
  createdAt: string;
  replies: Reply[];
}

export interface FeedbackStat { authorId: string; authorName: string; count: number; byKind: Record<FeedbackKind, number> }

const ROUTE = 'feedback';

export const feedbackItem = (tenant: string, f: Feedback) => ({ ...keys.feedback(tenant, f.officerId, f.period, f.createdAt, f.id), type: 'feedback', tenant, ...f });
export const feedbackRefItem = (tenant: string, f: Feedback) => {
  const key = keys.feedback(tenant, f.officerId, f.period, f.createdAt, f.id);
  return { ...keys.feedbackRef(tenant, f.id), type: 'feedbackRef', officerId: f.officerId, feedbackPK: key.PK, feedbackSK: key.SK };
};
export const feedbackLastItem = (tenant: string, officerId: string, at: string) => ({ ...keys.feedbackLast(tenant, officerId), type: 'feedbackLast', officerId, lastFeedbackAt: at });
/** The counts item as the ADDs of `list` (one author, one agency × month) would leave it (for the seed). */
export function feedbackStatItem(tenant: string, agencyId: string, month: string, list: readonly Feedback[]) {
  const a = list[0];
  const byKind = Object.fromEntries(FEEDBACK_KINDS.map((k) => [`k_${k}`, list.filter((f) => f.kind === k).length]));
  return { ...keys.feedbackStats(tenant, agencyId, month, a.authorId), type: 'feedbackStat', authorId: a.authorId, authorName: a.authorName, month, count: list.length, ...byKind };
}

const view = ({ PK: _pk, SK: _sk, type: _t, tenant: _tenant, ...rest }: Record<string, unknown>) => rest as unknown as Feedback;

/**
 * The feedback, its reference, the officer's last-feedback time and the author's count of the month,
 * in one transaction. With an Idempotency-Key the key's record is claimed in the same transaction:
 * a retry writes nothing and gets back what the first stored.
 */
export async function putFeedback(tenant: string, f: Feedback, statsMonth: string, idem: { key: string; bodyHash: string } | undefined, now: Date): Promise<{ bodyHash: string; result: Feedback } | undefined> {
  const claim = idem && claimIdempotencyKey(tenant, ROUTE, idem.key, { bodyHash: idem.bodyHash, result: f }, now);
  return transactOnce<Feedback>([
    ...(claim ? [claim] : []),
    { Put: { TableName: tableName(), Item: feedbackItem(tenant, f), ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName(), Item: feedbackRefItem(tenant, f), ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName(), Item: feedbackLastItem(tenant, f.officerId, f.createdAt) } },
    {
      Update: {
        TableName: tableName(),
        Key: keys.feedbackStats(tenant, f.agencyId, statsMonth, f.authorId),
        UpdateExpression: 'SET #type = :type, authorId = :author, authorName = :name, #month = :month ADD #count :one, #kind :one',
        ExpressionAttributeNames: { '#type': 'type', '#month': 'month', '#count': 'count', '#kind': `k_${f.kind}` },
        ExpressionAttributeValues: { ':type': 'feedbackStat', ':author': f.authorId, ':name': f.authorName, ':month': statsMonth, ':one': 1 },
      },
    },
  ], idem && { tenant, route: ROUTE, key: idem.key }, now);
}

/** The sort-key range of an officer's feedback, of one year (by the month it concerns) or all. */
export const feedbackRange = (year?: number) => (year ? { from: `FEEDBACK#${year}-01`, to: `FEEDBACK#${year}-12~` } : { from: 'FEEDBACK#', to: 'FEEDBACK#~' });

/** One page of an officer's feedback, newest month first, replies included (one Query). */
export async function pageFeedback(tenant: string, officerId: string, year: number | undefined, page: { limit: number; startKey?: Record<string, unknown> }) {
  const range = feedbackRange(year);
  const { items, lastKey } = await queryPage({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId), ':from': range.from, ':to': range.to },
    ScanIndexForward: false,
  }, page);
  return { items: items.map(view), lastKey };
}

export async function getFeedbackRef(tenant: string, id: string): Promise<{ officerId: string; PK: string; SK: string } | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.feedbackRef(tenant, id) }));
  return res.Item ? { officerId: res.Item.officerId as string, PK: res.Item.feedbackPK as string, SK: res.Item.feedbackSK as string } : undefined;
}

/** Appends a reply while the thread has room; false when it is full (or the feedback is gone). */
export async function appendReply(key: { PK: string; SK: string }, reply: Reply): Promise<boolean> {
  try {
    await ddb().send(new UpdateCommand({
      TableName: tableName(),
      Key: { PK: key.PK, SK: key.SK },
      UpdateExpression: 'SET replies = list_append(replies, :r)',
      ConditionExpression: 'attribute_exists(PK) AND size(replies) < :max',
      ExpressionAttributeValues: { ':r': [reply], ':max': MAX_REPLIES },
    }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/** One page of an agency's per-author counts of a month (one Query). */
export async function pageFeedbackStats(tenant: string, agencyId: string, month: string, page: { limit: number; startKey?: Record<string, unknown> }) {
  const { items, lastKey } = await queryPage<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.feedbackStatsPartition(tenant, agencyId), ':prefix': `PERIOD#${month}#AUTHOR#` },
  }, page);
  const stats: FeedbackStat[] = items.map((i) => ({
    authorId: i.authorId as string,
    authorName: i.authorName as string,
    count: Number(i.count ?? 0),
    byKind: Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, Number(i[`k_${k}`] ?? 0)])) as Record<FeedbackKind, number>,
  }));
  return { items: stats, lastKey };
}

// Monthly reports (officer partition, SK REPORT#YYYY-MM) and the review queue on GSI2.
// A `submitted` report carries GSI2 keys (the tenant's pending queue); a review removes them.
// A report made with an Idempotency-Key carries the key and its body hash as plain attributes (no index:
// every GSI entry would cost the whole item's size again in WCU, as both indexes project ALL).
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Behaviour, Rating } from '../domain/types.js';
import { queryAll } from './batch.js';
import { ddb, tableName } from './client.js';
import { keys } from './keys.js';
import { GSI2 } from './table.js';
import { conditionFailed } from './conditions.js';

export type ReportStatus = 'submitted' | 'returned' | 'approved';

export interface ReportLine { indicatorId: string; value: number; evidenceUrl?: string; note?: string }

export interface Review {
  decision: 'approve' | 'return';
  feedback: string;
  behaviour?: Behaviour;
  hasilKerjaOverride?: { rating: Rating; reason: string };
  reviewerId: string;
  reviewedAt: string;
}

export interface Report {
  id: string;
  tenant: string;
  officerId: string;
  agencyId: string;
  unitId: string | null;
  supervisorId: string | null;
  period: string;
  status: ReportStatus;
  items: ReportLine[];
  submittedAt: string;
  submittedBy: string;
  review?: Review;
  /** Earlier submissions of this period (returned ones), oldest first. */
  history: { items: ReportLine[]; submittedAt: string; review?: Review }[];
  version: number;
  idempotency?: { key: string; bodyHash: string };
}

export const reportId = (officerId: string, period: string) => `${officerId}.${period}`;

/** `${officerId}.${period}` → its parts; undefined when the id is not of that shape. */
export function parseReportId(id: string): { officerId: string; period: string } | undefined {
  const m = /^(.+)\.(\d{4}-(?:0[1-9]|1[0-2]))$/.exec(id);
  return m ? { officerId: m[1], period: m[2] } : undefined;
}

export function reportItem(r: Report): Record<string, unknown> {
  return {
    ...keys.report(r.tenant, r.officerId, r.period),
    type: 'report',
    ...r,
    ...(r.status === 'submitted' ? { GSI2PK: keys.pendingReports(r.tenant), GSI2SK: keys.pendingReportSort(r.agencyId, r.period, r.officerId) } : {}),
  };
}

export function reportView(item: Record<string, unknown>): Report {
  const { PK: _pk, SK: _sk, type: _t, GSI2PK: _g2, GSI2SK: _g2s, ...rest } = item;
  return { history: [], ...rest } as unknown as Report;
}

export async function getReport(tenant: string, officerId: string, period: string, consistent = false): Promise<Report | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.report(tenant, officerId, period), ConsistentRead: consistent }));
  return res.Item ? reportView(res.Item) : undefined;
}


/** Puts a new report unless a live one exists: creates when none, replaces only the `returned` one read at `replacesVersion`.
 *  One conditional PutItem; returns false when the condition failed. */
export async function putReport(report: Report, replacesVersion: number | undefined): Promise<boolean> {
  try {
    await ddb().send(new PutCommand({
      TableName: tableName(),
      Item: reportItem(report),
      ...(replacesVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : { ConditionExpression: '#s = :returned AND version = :v', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':returned': 'returned', ':v': replacesVersion } }),
    }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/** Records a review on a `submitted` report still at `version`; false when someone else reviewed it first. */
export async function saveReview(tenant: string, officerId: string, period: string, version: number, review: Review): Promise<Report | false> {
  try {
    const res = await ddb().send(new UpdateCommand({
      TableName: tableName(),
      Key: keys.report(tenant, officerId, period),
      UpdateExpression: 'SET #s = :status, review = :review, version = :next REMOVE GSI2PK, GSI2SK',
      ConditionExpression: '#s = :submitted AND version = :v',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':status': review.decision === 'approve' ? 'approved' : 'returned', ':review': review, ':next': version + 1, ':submitted': 'submitted', ':v': version },
      ReturnValues: 'ALL_NEW',
    }));
    return reportView(res.Attributes!);
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

export async function listReportsOfYear(tenant: string, officerId: string, year: number): Promise<Report[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId), ':sk': `REPORT#${year}-` },
  });
  return items.map(reportView);
}

/** Pending (`submitted`) reports of the tenant, or of one agency. */
export async function listPendingReports(tenant: string, agencyId?: string): Promise<Report[]> {
  const items = await queryAll({
    IndexName: GSI2,
    KeyConditionExpression: agencyId ? 'GSI2PK = :pk AND begins_with(GSI2SK, :sk)' : 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.pendingReports(tenant), ...(agencyId ? { ':sk': `AGENCY#${agencyId}#` } : {}) },
  });
  return items.map(reportView);
}

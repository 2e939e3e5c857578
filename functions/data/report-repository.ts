// Monthly reports (officer partition, SK REPORT#YYYY-MM) and the review queue on GSI2.
// A `submitted` report carries GSI2 keys (the tenant's pending queue); a review removes them.
// A report made with an Idempotency-Key carries the key and its body hash as plain attributes (no index:
// every GSI entry would cost the whole item's size again in WCU, as both indexes project ALL).
// History is bounded: the report item keeps the last HISTORY_ON_ITEM returned submissions; older ones
// move to their own items (SK REPORTCYCLE#YYYY-MM#nnn) in the resubmission's transaction, so a month
// returned thirty times never nears DynamoDB's 400 KB item limit and nothing is lost.
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Behaviour, Rating } from '../domain/types.js';
import { queryAll, queryPage } from './batch.js';
import { ddb, tableName } from './client.js';
import * as keys from './keys.js';
import { GSI2 } from './table.js';
import { conditionFailed, transactionConditionFailed } from './conditions.js';

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
  /** The officer's supervisor chain at submission: the review queue finds a supervisor's reports by it. */
  ancestors?: string[];
  period: string;
  /** The plan version the report was made against (PermenPANRB 6/2022: it scores against that version). */
  planVersion?: number;
  status: ReportStatus;
  items: ReportLine[];
  submittedAt: string;
  submittedBy: string;
  review?: Review;
  /** Earlier submissions of this period (returned ones), oldest first: on the item the last HISTORY_ON_ITEM;
   *  getReportWithHistory adds the archived ones before them. */
  history: ReportCycle[];
  /** How many of the earliest cycles live on their own items instead of in `history` (absent: none). */
  archivedCycles?: number;
  version: number;
  idempotency?: { key: string; bodyHash: string };
}

export interface ReportCycle { items: ReportLine[]; submittedAt: string; review?: Review }

/** Returned submissions kept on the report item; the rest are archived as cycle items. */
export const HISTORY_ON_ITEM = 2;

export const reportId = (officerId: string, period: string) => `${officerId}.${period}`;

/**
 * The history of the submission replacing `existing` (a returned report): its cycle appended, only the
 * last HISTORY_ON_ITEM kept on the item, and the older ones to archive numbered after those archived before.
 */
export function resubmissionHistory(existing: Report): { history: ReportCycle[]; archivedCycles: number; archive: { cycle: number; entry: ReportCycle }[] } {
  const all = [...existing.history, { items: existing.items, submittedAt: existing.submittedAt, ...(existing.review ? { review: existing.review } : {}) }];
  const moved = Math.max(0, all.length - HISTORY_ON_ITEM);
  const before = existing.archivedCycles ?? 0;
  return {
    history: all.slice(moved),
    archivedCycles: before + moved,
    archive: all.slice(0, moved).map((entry, i) => ({ cycle: before + i + 1, entry })),
  };
}

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


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const transactionConflict = (error: unknown) =>
  ((error as { CancellationReasons?: { Code?: string }[] })?.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');

/** A transaction retried while another one holds its items: once that one commits, our conditions decide. */
async function sendTransaction(command: TransactWriteCommand): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await ddb().send(command);
      return;
    } catch (error) {
      if (!transactionConflict(error) || attempt >= 5) throw error;
      await sleep(40 * 2 ** attempt);
    }
  }
}

/** The whole history of a report: one Query for its archived cycles (only when it has any), then the item's own. */
export async function getReportWithHistory(tenant: string, officerId: string, period: string): Promise<Report | undefined> {
  const report = await getReport(tenant, officerId, period);
  if (!report?.archivedCycles) return report;
  const cycles = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId), ':sk': keys.reportCyclePrefix(period) },
  });
  const archived = cycles.map(({ items, submittedAt, review }) => ({ items, submittedAt, ...(review ? { review } : {}) }) as ReportCycle);
  return { ...report, history: [...archived, ...report.history] };
}

/** Puts a new report unless a live one exists: creates when none, replaces only the `returned` one read at `replacesVersion`.
 *  One conditional PutItem; with cycles to archive, one transaction of the report and the cycle items
 *  (each only if absent), so the history is moved whole or not at all. Returns false when a condition failed. */
export async function putReport(report: Report, replacesVersion: number | undefined, archive: { cycle: number; entry: ReportCycle }[] = []): Promise<boolean> {
  const put = {
    TableName: tableName(),
    Item: reportItem(report),
    ...(replacesVersion === undefined
      ? { ConditionExpression: 'attribute_not_exists(PK)' }
      : { ConditionExpression: '#s = :returned AND version = :v', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':returned': 'returned', ':v': replacesVersion } }),
  };
  try {
    if (archive.length === 0) {
      await ddb().send(new PutCommand(put));
      return true;
    }
    await sendTransaction(new TransactWriteCommand({
      TransactItems: [
        { Put: put },
        ...archive.map(({ cycle, entry }) => ({
          Put: {
            TableName: tableName(),
            Item: { ...keys.reportCycle(report.tenant, report.officerId, report.period, cycle), type: 'reportCycle', tenant: report.tenant, officerId: report.officerId, period: report.period, cycle, ...entry },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        })),
      ],
    }));
    return true;
  } catch (error) {
    if (conditionFailed(error) || archive.some((_, i) => transactionConditionFailed(error, i + 1)) || transactionConditionFailed(error, 0)) return false;
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

/** The sort keys of a year's reports, for the Query and for checking a cursor against it. */
export const reportYearRange = (year: number) => ({ from: `REPORT#${year}-01`, to: `REPORT#${year}-12` });

/** One page of an officer's reports of a year, oldest month first (one Query). */
export async function pageReportsOfYear(tenant: string, officerId: string, year: number, page: { limit: number; startKey?: Record<string, unknown> }) {
  const range = reportYearRange(year);
  const { items, lastKey } = await queryPage({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId), ':from': range.from, ':to': range.to },
  }, page);
  return { items: items.map(reportView), lastKey };
}


/** One page of the tenant's review queue (GSI2, by agency then period): of one agency, and/or of the
 *  officers below `ancestorId` (their report carries the chain; a report without one, its direct supervisor). */
export async function pagePendingReports(tenant: string, q: { agencyId?: string; ancestorId?: string; limit: number; startKey?: Record<string, unknown> }) {
  const res = await queryPage({
    IndexName: GSI2,
    KeyConditionExpression: q.agencyId ? 'GSI2PK = :pk AND begins_with(GSI2SK, :sk)' : 'GSI2PK = :pk',
    ...(q.ancestorId ? { FilterExpression: 'contains(ancestors, :me) OR supervisorId = :me' } : {}),
    ExpressionAttributeValues: {
      ':pk': keys.pendingReports(tenant),
      ...(q.agencyId ? { ':sk': `AGENCY#${q.agencyId}#` } : {}),
      ...(q.ancestorId ? { ':me': q.ancestorId } : {}),
    },
  }, q);
  return { items: res.items.map(reportView), lastKey: res.lastKey };
}

// The reads behind an evaluation document that no other repository answers as a range: the period's
// reports and the feedback about its months, each one Query of the officer's partition.
import { queryAll } from '../data/batch.js';
import * as keys from '../data/keys.js';
import { reportView, type Report } from '../data/report-repository.js';
import type { Feedback } from '../feedback/repository.js';

/** Reports of the months `from`…`to` (inclusive, `YYYY-MM`). */
export async function reportsBetween(tenant: string, officerId: string, from: string, to: string): Promise<Report[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId), ':from': `REPORT#${from}`, ':to': `REPORT#${to}` },
  });
  return items.map(reportView);
}

/** Feedback about the months `from`…`to` (replies on each), oldest first. */
export async function feedbackBetween(tenant: string, officerId: string, from: string, to: string): Promise<Feedback[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId), ':from': `FEEDBACK#${from}`, ':to': `FEEDBACK#${to}~` },
  });
  return items.map(({ PK: _p, SK: _s, type: _t, tenant: _tn, ...f }) => f as unknown as Feedback);
}

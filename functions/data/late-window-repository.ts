// Late-report windows (DESIGN §2 Reporting calendar): one item per officer and month, opened by the
// BKPSDM with a reason and an expiry, written together with its audit item.
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.js';
import * as keys from './keys.js';

export interface LateWindow {
  tenant: string;
  officerId: string;
  period: string;
  reason: string;
  openedBy: string;
  openedAt: string;
  /** ISO instant after which the window no longer admits a report. */
  closesAt: string;
}

export async function getLateWindow(tenant: string, officerId: string, period: string): Promise<LateWindow | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.lateWindow(tenant, officerId, period), ConsistentRead: true }));
  if (!res.Item) return undefined;
  const { PK: _p, SK: _s, type: _t, expiresAt: _e, ...w } = res.Item;
  return w as LateWindow;
}

/** Opens (or re-opens with a new expiry) the window, and records who did it and why. */
export async function putLateWindow(w: LateWindow): Promise<void> {
  const ttl = Math.floor(new Date(w.closesAt).getTime() / 1000) + 90 * 86_400; // kept a while after closing, then dropped
  await ddb().send(new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: tableName(), Item: { ...keys.lateWindow(w.tenant, w.officerId, w.period), type: 'lateWindow', ...w, expiresAt: ttl } } },
      { Put: { TableName: tableName(), Item: { ...keys.lateWindowAudit(w.tenant, w.officerId, w.openedAt, w.period), type: 'audit', subject: 'lateWindow', ...w } } },
    ],
  }));
}

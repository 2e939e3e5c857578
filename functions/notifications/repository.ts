// Notification items: one inbox partition per recipient (an officer, or a role's shared inbox), newest
// first, its unread ones on GSI1; and one "once" marker per deterministic notification id, put in the same
// transaction on condition it does not exist, so a retried pass or event creates (and e-mails) nothing twice.
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../data/client.js';
import { conditionFailed, transactionConditionFailed } from '../data/conditions.js';
import { batchGet, queryPage } from '../data/batch.js';
import * as keys from '../data/keys.js';
import { GSI1, GSI2 } from '../data/table.js';
import type { EmailMessage } from './email.js';

export type NotificationKind =
  | 'report_due' | 'reviews_pending' | 'evaluation_published' | 'objection_pending' | 'objection_decided'
  | 'complaint_to_verify' | 'complaint_overdue' | 'action_due' | 'action_overdue' | 'complaint_answered'
  /** An e-mail only (e.g. an account invitation), no in-app item. */
  | 'email';

export interface Notification {
  /** Deterministic: hash of recipient, kind, subject and period. */
  id: string;
  tenant: string;
  /** Inbox: `OFFICER#id`, `ROLE#region_admin`, `ROLE#agency_admin#agencyId`, or `EMAIL` (a citizen: e-mail only). */
  recipient: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A dashboard path the message is about (e.g. `/laporan`), when there is one. */
  link?: string;
  createdAt: string;
  read: boolean;
}

const ONCE_TTL_DAYS = 400;

/** Creates the notification unless its id exists; true when this call created it. Its e-mail, if any,
 *  waits in the tenant's outbox (GSI2) until a sender claims it. */
export async function createOnce(n: Notification, email: EmailMessage | undefined): Promise<boolean> {
  const once = {
    ...keys.notificationOnce(n.tenant, n.id), type: 'notificationOnce', recipient: n.recipient, kind: n.kind, createdAt: n.createdAt,
    emailStatus: email ? 'pending' : 'none', expiresAt: Math.floor(Date.now() / 1000) + ONCE_TTL_DAYS * 86_400,
    ...(email ? { email, GSI2PK: keys.emailOutbox(n.tenant), GSI2SK: `${n.createdAt}#${n.id}` } : {}),
  };
  const inApp = n.recipient !== 'EMAIL';
  const key = keys.notification(n.tenant, n.recipient, n.createdAt, n.id);
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName(), Item: once, ConditionExpression: 'attribute_not_exists(PK)' } },
        ...(inApp ? [
          { Put: { TableName: tableName(), Item: { ...key, type: 'notification', ...n, GSI1PK: keys.inboxUnread(n.tenant, n.recipient), GSI1SK: key.SK } } },
          { Update: { TableName: tableName(), Key: keys.inboxCounter(n.tenant, n.recipient), UpdateExpression: 'ADD unread :one', ExpressionAttributeValues: { ':one': 1 } } },
        ] : []),
      ],
    }));
    return true;
  } catch (error) {
    if (transactionConditionFailed(error)) return false;
    throw error;
  }
}

/** Takes a pending e-mail for sending; false when another sender has it or it went already (at most once). */
export async function claimEmail(tenant: string, id: string): Promise<boolean> {
  try {
    await ddb().send(new UpdateCommand({
      TableName: tableName(), Key: keys.notificationOnce(tenant, id),
      UpdateExpression: 'SET emailStatus = :sending, emailClaimedAt = :at',
      ConditionExpression: 'emailStatus = :pending',
      ExpressionAttributeValues: { ':sending': 'sending', ':pending': 'pending', ':at': new Date().toISOString() },
    }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/** Records what became of a claimed e-mail and takes it out of the outbox (its text goes with it). */
export async function recordEmail(tenant: string, id: string, status: 'sent' | 'failed', detail: string): Promise<void> {
  await ddb().send(new UpdateCommand({
    TableName: tableName(), Key: keys.notificationOnce(tenant, id),
    UpdateExpression: 'SET emailStatus = :s, emailDetail = :d, emailAt = :at REMOVE GSI2PK, GSI2SK, email',
    ExpressionAttributeValues: { ':s': status, ':d': detail.slice(0, 300), ':at': new Date().toISOString() },
  }));
}

/** One page of a tenant's e-mail outbox, oldest first. */
export async function pageOutbox(tenant: string, page: { limit: number; startKey?: Record<string, unknown> }) {
  const res = await queryPage<{ PK: string; email: EmailMessage; emailStatus: string }>({
    IndexName: GSI2, KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': keys.emailOutbox(tenant) },
  }, page);
  return { items: res.items.map((i) => ({ id: i.PK.slice(i.PK.lastIndexOf('#') + 1), email: i.email, status: i.emailStatus })), lastKey: res.lastKey };
}

const view = ({ PK: _p, SK: _s, type: _t, GSI1PK: _g, GSI1SK: _gs, tenant: _tn, ...rest }: Record<string, unknown>) => rest as unknown as Omit<Notification, 'tenant'> & { readAt?: string };

export async function pageInbox(tenant: string, recipient: string, page: { limit: number; startKey?: Record<string, unknown> }) {
  const res = await queryPage({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :n)',
    ExpressionAttributeValues: { ':pk': keys.inbox(tenant, recipient), ':n': 'N#' },
    ScanIndexForward: false,
  }, page);
  return { items: res.items.map((i) => ({ sk: i.SK as string, item: view(i) })), lastKey: res.lastKey };
}

/** Unread counts of the caller's inboxes: their counters, in one BatchGet (the same read whatever they hold). */
export async function countUnread(tenant: string, recipients: readonly string[], opts: { consistent?: boolean } = {}): Promise<number> {
  if (recipients.length === 0) return 0;
  const counters = await batchGet<{ unread?: number }>(recipients.map((r) => keys.inboxCounter(tenant, r)), opts);
  return counters.reduce((sum, c) => sum + Math.max(0, Number(c.unread ?? 0)), 0);
}

/** SKs of up to `limit` unread notifications of an inbox. */
export async function unreadKeys(tenant: string, recipient: string, limit: number): Promise<string[]> {
  const res = await queryPage<{ SK: string }>({
    IndexName: GSI1, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.inboxUnread(tenant, recipient) },
    ProjectionExpression: 'SK',
  }, { limit });
  return res.items.map((i) => i.SK);
}

/** Marks one notification read (leaves the unread index, lowers its inbox's counter in the same
 *  transaction); false when it does not exist or was read already. */
export async function markRead(tenant: string, recipient: string, sk: string, at: string): Promise<boolean> {
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableName(), Key: { PK: keys.inbox(tenant, recipient), SK: sk },
            UpdateExpression: 'SET #r = :t, readAt = :at REMOVE GSI1PK, GSI1SK',
            ConditionExpression: 'attribute_exists(PK) AND #r = :f',
            ExpressionAttributeNames: { '#r': 'read' },
            ExpressionAttributeValues: { ':t': true, ':f': false, ':at': at },
          },
        },
        { Update: { TableName: tableName(), Key: keys.inboxCounter(tenant, recipient), UpdateExpression: 'ADD unread :minus', ExpressionAttributeValues: { ':minus': -1 } } },
      ],
    }));
    return true;
  } catch (error) {
    if (transactionConditionFailed(error)) return false;
    throw error;
  }
}

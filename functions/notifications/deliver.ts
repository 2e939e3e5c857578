// One notification, exactly once: its id is a hash of (recipient, kind, subject, period), the in-app item
// and its "once" marker are written together on condition the marker is new, and only the writer that
// created it sends the e-mail (claimed, then recorded sent). A retried pass or event finds the marker and stops.
import { createHash } from 'node:crypto';
import { countMetric } from '../http/metrics.js';
import { dispatchEmail } from './outbox.js';
import { subjectOf, type Message } from './messages.js';
import { createOnce, type NotificationKind } from './repository.js';

export interface NotifyInput {
  tenant: string;
  /** `OFFICER#id`, `ROLE#…`, or `EMAIL` (a citizen: e-mail only). */
  recipient: string;
  kind: NotificationKind;
  /** What it is about (an officer-period, an evaluation id, a complaint id, an action id). */
  subject: string;
  /** The period or day that makes a repeat a new notification (e.g. the reminder of another month). */
  period: string;
  message: Message;
  link?: string;
  email?: string | null;
}

export const notificationId = (i: Pick<NotifyInput, 'tenant' | 'recipient' | 'kind' | 'subject' | 'period'>) =>
  createHash('sha256').update([i.tenant, i.recipient, i.kind, i.subject, i.period].join('\u0000')).digest('base64url').slice(0, 22);

export type NotifyOutcome = 'created' | 'exists';

export async function notify(i: NotifyInput, now = new Date()): Promise<NotifyOutcome> {
  const id = notificationId(i);
  const email = i.email ? { tenant: i.tenant, to: i.email, subject: subjectOf(i.message), text: `${i.message.body}\n\n— Kinerja ASN` } : undefined;
  const created = await createOnce({
    id, tenant: i.tenant, recipient: i.recipient, kind: i.kind, title: i.message.title, body: i.message.body,
    ...(i.link ? { link: i.link } : {}), createdAt: now.toISOString(), read: false,
  }, email);
  if (!created) return 'exists';
  countMetric('NotificationsSent');
  // Only the writer that created it sends (or queues) the e-mail: a retry finds the marker above and stops.
  if (email) await dispatchEmail(i.tenant, id, email);
  return 'created';
}

/** Counts per kind of what a pass or an event created. */
export type Counts = Partial<Record<NotificationKind, number>>;
export const tally = (counts: Counts, kind: NotificationKind, outcome: NotifyOutcome) => {
  if (outcome === 'created') counts[kind] = (counts[kind] ?? 0) + 1;
};

export const officerInbox = (officerId: string) => `OFFICER#${officerId}`;
export const REGION_ADMINS = 'ROLE#region_admin';
export const agencyAdmins = (agencyId: string) => `ROLE#agency_admin#${agencyId}`;

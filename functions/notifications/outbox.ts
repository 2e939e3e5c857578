// The e-mail of a notification (or an invitation), sent at most once: it waits in the tenant's outbox
// on its "once" marker; a sender claims it (conditional update), sends it through this function's port
// and records it sent or failed. A function without a port (the routes and the stream in AWS) leaves it
// queued; the sending function drains the outbox every few minutes and after each daily pass.
import { randomUUID } from 'node:crypto';
import { logger } from '../http/logger.js';
import { emailPort, type EmailMessage } from './email.js';
import { claimEmail, createOnce, pageOutbox, recordEmail } from './repository.js';

/** Sends a queued e-mail now when this function can; otherwise it stays queued. */
export async function dispatchEmail(tenant: string, id: string, message: EmailMessage): Promise<'sent' | 'queued' | 'skipped' | 'failed'> {
  const port = emailPort();
  if (!port) return 'queued';
  if (!(await claimEmail(tenant, id))) return 'skipped';
  try {
    const { messageId } = await port.send({ ...message, id });
    await recordEmail(tenant, id, 'sent', messageId);
    return 'sent';
  } catch (error) {
    logger.error('e-mail failed', { error: error as Error, tenant });
    await recordEmail(tenant, id, 'failed', (error as Error).message).catch(() => {});
    return 'failed';
  }
}

/** Sends what waits in a tenant's outbox (one page of 100 at a time). */
export async function drainOutbox(tenant: string): Promise<number> {
  let sent = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await pageOutbox(tenant, { limit: 100, startKey });
    for (const item of page.items) if (item.status === 'pending' && (await dispatchEmail(tenant, item.id, item.email)) === 'sent') sent++;
    startKey = page.lastKey;
  } while (startKey);
  return sent;
}

/** Sends one plain-text e-mail (account invitations and the like): now where this function can, else queued. */
export async function sendEmail(message: EmailMessage): Promise<{ messageId: string }> {
  const id = message.id ?? randomUUID().replace(/-/g, '');
  await createOnce({ id, tenant: message.tenant, recipient: 'EMAIL', kind: 'email', title: message.subject, body: '', createdAt: new Date().toISOString(), read: false }, message);
  const outcome = await dispatchEmail(message.tenant, id, message);
  return { messageId: outcome === 'sent' ? id : `queued:${id}` };
}

// The sending function, as EventBridge Scheduler (and the local scheduler) calls it: `{tenant}` once a day
// at 06:00 in the tenant's zone runs the daily pass; `{outbox: true}` every few minutes sends the e-mails
// other functions queued. It alone holds the SES client (./email-ses.ts).
import type { Context } from 'aws-lambda';
import { findTenant, tenants } from '../config/tenants.js';
import { logger } from '../http/logger.js';
import './email-ses.js';
import { drainOutbox } from './outbox.js';
import { runDailyPass } from './pass.js';

export const handler = async (event: { tenant?: string; outbox?: boolean }, context?: Context) => {
  if (context) logger.addContext(context);
  if (event?.outbox) {
    const sent = Object.fromEntries(await Promise.all(tenants().map(async (t) => [t.id, await drainOutbox(t.id)] as const)));
    return { sent };
  }
  if (!event?.tenant || !findTenant(event.tenant)) throw new Error(`notification pass: unknown tenant ${String(event?.tenant)}`);
  const result = await runDailyPass(event.tenant);
  const sent = await drainOutbox(event.tenant);
  logger.info('notification pass done', { ...result, sent });
  return { ...result, sent };
};

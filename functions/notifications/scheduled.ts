// The daily notification pass, as EventBridge Scheduler (and the local scheduler) calls it: one
// event per tenant, `{tenant}`, at 06:00 in the tenant's zone.
import type { Context } from 'aws-lambda';
import { findTenant } from '../config/tenants.js';
import { logger } from '../http/logger.js';
import { runDailyPass } from './pass.js';

export const handler = async (event: { tenant?: string }, context?: Context) => {
  if (context) logger.addContext(context);
  if (!event?.tenant || !findTenant(event.tenant)) throw new Error(`notification pass: unknown tenant ${String(event?.tenant)}`);
  const result = await runDailyPass(event.tenant);
  logger.info('notification pass done', { ...result });
  return result;
};

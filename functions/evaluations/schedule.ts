// The one schedule definition: a daily trigger per tenant at 01:00 in the tenant's zone. CDK turns it
// into an EventBridge Scheduler schedule with that zone; the local scheduler computes the same fire
// times. The dispatcher then reads the tenant's policy (frequency, review due day) to decide whether a
// period falls due that day (DESIGN §2 Reporting calendar), so the Policy screen is what runs.
import type { TenantConfig } from '../config/tenants.js';
import { zonedParts, zonedTimeToUtc } from '../domain/periods.js';

/** What EventBridge Scheduler (and the local scheduler) sends. */
export interface ScheduleEvent { tenant: string }

/** Local hour of the daily trigger. */
export const DAILY_HOUR = 1;
/** EventBridge Scheduler cron (min hour dom month dow year), read in the tenant's time zone. */
export const DAILY_CRON = `cron(0 ${DAILY_HOUR} * * ? *)`;
/** Retries of a missed invocation: the dispatcher is idempotent per tenant and period. */
export const SCHEDULE_RETRIES = 3;

export const schedulesOf = (t: Pick<TenantConfig, 'id'>): ScheduleEvent[] => [{ tenant: t.id }];

/** The first daily fire time (at `hour`, local) strictly after `now`, in the zone. */
export function nextFireTime(now: Date, timeZone: string, hour = DAILY_HOUR): Date {
  const { year, month, day } = zonedParts(now, timeZone);
  const today = zonedTimeToUtc(timeZone, year, month, day, hour);
  return today > now ? today : zonedTimeToUtc(timeZone, year, month, day + 1, hour);
}

// The daily notification pass: one trigger per tenant at 06:00 in the tenant's zone (after the 01:00
// evaluation trigger, before the working day). CDK builds an EventBridge Scheduler schedule from it;
// the local scheduler computes the same fire times.
import { nextFireTime } from '../evaluations/schedule.js';

export const NOTIFY_HOUR = 6;
/** EventBridge Scheduler cron (min hour dom month dow year), read in the tenant's time zone. */
export const NOTIFY_CRON = `cron(0 ${NOTIFY_HOUR} * * ? *)`;
/** How often the sending function drains the e-mails other functions queued. */
export const OUTBOX_RATE = 'rate(2 minutes)';

/** The first pass time strictly after `now`, in the zone. */
export const nextNotifyTime = (now: Date, timeZone: string): Date => nextFireTime(now, timeZone, NOTIFY_HOUR);

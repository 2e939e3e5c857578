// The evaluation schedules, one set per tenant in the tenant's time zone: CDK turns them into
// EventBridge Scheduler cron expressions, the local scheduler computes the same fire times.
import type { TenantConfig } from '../config/tenants.js';
import { zonedParts, zonedTimeToUtc } from '../domain/periods.js';
import type { ScheduleEvent } from './dispatcher.js';

type Kind = ScheduleEvent['kind'];

/** 01:00 local on day 1 of these months: just after the period ended there. */
export const SCHEDULES: Readonly<Record<Kind, { months: readonly number[]; cron: string }>> = Object.freeze({
  monthly: { months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], cron: 'cron(0 1 1 * ? *)' },
  quarterly: { months: [1, 4, 7, 10], cron: 'cron(0 1 1 1,4,7,10 ? *)' },
  annual: { months: [1], cron: 'cron(0 1 1 1 ? *)' },
});

/** Every schedule of a tenant: its evaluation frequency, and the annual evaluation. */
export const schedulesOf = (t: Pick<TenantConfig, 'id' | 'evaluationFrequency'>): ScheduleEvent[] => [
  { tenant: t.id, kind: t.evaluationFrequency },
  { tenant: t.id, kind: 'annual' },
];

/** The first fire time strictly after `now`, in the zone. */
export function nextFireTime(kind: Kind, now: Date, timeZone: string): Date {
  const { year, month } = zonedParts(now, timeZone);
  for (let i = 0; i <= 12; i++) {
    const index = year * 12 + (month - 1) + i;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    if (!SCHEDULES[kind].months.includes(m)) continue;
    const at = zonedTimeToUtc(timeZone, y, m, 1, 1);
    if (at.getTime() > now.getTime()) return at;
  }
  throw new Error(`no fire time for ${kind} within a year`);
}

// The local stand-in for EventBridge Scheduler: for each tenant of infra/deployments.ts, the daily
// trigger of functions/evaluations/schedule.ts (01:00 in the tenant's own time zone), calling the same
// dispatcher handler with the same event; the dispatcher decides from the policy what falls due.
import { nextFireTime, schedulesOf } from '../../functions/evaluations/schedule.js';
import { nextNotifyTime } from '../../functions/notifications/schedule.js';
import { BACKGROUND_FUNCTIONS } from '../../functions/routes.js';
import { allTenants } from '../deployments.js';
import { invoke } from './lambda.js';

export interface LocalScheduler { stop: () => void; next: () => { tenant: string; at: Date }[] }

// setTimeout holds at most ~24.8 days; longer waits re-arm.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function startScheduler(opts: { log?: (line: string) => void; now?: () => Date } = {}): LocalScheduler {
  const log = opts.log ?? (() => {});
  const now = opts.now ?? (() => new Date());
  const timers = new Set<NodeJS.Timeout>();
  const upcoming = new Map<string, { tenant: string; at: Date }>();
  let stopped = false;

  // Per tenant: the evaluation dispatcher at 01:00 and the notification pass at 06:00, each in its zone.
  const jobs = [
    { fn: BACKGROUND_FUNCTIONS.evaluationDispatcher, name: 'kinerja-evaluation-dispatcher', what: 'daily pass', next: nextFireTime },
    { fn: BACKGROUND_FUNCTIONS.notificationPass, name: 'kinerja-notification-pass', what: 'notification pass', next: nextNotifyTime },
  ];
  for (const tenant of allTenants()) {
    for (const event of schedulesOf(tenant)) for (const job of jobs) {
      const arm = () => {
        if (stopped) return;
        const at = job.next(now(), tenant.timeZone);
        if (job.fn === BACKGROUND_FUNCTIONS.evaluationDispatcher) upcoming.set(event.tenant, { ...event, at });
        const wait = () => {
          const delay = at.getTime() - now().getTime();
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (delay > MAX_TIMER_MS) return wait();
            log(`scheduler: ${job.what} for ${event.tenant}`);
            invoke(job.fn, job.name, event)
              .catch((error) => log(`scheduler: ${job.what} failed for ${event.tenant}: ${(error as Error).message}`))
              .finally(arm);
          }, Math.min(Math.max(0, delay), MAX_TIMER_MS));
          timer.unref();
          timers.add(timer);
        };
        wait();
      };
      arm();
    }
  }
  return {
    stop: () => { stopped = true; for (const t of timers) clearTimeout(t); timers.clear(); },
    next: () => [...upcoming.values()].sort((a, b) => a.at.getTime() - b.at.getTime()),
  };
}

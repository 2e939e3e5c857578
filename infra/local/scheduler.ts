// The local stand-in for EventBridge Scheduler: for each tenant of infra/deployments.ts, the daily
// trigger of functions/evaluations/schedule.ts (01:00 in the tenant's own time zone), calling the same
// dispatcher handler with the same event; the dispatcher decides from the policy what falls due.
import { nextFireTime, schedulesOf } from '../../functions/evaluations/schedule.js';
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

  for (const tenant of allTenants()) {
    for (const event of schedulesOf(tenant)) {
      const arm = () => {
        if (stopped) return;
        const at = nextFireTime(now(), tenant.timeZone);
        upcoming.set(event.tenant, { ...event, at });
        const wait = () => {
          const delay = at.getTime() - now().getTime();
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (delay > MAX_TIMER_MS) return wait();
            log(`scheduler: daily pass for ${event.tenant}`);
            invoke(BACKGROUND_FUNCTIONS.evaluationDispatcher, 'kinerja-evaluation-dispatcher', event)
              .catch((error) => log(`scheduler: dispatch failed for ${event.tenant}: ${(error as Error).message}`))
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

// What runs beside the API locally, as AWS runs it beside the HTTP API: the stream → scoring
// function, and (from the evaluations capability) the scheduler and the queue with its workers.
import { join } from 'node:path';
import { setAccountQueue, type AccountBatch } from '../../functions/accounts/queue.js';
import { setNotificationRunQueue, type PassRequest } from '../../functions/notifications/run-queue.js';
import { BACKGROUND_FUNCTIONS } from '../../functions/routes.js';
import { startLocalQueue, type LocalQueue } from './queue.js';
import { startScheduler } from './scheduler.js';
import { startStreamPoller } from './streams.js';

export interface Background { stop: () => Promise<void>; drain: () => Promise<void> }

/** Account provisioning after an import: the same worker as in AWS, one batch of ten at a time. */
export const startAccountQueue = (log: (line: string) => void): LocalQueue<AccountBatch> =>
  startLocalQueue<AccountBatch>({ log, concurrency: 1, worker: { module: BACKGROUND_FUNCTIONS.accountWorker, name: 'kinerja-account-worker', register: setAccountQueue } });

/** Notification passes started through the API: the pass function, as the SQS event source calls it in AWS. A run
 *  stays invisible (in flight) for as long as a pass may take, so it is not handed out twice while it runs. */
export const startNotificationRunQueue = (log: (line: string) => void): LocalQueue<PassRequest> =>
  startLocalQueue<PassRequest>({ log, concurrency: 2, visibilityTimeoutMs: 15 * 60_000, worker: { module: BACKGROUND_FUNCTIONS.notificationPass, name: 'kinerja-notification-pass', register: setNotificationRunQueue } });

/** The queues a run without the stream poller still needs (tests): account provisioning and notification runs. */
export function startJobQueues(log: (line: string) => void): Pick<LocalQueue, 'drain' | 'stop'> {
  const queues = [startAccountQueue(log), startNotificationRunQueue(log)];
  return {
    drain: async (timeoutMs?: number) => { for (const q of queues) await q.drain(timeoutMs); },
    stop: async () => { for (const q of queues) await q.stop(); },
  };
}

export async function startBackground(opts: { endpoint: string; tableName: string; dataDir?: string; fromLatest?: boolean; log: (line: string) => void }): Promise<Background> {
  const poller = await startStreamPoller({
    endpoint: opts.endpoint,
    tableName: opts.tableName,
    handlerModule: BACKGROUND_FUNCTIONS.stream,
    checkpointFile: opts.dataDir ? join(opts.dataDir, 'stream-checkpoints.json') : undefined,
    failureFile: opts.dataDir ? join(opts.dataDir, 'stream-failures.jsonl') : undefined,
    fromLatest: opts.fromLatest,
    log: opts.log,
  });
  const queue = startLocalQueue({ log: opts.log });
  const accounts = startAccountQueue(opts.log);
  const notificationRuns = startNotificationRunQueue(opts.log);
  const scheduler = startScheduler({ log: opts.log });
  return {
    stop: async () => { scheduler.stop(); await queue.stop(); await accounts.stop(); await notificationRuns.stop(); await poller.stop(); },
    drain: async () => { await poller.drain(); await queue.drain(); await accounts.drain(); await notificationRuns.drain(); await poller.drain(); },
  };
}

// What runs beside the API locally, as AWS runs it beside the HTTP API: the stream → scoring
// function, and (from the evaluations capability) the scheduler and the queue with its workers.
import { join } from 'node:path';
import { setAccountQueue, type AccountBatch } from '../../functions/accounts/queue.js';
import { BACKGROUND_FUNCTIONS } from '../../functions/routes.js';
import { startLocalQueue, type LocalQueue } from './queue.js';
import { startScheduler } from './scheduler.js';
import { startStreamPoller } from './streams.js';

export interface Background { stop: () => Promise<void>; drain: () => Promise<void> }

/** Account provisioning after an import: the same worker as in AWS, one batch of ten at a time. */
export const startAccountQueue = (log: (line: string) => void): LocalQueue<AccountBatch> =>
  startLocalQueue<AccountBatch>({ log, concurrency: 1, worker: { module: BACKGROUND_FUNCTIONS.accountWorker, name: 'kinerja-account-worker', register: setAccountQueue } });

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
  const scheduler = startScheduler({ log: opts.log });
  return {
    stop: async () => { scheduler.stop(); await queue.stop(); await accounts.stop(); await poller.stop(); },
    drain: async () => { await poller.drain(); await queue.drain(); await accounts.drain(); await poller.drain(); },
  };
}

// What runs beside the API locally, as AWS runs it beside the HTTP API: the stream → scoring
// function, and (from the evaluations capability) the scheduler and the queue with its workers.
import { join } from 'node:path';
import { BACKGROUND_FUNCTIONS } from '../../functions/routes.js';
import { startLocalQueue } from './queue.js';
import { startScheduler } from './scheduler.js';
import { startStreamPoller } from './streams.js';

export interface Background { stop: () => Promise<void>; drain: () => Promise<void> }

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
  const scheduler = startScheduler({ log: opts.log });
  return {
    stop: async () => { scheduler.stop(); await queue.stop(); await poller.stop(); },
    drain: async () => { await poller.drain(); await queue.drain(); await poller.drain(); },
  };
}

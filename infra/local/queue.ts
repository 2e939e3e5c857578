// The local stand-in for the evaluation SQS queue: in-process, with SQS's semantics as the worker
// sees them — a received message is invisible for the visibility timeout, a message reported in
// batchItemFailures (or whose handler throws) is redelivered, and after maxReceiveCount receives it
// moves to the dead-letter queue. Messages are handed to the same worker handler CDK deploys.
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { setEvaluationQueue, type EvaluationBatch, type EvaluationQueue } from '../../functions/evaluations/queue.js';
import { BACKGROUND_FUNCTIONS } from '../../functions/routes.js';
import { invoke } from './lambda.js';

interface Message { id: string; body: string; receiveCount: number; visibleAt: number; sentAt: number }

export interface LocalQueue<B = EvaluationBatch> extends Omit<EvaluationQueue, 'send'> {
  send(batches: readonly B[]): Promise<void>;
  /** Messages that exhausted their receives, with the batch they carried. */
  deadLetters: { messageId: string; batch: B; receiveCount: number }[];
  /** Resolves when no message is waiting or in flight. */
  drain: (timeoutMs?: number) => Promise<void>;
  stop: () => Promise<void>;
  depth: () => number;
}

export interface LocalQueueOptions<B = EvaluationBatch> {
  /** The worker the messages go to and where the queue registers (default: the evaluation worker). */
  worker?: { module: string; name: string; register: (queue: LocalQueue<B> | undefined) => void };
  visibilityTimeoutMs?: number;
  maxReceiveCount?: number;
  concurrency?: number;
  /** Register as the queue the dispatcher sends to (default true). */
  register?: boolean;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Batches in flight at once: the SqsEventSource's maxConcurrency in infra/constructs/processing.ts. */
export const LOCAL_QUEUE_CONCURRENCY = Number(process.env.EVALUATION_CONCURRENCY ?? 5);

export function startLocalQueue<B = EvaluationBatch>(opts: LocalQueueOptions<B> = {}): LocalQueue<B> {
  const register = opts.worker?.register ?? (setEvaluationQueue as (queue: LocalQueue<B> | undefined) => void);
  const visibilityMs = opts.visibilityTimeoutMs ?? Number(process.env.EVALUATION_VISIBILITY_MS ?? 2_000);
  const maxReceive = opts.maxReceiveCount ?? 3;
  const log = opts.log ?? (() => {});
  const messages: Message[] = [];
  let inFlight = 0;
  let stopped = false;
  // Every idle consumer waits here, so a send wakes them all (not only the last one to go idle).
  const waiting = new Set<() => void>();
  const wake = () => { for (const w of [...waiting]) w(); };
  const idle = (ms: number) => new Promise<void>((resolve) => {
    const done = () => { clearTimeout(timer); waiting.delete(done); resolve(); };
    const timer = setTimeout(done, ms);
    waiting.add(done);
  });
  const deadLetters: LocalQueue<B>['deadLetters'] = [];

  const receive = (): Message | undefined => {
    const now = Date.now();
    const m = messages.find((x) => x.visibleAt <= now);
    if (!m) return undefined;
    m.receiveCount++;
    m.visibleAt = now + visibilityMs;
    return m;
  };

  const remove = (m: Message) => { const i = messages.indexOf(m); if (i >= 0) messages.splice(i, 1); };

  const handle = async (m: Message) => {
    const event: SQSEvent = {
      Records: [{
        messageId: m.id, receiptHandle: `${m.id}:${m.receiveCount}`, body: m.body, md5OfBody: '', eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:local:000000000000:kinerja-evaluations', awsRegion: 'local',
        attributes: { ApproximateReceiveCount: String(m.receiveCount), SentTimestamp: String(m.sentAt), SenderId: 'local', ApproximateFirstReceiveTimestamp: String(m.sentAt) },
        messageAttributes: {},
      }],
    };
    let failed: boolean;
    try {
      const res = (await invoke(opts.worker?.module ?? BACKGROUND_FUNCTIONS.evaluationWorker, opts.worker?.name ?? 'kinerja-evaluation-worker', event, 900_000)) as SQSBatchResponse | undefined;
      failed = (res?.batchItemFailures ?? []).some((f) => f.itemIdentifier === m.id);
    } catch (error) {
      log(`evaluation worker threw: ${(error as Error).message}`);
      failed = true;
    }
    if (!failed) return remove(m);
    if (m.receiveCount >= maxReceive) {
      remove(m);
      deadLetters.push({ messageId: m.id, batch: JSON.parse(m.body) as B, receiveCount: m.receiveCount });
      log(`evaluation batch ${m.id} moved to the DLQ after ${m.receiveCount} receives`);
    }
    // otherwise it stays invisible until the visibility timeout passes, then is redelivered
  };

  const consumer = async () => {
    while (!stopped) {
      const m = receive();
      if (!m) {
        await idle(messages.length ? Math.min(visibilityMs, 100) : 250);
        continue;
      }
      inFlight++;
      try { await handle(m); } finally { inFlight--; }
    }
  };
  const consumers = Array.from({ length: opts.concurrency ?? LOCAL_QUEUE_CONCURRENCY }, consumer);

  const queue: LocalQueue<B> = {
    deadLetters,
    depth: () => messages.length,
    async send(batches) {
      const now = Date.now();
      for (const b of batches) messages.push({ id: randomUUID(), body: JSON.stringify(b), receiveCount: 0, visibleAt: now, sentAt: now });
      wake();
    },
    async drain(timeoutMs = 120_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length > 0 || inFlight > 0) {
        if (Date.now() > until) throw new Error(`evaluation queue not drained after ${timeoutMs} ms (${messages.length} waiting)`);
        await sleep(50);
      }
    },
    async stop() {
      stopped = true;
      wake();
      await Promise.all(consumers);
      if (opts.register !== false) register(undefined);
    },
  };
  if (opts.register !== false) register(queue);
  return queue;
}

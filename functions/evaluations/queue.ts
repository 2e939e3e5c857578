// The queue between the dispatcher and the workers: SQS in AWS, the in-process queue locally
// (infra/local/queue.ts registers itself at start-up). Workers receive SQS events either way.
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { requireEnv } from '../config/env.js';

import type { StatusEntry } from '../domain/officer-status.js';

/** An officer as a batch carries it: enough to evaluate without reading the profile again. */
export interface OfficerRef { id: string; agencyId: string; unitId: string | null; statuses?: StatusEntry[] }

/** One message: a batch of officers of one run. */
export interface EvaluationBatch {
  tenant: string;
  runId: string;
  period: string;
  batchNo: number;
  officers: OfficerRef[];
}

export interface EvaluationQueue {
  send(batches: readonly EvaluationBatch[]): Promise<void>;
}

class SqsEvaluationQueue implements EvaluationQueue {
  private client = new SQSClient({});
  async send(batches: readonly EvaluationBatch[]): Promise<void> {
    const queueUrl = requireEnv('EVALUATION_QUEUE_URL');
    for (let i = 0; i < batches.length; i += 10) {
      const entries = batches.slice(i, i + 10).map((b) => ({ Id: `b${b.batchNo}`, MessageBody: JSON.stringify(b) }));
      const out = await this.client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      if (out.Failed?.length) throw new Error(`SQS refused ${out.Failed.length} evaluation batches: ${out.Failed[0]!.Message}`);
    }
  }
}

// On globalThis so the local runtime's registration reaches handler modules however they were imported.
const SLOT = Symbol.for('kinerja-asn.evaluationQueue');
type Slot = { [SLOT]?: EvaluationQueue };

export function setEvaluationQueue(queue: EvaluationQueue | undefined): void {
  (globalThis as Slot)[SLOT] = queue;
}

export function evaluationQueue(): EvaluationQueue {
  const slot = globalThis as Slot;
  return (slot[SLOT] ??= new SqsEvaluationQueue());
}

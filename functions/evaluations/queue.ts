// The queue between the dispatcher and the workers: SQS in AWS, the in-process queue locally
// (infra/local/queue.ts registers itself at start-up). Workers receive SQS events either way.
import { batchQueue, type BatchQueue } from '../data/sqs-queue.js';

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
  /** No run of the period had been published when this run took the period: no evaluation is expected,
   *  so the batch does not read them first. A hint only: the INSERT's condition still refuses to write
   *  over one that exists (a run that failed before publishing, an item written otherwise), and the batch
   *  is then read again with its evaluations. */
  firstRun?: boolean;
}

export type EvaluationQueue = BatchQueue<EvaluationBatch>;

const queue = batchQueue<EvaluationBatch>('kinerja-asn.evaluationQueue', 'EVALUATION_QUEUE_URL', 'evaluation batches');
export const setEvaluationQueue = queue.set;
export const evaluationQueue = queue.get;

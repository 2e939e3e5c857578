// The queue between POST /v1/notifications/runs and the pass function: SQS in AWS, the in-process queue
// locally (infra/local/background.ts registers it at start-up). The pass function receives SQS events either way.
import { batchQueue, type BatchQueue } from '../data/sqs-queue.js';

/** One message: run the pass of a tenant as of a day, for the run item the caller follows. */
export interface PassRequest { tenant: string; runId: string; day: string; batchNo: number }

export type PassQueue = BatchQueue<PassRequest>;

const queue = batchQueue<PassRequest>('kinerja-asn.notificationRunQueue', 'NOTIFICATION_RUN_QUEUE_URL', 'notification runs');
export const setNotificationRunQueue = queue.set;
export const notificationRunQueue = queue.get;

// The queue between a provisioning job's start (the import, an officer PATCH) and the account worker:
// SQS in AWS, the in-process queue locally (infra/local/background.ts registers it at start-up).
import { batchQueue, type BatchQueue } from '../data/sqs-queue.js';

/** One message: up to ACCOUNTS_PER_MESSAGE officers of one job, so Cognito's AdminCreateUser rate holds. */
export interface AccountBatch { tenant: string; jobId: string; batchNo: number; officerIds: string[] }
export const ACCOUNTS_PER_MESSAGE = 10;

export type AccountQueue = BatchQueue<AccountBatch>;

const queue = batchQueue<AccountBatch>('kinerja-asn.accountQueue', 'ACCOUNT_QUEUE_URL', 'account batches');
export const setAccountQueue = queue.set;
export const accountQueue = queue.get;

// The queue between a provisioning job's start (the import, an officer PATCH) and the account worker:
// SQS in AWS, the in-process queue locally (infra/local/background.ts registers it at start-up).
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { requireEnv } from '../config/env.js';

/** One message: up to ACCOUNTS_PER_MESSAGE officers of one job, so Cognito's AdminCreateUser rate holds. */
export interface AccountBatch { tenant: string; jobId: string; batchNo: number; officerIds: string[] }
export const ACCOUNTS_PER_MESSAGE = 10;

export interface AccountQueue { send(batches: readonly AccountBatch[]): Promise<void> }

class SqsAccountQueue implements AccountQueue {
  private client = new SQSClient({});
  async send(batches: readonly AccountBatch[]): Promise<void> {
    const queueUrl = requireEnv('ACCOUNT_QUEUE_URL');
    for (let i = 0; i < batches.length; i += 10) {
      const entries = batches.slice(i, i + 10).map((b) => ({ Id: `b${b.batchNo}`, MessageBody: JSON.stringify(b) }));
      const out = await this.client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      if (out.Failed?.length) throw new Error(`SQS refused ${out.Failed.length} account batches: ${out.Failed[0]!.Message}`);
    }
  }
}

// On globalThis so the local runtime's registration reaches handler modules however they were imported.
const SLOT = Symbol.for('kinerja-asn.accountQueue');
type Slot = { [SLOT]?: AccountQueue };

export function setAccountQueue(queue: AccountQueue | undefined): void {
  (globalThis as Slot)[SLOT] = queue;
}

export function accountQueue(): AccountQueue {
  const slot = globalThis as Slot;
  return (slot[SLOT] ??= new SqsAccountQueue());
}

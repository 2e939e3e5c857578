// A queue of batches between two functions: SQS in AWS (SendMessageBatch, ten a call), or what the
// local runtime registered on globalThis (its in-process queue), so handler modules find it however
// they were imported. The evaluation and the account queues are both this.
import { requireEnv } from '../config/env.js';
import { awsJson } from './aws-json.js';

export interface BatchQueue<B> { send(batches: readonly B[]): Promise<void> }

/** The queue named by the environment variable `urlEnv` (SQS), unless the local runtime set one. */
export function batchQueue<B extends { batchNo: number }>(slotName: string, urlEnv: string, what: string) {
  const slot = Symbol.for(slotName);
  type Slot = { [slot]?: BatchQueue<B> };
  const sqs = (): BatchQueue<B> => ({
    async send(batches) {
      const queueUrl = requireEnv(urlEnv);
      for (let i = 0; i < batches.length; i += 10) {
        const entries = batches.slice(i, i + 10).map((b) => ({ Id: `b${b.batchNo}`, MessageBody: JSON.stringify(b) }));
        const out = await sendMessageBatch(queueUrl, entries);
        if (out.Failed?.length) throw new Error(`SQS refused ${out.Failed.length} ${what}: ${out.Failed[0]!.Message}`);
      }
    },
  });
  return {
    set: (queue: BatchQueue<B> | undefined) => { (globalThis as Slot)[slot] = queue; },
    get: (): BatchQueue<B> => ((globalThis as Slot)[slot] ??= sqs()),
  };
}

/** SQS SendMessageBatch (JSON 1.0 protocol), sent to the queue URL's host as the SDK does. */
export const sendMessageBatch = (queueUrl: string, entries: { Id: string; MessageBody: string }[]) =>
  awsJson<{ Successful?: { Id: string; MessageId: string }[]; Failed?: { Id: string; Code: string; Message?: string }[] }>({
    service: 'sqs', endpoint: new URL(queueUrl).origin, target: 'AmazonSQS.SendMessageBatch', contentType: 'application/x-amz-json-1.0',
    headers: { 'x-amzn-query-mode': 'true' }, body: { QueueUrl: queueUrl, Entries: entries },
  });

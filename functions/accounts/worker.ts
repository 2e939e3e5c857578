// Account worker: an SQS handler. Each message is up to ten officers of one provisioning job; their
// accounts are created (and invited) or disabled one by one, each officer counted done or failed, and
// the batch counted once into the job. Throttling by Cognito throws, so SQS redelivers the message
// later (the ledger skips what was already done); on its last delivery the batch counts as failed,
// so a job never hangs, and the message ends in the DLQ.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { getOfficers } from '../data/org-repository.js';
import { injectLambdaContext, logger } from '../http/logger.js';
import { recordAccountBatch } from './jobs.js';
import { provisionAccounts } from './provision.js';
import type { AccountBatch } from './queue.js';

/** SQS maxReceiveCount of the queue's redrive policy (CDK sets the same number). */
const MAX_RECEIVE_COUNT = Number(process.env.ACCOUNT_MAX_RECEIVE ?? 3);

export async function processAccountBatch(batch: AccountBatch, receiveCount: number): Promise<void> {
  try {
    const officers = await getOfficers(batch.tenant, batch.officerIds);
    const counts = await provisionAccounts(batch.tenant, officers);
    // An officer no longer in the table has nothing to provision: counted as failed, not lost.
    await recordAccountBatch(batch, { done: counts.done, failed: counts.failed + batch.officerIds.length - officers.length });
  } catch (error) {
    if (receiveCount < MAX_RECEIVE_COUNT) throw error;
    logger.error('account batch goes to the DLQ', { jobId: batch.jobId, batchNo: batch.batchNo, error: error as Error });
    await recordAccountBatch(batch, { done: 0, failed: batch.officerIds.length });
    throw error;
  }
}

async function processRecord(record: SQSRecord): Promise<void> {
  await processAccountBatch(JSON.parse(record.body) as AccountBatch, Number(record.attributes?.ApproximateReceiveCount ?? 1));
}

const handle = (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, processRecord, new BatchProcessor(EventType.SQS, { logger }), { context, processInParallel: false, throwOnFullBatchFailure: false });

const wrapped = middy<SQSEvent, SQSBatchResponse>().use(injectLambdaContext(logger, { resetKeys: true })).handler(handle);

export const handler = (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => wrapped(event, context ?? ({} as Context));

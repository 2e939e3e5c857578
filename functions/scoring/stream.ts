// The table's stream → scoring and rollups. Each capability handles the records it owns, over the
// whole batch (scoring groups a batch's records per officer); Powertools' batch processor reports
// the records they could not handle as batchItemFailures, in stream order, so only those and the
// records after them are retried.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { injectLambdaContext, logger } from '../http/logger.js';
import { processScoringRecords } from './processor.js';
import { processSurveyRecords } from '../surveys/rollup.js';
import { processActivityRecords } from '../activity/stream.js';
import { processNotificationRecords } from '../notifications/events.js';

/** A processor returns the sequence numbers of the records it could not handle. */
export type StreamProcessor = (records: DynamoDBRecord[]) => Promise<string[]>;

const PROCESSORS: StreamProcessor[] = [processScoringRecords, processSurveyRecords, processActivityRecords, processNotificationRecords];

async function handle(event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> {
  const failed = new Set<string>();
  for (const process of PROCESSORS) {
    try {
      for (const seq of await process(event.Records)) failed.add(seq);
    } catch (error) {
      logger.error('stream processor failed', { error: error as Error });
      event.Records.forEach((r) => failed.add(r.dynamodb!.SequenceNumber!));
    }
  }
  const unhandled = (record: DynamoDBRecord) => {
    if (failed.has(record.dynamodb!.SequenceNumber!)) throw new Error(`record ${record.dynamodb!.SequenceNumber} not handled`);
  };
  // A processor per invocation (the local poller may overlap calls); a wholly failed batch is
  // reported record by record, never thrown, so Lambda retries from the first failure as before.
  const processor = new BatchProcessor(EventType.DynamoDBStreams, { logger });
  return processPartialResponse(event, unhandled, processor, { context, processInParallel: false, throwOnFullBatchFailure: false });
}

const wrapped = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>().use(injectLambdaContext(logger, { resetKeys: true })).handler(handle);

/** Lambda passes its context (logged with every line, as in the HTTP functions); tests may not. */
export const handler = (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => wrapped(event, context ?? ({} as Context));

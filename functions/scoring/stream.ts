// The table's stream → scoring and rollups. Each capability handles the records it owns; a record
// that fails is reported in batchItemFailures so only it and those after it are retried.
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../http/logger.js';
import { processScoringRecords } from './processor.js';
import { processSurveyRecords } from '../surveys/rollup.js';
import { processActivityRecords } from '../activity/stream.js';
import { processNotificationRecords } from '../notifications/events.js';

/** A processor returns the sequence numbers of the records it could not handle. */
export type StreamProcessor = (records: DynamoDBRecord[]) => Promise<string[]>;

const PROCESSORS: StreamProcessor[] = [processScoringRecords, processSurveyRecords, processActivityRecords, processNotificationRecords];

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const failed = new Set<string>();
  for (const process of PROCESSORS) {
    try {
      for (const seq of await process(event.Records)) failed.add(seq);
    } catch (error) {
      logger.error('stream processor failed', { error: error as Error });
      event.Records.forEach((r) => failed.add(r.dynamodb!.SequenceNumber!));
    }
  }
  // Lambda retries from the earliest reported failure; report them in stream order.
  const batchItemFailures = event.Records.filter((r) => failed.has(r.dynamodb!.SequenceNumber!)).map((r) => ({ itemIdentifier: r.dynamodb!.SequenceNumber! }));
  return { batchItemFailures };
};

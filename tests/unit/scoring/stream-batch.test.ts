// The stream handler's partial batch response (Powertools' batch processor): the records a
// processor could not handle, in stream order; a processor that throws fails the whole batch,
// reported record by record rather than thrown; log lines carry the Lambda context. The
// processors are replaced only to inject their faults.
import type { Context, DynamoDBRecord } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const faults = vi.hoisted(() => ({ scoring: [] as string[], surveysThrow: false }));
vi.mock('../../../functions/scoring/processor.js', () => ({ processScoringRecords: async () => faults.scoring }));
vi.mock('../../../functions/surveys/rollup.js', () => ({
  processSurveyRecords: async () => {
    if (faults.surveysThrow) throw new Error('rollup down');
    return [];
  },
}));
vi.mock('../../../functions/activity/stream.js', () => ({ processActivityRecords: async () => [] }));
vi.mock('../../../functions/notifications/events.js', () => ({ processNotificationRecords: async () => [] }));

const { handler } = await import('../../../functions/scoring/stream.js');
const { logger } = await import('../../../functions/http/logger.js');

const record = (seq: string) => ({ eventID: seq, eventName: 'INSERT', dynamodb: { SequenceNumber: seq, Keys: {} } }) as DynamoDBRecord;
const records = ['100', '200', '300', '400'].map(record);
const context = { functionName: 'kinerja-asn-stream', awsRequestId: 'req-stream-1', invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:0:function:stream', memoryLimitInMB: '512', functionVersion: '$LATEST' } as unknown as Context;

let written: string[];
beforeEach(() => {
  faults.scoring = [];
  faults.surveysThrow = false;
  written = [];
  // The logger's own console (Powertools writes each level through it), silenced and read.
  const out = (logger as unknown as { console: Record<'error' | 'warn' | 'info', (line: string) => void> }).console;
  for (const level of ['error', 'warn', 'info'] as const) vi.spyOn(out, level).mockImplementation((line: string) => void written.push(line));
});
afterEach(() => vi.restoreAllMocks());

describe('stream handler', () => {
  it('reports nothing when every processor handled every record', async () => {
    expect(await handler({ Records: records }, context)).toEqual({ batchItemFailures: [] });
  });

  it('reports the records a processor could not handle, in stream order', async () => {
    faults.scoring = ['300', '200'];
    expect(await handler({ Records: records }, context)).toEqual({ batchItemFailures: [{ itemIdentifier: '200' }, { itemIdentifier: '300' }] });
  });

  it('reports every record, without throwing, when a processor fails, and logs it with the Lambda context', async () => {
    faults.surveysThrow = true;
    expect(await handler({ Records: records }, context)).toEqual({ batchItemFailures: records.map((r) => ({ itemIdentifier: r.dynamodb!.SequenceNumber })) });
    const line = written.map((w) => JSON.parse(w)).find((l) => l.message === 'stream processor failed');
    expect(line).toMatchObject({ level: 'ERROR', function_request_id: 'req-stream-1', function_name: 'kinerja-asn-stream' });
  });
});

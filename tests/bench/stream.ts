// Reads what DynamoDB Local's stream recorded after a mark and hands it to the real stream handler,
// so the stream side (scoring, rollups) is measured on the records a write really produced.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { localClient } from '../../infra/local/ddb-local.js';
import { invoke } from '../../infra/local/lambda.js';
import { toLambdaRecord } from '../../infra/local/streams.js';
import { BACKGROUND_FUNCTIONS } from '../../functions/routes.js';

export interface StreamCursor {
  /** Forget everything recorded so far. */
  mark: () => Promise<void>;
  /** Records written since the last mark or read. */
  read: () => Promise<_Record[]>;
  /** Feeds new records to the stream handler until it writes nothing more; returns records handled. */
  process: () => Promise<{ records: number; rounds: number; failures: number }>;
  close: () => void;
}

export async function openStreamCursor(endpoint: string, tableName: string): Promise<StreamCursor> {
  const ddb = localClient(endpoint);
  const streams = new DynamoDBStreamsClient({ endpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const streamArn = (await ddb.send(new DescribeTableCommand({ TableName: tableName }))).Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${tableName} has no stream`);
  ddb.destroy();
  const iterators = new Map<string, string | null>();

  const shards = async () => (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription?.Shards?.map((s) => s.ShardId!) ?? [];
  const iterator = async (shardId: string, type: 'LATEST' | 'TRIM_HORIZON') =>
    (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type }))).ShardIterator ?? null;

  const read = async (): Promise<_Record[]> => {
    const out: _Record[] = [];
    for (const shardId of await shards()) {
      // A shard that appeared after the mark holds only new records.
      if (!iterators.has(shardId)) iterators.set(shardId, await iterator(shardId, 'TRIM_HORIZON'));
      for (;;) {
        const it = iterators.get(shardId);
        if (!it) break;
        const res = await streams.send(new GetRecordsCommand({ ShardIterator: it, Limit: 1000 }));
        iterators.set(shardId, res.NextShardIterator ?? null);
        out.push(...(res.Records ?? []));
        if (!res.Records?.length) break;
      }
    }
    return out;
  };

  return {
    mark: async () => {
      iterators.clear();
      for (const shardId of await shards()) iterators.set(shardId, await iterator(shardId, 'LATEST'));
    },
    read,
    process: async () => {
      let records = 0, rounds = 0, failures = 0;
      for (; rounds < 10; rounds++) {
        let batch = await read();
        // The first records of a write may take a moment to appear in DynamoDB Local's stream.
        for (let wait = 0; rounds === 0 && !batch.length && wait < 5; wait++) {
          await new Promise((r) => setTimeout(r, 100));
          batch = await read();
        }
        if (!batch.length) break;
        records += batch.length;
        for (let i = 0; i < batch.length; i += 100) {
          const event = { Records: batch.slice(i, i + 100).map((r) => toLambdaRecord(r, streamArn)) } as unknown as DynamoDBStreamEvent;
          const res = (await invoke(BACKGROUND_FUNCTIONS.stream, 'kinerja-stream', event)) as { batchItemFailures?: unknown[] };
          failures += res?.batchItemFailures?.length ?? 0;
        }
      }
      return { records, rounds, failures };
    },
    close: () => streams.destroy(),
  };
}

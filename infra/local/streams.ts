// Local event source mapping: reads DynamoDB Local's stream and calls the stream handler with real
// stream events, honouring batchItemFailures (retry from the first failed record, then park it in a
// failure file after maxRetries, like Lambda's on-failure destination). Checkpoints survive restarts.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { localClient } from './ddb-local.js';
import { invoke, loadHandler } from './lambda.js';

export interface StreamPoller { stop: () => Promise<void>; drain: (timeoutMs?: number) => Promise<void> }

export interface PollerOptions {
  endpoint: string;
  tableName: string;
  handlerModule: string;
  checkpointFile?: string;
  failureFile?: string;
  batchSize?: number;
  maxRetries?: number;
  idleMs?: number;
  /** Without a checkpoint, start at the stream's end (after a seed that wrote derived items itself). */
  fromLatest?: boolean;
  log?: (line: string) => void;
}

/** Lambda's event shape for a DynamoDB stream record. */
export function toLambdaRecord(r: _Record, streamArn: string) {
  const created = r.dynamodb?.ApproximateCreationDateTime;
  return {
    eventID: r.eventID, eventName: r.eventName, eventVersion: r.eventVersion ?? '1.1', eventSource: 'aws:dynamodb', awsRegion: r.awsRegion ?? 'ap-southeast-3',
    dynamodb: { ...r.dynamodb, ApproximateCreationDateTime: created instanceof Date ? Math.floor(created.getTime() / 1000) : created },
    eventSourceARN: streamArn,
  };
}

export async function startStreamPoller(opts: PollerOptions): Promise<StreamPoller> {
  const log = opts.log ?? (() => {});
  const ddb = localClient(opts.endpoint);
  const streams = new DynamoDBStreamsClient({ endpoint: opts.endpoint, region: 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const table = await ddb.send(new DescribeTableCommand({ TableName: opts.tableName }));
  const latestArn = table.Table?.LatestStreamArn;
  if (!latestArn) throw new Error(`Table ${opts.tableName} has no stream`);
  const streamArn: string = latestArn;
  const checkpoints: Record<string, string> = opts.checkpointFile && existsSync(opts.checkpointFile) ? JSON.parse(readFileSync(opts.checkpointFile, 'utf8')) : {};
  // Shards that exist now may hold seed records; shards that appear later are read from their start.
  const knownAtStart = new Set(
    (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription?.Shards?.map((sh) => sh.ShardId!) ?? [],
  );
  const iterators = new Map<string, string | null>(); // shardId → iterator (null = closed and drained)
  const attempts = new Map<string, number>(); // sequence number → failed attempts
  let stopped = false, lastIdle = 0;
  const batchSize = opts.batchSize ?? 100, maxRetries = opts.maxRetries ?? 5;

  const saveCheckpoint = (shardId: string, seq: string) => {
    checkpoints[shardId] = seq;
    if (opts.checkpointFile) writeFileSync(opts.checkpointFile, JSON.stringify(checkpoints));
  };
  const iteratorFor = async (shardId: string, after?: string, at?: string) =>
    (await streams.send(new GetShardIteratorCommand({
      StreamArn: streamArn, ShardId: shardId,
      ...(at ? { ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: at }
        : after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
        : { ShardIteratorType: opts.fromLatest && knownAtStart.has(shardId) ? 'LATEST' : 'TRIM_HORIZON' }),
    }))).ShardIterator ?? null;

  /** One pass over every shard; returns how many records were handed to the handler. */
  async function pass(): Promise<number> {
    const described = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    let handled = 0;
    for (const shard of described.StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      if (!iterators.has(shardId)) iterators.set(shardId, await iteratorFor(shardId, checkpoints[shardId]));
      const iterator = iterators.get(shardId);
      if (!iterator) continue;
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: batchSize }));
      const records = out.Records ?? [];
      iterators.set(shardId, out.NextShardIterator ?? null);
      if (records.length === 0) continue;
      handled += records.length;
      const event = { Records: records.map((r) => toLambdaRecord(r, streamArn)) };
      let failedSeq: string | undefined;
      try {
        const result = (await invoke(opts.handlerModule, 'kinerja-stream', event)) as { batchItemFailures?: { itemIdentifier: string }[] } | undefined;
        const failures = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        failedSeq = records.find((r) => failures.has(r.dynamodb!.SequenceNumber!))?.dynamodb?.SequenceNumber;
      } catch (error) {
        log(`stream handler threw: ${(error as Error).message}`);
        failedSeq = records[0].dynamodb!.SequenceNumber!;
      }
      if (!failedSeq) {
        saveCheckpoint(shardId, records[records.length - 1].dynamodb!.SequenceNumber!);
        continue;
      }
      const index = records.findIndex((r) => r.dynamodb!.SequenceNumber === failedSeq);
      if (index > 0) saveCheckpoint(shardId, records[index - 1].dynamodb!.SequenceNumber!);
      const tries = (attempts.get(failedSeq) ?? 0) + 1;
      attempts.set(failedSeq, tries);
      if (tries > maxRetries) {
        log(`stream record ${failedSeq} failed ${maxRetries} times; parked in the failure file`);
        if (opts.failureFile) appendFileSync(opts.failureFile, `${JSON.stringify(event.Records[index])}\n`);
        saveCheckpoint(shardId, failedSeq);
        iterators.set(shardId, await iteratorFor(shardId, failedSeq));
      } else {
        await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** tries)));
        iterators.set(shardId, await iteratorFor(shardId, undefined, failedSeq));
      }
    }
    return handled;
  }

  const loop = (async () => {
    if (!(await loadHandler(opts.handlerModule))) { log(`stream handler ${opts.handlerModule} missing: stream not consumed`); return; }
    while (!stopped) {
      const passStart = Date.now();
      let handled = 0;
      try { handled = await pass(); } catch (error) { log(`stream poll failed: ${(error as Error).message}`); }
      if (handled === 0) { lastIdle = passStart; await new Promise((r) => setTimeout(r, opts.idleMs ?? 200)); }
    }
  })();

  return {
    stop: async () => { stopped = true; await loop; streams.destroy(); ddb.destroy(); },
    /** Resolves once a pass that started after this call found nothing new (tests wait on it). */
    drain: async (timeoutMs = 20_000) => {
      const since = Date.now();
      while (!(lastIdle > since)) {
        if (Date.now() - since > timeoutMs) throw new Error('stream did not drain in time');
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

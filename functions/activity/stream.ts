// Stream → today's activity counters. Each record that reports a complaint becomes one event on the
// tenant's local day; a batch's events are counted together. Report submissions and approvals are counted
// by the scoring processor and surveys by the IKM rollups, in the transactions whose guards already make
// each count once.
import type { DynamoDBRecord } from 'aws-lambda';
import { logger } from '../http/logger.js';
import { activityEventOf, onLocalDay, type ActivityCounter, type DayEvent } from './events.js';
import { chunkEvents, countActivityOnce } from './repository.js';

/** Counters that other processors add in their own transactions, under their own guards: the scoring
 *  processor (its submission marker or score) and the IKM rollups (the units' watermarks). */
const COUNTED_ELSEWHERE = new Set<ActivityCounter>(['reportsSubmitted', 'reportsApproved', 'surveys']);

export async function processActivityRecords(records: DynamoDBRecord[]): Promise<string[]> {
  const events: (DayEvent & { seq: string })[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const event = activityEventOf(record);
    // The same event twice in one batch would be two markers in one transaction: count it once here.
    if (!event || COUNTED_ELSEWHERE.has(event.counter) || seen.has(event.id)) continue;
    seen.add(event.id);
    const onDay = onLocalDay(event);
    if (onDay) events.push({ ...onDay, seq: record.dynamodb?.SequenceNumber ?? '' });
  }
  const failed: string[] = [];
  // Chunks run one after another: they share the day items, and parallel transactions would conflict.
  for (const chunk of chunkEvents(events)) {
    try {
      await countActivityOnce(chunk);
    } catch (error) {
      logger.error('activity count failed', { error: error as Error });
      failed.push(...chunk.map((e) => (e as DayEvent & { seq: string }).seq));
    }
  }
  return failed;
}

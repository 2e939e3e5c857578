// Stream → today's activity counters. Each record that reports a submission, an approval, a survey or
// a complaint becomes one event on the tenant's local day; a batch's events are counted together.
import type { DynamoDBRecord } from 'aws-lambda';
import { findTenant } from '../config/tenants.js';
import { dayOf } from '../domain/periods.js';
import { logger } from '../http/logger.js';
import { activityEventOf } from './events.js';
import { chunkEvents, countActivityOnce, type DayEvent } from './repository.js';

export async function processActivityRecords(records: DynamoDBRecord[]): Promise<string[]> {
  const events: (DayEvent & { seq: string })[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const event = activityEventOf(record);
    // The same event twice in one batch would be two markers in one transaction: count it once here.
    if (!event || seen.has(event.id)) continue;
    seen.add(event.id);
    const timeZone = findTenant(event.tenant)?.timeZone;
    if (!timeZone) { logger.warn('activity of an unknown tenant skipped', { tenant: event.tenant }); continue; }
    events.push({ ...event, day: dayOf(new Date(event.at), timeZone), seq: record.dynamodb?.SequenceNumber ?? '' });
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

// Stream records → the day's activity events (GET /v1/activity). Each event carries an id that names what
// happened (a report version's submission or approval, a survey, a complaint), so the same record
// delivered twice maps to the same id and is counted once (see repository.ts).
import type { DynamoDBRecord } from 'aws-lambda';
import { findTenant } from '../config/tenants.js';
import { fromImage, imageType } from '../data/stream-image.js';
import { dayOf } from '../domain/periods.js';
import { logger } from '../http/logger.js';

/** The five counters of a day; `visits` is written by the field-visit feature once it exists. */
export const ACTIVITY_COUNTERS = ['reportsSubmitted', 'reportsApproved', 'surveys', 'complaints', 'visits'] as const;
export type ActivityCounter = (typeof ACTIVITY_COUNTERS)[number];

export interface ActivityEvent {
  /** Stable across redeliveries: the marker key of the event. */
  id: string;
  tenant: string;
  agencyId: string | null;
  counter: ActivityCounter;
  /** When it happened (ISO 8601), from the item itself so a replay lands on the same day. */
  at: string;
}

/** An event on the tenant's local day (`YYYY-MM-DD`), the day item it counts in. */
export interface DayEvent extends ActivityEvent { day: string }

const COUNTED_TYPES = new Set(['report', 'survey', 'complaint']);

type Item = Record<string, any>;

function reportEvent(next: Item, old: Item | undefined): ActivityEvent | undefined {
  const base = { tenant: next.tenant, agencyId: next.agencyId ?? null };
  const report = `report.${next.officerId}.${next.period}.v${next.version}`;
  if (next.status === 'submitted' && old?.status !== 'submitted') return { ...base, id: `${report}.submitted`, counter: 'reportsSubmitted', at: next.submittedAt };
  if (next.status === 'approved' && old?.status !== 'approved') return { ...base, id: `${report}.approved`, counter: 'reportsApproved', at: next.review?.reviewedAt };
  return undefined;
}

/** The event of one item change, from its images already unmarshalled (`next`, and `old` for a report);
 *  `approximateAt` (the record's creation time, epoch seconds) stands in for an item without its time. */
export function activityEventOfItems(type: string, eventName: DynamoDBRecord['eventName'], next: Item, old: Item | undefined, approximateAt?: number): ActivityEvent | undefined {
  if (!COUNTED_TYPES.has(type)) return undefined;
  let event: ActivityEvent | undefined;
  if (type === 'report') event = reportEvent(next, old);
  else if (eventName !== 'INSERT') return undefined;
  // Seeded responses arrive with their rollups already written; they are history, not today's activity.
  else if (type === 'survey' && !next.preAggregated) event = { id: `survey.${next.id}`, tenant: next.tenant, agencyId: next.agencyId ?? null, counter: 'surveys', at: next.createdAt };
  else if (type === 'complaint') event = { id: `complaint.${next.id}`, tenant: next.tenant, agencyId: next.agencyId ?? null, counter: 'complaints', at: next.createdAt };
  if (!event || typeof event.tenant !== 'string') return undefined;
  if (typeof event.at !== 'string') event.at = new Date((approximateAt ?? Date.now() / 1000) * 1000).toISOString();
  return event;
}

export function activityEventOf(record: DynamoDBRecord): ActivityEvent | undefined {
  const image = record.dynamodb?.NewImage as Record<string, unknown> | undefined;
  const type = imageType(image);
  if (!type || !COUNTED_TYPES.has(type)) return undefined;
  const old = type === 'report' ? fromImage<Item>(record.dynamodb?.OldImage as Record<string, unknown> | undefined) : undefined;
  return activityEventOfItems(type, record.eventName, fromImage<Item>(image)!, old, record.dynamodb?.ApproximateCreationDateTime);
}

/** The event on its tenant's local day; undefined (logged) for a tenant no longer configured. */
export function onLocalDay(event: ActivityEvent): DayEvent | undefined {
  const timeZone = findTenant(event.tenant)?.timeZone;
  if (!timeZone) { logger.warn('activity of an unknown tenant skipped', { tenant: event.tenant }); return undefined; }
  return { ...event, day: dayOf(new Date(event.at), timeZone) };
}

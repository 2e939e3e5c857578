// The sending function, as EventBridge Scheduler (and the local scheduler) calls it: `{tenant}` once a day
// at 06:00 in the tenant's zone runs the daily pass; `{outbox: true}` every few minutes sends the e-mails
// other functions queued; an SQS event carries a run the BKPSDM started through the API (./run-worker.ts).
// It alone holds the SES client (./email-ses.ts).
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { findTenant, tenants } from '../config/tenants.js';
import { logger } from '../http/logger.js';
import './email-ses.js';
import { drainOutbox } from './outbox.js';
import { runDailyPass } from './pass.js';
import type { PassRequest } from './run-queue.js';
import { processPassRequest } from './run-worker.js';

const processRecord = (record: SQSRecord) =>
  processPassRequest(JSON.parse(record.body) as PassRequest, Number(record.attributes?.ApproximateReceiveCount ?? 1));

export const handler = async (event: { tenant?: string; outbox?: boolean } | SQSEvent, context?: Context) => {
  if (context) logger.addContext(context);
  if ('Records' in event) {
    return processPartialResponse(event, processRecord, new BatchProcessor(EventType.SQS, { logger }), { context: context ?? ({} as Context), processInParallel: false, throwOnFullBatchFailure: false });
  }
  if (event?.outbox) {
    const sent = Object.fromEntries(await Promise.all(tenants().map(async (t) => [t.id, await drainOutbox(t.id)] as const)));
    return { sent };
  }
  if (!event?.tenant || !findTenant(event.tenant)) throw new Error(`notification pass: unknown tenant ${String(event?.tenant)}`);
  const result = await runDailyPass(event.tenant);
  const sent = await drainOutbox(event.tenant);
  logger.info('notification pass done', { ...result, sent });
  return { ...result, sent };
};

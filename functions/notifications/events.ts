// Stream → event notifications (DESIGN §2): a run that ends publishes its new or changed evaluations (the
// officer hears the predikat and the objection deadline), an objection filed reaches its decider and its
// decision (amend or uphold) the officer, a complaint answered reaches the citizen's e-mail. Stream records are redelivered on failure; the
// notification ids make a replay create and send nothing twice.
import type { DynamoDBRecord } from 'aws-lambda';
import { findTenant } from '../config/tenants.js';
import { getOfficers } from '../data/org-repository.js';
import { fromImage, imageType } from '../data/stream-image.js';
import { dayOf } from '../domain/periods.js';
import { addDays } from '../domain/reminders.js';
import { logger } from '../http/logger.js';
import { finalPredikat, pageEvaluationsOfPeriod, type Evaluation } from '../evaluations/repository.js';
import type { EvaluationRun } from '../evaluations/runs.js';
import type { Complaint } from '../complaints/repository.js';
import { notify, officerInbox, REGION_ADMINS } from './deliver.js';
import { messages } from './messages.js';

/** DESIGN §2 Objection: 14 days from publication. */
const OBJECTION_DAYS = 14;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const zoneOf = (tenant: string) => findTenant(tenant)?.timeZone ?? 'Asia/Jakarta';

/** Every evaluation the run wrote (new or changed): the run's officers a page at a time, those it wrote answered. */
async function runPublished(run: EvaluationRun): Promise<void> {
  const published = run.endedAt ? new Date(run.endedAt) : new Date();
  const deadline = addDays(dayOf(published, zoneOf(run.tenant)), OBJECTION_DAYS);
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await pageEvaluationsOfPeriod(run.tenant, run.period, undefined, { limit: 100, startKey }, run.id);
    const mine = page.items.filter((e) => e.runId === run.id);
    const officers = new Map((await getOfficers(run.tenant, mine.map((e) => e.officerId))).map((o) => [o.id, o]));
    await Promise.all(mine.map((e) => notify({
      tenant: run.tenant, recipient: officerInbox(e.officerId), kind: 'evaluation_published', subject: e.id, period: run.id,
      message: messages.evaluationPublished(e.period, finalPredikat(e) ?? '–', deadline), link: `/pegawai/${e.officerId}`, email: officers.get(e.officerId)?.email,
    })));
    startKey = page.lastKey;
  } while (startKey);
}

async function objectionFiled(e: Evaluation): Promise<void> {
  const objection = e.objection!;
  const [decider, officer] = await getOfficers(e.tenant, [objection.deciderId, e.officerId].filter((x): x is string => !!x))
    .then((list) => [list.find((o) => o.id === objection.deciderId), list.find((o) => o.id === e.officerId)]);
  await notify({
    tenant: e.tenant, recipient: objection.deciderId ? officerInbox(objection.deciderId) : REGION_ADMINS, kind: 'objection_pending',
    subject: e.id, period: objection.id, message: messages.objectionPending(e.period, officer?.name ?? null), link: '/keberatan', email: decider?.email,
  });
}

async function objectionDecided(e: Evaluation): Promise<void> {
  const objection = e.objection!;
  const [officer] = await getOfficers(e.tenant, [e.officerId]);
  await notify({
    tenant: e.tenant, recipient: officerInbox(e.officerId), kind: 'objection_decided', subject: e.id, period: objection.id,
    message: messages.objectionDecided(e.period, objection.decision?.decision === 'amend' ? 'amend' : 'uphold', finalPredikat(e)),
    link: `/pegawai/${e.officerId}`, email: officer?.email,
  });
}

async function complaintAnswered(c: Complaint): Promise<void> {
  await notify({
    tenant: c.tenant, recipient: 'EMAIL', kind: 'complaint_answered', subject: c.id, period: 'answered',
    message: messages.complaintAnswered(c.code, c.answer ?? ''), email: c.contact!.trim(),
  });
}

/** What a record means for notifications, if anything. */
function eventOf(record: DynamoDBRecord): (() => Promise<void>) | undefined {
  if (record.eventName !== 'MODIFY') return undefined;
  const type = imageType(record.dynamodb?.NewImage as Record<string, unknown> | undefined);
  if (type !== 'evaluationRun' && type !== 'evaluation' && type !== 'complaint') return undefined;
  const after = fromImage<Record<string, unknown>>(record.dynamodb?.NewImage as Record<string, unknown>)!;
  const before = fromImage<Record<string, unknown>>(record.dynamodb?.OldImage as Record<string, unknown>) ?? {};
  if (type === 'evaluationRun') {
    const ended = before.status === 'running' && (after.status === 'done' || after.status === 'partial');
    return ended ? () => runPublished(after as unknown as EvaluationRun) : undefined;
  }
  if (type === 'evaluation') {
    const [was, now] = [(before.objection as { status?: string } | undefined)?.status, (after.objection as { status?: string } | undefined)?.status];
    if (!was && now === 'pending') return () => objectionFiled(after as unknown as Evaluation);
    return was === 'pending' && (now === 'amended' || now === 'upheld') ? () => objectionDecided(after as unknown as Evaluation) : undefined;
  }
  const answered = after.status === 'answered' && before.status !== 'answered' && typeof after.contact === 'string' && EMAIL.test(after.contact.trim());
  return answered ? () => complaintAnswered(after as unknown as Complaint) : undefined;
}

export async function processNotificationRecords(records: DynamoDBRecord[]): Promise<string[]> {
  const failed: string[] = [];
  for (const record of records) {
    const event = eventOf(record);
    if (!event) continue;
    try {
      await event();
    } catch (error) {
      logger.error('notification event failed', { error: error as Error });
      failed.push(record.dynamodb?.SequenceNumber ?? '');
    }
  }
  return failed;
}

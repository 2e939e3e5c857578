// Stream → scores, rollups and the day's report activity. For report items only:
// - a report becoming `submitted` for the first time in its officer-period adds submitted=1 to the rollups
//   (once: the officer-period's submission marker); every submission, the first or a resubmission, adds one
//   to the day's `reportsSubmitted` (once per report version: the marker's countedVersion);
// - a report becoming `approved` gets its officer × month score; the rollups receive (new − old) contributions,
//   so re-scoring replaces rather than adds, and an approval adds one to the day's `reportsApproved`. The
//   score write is conditioned on the score read before it and carries the report version
//   (`scoredVersion`), so a replayed record changes nothing.
// A batch's changes go out in as few TransactWriteItems as fit (up to 100 actions each): every guard (marker
// or score, conditioned on what was read) and ONE ADD per rollup or day item for all of them, so a busy
// batch pays the rollups once, not once per report. A guard that fails its condition (a replay, or a writer
// between read and write) cancels the transaction; the chunk is read again and retried without what is done.
// `officers` (expected reporters) per agency × month is written by the seed (and by the org import's owners),
// not here: scoring only sees who reported.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { activityTargetKeys, activityTransactItems } from '../activity/repository.js';
import { activityEventOfItems, onLocalDay, type DayEvent } from '../activity/events.js';
import { batchGet, inParallel } from '../data/batch.js';
import { ddb } from '../data/client.js';
import * as keys from '../data/keys.js';
import type { Key } from '../data/keys.js';
import { getPlanVersion } from '../data/plan-repository.js';
import { loadPolicy } from '../data/policy-repository.js';
import { reportId, type Report } from '../data/report-repository.js';
import { RollupBatch, type TransactItem } from '../data/rollup-repository.js';
import { scoreView, scoreWrite, submissionMarkerWrite, type Score, type SubmissionMarker } from '../data/score-repository.js';
import { fromImage, imageType } from '../data/stream-image.js';
import { logger } from '../http/logger.js';
import { unitIkm } from '../surveys/ikm-repository.js';
import { rollupContribution, rollupDelta, scoreReport } from './compute.js';

const MAX_ATTEMPTS = 4;
/** TransactWriteItems takes at most 100 actions. */
const MAX_ACTIONS = 100;
/** Changes planned at once (an approval reads its plan version and its unit's IKM). */
const PLANS_IN_FLIGHT = 16;

/** One report change the stream asks scoring to apply. */
interface Change {
  kind: 'submitted' | 'approved';
  report: Report;
  /** Its day's activity event, when the change is a submission or an approval (not a re-score). */
  activity?: DayEvent;
  seq: string;
  /** The report item's key: a failed change fails every later change of the same report. */
  itemKey: string;
  /** The item the change's guard writes (the submission marker or the score). */
  guard: Key;
}

/** What a change writes once its guard's item has been read; undefined when it is already applied. */
interface Planned {
  guard: TransactItem;
  apply(rollups: RollupBatch): void;
  activity?: DayEvent;
}

function changeOf(record: DynamoDBRecord): Change | undefined {
  const image = record.dynamodb?.NewImage as Record<string, unknown> | undefined;
  if (imageType(image) !== 'report') return undefined;
  const next = fromImage<Record<string, any>>(image)!;
  const old = fromImage<Record<string, any>>(record.dynamodb?.OldImage as Record<string, unknown> | undefined);
  const report = next as unknown as Report;
  const event = activityEventOfItems('report', record.eventName, next, old, record.dynamodb?.ApproximateCreationDateTime);
  const base = { report, activity: event ? onLocalDay(event) : undefined, seq: record.dynamodb?.SequenceNumber ?? '', itemKey: JSON.stringify(record.dynamodb?.Keys ?? {}) };
  if (report.status === 'submitted' && old?.status !== 'submitted') return { ...base, kind: 'submitted', guard: keys.reportCounted(report.tenant, report.officerId, report.period) };
  if (report.status === 'approved') return { ...base, kind: 'approved', guard: keys.score(report.tenant, report.officerId, report.period) };
  return undefined;
}

function planSubmission(c: Change, marker: SubmissionMarker | undefined): Planned | undefined {
  const r = c.report;
  // A marker without a version was written before versions were kept: its submission is counted.
  const counted = marker ? marker.countedVersion ?? 0 : undefined;
  if (counted !== undefined && counted >= r.version) return undefined; // this version is already counted
  return {
    guard: submissionMarkerWrite(r, marker),
    // Only the officer-period's first submission counts in the rollups; every one counts in the day.
    apply: (rollups) => {
      if (marker) return;
      rollups.addAgency(r.tenant, r.agencyId, r.period, { submitted: 1 });
      rollups.addTenantWide(r.tenant, r.period, { submitted: 1 });
    },
    activity: c.activity,
  };
}

async function planApproval(c: Change, previous: Score | undefined): Promise<Planned | undefined> {
  const report = c.report;
  if (previous && previous.scoredVersion >= report.version) return undefined; // replay of what is already scored
  const review = report.review;
  if (!review?.behaviour) throw new Error(`approved report ${reportId(report.officerId, report.period)} has no behaviour rating`);
  const [plan, policy, ikm] = await Promise.all([
    getPlanVersion(report.tenant, report.officerId, Number(report.period.slice(0, 4)), report.planVersion),
    loadPolicy(report.tenant),
    report.unitId ? unitIkm(report.tenant, report.unitId, report.period) : Promise.resolve(null),
  ]);
  const values = Object.fromEntries(report.items.map((i) => [i.indicatorId, i.value]));
  const result = scoreReport({
    rhk: plan?.rhk ?? [],
    values,
    ikm: ikm?.ikm ?? null,
    behaviour: review.behaviour,
    hasilKerjaOverride: review.hasilKerjaOverride,
    policy,
  });
  const score: Score = {
    tenant: report.tenant, officerId: report.officerId, agencyId: report.agencyId, unitId: report.unitId, period: report.period,
    capaian: result.capaian, hasilKerjaSuggested: result.hasilKerjaSuggested, hasilKerja: result.hasilKerja,
    hasilKerjaOverridden: result.hasilKerjaOverridden, perilaku: result.perilaku, predikat: result.predikat,
    reportId: reportId(report.officerId, report.period), scoredAt: new Date().toISOString(), scoredVersion: report.version,
  };
  const before = rollupContribution(previous), after = rollupContribution(score);
  return {
    guard: scoreWrite(score, previous),
    apply: (rollups) => {
      // A moved officer's old score sits in its old agency's rollup: it leaves there and joins here in the
      // same transaction as the score, so a failure between the two can never leave it counted in both.
      if (previous && previous.agencyId !== score.agencyId) {
        rollups.addAgency(score.tenant, previous.agencyId, score.period, rollupDelta(before, {}));
        rollups.addAgency(score.tenant, score.agencyId, score.period, after);
      } else rollups.addAgency(score.tenant, score.agencyId, score.period, rollupDelta(before, after));
      rollups.addTenantWide(score.tenant, score.period, rollupDelta(before, after));
    },
    activity: c.activity,
  };
}

/** The changes of a batch in chunks whose transaction fits MAX_ACTIONS and touches each guard item once
 *  (a report submitted and re-approved within one batch goes in two chunks, in stream order). */
export function chunkChanges(changes: readonly Change[]): Change[][] {
  const chunks: Change[][] = [];
  let current: Change[] = [], guards = new Set<string>(), targets = new Set<string>(), spare = 0;
  for (const c of changes) {
    const r = c.report;
    const own = [...RollupBatch.keysOf(r.tenant, r.agencyId, r.period), ...(c.activity ? activityTargetKeys(c.activity) : [])];
    // An approval may touch the officer's previous agency too: one action is kept spare for it.
    const needs = 1 + own.filter((k) => !targets.has(k)).length + (c.kind === 'approved' ? 1 : 0);
    if (current.length && (guards.has(keys.keyId(c.guard)) || guards.size + targets.size + spare + needs > MAX_ACTIONS)) {
      chunks.push(current);
      current = []; guards = new Set(); targets = new Set(); spare = 0;
    }
    current.push(c);
    guards.add(keys.keyId(c.guard));
    own.forEach((k) => targets.add(k));
    if (c.kind === 'approved') spare += 1;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

const cancelled = (error: unknown) => (error as { name?: string }).name === 'TransactionCanceledException';

/** Applies a chunk: reads its guards' items, plans each change and writes everything in one transaction.
 *  Returns the changes that could not be planned (each failed alone, so one bad report does not hold
 *  back the rest); throws when the transaction itself keeps failing. */
async function applyChunk(chunk: readonly Change[]): Promise<Change[]> {
  for (let attempt = 1; ; attempt++) {
    const read = new Map((await batchGet<Key & Record<string, unknown>>(chunk.map((c) => c.guard), { consistent: true })).map((i) => [keys.keyId(i), i]));
    // Plans are independent (each reads its own plan, policy and IKM): made side by side, used in stream order.
    const plans = new Array<Planned | undefined | Error>(chunk.length);
    await inParallel(chunk.map((c, i) => ({ c, i })), PLANS_IN_FLIGHT, async ({ c, i }) => {
      const item = read.get(keys.keyId(c.guard));
      try {
        plans[i] = c.kind === 'submitted' ? planSubmission(c, item as SubmissionMarker | undefined) : await planApproval(c, item ? scoreView(item) : undefined);
      } catch (error) {
        logger.error('scoring failed for a stream record', { error: error as Error, sequenceNumber: c.seq });
        plans[i] = error as Error;
      }
    });
    const unplanned: Change[] = [];
    const planned: Planned[] = [];
    chunk.forEach((c, i) => {
      const p = plans[i];
      // A change after its report's failure waits with it, so a report's changes stay in order.
      if (p instanceof Error || unplanned.some((u) => u.itemKey === c.itemKey)) unplanned.push(c);
      else if (p) planned.push(p);
    });
    if (planned.length === 0) return unplanned;
    const rollups = new RollupBatch();
    planned.forEach((p) => p.apply(rollups));
    const days = planned.flatMap((p) => (p.activity ? [p.activity] : []));
    try {
      await ddb().send(new TransactWriteCommand({ TransactItems: [...planned.map((p) => p.guard), ...rollups.transactItems(), ...activityTransactItems(days)] }));
      return unplanned;
    } catch (error) {
      // Cancelled: a guard's item changed since it was read (a replay or a concurrent writer), or another
      // transaction held an item. Either way nothing was written: read again and plan anew.
      if (attempt >= MAX_ATTEMPTS) throw error;
      if (!cancelled(error)) logger.warn('scoring transaction failed; retrying', { error: error as Error, attempt });
      await new Promise((r) => setTimeout(r, 25 * 2 ** attempt * (1 + Math.random()))); // jitter: shards retry apart
    }
  }
}

/** Handles report records in stream order; returns the sequence numbers that failed (a failed change and
 *  every later change of the same report, so a report's changes are never applied out of order). */
export async function processScoringRecords(records: DynamoDBRecord[]): Promise<string[]> {
  const failed: string[] = [];
  const failedItems = new Set<string>();
  const changes = records.map(changeOf).filter((c) => c !== undefined);
  for (const chunk of chunkChanges(changes)) {
    const live = chunk.filter((c) => !failedItems.has(c.itemKey));
    const fail = (c: Change) => { failed.push(c.seq); failedItems.add(c.itemKey); };
    chunk.filter((c) => failedItems.has(c.itemKey)).forEach(fail);
    if (live.length === 0) continue;
    try {
      (await applyChunk(live)).forEach(fail);
    } catch (error) {
      logger.error('scoring failed for a batch of stream records', { error: error as Error, records: live.length });
      live.forEach(fail);
    }
  }
  return failed;
}

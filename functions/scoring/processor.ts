// Stream → scores and rollups. For report items only:
// - a report becoming `submitted` for the first time in its officer-period adds submitted=1 (once: a marker item);
// - a report becoming `approved` gets its officer × month score; the rollups receive (new − old) contributions,
//   so re-scoring replaces rather than adds. The score write is conditioned on the score read before it and
//   carries the report version (`scoredVersion`), so a replayed record changes nothing.
// `officers` (expected reporters) per agency × month is written by the seed (and by the org import's owners),
// not here: scoring only sees who reported.
import { fromImage } from '../data/stream-image.js';
import type { DynamoDBRecord } from 'aws-lambda';
import { getPlanVersion } from '../data/plan-repository.js';
import { loadPolicy } from '../data/policy-repository.js';
import { reportId, type Report } from '../data/report-repository.js';
import { countSubmissionOnce, getScore, replaceScore, type Score } from '../data/score-repository.js';
import { logger } from '../http/logger.js';
import { unitIkm } from '../surveys/ikm-repository.js';
import { rollupContribution, rollupDelta, scoreReport } from './compute.js';

const MAX_ATTEMPTS = 4;

const image = (img: Record<string, unknown> | undefined) => fromImage(img);

async function scoreApproved(report: Report): Promise<void> {
  const review = report.review;
  if (!review?.behaviour) throw new Error(`approved report ${reportId(report.officerId, report.period)} has no behaviour rating`);
  const previous = await getScore(report.tenant, report.officerId, report.period);
  if (previous && previous.scoredVersion >= report.version) return; // replay of what is already scored
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
  const deltas = rollupDelta(rollupContribution(previous), rollupContribution(score));
  // A moved officer's old score sits in its old agency's rollup: it leaves there and joins here in the same
  // transaction as the score, so a failure between the two can never leave it counted in both.
  const agencyDeltas = previous && previous.agencyId !== score.agencyId
    ? { [previous.agencyId]: rollupDelta(rollupContribution(previous), {}), [score.agencyId]: rollupContribution(score) }
    : { [score.agencyId]: deltas };
  if (!(await replaceScore(score, previous, agencyDeltas, deltas))) {
    // Someone else changed the score between our read and write: start over against what is there now.
    throw new Error('score changed concurrently');
  }
}

async function processOne(record: DynamoDBRecord): Promise<void> {
  const next = image(record.dynamodb?.NewImage as Record<string, unknown> | undefined);
  if (next?.type !== 'report') return;
  const old = image(record.dynamodb?.OldImage as Record<string, unknown> | undefined);
  const report = next as unknown as Report;
  if (report.status === 'submitted' && old?.status !== 'submitted') {
    await countSubmissionOnce(report.tenant, report.officerId, report.agencyId, report.period);
  }
  if (report.status === 'approved') await scoreApproved(report);
}

/** Handles report records in stream order; returns the sequence numbers that failed (the first failure and
 *  every record of the same item after it, so an item's changes are never applied out of order). */
export async function processScoringRecords(records: DynamoDBRecord[]): Promise<string[]> {
  const failed: string[] = [];
  const failedItems = new Set<string>();
  for (const record of records) {
    const seq = record.dynamodb?.SequenceNumber ?? '';
    const itemKey = JSON.stringify(record.dynamodb?.Keys ?? {});
    if (failedItems.has(itemKey)) { failed.push(seq); continue; }
    for (let attempt = 1; ; attempt++) {
      try {
        await processOne(record);
        break;
      } catch (error) {
        if (attempt < MAX_ATTEMPTS) continue;
        logger.error('scoring failed for a stream record', { error: error as Error, sequenceNumber: seq });
        failed.push(seq);
        failedItems.add(itemKey);
        break;
      }
    }
  }
  return failed;
}

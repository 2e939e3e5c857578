// Stream → IKM rollups. A batch's new survey responses are summed in memory and each rollup item
// (unit, agency, tenant, national × month) gets ONE ADD per transaction: no read-modify-write, and a
// busy unit costs one write per batch, not one per response.
//
// Idempotency (a replayed batch must not double count): all responses of one unit × month share a
// partition, so they reach us in stream order. The unit rollup keeps a watermark `ikmLastSeq` (the
// highest sequence number applied); the unit's ADD is conditional on the watermark being below the
// group's first record, and the agency/tenant/national ADDs ride in the same transaction. On replay
// the condition fails, we read the watermark and re-apply only the records after it.
// The day's `surveys` activity counts (tenant and agency day items) ride in the same transaction, under the
// same watermarks. Cost: one TransactWriteItems per batch (2 WCU per item touched), no per-response markers.
import type { DynamoDBRecord } from 'aws-lambda';
import { fromImage, imageType } from '../data/stream-image.js';
import { tableName } from '../data/client.js';
import * as keys from '../data/keys.js';
import type { Key } from '../data/keys.js';
import { logger } from '../http/logger.js';
import { aggregateSurveys, rollupAttributes, type RollupDelta, type SurveyFacts } from './aggregate.js';
import { unitRollupWatermark, writeRollups } from './rollup-repository.js';
import { activityTargetKeys, activityTransactItems } from '../activity/repository.js';
import { activityEventOfItems, onLocalDay, type DayEvent } from '../activity/events.js';

/** A new response, with the day's `surveys` count it adds (absent for a tenant no longer configured). */
interface SurveyRecord extends SurveyFacts { seq: string; rawSeq: string; activity?: DayEvent }
interface UnitGroup { key: string; records: SurveyRecord[] }

const MAX_ACTIONS = 100;
const pad = (seq: string) => seq.padStart(40, '0');

function surveyOf(record: DynamoDBRecord): SurveyRecord | undefined {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return undefined;
  if (imageType(record.dynamodb.NewImage) !== 'survey') return undefined;
  const item = fromImage<Record<string, any>>(record.dynamodb.NewImage)!;
  // Seeded responses are written together with their rollups (final state): never count them twice.
  if (item.type !== 'survey' || item.preAggregated) return undefined;
  const event = activityEventOfItems('survey', record.eventName, item, undefined, record.dynamodb.ApproximateCreationDateTime);
  return {
    tenant: item.tenant, unitId: item.unitId, agencyId: item.agencyId, period: item.period, answers: item.answers,
    seq: pad(record.dynamodb.SequenceNumber!), rawSeq: record.dynamodb.SequenceNumber!, activity: event ? onLocalDay(event) : undefined,
  };
}

export function rollupKey(d: Pick<RollupDelta, 'level' | 'tenant' | 'id' | 'period'>): Key {
  if (d.level === 'unit') return keys.unitRollup(d.tenant, d.id, d.period);
  if (d.level === 'agency') return keys.agencyRollup(d.tenant, d.id, d.period);
  if (d.level === 'tenant') return keys.tenantRollup(d.tenant, d.period);
  return keys.nationalRollup(d.tenant, d.period);
}

/** The UpdateItem that ADDs a delta. Only IKM attributes and absent identity fields are written. */
export function rollupUpdate(d: RollupDelta, watermark?: { first: string; last: string }) {
  const attrs = rollupAttributes(d.sums);
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':type': `${d.level}Rollup`, ':tenant': d.tenant, ':period': d.period };
  const add = Object.keys(attrs).map((name, i) => { names[`#a${i}`] = name; values[`:a${i}`] = attrs[name]; return `#a${i} :a${i}`; });
  const set = ['#type = if_not_exists(#type, :type)', 'tenant = if_not_exists(tenant, :tenant)', 'period = if_not_exists(period, :period)'];
  if (d.level === 'unit') {
    Object.assign(values, { ':unitId': d.id, ':agencyId': d.agencyId, ':g1pk': keys.unitRollupSeries(d.tenant, d.id), ':g1sk': keys.periodSort(d.period) });
    set.push('unitId = :unitId', 'agencyId = :agencyId', 'GSI1PK = :g1pk', 'GSI1SK = :g1sk');
  } else if (d.level === 'agency') {
    Object.assign(values, { ':agencyId': d.id, ':g1pk': keys.agencyRollupSeries(d.tenant, d.id), ':g1sk': keys.periodSort(d.period) });
    set.push('agencyId = :agencyId', 'GSI1PK = :g1pk', 'GSI1SK = :g1sk');
  }
  let condition: string | undefined;
  if (watermark) {
    Object.assign(values, { ':first': watermark.first, ':last': watermark.last });
    set.push('ikmLastSeq = :last');
    condition = 'attribute_not_exists(ikmLastSeq) OR ikmLastSeq < :first';
  }
  return {
    TableName: tableName(),
    Key: rollupKey(d),
    UpdateExpression: `ADD ${add.join(', ')} SET ${set.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ...(condition ? { ConditionExpression: condition } : {}),
  };
}

/** One transaction: each unit group's conditional ADD (in group order), plus merged agency/tenant/national ADDs. */
function transactionFor(groups: UnitGroup[]) {
  const updates: ReturnType<typeof rollupUpdate>[] = [];
  for (const g of groups) {
    const [unit] = aggregateSurveys(g.records).filter((d) => d.level === 'unit');
    updates.push(rollupUpdate(unit!, { first: g.records[0]!.seq, last: g.records.at(-1)!.seq }));
  }
  for (const d of aggregateSurveys(groups.flatMap((g) => g.records)).filter((d) => d.level !== 'unit')) updates.push(rollupUpdate(d));
  // The day's survey counts ride in the same transaction: the units' watermarks count them once too.
  const days = activityTransactItems(groups.flatMap((g) => g.records.flatMap((r) => (r.activity ? [r.activity] : []))));
  return [...updates, ...days.map((d) => d.Update)];
}

/** Actions of a transaction over these groups: the rollup ADDs and the day items. */
const actionsOf = (groups: readonly UnitGroup[]) => {
  const records = groups.flatMap((g) => g.records);
  return aggregateSurveys(records).length + new Set(records.flatMap((r) => (r.activity ? activityTargetKeys(r.activity) : []))).size;
};

/** Splits unit groups into transactions of at most MAX_ACTIONS rollup updates. */
function chunk(groups: UnitGroup[]): UnitGroup[][] {
  const out: UnitGroup[][] = [];
  let current: UnitGroup[] = [];
  for (const g of groups) {
    const next = [...current, g];
    if (current.length && actionsOf(next) > MAX_ACTIONS) { out.push(current); current = [g]; } else current = next;
  }
  if (current.length) out.push(current);
  return out;
}

function watermarkOf(group: UnitGroup): Promise<string> {
  const r = group.records[0]!;
  return unitRollupWatermark(r.tenant, r.unitId, r.period);
}

/** Applies one chunk; on a replay drops the records at or below each unit's watermark and retries. */
async function applyChunk(groups: UnitGroup[]): Promise<void> {
  for (let attempt = 0; groups.length > 0; attempt++) {
    const conditionFailed = await writeRollups(transactionFor(groups));
    if (!conditionFailed) return;
    if (attempt >= 4) throw new Error(`IKM rollup transaction still cancelled after ${attempt + 1} attempts`);
    // The first groups.length updates are the units' conditional ones, in group order.
    const replayed = groups.filter((_, i) => conditionFailed.includes(i));
    if (replayed.length === 0) { await new Promise((r) => setTimeout(r, 50 * 2 ** attempt)); continue; } // conflict: retry
    const marks = new Map(await Promise.all(replayed.map(async (g) => [g.key, await watermarkOf(g)] as const)));
    groups = groups
      .map((g) => ({ ...g, records: marks.has(g.key) ? g.records.filter((r) => r.seq > marks.get(g.key)!) : g.records }))
      .filter((g) => g.records.length > 0);
  }
}

export async function processSurveyRecords(records: DynamoDBRecord[]): Promise<string[]> {
  const byUnit = new Map<string, UnitGroup>();
  const seen = new Set<string>();
  for (const record of records) {
    const s = surveyOf(record);
    // A record delivered twice in one batch counts once (the watermark only guards across batches).
    if (!s || seen.has(s.seq)) continue;
    seen.add(s.seq);
    const key = `${s.tenant}|${s.unitId}|${s.period}`;
    if (!byUnit.has(key)) byUnit.set(key, { key, records: [] });
    byUnit.get(key)!.records.push(s);
  }
  // The watermark needs each group in sequence order, whatever order the batch came in.
  for (const g of byUnit.values()) g.records.sort((x, y) => (x.seq < y.seq ? -1 : x.seq > y.seq ? 1 : 0));
  const failed: string[] = [];
  // Chunks run one after another: they may share agency/tenant items, and parallel transactions would conflict.
  for (const groups of chunk([...byUnit.values()])) {
    try {
      await applyChunk(groups);
    } catch (error) {
      logger.error('IKM rollup failed', { error: error as Error });
      for (const g of groups) failed.push(...g.records.map((r) => r.rawSeq));
    }
  }
  return failed;
}

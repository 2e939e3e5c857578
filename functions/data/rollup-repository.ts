// Rollup items (agency × month, tenant × month, national) shared by every stream writer. Each writer
// only ADDs its own numeric attributes with UpdateItem, so writers never clobber one another.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { round2 } from '../domain/numbers.js';
import { queryAll } from './batch.js';
import { ddb, tableName } from './client.js';
import * as keys from './keys.js';
import type { Key } from './keys.js';

export type RollupDeltas = Record<string, number>;
/** One action of a TransactWriteItems. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The fields every performance rollup carries (scoring's share of the shape). */
export const PREDIKAT_FIELD = (predikat: string) => `predikat_${predikat}`;

interface RollupTarget { key: Key; identity: Record<string, string> }

/** Agency, tenant and national rollup items of one month, with the identity attributes each carries. */
export function rollupTargets(tenant: string, agencyId: string, period: string): RollupTarget[] {
  return [
    {
      key: keys.agencyRollup(tenant, agencyId, period),
      identity: { type: 'agencyRollup', tenant, agencyId, period, GSI1PK: keys.agencyRollupSeries(tenant, agencyId), GSI1SK: keys.periodSort(period) },
    },
    { key: keys.tenantRollup(tenant, period), identity: { type: 'tenantRollup', tenant, period } },
    { key: keys.nationalRollup(tenant, period), identity: { type: 'nationalRollup', tenant, period } },
  ];
}

/** An UpdateItem that SETs the identity attributes and ADDs the non-zero deltas; undefined when nothing changes. */
function addUpdate(target: RollupTarget, deltas: RollupDeltas) {
  const changed = Object.entries(deltas).filter(([, v]) => Number.isFinite(v) && v !== 0);
  if (changed.length === 0) return undefined;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(target.identity).map(([k, v], i) => {
    names[`#i${i}`] = k;
    values[`:i${i}`] = v;
    return `#i${i} = :i${i}`;
  });
  const adds = changed.map(([k, v], i) => {
    names[`#d${i}`] = k;
    values[`:d${i}`] = v;
    return `#d${i} :d${i}`;
  });
  return {
    TableName: tableName(),
    Key: target.key,
    UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** ADDs the deltas to the agency, tenant and national rollups of a month (three UpdateItems). */
export async function addToRollups(tenant: string, agencyId: string, period: string, deltas: RollupDeltas): Promise<void> {
  const updates = rollupTargets(tenant, agencyId, period).map((t) => addUpdate(t, deltas)).filter((u) => u !== undefined);
  await Promise.all(updates.map((u) => ddb().send(new UpdateCommand(u))));
}

/** The same three updates as transaction items, for a writer that must apply them atomically with its own item. */
export function rollupTransactItems(tenant: string, agencyId: string, period: string, deltas: RollupDeltas): TransactItem[] {
  const batch = new RollupBatch();
  batch.addAgency(tenant, agencyId, period, deltas);
  batch.addTenantWide(tenant, period, deltas);
  return batch.transactItems();
}

/**
 * Rollup deltas of many changes merged per rollup item, for a writer that applies a whole stream batch in
 * one transaction: a transaction may touch an item only once, and one ADD per item for the batch is what
 * makes the rollups cheap per report.
 */
export class RollupBatch {
  private readonly targets = new Map<string, { target: RollupTarget; deltas: RollupDeltas }>();

  /** The agency's month rollup. */
  addAgency(tenant: string, agencyId: string, period: string, deltas: RollupDeltas): void {
    this.add(rollupTargets(tenant, agencyId, period)[0]!, deltas);
  }

  /** The tenant and national month rollups. */
  addTenantWide(tenant: string, period: string, deltas: RollupDeltas): void {
    for (const t of rollupTargets(tenant, '-', period).slice(1)) this.add(t, deltas);
  }

  /** Keys of the items an agency's change touches (for sizing a transaction before adding). */
  static keysOf(tenant: string, agencyId: string, period: string): string[] {
    return rollupTargets(tenant, agencyId, period).map((t) => keys.keyId(t.key));
  }

  transactItems(): TransactItem[] {
    return [...this.targets.values()].map(({ target, deltas }) => addUpdate(target, deltas)).filter((u) => u !== undefined).map((Update) => ({ Update }));
  }

  private add(target: RollupTarget, deltas: RollupDeltas): void {
    const id = keys.keyId(target.key);
    const entry = this.targets.get(id) ?? { target, deltas: {} };
    for (const [k, v] of Object.entries(deltas)) entry.deltas[k] = round2((entry.deltas[k] ?? 0) + v);
    this.targets.set(id, entry);
  }
}

/** Whole rollup items for the seed, which writes final state with batchPut before any other writer runs:
 *  the agency item of a month, or (agencyId null) the tenant and national items of a month. */
export function rollupItems(tenant: string, agencyId: string | null, period: string, fields: RollupDeltas): Record<string, unknown>[] {
  const [agency, ...tenantWide] = rollupTargets(tenant, agencyId ?? '-', period);
  return (agencyId === null ? tenantWide : [agency]).map((t) => ({ ...t.key, ...t.identity, ...fields }));
}

/**
 * SETs the expected-reporter count (`officers`) of a month's agency rollup, or (agencyId null) of its
 * tenant and national rollups. A count is written only if no count read later is already there
 * (`officersAsOf`), so of two recounts racing the one that read last wins.
 */
export async function setExpectedOfficers(tenant: string, agencyId: string | null, period: string, officers: number, asOf: string): Promise<void> {
  const [agency, ...tenantWide] = rollupTargets(tenant, agencyId ?? '-', period);
  const targets = agencyId === null ? tenantWide : [agency!];
  await Promise.all(targets.map(async (t) => {
    const all: Record<string, unknown> = { ...t.identity, officers, officersAsOf: asOf };
    try {
      await ddb().send(new UpdateCommand({
        TableName: tableName(),
        Key: t.key,
        UpdateExpression: `SET ${Object.keys(all).map((_, i) => `#a${i} = :a${i}`).join(', ')}`,
        ConditionExpression: 'attribute_not_exists(officersAsOf) OR officersAsOf <= :asOf',
        ExpressionAttributeNames: Object.fromEntries(Object.keys(all).map((k, i) => [`#a${i}`, k])),
        ExpressionAttributeValues: { ...Object.fromEntries(Object.values(all).map((v, i) => [`:a${i}`, v])), ':asOf': asOf },
      }));
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    }
  }));
}

/** The expected-reporter counts of every agency of a tenant for each month from..to (one Query of the agency rollups). */
export async function expectedOfficersOfMonths(tenant: string, from: string, to: string): Promise<Map<string, Map<string, number>>> {
  const items = await queryAll<{ agencyId: string; period: string; officers?: number }>({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    FilterExpression: 'attribute_exists(officers)',
    ExpressionAttributeValues: { ':pk': keys.agencyRollup(tenant, '-', from).PK, ':from': `${keys.periodSort(from)}#`, ':to': `${keys.periodSort(to)}#~` },
    ProjectionExpression: 'agencyId, period, officers',
  });
  const out = new Map<string, Map<string, number>>();
  for (const i of items) {
    if (!out.has(i.period)) out.set(i.period, new Map());
    out.get(i.period)!.set(i.agencyId, Number(i.officers ?? 0));
  }
  return out;
}

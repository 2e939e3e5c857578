// The IKM rollup writes of the survey stream: one transaction per chunk of a batch, and the unit
// watermark that tells a replayed batch which responses are already counted (see rollup.ts).
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../data/client.js';
import * as keys from '../data/keys.js';
import type { rollupUpdate } from './rollup.js';

type RollupUpdate = ReturnType<typeof rollupUpdate>;

/** The highest stream sequence applied to a unit's month rollup ('' before any). */
export async function unitRollupWatermark(tenant: string, unitId: string, period: string): Promise<string> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.unitRollup(tenant, unitId, period), ConsistentRead: true }));
  return (res.Item?.ikmLastSeq as string | undefined) ?? '';
}

/** Writes the updates in one transaction: undefined when written; when cancelled, the indexes of the
 *  updates whose own condition failed (empty: only a concurrent transaction was in the way). */
export async function writeRollups(updates: RollupUpdate[]): Promise<number[] | undefined> {
  try {
    await ddb().send(new TransactWriteCommand({ TransactItems: updates.map((Update) => ({ Update })) }));
    return undefined;
  } catch (error) {
    const reasons = (error as { name?: string; CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if ((error as Error).name !== 'TransactionCanceledException' || !reasons) throw error;
    return reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
  }
}

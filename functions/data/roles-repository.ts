// Granted roles: on the officer item (read at request time by freshPrincipal), with an audit item and
// the tenant's region_admin set, all in one transaction so the set never drifts from the officers.
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.js';
import * as keys from './keys.js';
import { officerChangeItems, type Officer } from './org-repository.js';

export async function regionAdminIds(tenant: string): Promise<string[]> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.regionAdmins(tenant), ConsistentRead: true }));
  const ids = res.Item?.officerIds as Set<string> | undefined;
  return ids ? [...ids] : [];
}

export type RolesSaved = 'saved' | 'changed-concurrently' | 'last-region-admin';

/**
 * Writes the officer with its new roles (only if unchanged since read), the audit item, and the
 * region_admin set. `keepsAdmin`: when the officer leaves region_admin, another id that must still be
 * in the set at write time (so two admins cannot remove themselves at once and leave none).
 */
export async function saveRoles(tenant: string, next: Officer, read: Officer & { updatedAt?: string }, audit: Record<string, unknown>, now: string, set: { add?: string; remove?: string; keepsAdmin?: string }): Promise<RolesSaved> {
  const setKey = keys.regionAdmins(tenant);
  const setUpdate = set.add
    ? { Update: { TableName: tableName(), Key: setKey, UpdateExpression: 'ADD officerIds :id SET #t = :t', ExpressionAttributeNames: { '#t': 'type' }, ExpressionAttributeValues: { ':id': new Set([set.add]), ':t': 'regionAdmins' } } }
    : set.remove
      ? { Update: { TableName: tableName(), Key: setKey, UpdateExpression: 'DELETE officerIds :id', ...(set.keepsAdmin ? { ConditionExpression: 'contains(officerIds, :other)' } : {}), ExpressionAttributeValues: { ':id': new Set([set.remove]), ...(set.keepsAdmin ? { ':other': set.keepsAdmin } : {}) } } }
      : undefined;
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [...officerChangeItems(tenant, next, read, audit, now, 'roles'), ...(setUpdate ? [setUpdate] : [])],
    }));
    return 'saved';
  } catch (error) {
    if ((error as Error).name !== 'TransactionCanceledException') throw error;
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    return reasons[2]?.Code === 'ConditionalCheckFailed' ? 'last-region-admin' : 'changed-concurrently';
  }
}

// The account ledger: one item per provisioned account (keys.account), so re-importing the same file
// creates and invites nobody twice, and a status that ends sign-in disables an account once.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from '../data/batch.js';
import { ddb, tableName } from '../data/client.js';
import * as keys from '../data/keys.js';

export interface AccountRecord { nip: string; email: string; enabled: boolean; at: string }

export async function accountRecords(tenant: string, nips: string[]): Promise<Map<string, AccountRecord>> {
  const found = await batchGet<AccountRecord>(nips.map((n) => keys.account(tenant, n)));
  return new Map(found.map((r) => [r.nip, r]));
}

export async function putAccountRecord(tenant: string, r: AccountRecord): Promise<void> {
  await ddb().send(new PutCommand({ TableName: tableName(), Item: { ...keys.account(tenant, r.nip), type: 'account', tenant, ...r } }));
}

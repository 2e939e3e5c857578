// Awards (DESIGN §2 Awards and recognition): one item per officer × kind × period in the officer's
// partition, listed per tenant (GSI1, by award day) and per agency (GSI2); the award and the yearly
// count the transparency page reads are written in one transaction.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { insertCounted } from '../data/action-repository.js';
import { queryPage } from '../data/batch.js';
import { ddb, tableName } from '../data/client.js';
import * as keys from '../data/keys.js';
import { GSI1, GSI2 } from '../data/table.js';

import { AWARD_KINDS } from './schema.js';

// The kinds live in the schema module, so the OpenAPI contract's bundle carries no table client.
export { AWARD_KINDS };
export type AwardKind = (typeof AWARD_KINDS)[number];

export interface Award {
  id: string;
  officerId: string;
  /** The officer as they were when awarded (the certificate and the public list print these). */
  officerName: string;
  officerNip: string;
  position: string;
  agencyId: string;
  agencyName: string;
  kind: AwardKind;
  title: string;
  citation: string;
  period: string;
  /** The evaluation whose AWARD_CANDIDATE recommendation a `kinerja` award confirms. */
  evaluationId: string | null;
  /** The award's day in the tenant's zone, `YYYY-MM-DD`. */
  day: string;
  awardedAt: string;
  awardedBy: string;
}

/** Award ids name their key: officer, kind and period. */
export const awardId = (officerId: string, kind: AwardKind, period: string) => `${officerId}.${kind}.${period}`;
export function parseAwardId(id: string): { officerId: string; kind: AwardKind; period: string } | undefined {
  const m = /^(.+)\.(kinerja|inovasi)\.(\d{4}(?:-\d{2}|-Q[1-4])?)$/.exec(id);
  return m ? { officerId: m[1]!, kind: m[2] as AwardKind, period: m[3]! } : undefined;
}

const awardItem = (tenant: string, a: Award) => ({
  ...keys.award(tenant, a.officerId, a.kind, a.period), type: 'award', tenant, ...a,
  GSI1PK: keys.awardsOfTenant(tenant), GSI1SK: keys.awardSort(a.day, a.id),
  GSI2PK: keys.awardsOfAgency(tenant, a.agencyId), GSI2SK: keys.awardSort(a.day, a.id),
});
const view = ({ PK: _p, SK: _s, type: _t, tenant: _tn, GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, ...a }: Record<string, unknown>) => a as unknown as Award;

/** Puts the award unless its officer × kind × period has one, and ADDs 1 to the year's count; false when taken. */
export async function putAward(tenant: string, a: Award): Promise<boolean> {
  const year = a.day.slice(0, 4);
  return insertCounted(awardItem(tenant, a), [{ key: keys.awardStats(tenant, year), attrs: { type: 'awardStats', tenant, year: Number(year) } }], { count: 1 });
}

export async function getAward(tenant: string, officerId: string, kind: AwardKind, period: string): Promise<Award | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.award(tenant, officerId, kind, period) }));
  return res.Item ? view(res.Item) : undefined;
}

export type AwardScope = { tenant: string } | { agencyId: string } | { officerId: string };

/** The partition (and index) a scope lists, with the key names a cursor of it must carry. */
export function scopeQuery(tenant: string, scope: AwardScope, dayPrefix = '') {
  if ('officerId' in scope) {
    return { partition: { PK: keys.officerPartition(tenant, scope.officerId) }, input: {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)', ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, scope.officerId), ':sk': keys.awardPrefix },
    } };
  }
  const [index, attr, pk] = 'agencyId' in scope ? [GSI2, 'GSI2', keys.awardsOfAgency(tenant, scope.agencyId)] : [GSI1, 'GSI1', keys.awardsOfTenant(tenant)];
  return { partition: { [`${attr}PK`]: pk }, input: {
    IndexName: index, KeyConditionExpression: `${attr}PK = :pk AND begins_with(${attr}SK, :sk)`,
    ExpressionAttributeValues: { ':pk': pk, ':sk': `DAY#${dayPrefix}` }, ScanIndexForward: false,
  } };
}

export async function pageAwards(input: ReturnType<typeof scopeQuery>['input'], page: { limit: number; startKey?: Record<string, unknown> }) {
  const res = await queryPage(input, page);
  return { items: res.items.map(view), lastKey: res.lastKey };
}

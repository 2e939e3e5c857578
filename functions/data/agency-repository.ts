// The BKPSDM's and agencies' changes to the organisation: agencies and units (in the tenant partition,
// beside policy), organisational ratings per agency and year, each written with its audit item in one
// transaction; and the per-period final-predikat counts an agency's curve is read from.
import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { OrgRating, Predikat } from '../domain/types.js';
import { queryAll } from './batch.js';
import { ddb, tableName } from './client.js';
import * as keys from './keys.js';
import type { Key } from './keys.js';
import type { Agency, Unit } from './org-repository.js';
import { GSI1 } from './table.js';

/** Who changed what, when: `changes` maps each field to its value before and after. */
export interface AgencyAudit { at: string; by: string; changes: Record<string, { from: unknown; to: unknown }> }

export interface OrgRatingRecord { agencyId: string; year: number; rating: OrgRating; setAt: string; setBy: string }

// Audit items go to the agency's own audit partition (keys.agencyAudit), not the tenant partition.
const auditItem = (tenant: string, agencyId: string, subject: 'agency' | 'unit' | 'orgRating', subjectId: string, audit: AgencyAudit) => ({
  ...keys.agencyAudit(tenant, agencyId, audit.at, `${subject}#${subjectId}#${randomUUID().slice(0, 8)}`),
  type: 'audit', subject, subjectId, tenant, agencyId, ...audit,
});

/** Writes `write` and its audit item together; false when the write's condition failed or a concurrent
 *  transaction touched the item (nothing written either way). */
async function writeAudited(write: Record<string, unknown>, audit: Record<string, unknown>): Promise<boolean> {
  try {
    await ddb().send(new TransactWriteCommand({ TransactItems: [write, { Put: { TableName: tableName(), Item: audit } }] }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') return false;
    throw error;
  }
}

/** A Put that only creates. */
const create = (item: Record<string, unknown>) => ({ Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' } });

/** An Update of the changed fields, on condition that each still holds the value it was read with
 *  (a field set to null is removed). */
function updateChanged(key: Key, changes: AgencyAudit['changes']) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  const conditions = ['attribute_exists(PK)'];
  Object.entries(changes).forEach(([field, { from, to }], i) => {
    names[`#f${i}`] = field;
    if (to === undefined || to === null) removes.push(`#f${i}`);
    else { values[`:t${i}`] = to; sets.push(`#f${i} = :t${i}`); }
    if (from === undefined || from === null) conditions.push(`attribute_not_exists(#f${i})`);
    else { values[`:o${i}`] = from; conditions.push(`#f${i} = :o${i}`); }
  });
  return {
    Update: {
      TableName: tableName(), Key: key,
      UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].join(' ').trim(),
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    },
  };
}

/** Creates an agency; false when the id is taken in the tenant. */
export const createAgency = (tenant: string, agency: Agency, audit: AgencyAudit) =>
  writeAudited(create({ ...keys.agency(tenant, agency.id), type: 'agency', ...agency }), auditItem(tenant, agency.id, 'agency', agency.id, audit));

/** Changes an agency's fields; false when it was changed meanwhile (or is gone). */
export const updateAgency = (tenant: string, agencyId: string, audit: AgencyAudit) =>
  writeAudited(updateChanged(keys.agency(tenant, agencyId), audit.changes), auditItem(tenant, agencyId, 'agency', agencyId, audit));

/** Creates a unit; false when the id is taken in the tenant (unit ids are the tenant's, not the agency's). */
export const createUnit = (tenant: string, unit: Unit, audit: AgencyAudit) =>
  writeAudited(create({ ...keys.unit(tenant, unit.id), type: 'unit', ...unit }), auditItem(tenant, unit.agencyId, 'unit', unit.id, audit));

export const updateUnit = (tenant: string, unit: Pick<Unit, 'id' | 'agencyId'>, audit: AgencyAudit) =>
  writeAudited(updateChanged(keys.unit(tenant, unit.id), audit.changes), auditItem(tenant, unit.agencyId, 'unit', unit.id, audit));

export async function getOrgRating(tenant: string, agencyId: string, year: number): Promise<OrgRatingRecord | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.orgRating(tenant, agencyId, year), ConsistentRead: true }));
  if (!res.Item) return undefined;
  const { agencyId: a, year: y, rating, setAt, setBy } = res.Item;
  return { agencyId: a, year: y, rating, setAt, setBy } as OrgRatingRecord;
}

/** Sets the rating on condition that it is still what was read (`previous`); false otherwise. */
export async function putOrgRating(tenant: string, record: OrgRatingRecord, previous: OrgRating | undefined, audit: AgencyAudit): Promise<boolean> {
  const put = {
    Put: {
      TableName: tableName(),
      Item: { ...keys.orgRating(tenant, record.agencyId, record.year), type: 'orgRating', tenant, ...record },
      ConditionExpression: previous ? 'rating = :previous' : 'attribute_not_exists(PK)',
      ...(previous ? { ExpressionAttributeValues: { ':previous': previous } } : {}),
    },
  };
  return writeAudited(put, auditItem(tenant, record.agencyId, 'orgRating', String(record.year), audit));
}

/** Every agency's rating for a year (one Query): the evaluation run's curve check reads it. */
export async function orgRatingsOfYear(tenant: string, year: number | string): Promise<Map<string, OrgRating>> {
  const { PK, prefix } = keys.orgRatingsOfYear(tenant, year);
  const items = await queryAll<{ agencyId: string; rating: OrgRating }>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': PK, ':sk': prefix },
    ProjectionExpression: 'agencyId, rating',
  });
  return new Map(items.map((i) => [i.agencyId, i.rating]));
}

/** The final-predikat counts of each evaluated period of an agency in a year (annual, quarters, months):
 *  one Query of the agency × period items the runs write, never a read of the officers' evaluations. */
export async function agencyPeriodCounts(tenant: string, agencyId: string, year: number): Promise<{ period: string; counts?: Partial<Record<Predikat, number>> }[]> {
  return queryAll({
    IndexName: GSI1,
    KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)',
    ExpressionAttributeNames: { '#p': 'period' },
    ExpressionAttributeValues: { ':pk': keys.agencyEvaluationSeries(tenant, agencyId), ':sk': keys.periodSort(String(year)) },
    ProjectionExpression: '#p, counts',
  });
}

// Organisation: agencies (OPD), service units, officers, the NIP index (which doubles as the tenant's
// officer directory for NIP and name prefix search) and the supervisor-chain pairs.
import { BatchWriteCommand, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OfficerStatus, StatusEntry } from '../domain/officer-status.js';
import { ddb, tableName } from './client.js';
import { batchGet, batchPut, queryAll, queryPage } from './batch.js';
import * as keys from './keys.js';
import type { Key } from './keys.js';
import { GSI1, GSI2 } from './table.js';

export interface Agency { id: string; name: string; shortName: string; kind: string; orgRating?: string }
export interface Unit { id: string; agencyId: string; name: string; kind: string; yearlyServiceUsers?: number }
export interface Officer {
  id: string; nip: string; name: string; position: string; grade: string;
  agencyId: string; unitId: string | null; supervisorId: string | null;
  /** Status on the day the item was last written (the daily pass keeps it current); `statuses` is the record. */
  status?: OfficerStatus;
  statuses?: StatusEntry[];
  email?: string | null;
  koefisienAk?: number | null;
  /** Supervisor chain, nearest first (DESIGN §1 direct and indirect). */
  ancestors?: string[];
  /** Roles a region_admin granted (agency_admin, leader, inspector, region_admin); officer/supervisor are derived. */
  roles?: string[];
}
export interface NipEntry { nip: string; tenant: string; officerId: string }

export const officerView = (item: Record<string, unknown>): Officer => ({
  id: item.id as string, nip: item.nip as string, name: item.name as string, position: item.position as string,
  grade: item.grade as string, agencyId: item.agencyId as string,
  unitId: (item.unitId as string) ?? null, supervisorId: (item.supervisorId as string) ?? null,
  status: (item.status as OfficerStatus) ?? 'aktif',
  ...(Array.isArray(item.statuses) && item.statuses.length ? { statuses: item.statuses as StatusEntry[] } : {}),
  ...(item.email ? { email: item.email as string } : {}),
  ...(typeof item.koefisienAk === 'number' ? { koefisienAk: item.koefisienAk } : {}),
  ...(Array.isArray(item.ancestors) ? { ancestors: item.ancestors as string[] } : {}),
  ...(Array.isArray(item.roles) && item.roles.length ? { roles: item.roles as string[] } : {}),
});

/** The tenant partition in one Query: policy, agencies and units. */
export async function getTenantOrg(tenant: string): Promise<{ agencies: Agency[]; units: Unit[]; policy?: Record<string, unknown> }> {
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.tenantPartition(tenant) },
    ConsistentRead: true, // an agency or unit just added or renamed shows at once
  });
  const strip = ({ PK: _pk, SK: _sk, type: _t, ...rest }: Record<string, unknown>) => rest;
  return {
    agencies: items.filter((i) => i.type === 'agency').map((i) => strip(i) as unknown as Agency),
    units: items.filter((i) => i.type === 'unit').map((i) => strip(i) as unknown as Unit),
    policy: items.find((i) => i.type === 'policy')?.policy as Record<string, unknown> | undefined,
  };
}

export async function getUnit(tenant: string, unitId: string): Promise<Unit | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.unit(tenant, unitId) }));
  if (!res.Item) return undefined;
  const { PK: _pk, SK: _sk, type: _t, ...unit } = res.Item;
  return unit as Unit;
}

export async function getAgency(tenant: string, agencyId: string): Promise<Agency | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.agency(tenant, agencyId) }));
  if (!res.Item) return undefined;
  const { PK: _pk, SK: _sk, type: _t, ...agency } = res.Item;
  return agency as Agency;
}

export async function getOfficer(tenant: string, officerId: string): Promise<Officer | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.officer(tenant, officerId) }));
  return res.Item ? officerView(res.Item) : undefined;
}

export async function listOfficersOfAgency(tenant: string, agencyId: string): Promise<Officer[]> {
  const items = await queryAll({
    IndexName: GSI1,
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.officersOfAgency(tenant, agencyId) },
  });
  return items.map(officerView);
}

export async function listSubordinates(tenant: string, supervisorId: string): Promise<Officer[]> {
  const items = await queryAll({
    IndexName: GSI2,
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.subordinatesOf(tenant, supervisorId) },
  });
  return items.map(officerView);
}

export async function findNips(nips: string[]): Promise<Map<string, NipEntry>> {
  const found = await batchGet<NipEntry>(nips.map((n) => keys.nip(n)));
  return new Map(found.map((e) => [e.nip, e]));
}

export function officerItem(tenant: string, o: Officer, now: string): Record<string, unknown> {
  return {
    ...keys.officer(tenant, o.id),
    type: 'officer',
    tenant,
    ...o,
    status: o.status ?? 'aktif',
    GSI1PK: keys.officersOfAgency(tenant, o.agencyId),
    GSI1SK: keys.officerAgencySort(o.name, o.id),
    ...(o.supervisorId ? { GSI2PK: keys.subordinatesOf(tenant, o.supervisorId), GSI2SK: keys.subordinateSort(o.id) } : {}),
    updatedAt: now,
  };
}

/** The NIP entry pins a NIP to one officer of one tenant and lists the officer in the tenant's directory. */
export const nipItem = (tenant: string, o: Pick<Officer, 'nip' | 'id' | 'name' | 'agencyId'>) => ({
  ...keys.nip(o.nip), type: 'nip', nip: o.nip, tenant, officerId: o.id, agencyId: o.agencyId,
  GSI1PK: keys.directoryByNip(tenant), GSI1SK: o.nip,
  GSI2PK: keys.directoryByName(tenant), GSI2SK: `${o.name.toLowerCase()}#${o.id}`,
});

/** One item per (ancestor, officer) pair: GetItem answers "is X above Y", a Query lists X's whole team. */
export const chainItems = (tenant: string, o: Pick<Officer, 'id' | 'agencyId' | 'ancestors'>) =>
  (o.ancestors ?? []).map((a, depth) => ({ ...keys.chainEntry(tenant, a, o.id), type: 'chain', tenant, ancestorId: a, officerId: o.id, agencyId: o.agencyId, depth: depth + 1 }));

/** Writes officers with their directory and chain entries; `stalePairs` are chain entries to remove. */
export async function putOfficers(tenant: string, officers: Officer[], onProgress?: (done: number) => void, stalePairs: Key[] = [], nipsClaimed: ReadonlySet<string> = new Set()): Promise<void> {
  const now = new Date().toISOString();
  // A NIP claimed just now already holds its directory entry: it is not written twice.
  const items = officers.flatMap((o) => [officerItem(tenant, o, now), ...(nipsClaimed.has(o.nip) ? [] : [nipItem(tenant, o)]), ...chainItems(tenant, o)]);
  await batchPut(items, { concurrency: 16, onProgress: onProgress && ((n) => onProgress(Math.min(officers.length, Math.floor((n / items.length) * officers.length)))) });
  await batchDelete(stalePairs);
}

async function batchDelete(list: Key[]): Promise<void> {
  for (let i = 0; i < list.length; i += 25) {
    let requests = list.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 0; requests.length > 0 && attempt < 10; attempt++) {
      const out = await ddb().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
      requests = (out.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
    }
  }
}

/** A NIP the import wants to create is already held by another officer (another import won the race). */
export class NipTaken extends Error {
  constructor(readonly nip: string) { super(`NIP ${nip} is already registered`); this.name = 'NipTaken'; }
}

/**
 * Claims new NIPs with conditional puts (in transactions of 100: one round trip per hundred, where
 * single puts made a city's import wait on thousands), so two imports can never both register one
 * NIP, in one tenant or two. All or nothing: if one claim fails, the claims made here are released.
 */
export async function claimNips(tenant: string, officers: readonly Officer[], concurrency = 4): Promise<void> {
  const chunks: Officer[][] = [];
  for (let i = 0; i < officers.length; i += 100) chunks.push(officers.slice(i, i + 100));
  const claimed: Officer[] = [];
  let taken: string | undefined;
  let next = 0;
  const worker = async () => {
    while (next < chunks.length && !taken) {
      const chunk = chunks[next++]!;
      for (let attempt = 0; ; attempt++) {
        try {
          await ddb().send(new TransactWriteCommand({
            TransactItems: chunk.map((o) => ({ Put: { TableName: tableName(), Item: nipItem(tenant, o), ConditionExpression: 'attribute_not_exists(PK)' } })),
          }));
          claimed.push(...chunk);
          break;
        } catch (error) {
          const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
          const failedAt = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
          if (failedAt >= 0) { taken = chunk[failedAt]!.nip; break; }
          // Another transaction touched one of these NIPs at the same moment: try again, briefly.
          if (reasons.some((r) => r.Code === 'TransactionConflict') && attempt < 5) { await new Promise((r) => setTimeout(r, 50 * 2 ** attempt)); continue; }
          throw error;
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  } catch (error) {
    await batchDelete(claimed.map((o) => keys.nip(o.nip)));
    throw error;
  }
  if (taken) {
    await batchDelete(claimed.map((o) => keys.nip(o.nip)));
    throw new NipTaken(taken);
  }
}

export async function getOfficers(tenant: string, ids: readonly string[]): Promise<Officer[]> {
  const items = await batchGet(ids.map((id) => keys.officer(tenant, id)));
  const byId = new Map(items.map((i) => [i.id as string, officerView(i)]));
  return ids.map((id) => byId.get(id)).filter((o): o is Officer => o !== undefined);
}

/** True when `ancestorId` stands above `officerId` in the chain (one GetItem). */
export async function isAncestor(tenant: string, ancestorId: string, officerId: string): Promise<boolean> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.chainEntry(tenant, ancestorId, officerId), ProjectionExpression: 'PK' }));
  return res.Item !== undefined;
}

/** Every officer id below a supervisor (one Query, paged through: bounded by the team's size). */
export async function teamIds(tenant: string, ancestorId: string): Promise<{ officerId: string; agencyId: string }[]> {
  return queryAll<{ officerId: string; agencyId: string }>({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.chainOf(tenant, ancestorId) },
    ProjectionExpression: 'officerId, agencyId',
  });
}

export interface OfficerPageQuery { limit: number; startKey?: Record<string, unknown>; q?: string; statuses?: readonly OfficerStatus[]; unitId?: string }

const statusFilter = (statuses: readonly OfficerStatus[] | undefined) => statuses?.length
  ? { FilterExpression: `#st IN (${statuses.map((_, i) => `:st${i}`).join(', ')})`, names: { '#st': 'status' }, values: Object.fromEntries(statuses.map((s, i) => [`:st${i}`, s])) }
  : undefined;

/** A page of an agency's officers by name: `q` as a name prefix (key condition) or NIP prefix (filter), `unitId` a filter. */
export async function pageOfficersOfAgency(tenant: string, agencyId: string, q: OfficerPageQuery) {
  const byNip = q.q !== undefined && /^\d+$/.test(q.q);
  const filter = statusFilter(q.statuses);
  const filters = [filter?.FilterExpression, byNip ? 'begins_with(nip, :nip)' : undefined, q.unitId ? 'unitId = :unit' : undefined].filter(Boolean);
  const res = await queryPage({
    IndexName: GSI1,
    KeyConditionExpression: q.q && !byNip ? 'GSI1PK = :pk AND begins_with(GSI1SK, :name)' : 'GSI1PK = :pk',
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    ...(filter ? { ExpressionAttributeNames: filter.names } : {}),
    ExpressionAttributeValues: {
      ':pk': keys.officersOfAgency(tenant, agencyId),
      ...(q.q && !byNip ? { ':name': `OFFICER#${q.q.toLowerCase()}` } : {}),
      ...(byNip ? { ':nip': q.q } : {}),
      ...(q.unitId ? { ':unit': q.unitId } : {}),
      ...filter?.values,
    },
  }, q);
  return { items: res.items.map(officerView), lastKey: res.lastKey };
}

/** A page of the tenant's directory by NIP or name prefix; the profiles are read for the page only. */
export async function pageDirectory(tenant: string, q: OfficerPageQuery & { q: string }) {
  const byNip = /^\d+$/.test(q.q);
  const res = await queryPage<{ officerId: string }>({
    IndexName: byNip ? GSI1 : GSI2,
    KeyConditionExpression: byNip ? 'GSI1PK = :pk AND begins_with(GSI1SK, :q)' : 'GSI2PK = :pk AND begins_with(GSI2SK, :q)',
    ExpressionAttributeValues: { ':pk': byNip ? keys.directoryByNip(tenant) : keys.directoryByName(tenant), ':q': byNip ? q.q : q.q.toLowerCase() },
  }, q);
  const officers = await getOfficers(tenant, res.items.map((i) => i.officerId));
  const wanted = q.statuses ? new Set(q.statuses) : undefined;
  return { items: officers.filter((o) => !wanted || wanted.has(o.status ?? 'aktif')), lastKey: res.lastKey };
}

/** A page of a supervisor's whole team (chain pairs), profiles read for the page only. */
export async function pageTeam(tenant: string, ancestorId: string, q: OfficerPageQuery & { agencyId?: string }) {
  const res = await queryPage<{ officerId: string }>({
    KeyConditionExpression: 'PK = :pk',
    ...(q.agencyId ? { FilterExpression: 'agencyId = :a' } : {}),
    ExpressionAttributeValues: { ':pk': keys.chainOf(tenant, ancestorId), ...(q.agencyId ? { ':a': q.agencyId } : {}) },
  }, q);
  const officers = await getOfficers(tenant, res.items.map((i) => i.officerId));
  const wanted = q.statuses ? new Set(q.statuses) : undefined;
  const prefix = q.q?.toLowerCase();
  return {
    items: officers.filter((o) => (!wanted || wanted.has(o.status ?? 'aktif')) && (!prefix || o.name.toLowerCase().startsWith(prefix) || o.nip.startsWith(prefix))
      && (!q.unitId || o.unitId === q.unitId)),
    lastKey: res.lastKey,
  };
}

/** Writes a changed officer (status, e-mail, coefficient, move) on condition it is still as read, with
 *  its audit item; moves also rewrite the directory entry. False when another change came first. */
/** The officer rewritten only if unchanged since `read`, and its audit item: the first two items of a change's transaction. */
export const officerChangeItems = (tenant: string, next: Officer, read: Officer & { updatedAt?: string }, audit: Record<string, unknown>, now: string, subject = 'officer') => [
  {
    Put: {
      TableName: tableName(), Item: officerItem(tenant, next, now),
      ConditionExpression: read.updatedAt ? 'updatedAt = :u' : 'attribute_not_exists(updatedAt)',
      ...(read.updatedAt ? { ExpressionAttributeValues: { ':u': read.updatedAt } } : {}),
    },
  },
  { Put: { TableName: tableName(), Item: { ...keys.officerAudit(tenant, next.id, now), type: 'audit', subject, tenant, officerId: next.id, ...audit } } },
];

export async function saveOfficerChange(tenant: string, next: Officer, read: Officer & { updatedAt?: string }, audit: Record<string, unknown>, now: string): Promise<boolean> {
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [
        ...officerChangeItems(tenant, next, read, audit, now),
        ...(next.agencyId !== read.agencyId ? [{ Put: { TableName: tableName(), Item: nipItem(tenant, next) } }] : []),
      ],
    }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') return false;
    throw error;
  }
}

export async function getOfficerItem(tenant: string, officerId: string): Promise<(Officer & { updatedAt?: string }) | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.officer(tenant, officerId), ConsistentRead: true }));
  return res.Item ? { ...officerView(res.Item), ...(res.Item.updatedAt ? { updatedAt: res.Item.updatedAt as string } : {}) } : undefined;
}

/** Rewrites the chains of officers whose ancestors changed (a supervisor moved): items and pairs. */
export async function saveChains(tenant: string, changes: readonly { officer: Officer; before: readonly string[] }[]): Promise<void> {
  const stale: Key[] = [];
  for (const { officer, before } of changes) {
    for (const a of before) if (!officer.ancestors?.includes(a)) stale.push(keys.chainEntry(tenant, a, officer.id));
  }
  await batchPut(changes.flatMap(({ officer }) => chainItems(tenant, officer)));
  await Promise.all(changes.map(({ officer }) => ddb().send(new UpdateCommand({
    TableName: tableName(), Key: keys.officer(tenant, officer.id),
    UpdateExpression: 'SET ancestors = :a', ExpressionAttributeValues: { ':a': officer.ancestors ?? [] },
  }))));
  await batchDelete(stale);
}

export async function setOfficerStatus(tenant: string, officerId: string, status: OfficerStatus): Promise<void> {
  await ddb().send(new UpdateCommand({
    TableName: tableName(), Key: keys.officer(tenant, officerId),
    UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': status },
  }));
}

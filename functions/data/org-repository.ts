// Organisation: agencies (OPD), service units, officers and the NIP index.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.js';
import { batchGet, batchPut, queryAll } from './batch.js';
import { keys } from './keys.js';
import { GSI1, GSI2 } from './table.js';

export interface Agency { id: string; name: string; shortName: string; kind: string; orgRating?: string }
export interface Unit { id: string; agencyId: string; name: string; kind: string; yearlyServiceUsers?: number }
export interface Officer {
  id: string; nip: string; name: string; position: string; grade: string;
  agencyId: string; unitId: string | null; supervisorId: string | null;
}
export interface NipEntry { nip: string; tenant: string; officerId: string }

export const officerView = (item: Record<string, unknown>): Officer => ({
  id: item.id as string, nip: item.nip as string, name: item.name as string, position: item.position as string,
  grade: item.grade as string, agencyId: item.agencyId as string,
  unitId: (item.unitId as string) ?? null, supervisorId: (item.supervisorId as string) ?? null,
});

/** The tenant partition in one Query: policy, agencies and units. */
export async function getTenantOrg(tenant: string): Promise<{ agencies: Agency[]; units: Unit[]; policy?: Record<string, unknown> }> {
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.tenantPartition(tenant) },
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
    GSI1PK: keys.officersOfAgency(tenant, o.agencyId),
    GSI1SK: keys.officerAgencySort(o.name, o.id),
    ...(o.supervisorId ? { GSI2PK: keys.subordinatesOf(tenant, o.supervisorId), GSI2SK: keys.subordinateSort(o.id) } : {}),
    updatedAt: now,
  };
}

export const nipItem = (tenant: string, o: Pick<Officer, 'nip' | 'id'>) => ({ ...keys.nip(o.nip), type: 'nip', nip: o.nip, tenant, officerId: o.id });

/** Writes officers and their NIP entries (validated beforehand by the caller). */
export async function putOfficers(tenant: string, officers: Officer[], onProgress?: (done: number) => void): Promise<void> {
  const now = new Date().toISOString();
  const items = officers.flatMap((o) => [officerItem(tenant, o, now), nipItem(tenant, o)]);
  await batchPut(items, { concurrency: 16, onProgress: onProgress && ((n) => onProgress(Math.floor(n / 2))) });
}

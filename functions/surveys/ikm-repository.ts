// IKM of a unit, agency or tenant for any period (month, quarter, year): one Query over the scope's
// monthly rollups, summed, then the PermenPANRB 14/2017 formula. Other features import these.
import { ikmFromSums, type IkmResult, type IkmSums } from '../domain/ikm.js';
import { monthsOf } from '../domain/periods.js';
import { queryAll } from '../data/batch.js';
import * as keys from '../data/keys.js';
import { GSI1 } from '../data/table.js';
import { sumRollups } from './aggregate.js';

/** SK range of a period's months (month items only: `PERIOD#YYYY-MM…`). */
function monthRange(period: string): { from: string; to: string } {
  const months = monthsOf(period);
  return { from: keys.periodSort(months[0]!), to: `${keys.periodSort(months.at(-1)!)}~` };
}

async function seriesSums(pk: string, period: string, index?: string): Promise<IkmSums> {
  const { from, to } = monthRange(period);
  const [pkName, skName] = index ? ['GSI1PK', 'GSI1SK'] : ['PK', 'SK'];
  const items = await queryAll<Record<string, unknown>>({
    ...(index ? { IndexName: index } : {}),
    KeyConditionExpression: `${pkName} = :pk AND ${skName} BETWEEN :from AND :to`,
    ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
  });
  return sumRollups(items);
}

export const unitIkmSums = (tenant: string, unitId: string, period: string) => seriesSums(keys.unitRollupSeries(tenant, unitId), period, GSI1);
export const agencyIkmSums = (tenant: string, agencyId: string, period: string) => seriesSums(keys.agencyRollupSeries(tenant, agencyId), period, GSI1);
export const tenantIkmSums = (tenant: string, period: string) => seriesSums(keys.tenantRollup(tenant, '').PK, period);

export async function unitIkm(tenant: string, unitId: string, period: string): Promise<IkmResult | null> {
  return ikmFromSums(await unitIkmSums(tenant, unitId, period));
}

/** IKM of every unit of the tenant that has respondents in the period, in one Query over the unit rollup partition
 *  (for a job that needs many units at once; a unit absent from the map has no rollup: unitIkm gives it null too). */
export async function unitIkmsOfTenant(tenant: string, period: string): Promise<Map<string, IkmResult | null>> {
  const items = await unitRollupsOfTenant(tenant, period);
  const byUnit = new Map<string, Record<string, unknown>[]>();
  for (const i of items) byUnit.set(String(i.unitId), [...(byUnit.get(String(i.unitId)) ?? []), i]);
  return new Map([...byUnit].map(([unitId, list]) => [unitId, ikmFromSums(sumRollups(list))]));
}

export async function agencyIkm(tenant: string, agencyId: string, period: string): Promise<IkmResult | null> {
  return ikmFromSums(await agencyIkmSums(tenant, agencyId, period));
}

export async function tenantIkm(tenant: string, period: string): Promise<IkmResult | null> {
  return ikmFromSums(await tenantIkmSums(tenant, period));
}

/** Every unit × month rollup of the period's months (items carry unitId, agencyId, period and the sums): one Query. */
export function unitRollupsOfTenant(tenant: string, period: string): Promise<Record<string, unknown>[]> {
  const { from, to } = monthRange(period);
  return queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.unitRollup(tenant, '-', '-').PK, ':from': from, ':to': to },
  });
}

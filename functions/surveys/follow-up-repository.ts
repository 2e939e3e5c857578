// SKM follow-up items (one per unit × survey period, in the tenant's follow-up partition, GSI1 per
// agency) and their per tenant × year and agency × year action counts, written in one transaction.
import { queryPage } from '../data/batch.js';
import * as keys from '../data/keys.js';
import type { Key } from '../data/keys.js';
import { GSI1 } from '../data/table.js';
import { insertCounted, patchAction, yearStats, type ActionChange, type ActionOwnerItem, type ActionPatchSpec } from '../data/action-repository.js';
import { openActionChanges, openActionItems } from '../data/open-actions.js';
import { countActions } from '../domain/action-items.js';
import type { IkmKey } from '../domain/ikm.js';
import { publicFollowUpItem } from '../transparency/repository.js';

export interface FollowUp extends ActionOwnerItem {
  id: string;
  tenant: string;
  unitId: string;
  unitName: string;
  agencyId: string;
  /** Survey period `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
  period: string;
  /** The elements followed up, with their NRR when the plan was made. */
  elements: { key: IkmKey; nrr: number }[];
  ikm: number;
  respondents: number;
}

/** `unitId.period`: one follow-up per unit and period, and the id names its key (a period holds no dot). */
export const followUpId = (unitId: string, period: string) => `${unitId}.${period}`;
export function followUpKeyOf(tenant: string, id: string): Key | undefined {
  const dot = id.lastIndexOf('.');
  return dot > 0 ? keys.followUp(tenant, id.slice(0, dot), id.slice(dot + 1)) : undefined;
}

const statsOf = (f: Pick<FollowUp, 'tenant' | 'agencyId' | 'period'>) => yearStats('followUpStats', f.tenant, f.period.slice(0, 4), f.agencyId, keys.followUpStats);

export const followUpItem = (f: FollowUp) => ({
  ...keys.followUp(f.tenant, f.unitId, f.period), type: 'followUp',
  GSI1PK: keys.followUpsOfAgency(f.tenant, f.agencyId), GSI1SK: keys.followUpAgencySort(f.period, f.unitId), ...f,
});
const view = ({ PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _s1, type: _t, ...rest }: Record<string, unknown>) => rest as unknown as FollowUp;

/** Stores a new follow-up, counts it and writes its public digest and its open actions by due day (for the daily
 *  pass); false when the unit already has one for the period. */
export const insertFollowUp = (f: FollowUp): Promise<boolean> =>
  insertCounted(followUpItem(f), statsOf(f), { followUps: 1, ...countActions(f.actions) }, undefined, publicFollowUpItem(f), openActionItems(f, 'followUp'));

export interface FollowUpScope { unitId?: string; agencyId?: string; period?: string }

/** The Query a list reads: a unit's (by SK prefix), an agency's (GSI1), or the tenant's; newest period first where sorted by it. */
export function followUpQuery(tenant: string, q: FollowUpScope) {
  if (q.agencyId) {
    const prefix = q.period ? `PERIOD#${q.period}#UNIT#` : 'PERIOD#';
    return { partition: { GSI1PK: keys.followUpsOfAgency(tenant, q.agencyId) } as Record<string, string>, input: {
      IndexName: GSI1, ScanIndexForward: false,
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.followUpsOfAgency(tenant, q.agencyId), ':prefix': prefix },
    } };
  }
  const pk = keys.followUpsOfTenant(tenant);
  const prefix = q.unitId ? (q.period ? keys.followUp(tenant, q.unitId, q.period).SK : `FOLLOWUP#${q.unitId}#`) : 'FOLLOWUP#';
  const filter = !q.unitId && q.period ? { FilterExpression: 'period = :period', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix, ':period': q.period } } : {};
  return { partition: { PK: pk } as Record<string, string>, input: {
    ScanIndexForward: false,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    ...filter,
  } };
}

export async function pageFollowUps(tenant: string, q: FollowUpScope, page: { limit: number; startKey?: Record<string, unknown> }) {
  const { items, lastKey } = await queryPage(followUpQuery(tenant, q).input, page);
  return { items: items.map(view), lastKey };
}

export async function patchFollowUpAction(
  tenant: string, id: string, change: ActionChange,
  rules: Pick<ActionPatchSpec<FollowUp>, 'authorize' | 'errors'>,
): Promise<FollowUp> {
  const key = followUpKeyOf(tenant, id);
  if (!key) throw rules.errors.item();
  return view(await patchAction<FollowUp>({ key, ...rules, stats: statsOf, digest: publicFollowUpItem, index: (before, after) => openActionChanges(before, after, 'followUp') }, change) as unknown as Record<string, unknown>);
}

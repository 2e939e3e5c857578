// Public forum items (one per forum, by id; GSI1 the tenant's by date, GSI2 an agency's) and the
// per tenant × year and agency × year counts of forums and actions, written in one transaction.
import { queryPage } from '../data/batch.js';
import * as keys from '../data/keys.js';
import { GSI1, GSI2 } from '../data/table.js';
import { insertCounted, patchAction, yearStats, type ActionChange, type ActionOwnerItem, type ActionPatchSpec, type TransactItem } from '../data/action-repository.js';
import { openActionChanges, openActionItems } from '../data/open-actions.js';
import { countActions } from '../domain/action-items.js';
import type { IkmKey } from '../domain/ikm.js';
import { publicForumItem } from '../transparency/repository.js';

export interface Forum extends ActionOwnerItem {
  id: string;
  tenant: string;
  agencyId: string;
  unitId?: string;
  date: string;
  place: string;
  participants: { citizens: number; officers: number };
  minutes: string;
  issues: { text: string; element?: IkmKey }[];
}

const statsOf = (f: Pick<Forum, 'tenant' | 'agencyId' | 'date'>) => yearStats('forumStats', f.tenant, f.date.slice(0, 4), f.agencyId, keys.forumStats);

export const forumItem = (f: Forum) => ({
  ...keys.forum(f.tenant, f.id), type: 'forum',
  GSI1PK: keys.forumsOfTenant(f.tenant), GSI1SK: keys.forumSort(f.date, f.id),
  GSI2PK: keys.forumsOfAgency(f.tenant, f.agencyId), GSI2SK: keys.forumSort(f.date, f.id),
  ...f,
});
const view = ({ PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _s1, GSI2PK: _g2, GSI2SK: _s2, type: _t, ...rest }: Record<string, unknown>) => rest as unknown as Forum;

/**
 * Stores a forum and counts it (forums held, actions open) for its tenant and agency in its year,
 * with its public digest for the transparency page and its open actions by due day (for the daily pass).
 * `claim` (an Idempotency-Key's Put) goes first in the same transaction: false when it was taken.
 */
export const insertForum = (f: Forum, claim?: TransactItem): Promise<boolean> =>
  insertCounted(forumItem(f), statsOf(f), { forums: 1, ...countActions(f.actions) }, claim, publicForumItem(f), openActionItems(f, 'forum'));

/** The Query of a list: an agency's forums (GSI2) or the tenant's (GSI1), newest first, a year's by SK range. */
export function forumQuery(tenant: string, q: { agencyId?: string; unitId?: string; year?: number }) {
  const [index, pkName, skName, pk] = q.agencyId
    ? [GSI2, 'GSI2PK', 'GSI2SK', keys.forumsOfAgency(tenant, q.agencyId)]
    : [GSI1, 'GSI1PK', 'GSI1SK', keys.forumsOfTenant(tenant)];
  const [from, to] = q.year ? [`DATE#${q.year}-01-01`, `DATE#${q.year}-12-31~`] : ['DATE#', 'DATE#~'];
  return { partition: { [pkName]: pk }, input: {
    IndexName: index, ScanIndexForward: false,
    KeyConditionExpression: `${pkName} = :pk AND ${skName} BETWEEN :from AND :to`,
    ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to, ...(q.unitId ? { ':unit': q.unitId } : {}) },
    // A unit's forums are few among its agency's: a filter on one page, never a second read.
    ...(q.unitId ? { FilterExpression: 'unitId = :unit' } : {}),
  } };
}

export async function pageForums(tenant: string, q: { agencyId?: string; unitId?: string; year?: number }, page: { limit: number; startKey?: Record<string, unknown> }) {
  const { items, lastKey } = await queryPage(forumQuery(tenant, q).input, page);
  return { items: items.map(view), lastKey };
}

export async function patchForumAction(tenant: string, id: string, change: ActionChange, rules: Pick<ActionPatchSpec<Forum>, 'authorize' | 'errors'>): Promise<Forum> {
  return view(await patchAction<Forum>({ key: keys.forum(tenant, id), ...rules, stats: statsOf, digest: publicForumItem, index: (before, after) => openActionChanges(before, after, 'forum') }, change) as unknown as Record<string, unknown>);
}

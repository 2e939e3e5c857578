// What the transparency page reads, all pre-aggregated: the public digests of forums and SKM
// follow-ups (written in their writers' transactions, beside the year's counts), the complaint
// counters of a filing year, the unit IKM rollups and the award count. One Query (or GetItem) per section.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../data/batch.js';
import { ddb, tableName } from '../data/client.js';
import * as keys from '../data/keys.js';
import type { Key } from '../data/keys.js';
import type { IkmKey } from '../domain/ikm.js';
import type { ActionStatus } from '../domain/action-items.js';
import type { Forum } from '../forums/repository.js';
import type { FollowUp } from '../surveys/follow-up-repository.js';

/** An action as the public sees it: its title and status (no owner, note, or who changed it). */
export interface PublicAction { title: string; status: ActionStatus }
const publicActions = (actions: readonly { title: string; status: ActionStatus }[]): PublicAction[] => actions.map(({ title, status }) => ({ title, status }));

export interface PublicForum {
  id: string; agencyId: string; unitId?: string; date: string; place: string;
  issues: { text: string; element?: IkmKey }[];
  actions: PublicAction[];
}

export interface PublicFollowUp {
  id: string; agencyId: string; unitId: string; period: string;
  elements: IkmKey[];
  actions: PublicAction[];
}

/** DESIGN §2 Transparency page: date, place, issues raised, each action's title and status. Never the minutes' author or owners. */
export function publicForumItem(f: Forum): Record<string, unknown> {
  const digest: PublicForum = {
    id: f.id, agencyId: f.agencyId, ...(f.unitId ? { unitId: f.unitId } : {}), date: f.date, place: f.place,
    issues: f.issues.map((i) => ({ text: i.text, ...(i.element ? { element: i.element } : {}) })),
    actions: publicActions(f.actions),
  };
  return { ...keys.publicForum(f.tenant, f.date.slice(0, 4), f.date, f.id), type: 'publicForum', tenant: f.tenant, ...digest };
}

export function publicFollowUpItem(f: FollowUp): Record<string, unknown> {
  const digest: PublicFollowUp = {
    id: f.id, agencyId: f.agencyId, unitId: f.unitId, period: f.period,
    elements: f.elements.map((e) => e.key), actions: publicActions(f.actions),
  };
  return { ...keys.publicFollowUp(f.tenant, f.period.slice(0, 4), f.period, f.unitId), type: 'publicFollowUp', tenant: f.tenant, ...digest };
}

type Item = Record<string, unknown>;

/** A year's range of a stats partition: the tenant's counts (`YEAR#y`), each agency's, and the digests. */
const yearOf = (key: Key) => queryAll<Item>({
  KeyConditionExpression: 'PK = :pk AND begins_with(SK, :year)',
  ExpressionAttributeValues: { ':pk': key.PK, ':year': key.SK },
});

const counts = <K extends string>(item: Item | undefined, names: K[]) => Object.fromEntries(names.map((n) => [n, Number(item?.[n] ?? 0)])) as Record<K, number>;

export async function forumsOfYear(tenant: string, year: string) {
  const items = await yearOf(keys.forumStats(tenant, year));
  const digests = items.filter((i) => i.type === 'publicForum').map(({ PK: _p, SK: _s, type: _t, tenant: _n, ...d }) => d as unknown as PublicForum);
  return { ...counts(items.find((i) => i.SK === `YEAR#${year}`), ['forums', 'actionsOpen', 'actionsDone']), items: digests.reverse() };
}

export async function followUpsOfYear(tenant: string, year: string) {
  const items = await yearOf(keys.followUpStats(tenant, year));
  const digests = items.filter((i) => i.type === 'publicFollowUp').map(({ PK: _p, SK: _s, type: _t, tenant: _n, ...d }) => d as unknown as PublicFollowUp);
  return { ...counts(items.find((i) => i.SK === `YEAR#${year}`), ['followUps', 'actionsOpen', 'actionsDone']), items: digests.reverse() };
}

/** The complaint counters of a filing year: the city's and each agency's, in one Query. */
export async function complaintCountersOfYear(tenant: string, year: string): Promise<{ city: Record<string, number>; agencies: Map<string, Record<string, number>> }> {
  const items = await queryAll<Item>({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.complaintStats(tenant, year, null).PK } });
  const strip = ({ PK: _p, SK: _s, type: _t, year: _y, ...c }: Item) => c as Record<string, number>;
  const city = items.find((i) => i.SK === 'TENANT');
  const agencies = new Map(items.filter((i) => String(i.SK).startsWith('AGENCY#')).map((i) => [String(i.SK).slice('AGENCY#'.length), strip(i)]));
  return { city: city ? strip(city) : {}, agencies };
}

export async function awardCount(tenant: string, year: string): Promise<number> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.awardStats(tenant, year) }));
  return Number(res.Item?.count ?? 0);
}

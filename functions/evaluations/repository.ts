// Evaluation items (officer partition, SK EVAL#period), agency curve checks and their rollup share.
import { BatchExecuteStatementCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionFailed } from '../data/conditions.js';
import { batchGet, batchPut, inParallel, queryAll, queryPage } from '../data/batch.js';
import { GSI1, GSI2 } from '../data/table.js';
import { ddb, tableName } from '../data/client.js';
import * as keys from '../data/keys.js';
import { addToRollups, rollupTargets } from '../data/rollup-repository.js';
import { isMonthPeriod } from '../domain/periods.js';
import type { CurveCheck } from '../domain/curve.js';
import type { Flag } from '../domain/flags.js';
import type { OrgRating, Predikat } from '../domain/types.js';
import type { EvaluationResult } from './evaluate-officer.js';

export interface Objection {
  id: string;
  reason: string;
  filedAt: string;
  filedBy: string;
  /** The supervisor's supervisor, who decides (null: the BKPSDM decides, the officer has no such chain). */
  deciderId: string | null;
  status: 'pending' | 'upheld' | 'amended';
  decision?: { decision: 'uphold' | 'amend'; note: string; amendedPredikat?: Predikat; decidedBy: string; decidedAt: string };
}

export interface Evaluation extends EvaluationResult {
  id: string;
  tenant: string;
  officerId: string;
  agencyId: string;
  unitId: string | null;
  period: string;
  runId: string;
  evaluatedAt: string;
  /** Set where publication is known at write time (the seed); otherwise the end of run `runId`. */
  publishedAt?: string;
  objection?: Objection;
  /** When the first run wrote it (absent on items written before it was kept: evaluatedAt then). */
  firstEvaluatedAt?: string;
  /** Reruns that changed the result, oldest first (the audit trail of the evaluation). */
  history?: EvaluationChange[];
}

export interface EvaluationChange { at: string; runId: string; changes: string[] }

export const evaluationId = (officerId: string, period: string) => `${officerId}.${period}`;

export function parseEvaluationId(id: string): { officerId: string; period: string } | undefined {
  const dot = id.lastIndexOf('.');
  return dot > 0 ? { officerId: id.slice(0, dot), period: id.slice(dot + 1) } : undefined;
}

/** The decider key of objections the BKPSDM decides (no supervisor's supervisor). */
export const BKPSDM_DECIDER = '-bkpsdm';

/** GSI2 partition of a decider's objections in one state (pending or decided). */
export const objectionQueue = (tenant: string, deciderId: string, status: 'pending' | 'decided') => `TENANT#${tenant}#OBJECTIONS#${deciderId}#${status}`;

/** GSI1 partition of a period's evaluations as items written before the run membership pages carried it
 *  (keys.evaluationMembers): still read for a period no run has published since; cursors of the period's
 *  lists name it as before. */
export const evaluationsOfPeriod = (tenant: string, period: string) => `TENANT#${tenant}#EVALS#${period}`;

/** The evaluation item: the officer's partition only. Who is evaluated in a period is the run's
 *  membership pages, so the item needs no index entry (1 WCU, not 2). */
export const evaluationItem = (e: Evaluation) => ({
  ...keys.evaluation(e.tenant, e.officerId, e.period), type: 'evaluation', ...e,
  // An objection sits in its decider's queue (GSI2): pending until decided.
  ...(e.objection ? {
    GSI2PK: objectionQueue(e.tenant, e.objection.deciderId ?? BKPSDM_DECIDER, e.objection.status === 'pending' ? 'pending' : 'decided'),
    GSI2SK: `${e.objection.filedAt}#${e.id}`,
  } : {}),
});

const view = ({ PK: _pk, SK: _sk, type: _t, GSI1PK: _g1, GSI1SK: _g1s, GSI2PK: _g, GSI2SK: _gs, ...rest }: Record<string, unknown>) => rest as unknown as Evaluation;

/** The predikat that counts: the amended one after an upheld-by-amendment objection. */
export const finalPredikat = (e: Pick<Evaluation, 'predikat' | 'objection'>): Predikat | null =>
  e.objection?.decision?.amendedPredikat ?? e.predikat;

/** What a rerun changed in a result, as the history shows it ("predikat BAIK → SANGAT_BAIK"). */
export function resultChanges(before: EvaluationResult, after: EvaluationResult): string[] {
  const flagCodes = (r: EvaluationResult) => r.flags.map((f) => f.code).sort().join(', ') || '–';
  const pairs: [string, unknown, unknown][] = [
    ['capaian', before.capaian, after.capaian], ['hasilKerja', before.hasilKerja, after.hasilKerja], ['perilaku', before.perilaku, after.perilaku],
    ['predikat', before.predikat, after.predikat], ['ikm', before.ikm, after.ikm], ['trainingJp', before.trainingJp, after.trainingJp],
    ['flags', flagCodes(before), flagCodes(after)],
  ];
  const changes = pairs.filter(([, a, b]) => a !== b).map(([k, a, b]) => `${k} ${a ?? '–'} → ${b ?? '–'}`);
  return changes.length ? changes : ['recommendations'];
}

/** The result fields whose equality means a rerun changed nothing. */
export const resultOf = (e: EvaluationResult): EvaluationResult => ({
  capaian: e.capaian, hasilKerja: e.hasilKerja, perilaku: e.perilaku, predikat: e.predikat, ikm: e.ikm,
  trainingJp: e.trainingJp, flags: e.flags, recommendations: e.recommendations,
  ...(e.substantiatedComplaints?.length ? { substantiatedComplaints: e.substantiatedComplaints } : {}),
});

export async function getEvaluation(tenant: string, officerId: string, period: string): Promise<Evaluation | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.evaluation(tenant, officerId, period), ConsistentRead: true }));
  return res.Item ? view(res.Item) : undefined;
}


/** Files the objection on the evaluation (never over another one) and queues it for its decider. */
export async function fileObjectionItem(tenant: string, e: Evaluation, objection: Objection): Promise<boolean> {
  try {
    await ddb().send(new UpdateCommand({
      TableName: tableName(),
      Key: keys.evaluation(tenant, e.officerId, e.period),
      UpdateExpression: 'SET objection = :o, GSI2PK = :q, GSI2SK = :s',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(objection)',
      ExpressionAttributeValues: { ':o': objection, ':q': objectionQueue(tenant, objection.deciderId ?? BKPSDM_DECIDER, 'pending'), ':s': `${objection.filedAt}#${e.id}` },
    }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/** Records the decision (only on a pending objection) with the flags and recommendations of the final predikat. */
export async function decideObjectionItem(tenant: string, e: Evaluation, decided: Objection, outcome: Pick<Evaluation, 'flags' | 'recommendations'>): Promise<boolean> {
  try {
    await ddb().send(new UpdateCommand({
      TableName: tableName(),
      Key: keys.evaluation(tenant, e.officerId, e.period),
      UpdateExpression: 'SET objection = :o, flags = :f, recommendations = :r, GSI2PK = :q',
      ConditionExpression: 'objection.#s = :pending',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':o': decided, ':f': outcome.flags, ':r': outcome.recommendations, ':pending': 'pending',
        ':q': objectionQueue(tenant, decided.deciderId ?? BKPSDM_DECIDER, 'decided'),
      },
    }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

export async function pageObjections(tenant: string, deciderId: string, status: 'pending' | 'decided', page: { limit: number; startKey?: Record<string, unknown> }) {
  const res = await queryPage({
    IndexName: GSI2,
    KeyConditionExpression: 'GSI2PK = :q',
    ExpressionAttributeValues: { ':q': objectionQueue(tenant, deciderId, status) },
  }, page);
  return { items: res.items.map(view), lastKey: res.lastKey };
}

/** When an evaluation was published: its own stamp, else the end of the run that last changed it
 *  (null while that run is running); an evaluation whose run record has expired counts from evaluatedAt. */
export function publicationOf(e: Pick<Evaluation, 'evaluatedAt' | 'publishedAt'>, run: { status: string; endedAt?: string | null } | undefined): string | null {
  if (e.publishedAt) return e.publishedAt;
  if (!run) return e.evaluatedAt;
  return run.status === 'running' ? null : (run.endedAt ?? e.evaluatedAt);
}

export async function publishedAt(tenant: string, e: Pick<Evaluation, 'runId' | 'evaluatedAt' | 'publishedAt'>): Promise<string | null> {
  if (e.publishedAt) return e.publishedAt;
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.evaluationRun(tenant, e.runId), ConsistentRead: true }));
  return publicationOf(e, res.Item as { status: string; endedAt?: string | null } | undefined);
}


/** A run's write lost to another writer between its read and its write: the batch is retried and re-reads. */
export class EvaluationChanged extends Error {
  constructor(readonly evaluationId: string) {
    super(`evaluation ${evaluationId} changed since it was read`);
    this.name = 'EvaluationChanged';
  }
}

/** Writes of one message in flight (a message is up to 100 officers). */
const WRITE_CONCURRENCY = 25;
/** BatchExecuteStatement takes at most 25 statements. */
const INSERTS_PER_CALL = 25;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A PartiQL INSERT of the whole item: it fails (DuplicateItem) when an item with its key exists, the
 *  condition a PutItem would carry as attribute_not_exists(PK), but 25 of them go in one request. */
export function insertStatement(item: Record<string, unknown>) {
  const attrs = Object.entries(item).filter(([, v]) => v !== undefined);
  return { Statement: `INSERT INTO "${tableName()}" VALUE {${attrs.map(([k]) => `'${k.replace(/'/g, "''")}': ?`).join(', ')}}`, Parameters: attrs.map(([, v]) => v) };
}

/** Inserts new evaluations 25 a request, each on condition that no item exists; statements that failed
 *  for another reason (throttling, an internal error) are retried with backoff. */
async function insertNew(list: readonly Evaluation[]): Promise<void> {
  const chunks = Array.from({ length: Math.ceil(list.length / INSERTS_PER_CALL) }, (_, i) => list.slice(i * INSERTS_PER_CALL, (i + 1) * INSERTS_PER_CALL));
  await inParallel(chunks, 4, async (chunk) => {
    let pending = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 10) throw new Error('BatchExecuteStatement kept failing');
      if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
      const out = await ddb().send(new BatchExecuteStatementCommand({
        Statements: pending.map((e) => insertStatement(evaluationItem({ ...e, firstEvaluatedAt: e.evaluatedAt }))),
        ReturnConsumedCapacity: 'TOTAL',
      }));
      const failed = (out.Responses ?? []).map((r, i) => ({ e: pending[i]!, error: r.Error })).filter((r) => r.error);
      const taken = failed.find((f) => f.error?.Code === 'DuplicateItem' || f.error?.Code === 'ConditionalCheckFailed');
      if (taken) throw new EvaluationChanged(taken.e.id);
      pending = failed.map((f) => f.e);
    }
  });
}

/**
 * New or changed evaluations of a run, each written on condition that the stored item is still what the
 * run read: a new one (none was read) by a PartiQL INSERT, which fails if one exists meanwhile; a changed
 * one by an UpdateItem of its result fields only, conditioned on the run and time it read, so an
 * objection filed meanwhile stays. A run never writes the objection.
 */
export async function writeEvaluations(list: readonly { evaluation: Evaluation; read?: Evaluation }[]): Promise<void> {
  const fresh = list.filter((x) => !x.read).map(({ evaluation: { objection: _o, ...e } }) => e as Evaluation);
  await Promise.all([insertNew(fresh), inParallel(list.filter((x) => x.read), WRITE_CONCURRENCY, async ({ evaluation: e, read }) => {
    try {
      const fields = { ...resultOf(e), agencyId: e.agencyId, unitId: e.unitId, runId: e.runId, evaluatedAt: e.evaluatedAt };
      const names = Object.fromEntries(Object.keys(fields).map((k, i) => [`#f${i}`, k]));
      const values = Object.fromEntries(Object.values(fields).map((v, i) => [`:f${i}`, v]));
      await ddb().send(new UpdateCommand({
        TableName: tableName(),
        Key: keys.evaluation(e.tenant, e.officerId, e.period),
        // A changed result is published anew when this run ends (its own publishedAt, if any, goes), and
        // what changed joins the evaluation's history.
        // A result without substantiated complaints drops a list an earlier run wrote; an item written
        // before the membership pages loses its period index entry (the run's pages list it now).
        UpdateExpression: `SET ${Object.keys(fields).map((_, i) => `#f${i} = :f${i}`).join(', ')}, #h = list_append(if_not_exists(#h, :none), :change) REMOVE publishedAt, GSI1PK, GSI1SK${'substantiatedComplaints' in fields ? '' : ', substantiatedComplaints'}`,
        ConditionExpression: '#run = :readRun AND #at = :readAt',
        ExpressionAttributeNames: { ...names, '#run': 'runId', '#at': 'evaluatedAt', '#h': 'history' },
        ExpressionAttributeValues: {
          ...values, ':readRun': read!.runId, ':readAt': read!.evaluatedAt, ':none': [],
          ':change': [{ at: e.evaluatedAt, runId: e.runId, changes: resultChanges(read!, e) } satisfies EvaluationChange],
        },
      }));
    } catch (error) {
      if (conditionFailed(error)) throw new EvaluationChanged(e.id);
      throw error;
    }
  })]);
}

/** SETs (never ADDs) the evaluation attributes of a month's agency, tenant and national rollups: a rerun writes the same values. */
export async function setEvaluationRollups(tenant: string, agencyId: string | null, period: string, fields: Record<string, number>): Promise<void> {
  const [agency, ...tenantWide] = rollupTargets(tenant, agencyId ?? '-', period);
  const targets = agencyId === null ? tenantWide : [agency!];
  await Promise.all(targets.map((t) => {
    const all = { ...t.identity, ...fields };
    return ddb().send(new UpdateCommand({
      TableName: tableName(),
      Key: t.key,
      UpdateExpression: `SET ${Object.keys(all).map((_, i) => `#a${i} = :a${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(Object.keys(all).map((k, i) => [`#a${i}`, k])),
      ExpressionAttributeValues: Object.fromEntries(Object.values(all).map((v, i) => [`:a${i}`, v])),
    }));
  }));
}

export interface AgencyEvaluation {
  tenant: string;
  agencyId: string;
  agencyName: string;
  period: string;
  /** null: the agency has no rating for the year, so its curve is unchecked. */
  orgRating: OrgRating | null;
  counts: Record<Predikat, number>;
  curve: CurveCheck | null;
  flags: Flag[];
  runId: string;
}

export const agencyEvaluationItem = (a: AgencyEvaluation) => ({
  ...keys.agencyEvaluation(a.tenant, a.agencyId, a.period), type: 'agencyEvaluation', ...a,
  // One agency's periods on GSI1: GET /v1/agencies/{id}/curve reads a year of them in one Query.
  GSI1PK: keys.agencyEvaluationSeries(a.tenant, a.agencyId), GSI1SK: keys.periodSort(a.period),
});

/**
 * An amended objection moves one evaluation from its old final predikat to the new one in the counts
 * the runs aggregated (the agency × period item, and the month's rollups), so the curve and the trends
 * follow the decision without a rerun; a rerun SETs the same numbers, as it counts the amended value.
 */
export async function moveFinalPredikat(e: Pick<Evaluation, 'tenant' | 'agencyId' | 'period'>, from: Predikat | null, to: Predikat): Promise<void> {
  if (from === to) return;
  const names: Record<string, string> = { '#c': 'counts', '#to': to };
  const values: Record<string, unknown> = { ':one': 1, ':zero': 0 };
  const sets = ['#c.#to = if_not_exists(#c.#to, :zero) + :one'];
  if (from) { names['#from'] = from; sets.push('#c.#from = if_not_exists(#c.#from, :one) - :one'); }
  try {
    await ddb().send(new UpdateCommand({
      TableName: tableName(), Key: keys.agencyEvaluation(e.tenant, e.agencyId, e.period),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: 'attribute_exists(PK) AND attribute_exists(#c)', // no run has counted this period: nothing to move
      ExpressionAttributeNames: names, ExpressionAttributeValues: values,
    }));
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
  if (isMonthPeriod(e.period)) await addToRollups(e.tenant, e.agencyId, e.period, { [`eval_${to}`]: 1, ...(from ? { [`eval_${from}`]: -1 } : {}) });
}

export async function putAgencyEvaluations(list: readonly AgencyEvaluation[]): Promise<void> {
  await batchPut(list.map(agencyEvaluationItem));
}

export async function listAgencyEvaluations(tenant: string, period: string): Promise<AgencyEvaluation[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.agencyEvaluationPartition(tenant), ':sk': `PERIOD#${period}#` },
  });
  return items.map(({ PK: _p, SK: _s, type: _t, ...rest }) => rest as unknown as AgencyEvaluation);
}

// --- who a run evaluates: membership pages -----------------------------------------------------------

/** Officer ids per membership page (about 2.5 KB: 3 WCU for a hundred officers). */
export const MEMBERS_PER_PAGE = 100;
/** Membership pages read per Query while a list page is filled. */
const PAGES_PER_READ = 2;

export interface RunMember { id: string; agencyId: string }

/** A run's membership pages: its officers in agency then officer order (as keys sort), a page per agency
 *  and at most MEMBERS_PER_PAGE ids, keyed by its first officer. */
export function membershipItems(tenant: string, period: string, runId: string, officers: readonly RunMember[]) {
  const sorted = officers.map((o) => ({ id: o.id, agencyId: o.agencyId, sort: keys.memberSort(o.agencyId, o.id) })).sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
  const pages: { PK: string; SK: string; type: string; agencyId: string; officerIds: string[] }[] = [];
  for (const o of sorted) {
    const last = pages.at(-1);
    if (last && last.agencyId === o.agencyId && last.officerIds.length < MEMBERS_PER_PAGE) last.officerIds.push(o.id);
    else pages.push({ PK: keys.evaluationMembers(tenant, period, runId), SK: o.sort, type: 'evaluationMembers', agencyId: o.agencyId, officerIds: [o.id] });
  }
  return pages;
}

export async function putRunMembers(tenant: string, period: string, runId: string, officers: readonly RunMember[]): Promise<void> {
  await batchPut(membershipItems(tenant, period, runId, officers));
}

/** The item naming the run a period's readers list; a run never displaces one that started after it. */
export const publishedRunItem = (tenant: string, period: string, runId: string, startedAt: string) => ({
  ...keys.evaluationPeriodRun(tenant, period), type: 'evaluationPeriodRun', tenant, period, runId, startedAt,
});

export async function publishRun(tenant: string, period: string, runId: string, startedAt: string): Promise<void> {
  try {
    await ddb().send(new PutCommand({
      TableName: tableName(), Item: publishedRunItem(tenant, period, runId, startedAt),
      ConditionExpression: 'attribute_not_exists(PK) OR startedAt <= :s', ExpressionAttributeValues: { ':s': startedAt },
    }));
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
}

export async function publishedRunOf(tenant: string, period: string): Promise<string | undefined> {
  const res = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.evaluationPeriodRun(tenant, period), ConsistentRead: true }));
  return res.Item?.runId as string | undefined;
}

type MemberPage = { SK: string; agencyId: string; officerIds: string[] };

/**
 * One page of a period's evaluations (of one agency, or the whole tenant) in agency then officer order:
 * the officers from the membership pages of the period's published run (or of `runId`), their
 * evaluations by key. `startKey.GSI1SK` is the last officer answered (keys.memberSort); the cursor keeps
 * its shape from the GSI1 reading, which is still used for a period no run has published since.
 */
export async function pageEvaluationsOfPeriod(tenant: string, period: string, agencyId: string | undefined, page: { limit: number; startKey?: Record<string, unknown> }, runId?: string) {
  const run = runId ?? (await publishedRunOf(tenant, period));
  if (!run) return legacyPageOfPeriod(tenant, period, agencyId, page);
  const pk = keys.evaluationMembers(tenant, period, run);
  const prefix = agencyId ? `AGENCY#${agencyId}#` : 'AGENCY#';
  const after = typeof page.startKey?.GSI1SK === 'string' && page.startKey.GSI1SK.startsWith(prefix) ? page.startKey.GSI1SK : undefined;
  const refs: { officerId: string; sort: string }[] = [];
  const take = (p: MemberPage) => {
    for (const id of p.officerIds) {
      const sort = keys.memberSort(p.agencyId, id);
      if (!after || sort > after) refs.push({ officerId: id, sort });
    }
  };
  let exclusive: Record<string, unknown> | undefined;
  if (after) {
    // The page that holds the last officer answered: the last one starting at or before it.
    const res = await queryPage<MemberPage>({
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :after',
      ExpressionAttributeValues: { ':pk': pk, ':from': prefix, ':after': after }, ScanIndexForward: false,
    }, { limit: 1 });
    const holder = res.items[0];
    if (holder) { take(holder); exclusive = { PK: pk, SK: holder.SK }; }
  }
  let more = true;
  while (refs.length <= page.limit && more) {
    const res = await queryPage<MemberPage>({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    }, { limit: PAGES_PER_READ, startKey: exclusive });
    res.items.forEach(take);
    exclusive = res.lastKey;
    more = !!exclusive;
  }
  const taken = refs.slice(0, page.limit);
  const ids = [...new Set(taken.map((r) => r.officerId))];
  const found = new Map((await batchGet(ids.map((id) => keys.evaluation(tenant, id, period)))).map((item) => [String(item.officerId), view(item)]));
  return {
    items: taken.map((r) => found.get(r.officerId)).filter((e): e is Evaluation => !!e),
    lastKey: refs.length > page.limit ? { GSI1PK: evaluationsOfPeriod(tenant, period), GSI1SK: taken.at(-1)!.sort } as Record<string, string | number> : undefined,
  };
}

/** A period's evaluations from the GSI1 entries of items written before membership pages (one Query). */
async function legacyPageOfPeriod(tenant: string, period: string, agencyId: string | undefined, page: { limit: number; startKey?: Record<string, unknown> }) {
  const res = await queryPage({
    IndexName: GSI1,
    KeyConditionExpression: agencyId ? 'GSI1PK = :pk AND begins_with(GSI1SK, :agency)' : 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': evaluationsOfPeriod(tenant, period), ...(agencyId ? { ':agency': `AGENCY#${agencyId}#` } : {}) },
  }, page);
  return { items: res.items.map(view), lastKey: res.lastKey };
}

/** A page of an officer's evaluations (newest period first within the year prefix). */
export async function pageEvaluations(tenant: string, officerId: string, prefix: string, page: { limit: number; startKey?: Record<string, unknown> }) {
  const res = await queryPage({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.officerPartition(tenant, officerId), ':sk': `EVAL#${prefix}` },
    ScanIndexForward: false,
  }, page);
  return { items: res.items.map(view), lastKey: res.lastKey };
}

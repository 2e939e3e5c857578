// The reads behind an evaluation, done for a whole batch of officers at once. Two BatchGet rounds
// (chunks in parallel): the period's scores, its evaluation (not on a period's first run, which expects
// none) and the officer-year training total; then
// only the earlier periods that can change a result (see earlierNeeded). Unit IKM, field findings and
// substantiated complaints: one Query each per run (per warm worker).
import { batchGet } from '../data/batch.js';
import * as keys from '../data/keys.js';
import { expectedMonths } from '../domain/officer-status.js';
import { monthsOf, parsePeriod, previousPeriod } from '../domain/periods.js';
import type { TenantPolicy } from '../domain/policy.js';
import type { Predikat } from '../domain/types.js';
import { unitIkmsOfTenant } from '../surveys/ikm-repository.js';
import { jpToMonth } from '../trainings/repository.js';
import { fieldFindingsOfMonths } from '../visits/repository.js';
import { substantiatedComplaintsOfMonths } from '../complaints/repository.js';
import { earlierNeeded, lookBack, type EvaluationInput, type MonthScore } from './evaluate-officer.js';
import type { OfficerRef } from './queue.js';
import { finalPredikat, type Evaluation } from './repository.js';

export interface LoadedInput { input: EvaluationInput; existing?: Evaluation }

type Item = Record<string, unknown> & { PK: string; SK: string };
const at = keys.keyId;
type Key = keys.Key;

/** The periods before `period`, oldest first. */
export function earlierPeriods(period: string, count: number): string[] {
  const out: string[] = [];
  for (let p = period, i = 0; i < count; i++) out.unshift((p = previousPeriod(p)));
  return out;
}

// Every batch of a run needs the same tenant-wide inputs (unit IKMs, the months' field findings and
// substantiated complaints): read once per run in the warm worker (a promise, so concurrent batches
// share the Query), not once per message. A few runs are kept; a failed read is dropped and retried.
// A run evaluates the inputs as they stood when its first message read them; a rerun picks up later ones.
const perRun = new Map<string, Promise<unknown>>();
const RUNS_CACHED = 4;

function oncePerRun<T>(what: string, runId: string | undefined, read: () => Promise<T>): Promise<T> {
  if (!runId) return read();
  const runKey = `${runId}|${what}`;
  let hit = perRun.get(runKey) as Promise<T> | undefined;
  if (!hit) {
    hit = read();
    perRun.set(runKey, hit);
    hit.catch(() => perRun.delete(runKey));
    for (const old of [...perRun.keys()].slice(0, Math.max(0, perRun.size - 3 * RUNS_CACHED))) perRun.delete(old);
  }
  return hit;
}

const unitIkms = (tenant: string, period: string, runId: string | undefined) =>
  oncePerRun(`${tenant}|${period}|ikm`, runId, async () => new Map([...(await unitIkmsOfTenant(tenant, period))].map(([u, r]) => [u, r?.ikm ?? null] as const)));

/** BatchGet in chunks of 100 keys, the chunks in parallel; found items by key. */
async function getAll(wanted: Key[], consistent = false): Promise<Map<string, Item>> {
  const chunks = Array.from({ length: Math.ceil(wanted.length / 100) }, (_, i) => wanted.slice(i * 100, i * 100 + 100));
  const items = (await Promise.all(chunks.map((c) => batchGet<Item>(c, { consistent })))).flat();
  return new Map(items.map((i) => [at(i), i]));
}

/** `readExisting: false` leaves the period's evaluations unread (a period's first run): each is then
 *  taken as absent, and written only where none exists. */
export async function loadEvaluationInputs(tenant: string, officers: readonly OfficerRef[], period: string, policy: TenantPolicy, runId?: string, readExisting = true): Promise<Map<string, LoadedInput>> {
  const months = monthsOf(period);
  const lastMonth = months.at(-1)!;
  const year = lastMonth.slice(0, 4);
  const earlier = earlierPeriods(period, lookBack(policy));
  const isMonth = parsePeriod(period).kind === 'month';
  const [found, ikm, findings, complaints] = await Promise.all([
    // Strongly consistent: the evaluation read here is the version the write is conditioned on.
    getAll(officers.flatMap((o) => [...months.map((m) => keys.score(tenant, o.id, m)), ...(readExisting ? [keys.evaluation(tenant, o.id, period)] : []), keys.trainingYear(tenant, o.id, year)]), true),
    unitIkms(tenant, period, runId),
    // Field findings: one Query per month of the period for the whole tenant (rare items), once per run.
    oncePerRun(`${tenant}|${period}|findings`, runId, () => fieldFindingsOfMonths(tenant, months)),
    // Substantiated complaints likewise: one Query per month for the tenant, once per run.
    oncePerRun(`${tenant}|${period}|complaints`, runId, () => substantiatedComplaintsOfMonths(tenant, months)),
  ]);
  const findingsOf = (o: OfficerRef) => findings.filter((f) => f.officerId === o.id);
  const scoresOf = (o: OfficerRef) => months.map((m) => found.get(at(keys.score(tenant, o.id, m)))).filter((s): s is Item => s !== undefined).map((s) => s as unknown as MonthScore);

  const existingOf = (o: OfficerRef) => found.get(at(keys.evaluation(tenant, o.id, period))) as unknown as Evaluation | undefined;
  const amendedOf = (o: OfficerRef) => existingOf(o)?.objection?.decision?.amendedPredikat ?? null;
  // Earlier periods only where they can matter; the rest stay null, which gives the same result.
  const needed = new Map(officers.map((o) => [o.id, earlier.slice(earlier.length - earlierNeeded({ period, scores: scoresOf(o), policy, amendedPredikat: amendedOf(o) }))] as const));
  const back = await getAll(officers.flatMap((o) => needed.get(o.id)!.flatMap((p) => [
    keys.evaluation(tenant, o.id, p),
    // Before the first run a month's predikat still exists as its score.
    ...(isMonth ? [keys.score(tenant, o.id, p)] : []),
  ])));

  const out = new Map<string, LoadedInput>();
  for (const o of officers) {
    const wanted = new Set(needed.get(o.id));
    const previous = earlier.map((p): Predikat | null => {
      if (!wanted.has(p)) return null;
      const e = back.get(at(keys.evaluation(tenant, o.id, p))) as unknown as Evaluation | undefined;
      if (e) return finalPredikat(e);
      return isMonth ? ((back.get(at(keys.score(tenant, o.id, p)))?.predikat as Predikat | undefined) ?? null) : null;
    });
    const existing = existingOf(o);
    out.set(o.id, {
      input: {
        period, scores: scoresOf(o), ikm: o.unitId ? (ikm.get(o.unitId) ?? null) : null,
        // JP from 1 January to the end of the period's last month.
        trainingJpToDate: jpToMonth(found.get(at(keys.trainingYear(tenant, o.id, year))), lastMonth), previous, policy,
        expectedMonths: expectedMonths(o.statuses, period),
        activeMonthsToDate: expectedMonths(o.statuses, year).filter((m) => m <= lastMonth).length,
        amendedPredikat: amendedOf(o),
        fieldFindings: findingsOf(o).map(({ visitId, unitName, date, note }) => ({ visitId, unitName, date, note })),
        substantiatedComplaints: complaints.filter((c) => c.officerId === o.id).map(({ complaintId, unitId, cause, period: month }) => ({ complaintId, unitId, ...(cause ? { cause } : {}), period: month })),
      },
      existing,
    });
  }
  return out;
}

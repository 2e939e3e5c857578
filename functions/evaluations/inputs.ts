// The reads behind an evaluation, done for a whole batch of officers at once: one BatchGet for the
// scores and earlier evaluations, one training Query per officer, one IKM read per unit.
import { batchGet } from '../data/batch.js';
import { keys } from '../data/keys.js';
import { monthsOf, parsePeriod, previousPeriod } from '../domain/periods.js';
import type { TenantPolicy } from '../domain/policy.js';
import type { Predikat } from '../domain/types.js';
import { unitIkm } from '../surveys/ikm-repository.js';
import { listTrainings, totalJp } from '../trainings/repository.js';
import { lookBack, type EvaluationInput, type MonthScore } from './evaluate-officer.js';
import type { OfficerRef } from './queue.js';
import { finalPredikat, type Evaluation } from './repository.js';

export interface LoadedInput { input: EvaluationInput; existing?: Evaluation }

type Item = Record<string, unknown> & { PK: string; SK: string };
const at = (k: { PK: string; SK: string }) => `${k.PK}|${k.SK}`;

/** The periods before `period`, oldest first. */
export function earlierPeriods(period: string, count: number): string[] {
  const out: string[] = [];
  for (let p = period, i = 0; i < count; i++) out.unshift((p = previousPeriod(p)));
  return out;
}

export async function loadEvaluationInputs(tenant: string, officers: readonly OfficerRef[], period: string, policy: TenantPolicy): Promise<Map<string, LoadedInput>> {
  const months = monthsOf(period);
  const earlier = earlierPeriods(period, lookBack(policy));
  const isMonth = parsePeriod(period).kind === 'month';
  const wanted = officers.flatMap((o) => [
    ...months.map((m) => keys.score(tenant, o.id, m)),
    keys.evaluation(tenant, o.id, period),
    ...earlier.map((p) => keys.evaluation(tenant, o.id, p)),
    // Before the first run a month's predikat still exists as its score.
    ...(isMonth ? earlier.map((p) => keys.score(tenant, o.id, p)) : []),
  ]);
  const found = new Map((await batchGet<Item>(wanted)).map((i) => [at(i), i]));
  const get = (k: { PK: string; SK: string }) => found.get(at(k));

  const lastDay = `${months.at(-1)}-31`;
  const yearStart = `${months.at(-1)!.slice(0, 4)}-01-01`;
  const jp = new Map(await Promise.all(officers.map(async (o) => [o.id, totalJp(await listTrainings(tenant, o.id, yearStart, lastDay))] as const)));
  const units = [...new Set(officers.map((o) => o.unitId).filter((u): u is string => u !== null))];
  const ikm = new Map(await Promise.all(units.map(async (u) => [u, (await unitIkm(tenant, u, period))?.ikm ?? null] as const)));

  const out = new Map<string, LoadedInput>();
  for (const o of officers) {
    const scores = months.map((m) => get(keys.score(tenant, o.id, m))).filter((s): s is Item => s !== undefined).map((s) => s as unknown as MonthScore);
    const previous = earlier.map((p): Predikat | null => {
      const e = get(keys.evaluation(tenant, o.id, p)) as unknown as Evaluation | undefined;
      if (e) return finalPredikat(e);
      return isMonth ? ((get(keys.score(tenant, o.id, p))?.predikat as Predikat | undefined) ?? null) : null;
    });
    const existing = get(keys.evaluation(tenant, o.id, period)) as unknown as Evaluation | undefined;
    out.set(o.id, {
      input: { period, scores, ikm: o.unitId ? (ikm.get(o.unitId) ?? null) : null, trainingJpToDate: jp.get(o.id) ?? 0, previous, policy },
      existing,
    });
  }
  return out;
}

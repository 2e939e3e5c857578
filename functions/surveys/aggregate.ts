// Pure IKM aggregation shared by the stream rollup, the repository and the seed: survey answers →
// per-element sums per unit, agency, tenant and national × month, and rollup attributes ↔ IkmSums.
import { addIkmSums, emptyIkmSums, IKM_KEYS, type IkmScores, type IkmSums } from '../domain/ikm.js';

export interface SurveyFacts {
  tenant: string;
  unitId: string;
  agencyId: string;
  /** Tenant-local month `YYYY-MM`. */
  period: string;
  answers: IkmScores;
}

export type RollupLevel = 'unit' | 'agency' | 'tenant' | 'national';

export interface RollupDelta {
  level: RollupLevel;
  tenant: string;
  /** unitId, agencyId, or the tenant id for tenant/national. */
  id: string;
  /** The unit's agency (unit level only). */
  agencyId?: string;
  period: string;
  sums: IkmSums;
}

const one = (answers: IkmScores): IkmSums => ({ respondents: 1, sums: { ...answers } });

/** Sums a batch of responses into one delta per rollup item (so each item gets one ADD per batch). */
export function aggregateSurveys(surveys: readonly SurveyFacts[]): RollupDelta[] {
  const deltas = new Map<string, RollupDelta>();
  const add = (d: Omit<RollupDelta, 'sums'>, answers: IkmScores) => {
    const key = `${d.level}|${d.tenant}|${d.id}|${d.period}`;
    const prev = deltas.get(key);
    deltas.set(key, { ...d, sums: addIkmSums(prev?.sums ?? emptyIkmSums(), one(answers)) });
  };
  for (const s of surveys) {
    add({ level: 'unit', tenant: s.tenant, id: s.unitId, agencyId: s.agencyId, period: s.period }, s.answers);
    add({ level: 'agency', tenant: s.tenant, id: s.agencyId, period: s.period }, s.answers);
    add({ level: 'tenant', tenant: s.tenant, id: s.tenant, period: s.period }, s.answers);
    add({ level: 'national', tenant: s.tenant, id: s.tenant, period: s.period }, s.answers);
  }
  return [...deltas.values()];
}

/** The rollup item attributes a delta ADDs (field names fixed by the team brief). */
export function rollupAttributes(s: IkmSums): Record<string, number> {
  const out: Record<string, number> = { ikmRespondents: s.respondents };
  for (const k of IKM_KEYS) out[`ikm_${k}`] = s.sums[k];
  return out;
}

/** IkmSums stored on a rollup item (zero when the item carries no IKM yet). */
export function sumsFromRollup(item: Record<string, unknown>): IkmSums {
  const sums = emptyIkmSums();
  sums.respondents = Number(item.ikmRespondents ?? 0);
  for (const k of IKM_KEYS) sums.sums[k] = Number(item[`ikm_${k}`] ?? 0);
  return sums;
}

/** Monthly rollups of one scope summed into the sums of the whole period. */
export function sumRollups(items: readonly Record<string, unknown>[]): IkmSums {
  return items.reduce<IkmSums>((acc, item) => addIkmSums(acc, sumsFromRollup(item)), emptyIkmSums());
}

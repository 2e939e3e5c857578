// When a run's last batch is recorded: the month's evaluation rollups (SET from the batch markers,
// so a rerun writes the same numbers) and, per agency, the distribution-curve check (CURVE_BREACH).
import { orgRatingsOfYear } from '../data/agency-repository.js';
import { getTenantOrg } from '../data/org-repository.js';
import { checkDistributionCurve } from '../domain/curve.js';
import { curveBreachFlag } from '../domain/flags.js';
import { isMonthPeriod } from '../domain/periods.js';
import { FLAGS, ORG_RATINGS, PREDIKATS, type OrgRating, type Predikat } from '../domain/types.js';
import { putAgencyEvaluations, setEvaluationRollups, type AgencyEvaluation } from './repository.js';
import { listBatchAggregates, type BatchAggregates, type EvaluationRun } from './runs.js';

/** Every evaluation attribute, zero when absent, so a rerun overwrites a stale count. */
export function evaluationFields(counts: Record<string, number> = {}): Record<string, number> {
  const names = ['eval_evaluated', ...PREDIKATS.map((p) => `eval_${p}`), ...FLAGS.map((f) => `flag_${f}`)];
  return Object.fromEntries(names.map((n) => [n, counts[n] ?? 0]));
}

/** Adds one evaluation to its agency's counts (evaluated, final predikat, each flag). */
export function countEvaluation(aggregates: BatchAggregates, e: { agencyId: string; predikat: Predikat | null; flags: { code: string }[]; objection?: { decision?: { amendedPredikat?: Predikat } } }): void {
  const counts = (aggregates[e.agencyId] ??= {});
  const add = (k: string) => { counts[k] = (counts[k] ?? 0) + 1; };
  add('eval_evaluated');
  const predikat = e.objection?.decision?.amendedPredikat ?? e.predikat;
  if (predikat) add(`eval_${predikat}`);
  for (const f of e.flags) add(`flag_${f.code}`);
}

export function sumAggregates(list: readonly BatchAggregates[]): BatchAggregates {
  const out: BatchAggregates = {};
  for (const batch of list) {
    for (const [agencyId, counts] of Object.entries(batch)) {
      const acc = (out[agencyId] ??= {});
      for (const [k, v] of Object.entries(counts)) acc[k] = (acc[k] ?? 0) + v;
    }
  }
  return out;
}

// PermenPANRB 6/2022, kurva distribusi per agency against its organisational rating; an agency without
// one is unchecked (curve null, no CURVE_BREACH), never assumed BAIK (DESIGN §2)
export function agencyCurves(tenant: string, period: string, runId: string, agencies: { id: string; name: string; orgRating?: string }[], byAgency: BatchAggregates): AgencyEvaluation[] {
  return agencies.filter((a) => byAgency[a.id]).map((a) => {
    const orgRating = (ORG_RATINGS as readonly string[]).includes(a.orgRating ?? '') ? (a.orgRating as OrgRating) : null;
    const counts = Object.fromEntries(PREDIKATS.map((p) => [p, byAgency[a.id]![`eval_${p}`] ?? 0])) as Record<Predikat, number>;
    const curve = orgRating ? checkDistributionCurve(orgRating, counts) : null;
    const flag = curve ? curveBreachFlag(curve, a.name) : null;
    return { tenant, agencyId: a.id, agencyName: a.name, period, orgRating, counts, curve, flags: flag ? [flag] : [], runId };
  });
}

export async function finaliseRun(run: EvaluationRun): Promise<void> {
  const byAgency = sumAggregates(await listBatchAggregates(run.tenant, run.id));
  if (isMonthPeriod(run.period)) {
    const tenantTotal = sumAggregates(Object.values(byAgency).map((c) => ({ all: c }))).all ?? {};
    await Promise.all([
      ...Object.entries(byAgency).map(([agencyId, counts]) => setEvaluationRollups(run.tenant, agencyId, run.period, evaluationFields(counts))),
      setEvaluationRollups(run.tenant, null, run.period, evaluationFields(tenantTotal)),
    ]);
  }
  // The curve is held to the rating the BKPSDM set for the period's year (the agency's own field is the seed's older default).
  const [{ agencies }, ratings] = await Promise.all([getTenantOrg(run.tenant), orgRatingsOfYear(run.tenant, run.period.slice(0, 4))]);
  const rated = agencies.map((a) => ({ ...a, orgRating: ratings.get(a.id) ?? a.orgRating }));
  await putAgencyEvaluations(agencyCurves(run.tenant, run.period, run.id, rated, byAgency));
}

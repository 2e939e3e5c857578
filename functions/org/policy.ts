// GET/PUT /v1/policy: the tenant's configurable rules (thresholds, weights, windows, sanctions).
import * as z from 'zod/mini';
import { PREDIKATS } from '../domain/types.js';
import { loadPolicy, loadPolicyFresh, policyHistory, savePolicy } from '../data/policy-repository.js';
import { badRequest, forbidden } from '../http/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { parse } from '../http/validation.js';

const between = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));
const intBetween = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));

export const PolicySchema = z.strictObject({
  hasilKerjaThresholds: z.strictObject({ diAtas: between(0, 120), sesuai: between(0, 120) }),
  tambahanWeight: between(0, 1),
  reportDueDay: intBetween(1, 28),
  reviewDueDay: intBetween(1, 28),
  lateWindowDays: intBetween(1, 60),
  evaluationFrequency: z.enum(['monthly', 'quarterly']),
  awardConsecutivePeriods: intBetween(1, 12),
  tunjanganCutPercent: z.partialRecord(z.enum(PREDIKATS), between(0, 100)),
  sanctionAfterConsecutiveLow: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  complaintAnswerWorkingDays: intBetween(1, 60),
  holidays: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD'))).check(z.maxLength(100)),
  surveyAddressLimit: intBetween(10, 10_000),
});

export async function getPolicy(p: Principal) {
  if (hasRole(p, 'national')) throw forbidden('National readers see aggregates only');
  return { tenant: p.tenant, policy: await loadPolicy(p.tenant) };
}

export async function putPolicy(p: Principal, body: unknown) {
  if (!hasRole(p, 'region_admin')) throw forbidden('Only the BKPSDM (region_admin) may change policy');
  const policy = parse(PolicySchema, body, 'policy');
  if (policy.hasilKerjaThresholds.diAtas <= policy.hasilKerjaThresholds.sesuai) {
    throw badRequest('Invalid policy', [{ field: 'hasilKerjaThresholds.diAtas', message: 'Must be above the SESUAI threshold' }]);
  }
  if (policy.reviewDueDay < policy.reportDueDay) {
    throw badRequest('Invalid policy', [{ field: 'reviewDueDay', message: 'Reviews cannot be due before the reports are' }]);
  }
  const before = await loadPolicyFresh(p.tenant);
  await savePolicy(p.tenant, policy, p.officerId ?? p.sub, policyChanges({ ...before }, { ...policy }));
  return { tenant: p.tenant, policy };
}

const shown = (v: unknown) => JSON.stringify(v) ?? '–';
/** What a policy change changed, field by field, for its audit trail. */
export function policyChanges(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const changes = Object.keys(after).filter((k) => shown(before[k]) !== shown(after[k])).map((k) => `${k}: ${shown(before[k])} → ${shown(after[k])}`);
  return changes.length ? changes : ['no change'];
}

export async function getPolicyHistory(p: Principal) {
  if (hasRole(p, 'national')) throw forbidden('National readers see aggregates only');
  return { items: await policyHistory(p.tenant), nextCursor: null };
}

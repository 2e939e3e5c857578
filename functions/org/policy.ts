// GET/PUT /v1/policy: the tenant's configurable rules (thresholds, weights, windows, sanctions).
import { loadPolicy, loadPolicyFresh, policyHistory, savePolicy } from '../data/policy-repository.js';
import { Forbidden, Invalid } from '../domain/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { parse } from '../http/validation.js';
import { PolicySchema } from './schema.js';

export { PolicySchema };


export async function getPolicy(p: Principal) {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  return { tenant: p.tenant, policy: await loadPolicy(p.tenant) };
}

export async function putPolicy(p: Principal, body: unknown) {
  if (!hasRole(p, 'region_admin')) throw Forbidden('Only the BKPSDM (region_admin) may change policy');
  const policy = parse(PolicySchema, body, 'policy');
  if (policy.hasilKerjaThresholds.diAtas <= policy.hasilKerjaThresholds.sesuai) {
    throw Invalid('Invalid policy', [{ field: 'hasilKerjaThresholds.diAtas', message: 'Must be above the SESUAI threshold' }]);
  }
  if (policy.reviewDueDay < policy.reportDueDay) {
    throw Invalid('Invalid policy', [{ field: 'reviewDueDay', message: 'Reviews cannot be due before the reports are' }]);
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
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  return { items: await policyHistory(p.tenant), nextCursor: null };
}

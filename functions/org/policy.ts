// GET/PUT /v1/policy: the tenant's configurable rules (thresholds, weights, windows, sanctions).
import * as z from 'zod';
import { PREDIKATS } from '../domain/types.js';
import { loadPolicy, savePolicy } from '../data/policy-repository.js';
import { badRequest, forbidden } from '../http/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { parse } from '../http/validation.js';

const PolicySchema = z
  .object({
    hasilKerjaThresholds: z.object({ diAtas: z.number().min(0).max(120), sesuai: z.number().min(0).max(120) }).strict(),
    tambahanWeight: z.number().min(0).max(1),
    reportingWindowMonths: z.number().int().min(0).max(12),
    evaluationFrequency: z.enum(['monthly', 'quarterly']),
    awardConsecutivePeriods: z.number().int().min(1).max(12),
    tunjanganCutPercent: z.partialRecord(z.enum(PREDIKATS), z.number().min(0).max(100)),
    sanctionAfterConsecutiveLow: z.string().trim().min(1).max(500),
    complaintAnswerWorkingDays: z.number().int().min(1).max(60),
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')).max(100),
  })
  .strict();

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
  await savePolicy(p.tenant, policy, p.sub);
  return { tenant: p.tenant, policy };
}

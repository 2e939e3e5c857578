// SKP plans: read as visible; written by the officer's supervisor chain or admins with optimistic
// concurrency on `version`, each change leaving an audit item naming who changed what.
import { getPlan, savePlan, type PlanItem } from '../data/plan-repository.js';
import type { Rhk } from '../domain/types.js';
import { manageableOfficer, readableOfficer } from '../http/access.js';
import { conflict, forbidden, notFound } from '../http/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import type { PlanBody } from './schema.js';

const planView = ({ tenant: _t, ...plan }: PlanItem) => plan;

export async function readPlan(p: Principal, officerId: string, year: number) {
  if (hasRole(p, 'national')) throw forbidden('National readers see aggregates only');
  await readableOfficer(p, officerId);
  const plan = await getPlan(p.tenant, officerId, year);
  if (!plan) throw notFound('Plan');
  return planView(plan);
}

/** JSON with object keys sorted: DynamoDB does not keep attribute order. */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
  : JSON.stringify(v) ?? 'null';

/** Human-readable list of what changed between two versions of a plan (for the audit trail). */
export function planChanges(before: Rhk[] | undefined, after: Rhk[]): string[] {
  if (!before) return [`created with ${after.length} RHK`];
  const old = new Map(before.map((r) => [r.id, r]));
  const changes: string[] = [];
  for (const r of after) {
    const prev = old.get(r.id);
    if (!prev) changes.push(`added RHK ${r.id}`);
    else if (canonical(prev) !== canonical(r)) changes.push(`changed RHK ${r.id}`);
    old.delete(r.id);
  }
  for (const id of old.keys()) changes.push(`removed RHK ${id}`);
  return changes.length ? changes : ['no change'];
}

export async function writePlan(p: Principal, officerId: string, year: number, body: PlanBody) {
  const officer = await manageableOfficer(p, officerId);
  const expected = body.version ?? 0;
  const current = await getPlan(p.tenant, officer.id, year);
  if ((current?.version ?? 0) !== expected) {
    throw conflict(`The plan is at version ${current?.version ?? 0}; reload it and apply your change again`, [{ field: 'version', message: `Expected ${current?.version ?? 0}` }]);
  }
  const at = new Date().toISOString();
  const by = p.officerId ?? p.sub;
  const plan: PlanItem = { tenant: p.tenant, officerId: officer.id, year, version: expected + 1, rhk: body.rhk as Rhk[], updatedAt: at, updatedBy: by };
  const saved = await savePlan(plan, expected, { at, by, version: plan.version, changes: planChanges(current?.rhk, plan.rhk) });
  if (!saved) throw conflict('The plan was changed by someone else; reload it and apply your change again', [{ field: 'version', message: 'Stale version' }]);
  return planView(plan);
}

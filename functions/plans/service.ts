// SKP plans (PermenPANRB 6/2022): written by the officer's supervisor chain or admins (never by the
// officer, admins included), cascading from the supervisor's plan, agreed by the officer and the
// supervisor, changed after agreement only as a new version with a reason. Every write is conditional
// on what it was checked against and leaves an audit item.
import { getOfficers, listSubordinates, teamIds, type Officer } from '../data/org-repository.js';
import { getPlan, getPlans, planHistory, savePlan, type PlanItem, type Signature } from '../data/plan-repository.js';
import { cascadeTree, dependentsOf, parentProblems } from '../domain/cascade.js';
import { SERVICE_ENDED } from '../domain/officer-status.js';
import type { Rhk } from '../domain/types.js';
import { manageableOfficer, readableOfficer } from '../http/access.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import type { AgreementBody, PlanBody } from './schema.js';

/** A transaction holds 100 items: the plan, its audit and snapshot leave room for these checks. */
const MAX_CHECKED_PLANS = 97;

const planView = ({ tenant: _t, rev: _r, ...plan }: PlanItem) => plan;
const who = (p: Principal) => p.officerId ?? p.sub;

/** The plan with the titles of the supervisor's RHK it supports (an officer may not read the supervisor's plan itself). */
export async function readPlan(p: Principal, officerId: string, year: number) {
  const officer = await readableOfficer(p, officerId);
  const [plan, supervisorPlan] = await Promise.all([
    getPlan(p.tenant, officerId, year),
    officer.supervisorId ? getPlan(p.tenant, officer.supervisorId, year) : Promise.resolve(undefined),
  ]);
  if (!plan) throw NotFound('Plan');
  const parents = new Set(plan.rhk.map((r) => r.parentRhkId).filter(Boolean));
  return { ...planView(plan), parents: (supervisorPlan?.rhk ?? []).filter((r) => parents.has(r.id)).map((r) => ({ id: r.id, title: r.title })) };
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

const staleVersion = (current: PlanItem | undefined) =>
  Conflict(`The plan is at version ${current?.version ?? 0}; reload it and apply your change again`, [{ field: 'version', message: `Expected ${current?.version ?? 0}` }]);
const changedMeanwhile = () =>
  Conflict('The plan, the supervisor\'s plan or a subordinate\'s plan changed meanwhile; reload and apply your change again', [{ field: 'version', message: 'Stale' }]);

/** Direct subordinates' plans of the year, when RHK are removed: none of them may still name one. */
async function checkNoDependents(p: Principal, officer: Officer, year: number, removed: Set<string>) {
  if (!removed.size) return [];
  const subordinates = (await listSubordinates(p.tenant, officer.id));
  const plans = await getPlans(p.tenant, subordinates.map((s) => s.id), year);
  const names = new Map(subordinates.map((s) => [s.id, s.name]));
  const dependents = dependentsOf(removed, plans.map((pl) => ({ officerId: pl.officerId, officerName: names.get(pl.officerId), rhk: pl.rhk })));
  if (dependents.length) {
    throw Conflict('RHK that subordinates\' RHK still support cannot be removed', dependents.map((d) => ({
      field: 'rhk', message: `${d.officerName ?? d.officerId} (${d.officerId}) RHK ${d.rhkId} supports ${d.parentRhkId}`,
    })));
  }
  const byId = new Map(plans.map((pl) => [pl.officerId, pl.rev]));
  return subordinates.map((s) => ({ officerId: s.id, rev: byId.get(s.id) ?? null }));
}

export async function writePlan(p: Principal, officerId: string, year: number, body: PlanBody) {
  const officer = await manageableOfficer(p, officerId);
  if (officer.id === p.officerId) throw Forbidden('Your own plan is set by your supervisor (or the BKPSDM), not by yourself');
  const current = await getPlan(p.tenant, officer.id, year, true);
  const rhk = body.rhk as Rhk[];
  const removed = new Set((current?.rhk ?? []).map((r) => r.id).filter((id) => !rhk.some((r) => r.id === id)));
  const subordinatesChecked = await checkNoDependents(p, officer, year, removed);
  if ((current?.version ?? 0) !== (body.version ?? 0)) throw staleVersion(current);

  const supervisorPlan = officer.supervisorId ? await getPlan(p.tenant, officer.supervisorId, year, true) : undefined;
  const problems = parentProblems(rhk, supervisorPlan ? new Set(supervisorPlan.rhk.map((r) => r.id)) : undefined);
  if (problems.length) throw Invalid('Each RHK must support an RHK of the supervisor\'s plan for the year', problems);
  const agreed = current?.status === 'agreed';
  if (agreed && !body.reason) throw Invalid('An agreed plan changes only as a new version with a reason', [{ field: 'reason', message: 'Required: the plan is agreed' }]);

  const at = new Date().toISOString();
  const plan: PlanItem = {
    tenant: p.tenant, officerId: officer.id, year, version: (current?.version ?? 0) + 1, rev: current?.rev ?? 0,
    // An agreed plan's new version takes effect at once; a draft's change needs both agreements again.
    status: agreed ? 'agreed' : 'draft',
    agreement: agreed ? current.agreement : {},
    ...(agreed && current.agreedAt ? { agreedAt: current.agreedAt } : {}),
    ...(agreed ? { reason: body.reason } : {}),
    rhk, updatedAt: at, updatedBy: who(p),
  };
  const unchanged = [...(supervisorPlan && officer.supervisorId ? [{ officerId: officer.supervisorId, rev: supervisorPlan.rev }] : []), ...subordinatesChecked];
  if (unchanged.length > MAX_CHECKED_PLANS) unchanged.length = MAX_CHECKED_PLANS;
  const saved = await savePlan({
    plan, read: current, unchanged,
    audit: { at, by: who(p), version: plan.version, action: 'change', changes: planChanges(current?.rhk, rhk), ...(agreed ? { reason: body.reason } : {}) },
    ...(agreed ? { snapshot: current } : {}),
  });
  if (!saved) throw changedMeanwhile();
  return planView({ ...plan, rev: plan.rev + 1 });
}

/** The supervisor's side of an agreement is the pejabat penilai: the direct supervisor; for an officer
 *  without one, the agency's admin or the BKPSDM. */
const isAppraiser = (p: Principal, officer: Officer) => p.officerId !== officer.id && (officer.supervisorId
  ? p.officerId === officer.supervisorId
  : hasRole(p, 'region_admin') || (hasRole(p, 'agency_admin') && p.agencyId === officer.agencyId));

export async function agreePlan(p: Principal, officerId: string, year: number, body: AgreementBody) {
  const officer = await readableOfficer(p, officerId);
  const side = p.officerId === officer.id ? 'officer' : isAppraiser(p, officer) ? 'supervisor' : undefined;
  if (!side) throw Forbidden('Only the officer and their supervisor agree a plan');
  const current = await getPlan(p.tenant, officer.id, year, true);
  if (!current) throw NotFound('Plan');
  if (body.version !== undefined && body.version !== current.version) throw staleVersion(current);
  if (current.status === 'agreed' || current.agreement[side]) return planView(current); // a repeated click agrees once

  const at = new Date().toISOString();
  const agreement = { ...current.agreement, [side]: { by: who(p), at } satisfies Signature };
  const both = agreement.officer !== undefined && agreement.supervisor !== undefined;
  const plan: PlanItem = { ...current, agreement, ...(both ? { status: 'agreed', agreedAt: at } : {}) };
  const saved = await savePlan({
    plan, read: current,
    audit: { at, by: who(p), version: current.version, action: 'agreement', changes: [`agreed by the ${side}`, ...(both ? ['plan agreed'] : [])] },
  });
  if (!saved) throw changedMeanwhile();
  return planView({ ...plan, rev: plan.rev + 1 });
}

/** The plan's audit trail with the names of who acted (officers are read in one BatchGet). */
export async function readPlanHistory(p: Principal, officerId: string, year: number) {
  await readableOfficer(p, officerId);
  const items = await planHistory(p.tenant, officerId, year);
  const names = new Map((await getOfficers(p.tenant, [...new Set(items.map((i) => i.by))])).map((o) => [o.id, o.name]));
  return { items: items.map((i) => ({ ...i, byName: names.get(i.by) ?? null })), nextCursor: null };
}

/** Matriks Peran Hasil: the officer's RHK with the RHK of everyone below under the RHK they support. */
export async function readCascade(p: Principal, officerId: string, year: number) {
  const root = await readableOfficer(p, officerId);
  const team = (await getOfficers(p.tenant, (await teamIds(p.tenant, root.id)).map((t) => t.officerId)))
    .filter((o) => !SERVICE_ENDED.has(o.status ?? 'aktif'));
  const plans = new Map((await getPlans(p.tenant, [root.id, ...team.map((o) => o.id)], year)).map((pl) => [pl.officerId, pl.rhk]));
  const profile = (o: Officer) => ({ id: o.id, name: o.name, position: o.position, ...(o.supervisorId ? { supervisorId: o.supervisorId } : {}) });
  return {
    officerId: root.id, year, officer: profile(root),
    rhk: cascadeTree(profile(root), team.map(profile), plans),
    withoutPlan: team.filter((o) => !plans.has(o.id)).map(profile),
  };
}

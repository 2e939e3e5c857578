// Progress during the month (DESIGN §4 PUT/GET /v1/officers/{id}/progress/{period}): the officer's
// realisasi to date of the running month, a draft that is never scored (the stream scores `report`
// items only) and that the month's report form starts from. One item per officer-month, replaced in place.
import { findTenant } from '../config/tenants.js';
import { getPlan, type PlanItem } from '../data/plan-repository.js';
import { getProgress, putProgress, type Progress, type ProgressTarget } from '../data/progress-repository.js';
import { loadPolicy } from '../data/policy-repository.js';
import { dayOf, monthOf } from '../domain/periods.js';
import { elapsedWorkingShare, judgeProgress } from '../domain/progress.js';
import { readableOfficer } from '../http/access.js';
import { Conflict, Forbidden, Invalid } from '../domain/errors.js';
import type { Principal } from '../http/principal.js';
import type { ProgressBody } from './schema.js';
import { agreedPlanOf, checkItems } from './submit.js';

const zoneOf = (tenant: string) => findTenant(tenant)?.timeZone ?? 'Asia/Jakarta';

const reportedTargets = (plan: PlanItem | undefined): ProgressTarget[] =>
  (plan?.rhk ?? []).flatMap((r) => r.indicators).filter((i) => i.source === 'report').map((i) => ({ indicatorId: i.id, aspect: i.aspect, target: i.target }));

/** The share of the month's working days gone by today, in the tenant's zone and with its holidays. */
export async function monthPace(tenant: string, period: string, now: Date): Promise<number> {
  const policy = await loadPolicy(tenant);
  return elapsedWorkingShare(period, dayOf(now, zoneOf(tenant)), policy.holidays);
}

export async function saveProgress(p: Principal, officerId: string, period: string, body: ProgressBody, now = new Date()) {
  if (p.officerId !== officerId) throw Forbidden('Only the officer records their own progress');
  const current = monthOf(now, zoneOf(p.tenant));
  if (period !== current) throw Invalid('Progress is recorded for the running month only', [{ field: 'period', message: `The running month is ${current}` }]);
  const plan = await agreedPlanOf(p.tenant, officerId, Number(period.slice(0, 4)));
  checkItems(plan, body.items, { partial: true });

  const existing = await getProgress(p.tenant, officerId, period);
  const stale = () => Conflict('A newer progress draft was saved elsewhere; reload it', [{ field: 'version', message: `The stored draft is version ${existing?.version ?? 0}` }]);
  if (body.version !== undefined && body.version !== (existing?.version ?? 0)) throw stale();
  const draft: Progress = {
    tenant: p.tenant, officerId, period,
    items: body.items,
    targets: reportedTargets(plan),
    updatedAt: now.toISOString(),
    updatedBy: p.sub,
    version: (existing?.version ?? 0) + 1,
  };
  if (!(await putProgress(draft, body.version))) throw stale();
  return view(officerId, period, draft, plan, await monthPace(p.tenant, period, now));
}

export async function readProgress(p: Principal, officerId: string, period: string, now = new Date()) {
  await readableOfficer(p, officerId);
  const [draft, plan, share] = await Promise.all([
    getProgress(p.tenant, officerId, period),
    getPlan(p.tenant, officerId, Number(period.slice(0, 4))),
    monthPace(p.tenant, period, now),
  ]);
  return view(officerId, period, draft, plan, share);
}

/** The draft beside the plan's reported indicators, each with its monthly target and pace. */
function view(officerId: string, period: string, draft: Progress | undefined, plan: PlanItem | undefined, elapsedShare: number) {
  const lines = new Map((draft?.items ?? []).map((i) => [i.indicatorId, i]));
  const judged = judgeProgress(reportedTargets(plan), draft?.items ?? [], elapsedShare);
  const indicators = (plan?.rhk ?? []).flatMap((r) => r.indicators.filter((i) => i.source === 'report').map((i) => ({
    indicatorId: i.id, name: i.name, rhkId: r.id, rhk: r.title, kind: r.kind, aspect: i.aspect, unit: i.unit, target: i.target,
    value: lines.get(i.id)?.value ?? null, note: lines.get(i.id)?.note ?? null, onTrack: draft ? judged.byIndicator[i.id] ?? null : null,
  })));
  return {
    officerId, period,
    items: draft?.items ?? [],
    updatedAt: draft?.updatedAt ?? null,
    version: draft?.version ?? 0,
    elapsedShare: Math.round(elapsedShare * 1000) / 1000,
    onTrack: draft ? judged.onTrack : null,
    indicators,
  };
}

// Monthly report submission (DESIGN §4 POST /v1/reports).
//
// Idempotency (chosen over Powertools idempotency and over a separate idempotency item in a
// transaction): a report's key is already unique per officer and month, so ONE conditional PutItem
// gives exactly-once creation. The Idempotency-Key and a SHA-256 of the validated body are stored on
// the report itself. A retry (same key, same body, hence same month) reads that report and returns it
// with 201 again, writing nothing; the same key with a different body for that month is 422. A key is
// scoped to its officer and month: reused for another month it starts a new submission.
// Cost, measured on DynamoDB Local with ReturnConsumedCapacity: 1 WCU per KB for the item plus the
// same for its review-queue GSI entry (the indexes project ALL) = 2 WCU for a report under 1 KB, 4 under
// 2 KB; a two-item transaction would cost 4 before the index. Review: the item plus the queue entry
// removal, likewise 2–4 WCU.
import { createHash } from 'node:crypto';
import { findTenant } from '../config/tenants.js';
import { getOfficer } from '../data/org-repository.js';
import { getPlan } from '../data/plan-repository.js';
import { loadPolicy } from '../data/policy-repository.js';
import { getReport, putReport, reportId, resubmissionHistory, type Report } from '../data/report-repository.js';
import { reportWindow } from '../domain/calendar.js';
import { monthOf } from '../domain/periods.js';
import { getLateWindow } from '../data/late-window-repository.js';
import { Conflict, Forbidden, Invalid, NotFound, Unprocessable, type FieldProblem } from '../domain/errors.js';
import type { Principal } from '../http/principal.js';
import type { ReportBody } from './schema.js';

export const publicReport = ({ idempotency: _i, tenant: _t, ancestors: _a, ...r }: Report) => r;

const keyReused = () => Unprocessable('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request; use a new key for a new submission');

/** A retry of the request that made `existing`, or a different request under the same key. */
function replayOf(existing: Report | undefined, key: string | undefined, bodyHash: string): Report | undefined {
  if (!existing || !key || existing.idempotency?.key !== key) return undefined;
  if (existing.idempotency.bodyHash !== bodyHash) throw keyReused();
  return existing;
}

/** DESIGN §2 calendar: this month, or an ended one until its review due day; later only through a
 *  late window the BKPSDM opened for this officer and month, while it lasts. */
async function checkPeriod(p: Principal, officerId: string, period: string, now: Date): Promise<void> {
  const timeZone = findTenant(p.tenant)?.timeZone ?? 'Asia/Jakarta';
  const policy = await loadPolicy(p.tenant);
  const state = reportWindow(period, now, policy, timeZone);
  if (state === 'future') throw Invalid('The period is in the future', [{ field: 'period', message: `Latest reportable month is ${monthOf(now, timeZone)}` }]);
  if (state !== 'closed') return;
  const late = await getLateWindow(p.tenant, officerId, period);
  if (late && now.toISOString() < late.closesAt) return;
  throw Invalid('The reporting window for this month has closed', [{
    field: 'period',
    message: late
      ? `The late window for ${period} closed at ${late.closesAt}; ask the BKPSDM to open it again`
      : `Reports for ${period} were due by day ${policy.reviewDueDay} of the next month; ask the BKPSDM to open a late window`,
  }]);
}

type Plan = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

/** The officer's agreed plan of a year: realisasi is reported (or drafted) against it only (DESIGN §2). */
export async function agreedPlanOf(tenant: string, officerId: string, year: number): Promise<Plan> {
  const plan = await getPlan(tenant, officerId, year);
  if (!plan) throw Invalid(`There is no SKP plan for ${year} yet`, [{ field: 'period', message: `Ask your supervisor to set your ${year} plan first` }]);
  if (plan.status !== 'agreed') throw Invalid(`The SKP plan for ${year} is not agreed yet`, [{ field: 'period', message: `You and your supervisor agree the ${year} plan first` }]);
  return plan;
}

/** Items must name the plan's report-sourced indicators, each once; a report covers all of them, a
 *  progress draft (`partial`) any of them. */
export function checkItems(plan: Plan, items: readonly { indicatorId: string }[], { partial = false } = {}): void {
  const indicators = plan.rhk.flatMap((r) => r.indicators);
  const expected = new Map(indicators.filter((i) => i.source === 'report').map((i) => [i.id, i]));
  const fromIkm = new Set(indicators.filter((i) => i.source === 'ikm').map((i) => i.id));
  const details: FieldProblem[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const field = `items.${i}.indicatorId`;
    if (seen.has(item.indicatorId)) details.push({ field, message: `Indicator ${item.indicatorId} is reported twice` });
    else if (fromIkm.has(item.indicatorId)) details.push({ field, message: `Indicator ${item.indicatorId} comes from the unit's IKM and is not reported` });
    else if (!expected.has(item.indicatorId)) details.push({ field, message: `Unknown indicator ${item.indicatorId}` });
    seen.add(item.indicatorId);
  });
  for (const [id, ind] of expected) {
    if (!partial && !seen.has(id)) details.push({ field: 'items', message: `Missing indicator ${id} (${ind.name})` });
  }
  if (details.length) throw Invalid(partial ? 'The items must name the plan\'s reported indicators' : 'The items must cover exactly the plan\'s reported indicators', details);
}

export async function submitReport(p: Principal, body: ReportBody, idempotencyKey: string | undefined, now = new Date()): Promise<Report> {
  if (p.officerId !== body.officerId) throw Forbidden('Only the officer may submit their own report');
  const bodyHash = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
  // A retry returns what the first request made, even if the reporting window has closed since.
  const existing = await getReport(p.tenant, body.officerId, body.period, true);
  const replay = replayOf(existing, idempotencyKey, bodyHash);
  if (replay) return replay;

  await checkPeriod(p, body.officerId, body.period, now);
  const officer = await getOfficer(p.tenant, body.officerId);
  if (!officer) throw NotFound('Officer');
  const year = Number(body.period.slice(0, 4));
  const plan = await agreedPlanOf(p.tenant, officer.id, year);
  checkItems(plan, body.items);

  if (existing && existing.status !== 'returned') {
    throw Conflict(`A ${existing.status} report for ${body.period} already exists`, [{ field: 'period', message: `Report ${existing.id} is ${existing.status}` }]);
  }

  // The replaced submission joins the history; all but the last cycles move to their own items.
  const cycles = existing ? resubmissionHistory(existing) : { history: [], archivedCycles: 0, archive: [] };
  const report: Report = {
    id: reportId(officer.id, body.period),
    tenant: p.tenant,
    officerId: officer.id,
    agencyId: officer.agencyId,
    unitId: officer.unitId,
    supervisorId: officer.supervisorId,
    ancestors: officer.ancestors ?? [],
    period: body.period,
    planVersion: plan.version,
    status: 'submitted',
    items: body.items,
    submittedAt: now.toISOString(),
    submittedBy: p.sub,
    history: cycles.history,
    ...(cycles.archivedCycles ? { archivedCycles: cycles.archivedCycles } : {}),
    version: (existing?.version ?? 0) + 1,
    ...(idempotencyKey ? { idempotency: { key: idempotencyKey, bodyHash } } : {}),
  };
  if (await putReport(report, existing?.version, cycles.archive)) return report;

  // Lost a race: a concurrent retry of this same request made it, or someone else's submission did.
  const winner = await getReport(p.tenant, officer.id, body.period, true);
  const same = replayOf(winner, idempotencyKey, bodyHash);
  if (same) return same;
  throw Conflict(`A report for ${body.period} was submitted at the same time`, [{ field: 'period', message: 'Already submitted' }]);
}

// The daily notification pass of one tenant (DESIGN §2 Notifications), in the tenant's zone: the same
// code runs from EventBridge Scheduler, the local scheduler and POST /v1/notifications/runs. It reads
// indices, never the whole table: officers of each agency against the month's "reported" index, the
// review queue, the complaint status index, the open-visit index, the open forum / follow-up action index.
// Each notice is created once.
import { findTenant } from '../config/tenants.js';
import { batchGet, inParallel, queryAll } from '../data/batch.js';
import { getOfficers, getTenantOrg, listOfficersOfAgency, type Officer } from '../data/org-repository.js';
import * as keys from '../data/keys.js';
import { loadPolicy } from '../data/policy-repository.js';
import { pagePendingReports, type Report } from '../data/report-repository.js';
import { GSI1 } from '../data/table.js';
import { isExpectedToReport } from '../domain/officer-status.js';
import { dayOf } from '../domain/periods.js';
import { actionNotice, addDays, REMIND_DAYS_BEFORE, reportReminder, reviewReminder } from '../domain/reminders.js';
import { complaintTimeliness } from '../domain/workdays.js';
import { listComplaints, type Complaint } from '../complaints/repository.js';
import { openVisitPartition } from '../visits/repository.js';
import { pageOpenActionsDue } from '../data/open-actions.js';
import { queryPage } from '../data/batch.js';
import type { Visit } from '../visits/repository.js';
import { agencyAdmins, notify, officerInbox, REGION_ADMINS, tally, type Counts } from './deliver.js';
import { messages } from './messages.js';
import type { PassStep } from './pass-steps.js';

const CONCURRENCY = 8;
const PAGE = 200;

/** Pages a listing to its end, one page at a time. */
async function eachPage<T>(read: (startKey?: Record<string, unknown>) => Promise<{ items: T[]; lastKey?: Record<string, unknown> }>, fn: (items: T[]) => Promise<void>) {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await read(startKey);
    await fn(page.items);
    startKey = page.lastKey;
  } while (startKey);
}

export interface PassResult { tenant: string; day: string; created: Counts; total: number }

type OnStep = (step: PassStep, created: Counts, total: number) => Promise<void>;

const totalOf = (created: Counts) => Object.values(created).reduce((s, n) => s + (n ?? 0), 0);

export async function runDailyPass(tenant: string, opts: { now?: Date; day?: string; onStep?: OnStep } = {}): Promise<PassResult> {
  const now = opts.now ?? new Date();
  const timeZone = findTenant(tenant)?.timeZone ?? 'Asia/Jakarta';
  const day = opts.day ?? dayOf(now, timeZone);
  const [policy, org] = await Promise.all([loadPolicy(tenant), getTenantOrg(tenant)]);
  const unitName = new Map(org.units.map((u) => [u.id, u.name]));
  const unitAgency = new Map(org.units.map((u) => [u.id, u.agencyId]));
  const agencyName = new Map(org.agencies.map((a) => [a.id, a.name]));
  const created: Counts = {};
  const send = async (input: Parameters<typeof notify>[0]) => tally(created, input.kind, await notify(input, now));
  const finished = (step: PassStep) => opts.onStep?.(step, { ...created }, totalOf(created));

  // Report due in 3 days: expected officers of each agency without a first submission for the month.
  const due = reportReminder(day, policy);
  if (due) {
    await inParallel(org.agencies, 4, async (agency) => {
      const [officers, reported] = await Promise.all([
        listOfficersOfAgency(tenant, agency.id),
        queryAll<{ officerId: string }>({
          IndexName: GSI1, KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :a)', ProjectionExpression: 'officerId',
          ExpressionAttributeValues: { ':pk': keys.reportedInMonth(tenant, due.month), ':a': `AGENCY#${agency.id}#` },
        }),
      ]);
      const done = new Set(reported.map((r) => r.officerId));
      const missing = officers.filter((o) => !done.has(o.id) && isExpectedToReport(o.statuses, due.month));
      await inParallel(missing, CONCURRENCY, (o) => send({
        tenant, recipient: officerInbox(o.id), kind: 'report_due', subject: o.id, period: due.month,
        message: messages.reportDue(due.month, due.due), link: '/laporan', email: o.email,
      }));
    });
  }

  await finished('reports');

  // Reviews still pending after the report due day: one notice per supervisor and month.
  const review = reviewReminder(day, policy);
  if (review) {
    const bySupervisor = new Map<string, Report[]>();
    await eachPage((startKey) => pagePendingReports(tenant, { limit: PAGE, startKey }), async (items) => {
      for (const r of items) {
        if (r.period !== review.month || !r.supervisorId) continue;
        bySupervisor.set(r.supervisorId, [...(bySupervisor.get(r.supervisorId) ?? []), r]);
      }
    });
    const people = new Map((await getOfficers(tenant, [...new Set([...bySupervisor.keys(), ...[...bySupervisor.values()].flat().map((r) => r.officerId)])])).map((o) => [o.id, o]));
    await inParallel([...bySupervisor], CONCURRENCY, ([supervisorId, reports]) => send({
      tenant, recipient: officerInbox(supervisorId), kind: 'reviews_pending', subject: supervisorId, period: review.month,
      message: messages.reviewsPending(review.month, reports.length, reports.map((r) => people.get(r.officerId)?.name ?? '–')),
      link: '/review', email: people.get(supervisorId)?.email,
    }));
  }

  await finished('reviews');

  // Complaints to verify, and overdue ones (verification or answer), to the admins of the unit's agency.
  for (const status of ['received', 'verified', 'in_progress'] as const) {
    await eachPage((startKey) => listComplaints(tenant, { status, limit: PAGE, startKey }), async (items: Complaint[]) => {
      await inParallel(items, CONCURRENCY, async (c) => {
        const tl = complaintTimeliness(c, now, timeZone, policy.holidays, policy.complaintAnswerWorkingDays);
        const unit = unitName.get(c.unitId) ?? c.unitId;
        if (status === 'received') {
          await send({ tenant, recipient: agencyAdmins(c.agencyId), kind: 'complaint_to_verify', subject: c.id, period: 'verify', message: messages.complaintToVerify(c.code, unit, dayOf(new Date(tl.verifyDue), timeZone)), link: '/admin/pengaduan' });
        }
        const step = status === 'received' ? (tl.verifyOverdue ? 'verify' : null) : (tl.answerOverdue ? 'answer' : null);
        if (!step) return;
        for (const recipient of [agencyAdmins(c.agencyId), REGION_ADMINS]) {
          await send({ tenant, recipient, kind: 'complaint_overdue', subject: c.id, period: step, message: messages.complaintOverdue(c.code, unit, step), link: '/admin/pengaduan' });
        }
      });
    });
  }

  await finished('complaints');

  // Visit follow-up actions due within 3 days or overdue: to the owning officer, or the admins of the owning unit.
  const part = openVisitPartition(tenant);
  await eachPage(async (startKey) => queryPage<{ visitId: string; date: string }>({
    KeyConditionExpression: `${part.attr} = :pk AND ${part.sortAttr} BETWEEN :from AND :to`,
    // SK DUE#<first due>#<visit>: below `DUE#<day + 4>` is every visit with an action due by day + 3.
    ExpressionAttributeValues: { ':pk': part.value, ':from': 'DUE#', ':to': `DUE#${addDays(day, REMIND_DAYS_BEFORE + 1)}` },
  }, { limit: 100, startKey }), async (open) => {
    const visits = await batchGet<Visit>(open.map((o) => keys.visit(tenant, o.date, o.visitId)));
    const owners = new Map((await getOfficers(tenant, [...new Set(visits.flatMap((v) => v.actions.map((a) => a.ownerOfficerId).filter((x): x is string => !!x)))])).map((o): [string, Officer] => [o.id, o]));
    const notices = visits.flatMap((v) => v.actions.filter((a) => a.status === 'open').map((a) => ({ v, a, when: actionNotice(a.due, day) })));
    await inParallel(notices, CONCURRENCY, async ({ v, a, when }) => {
      if (!when) return;
      const owner = a.ownerOfficerId ? owners.get(a.ownerOfficerId) : undefined;
      const agencyId = (a.ownerUnitId && unitAgency.get(a.ownerUnitId)) || v.agencyId;
      await send({
        tenant, recipient: owner ? officerInbox(owner.id) : agencyAdmins(agencyId), kind: when === 'due' ? 'action_due' : 'action_overdue',
        subject: `${v.id}.${a.id}`, period: a.due, message: messages.actionDue(a.title, unitName.get(a.ownerUnitId ?? v.unitId) ?? v.unitName, a.due, when === 'overdue'),
        link: '/kunjungan', email: owner?.email,
      });
    });
  });

  await finished('visits');

  // Forum and SKM follow-up actions due within 3 days or overdue: their owners are free text, so the
  // admins of the agency the forum or follow-up belongs to hear of them (its shared inbox).
  await eachPage((startKey) => pageOpenActionsDue(tenant, addDays(day, REMIND_DAYS_BEFORE), { limit: PAGE, startKey }), async (open) => {
    await inParallel(open, CONCURRENCY, async (a) => {
      const when = actionNotice(a.due, day);
      if (!when) return;
      const where = (a.unitId && unitName.get(a.unitId)) || agencyName.get(a.agencyId) || a.agencyId;
      await send({
        tenant, recipient: agencyAdmins(a.agencyId), kind: when === 'due' ? 'action_due' : 'action_overdue',
        subject: `${a.source}:${a.itemId}.${a.actionId}`, period: a.due, message: messages.agencyActionDue(a.source, a.title, where, a.due, when === 'overdue'),
        link: a.source === 'forum' ? '/forum' : '/kunjungan',
      });
    });
  });

  await finished('actions');
  return { tenant, day, created, total: totalOf(created) };
}

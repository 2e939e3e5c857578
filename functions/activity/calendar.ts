// The month at a glance for the in-app guide (GET /v1/calendar): which month's report is due now and on
// which local days, and the next automatic evaluation. The dates come from the calendar rules in
// domain/calendar.ts and the tenant's policy, so the dashboard computes none of them itself.
import { findTenant } from '../config/tenants.js';
import { loadPolicy } from '../data/policy-repository.js';
import { reportDeadlines, reportWindow, upcomingRuns, isoInZone } from '../domain/calendar.js';
import { addMonths, dayOf, monthOf } from '../domain/periods.js';
import { Forbidden, NotFound } from '../domain/errors.js';
import { hasRole, type Principal } from '../http/principal.js';

/** The last local day a deadline still allows (deadlines are the first instant after it). */
const lastDay = (deadline: Date, timeZone: string) => dayOf(new Date(deadline.getTime() - 1), timeZone);

export async function monthCalendar(p: Principal, now = new Date()) {
  if (hasRole(p, 'national') && !p.officerId) throw Forbidden('National readers have no city calendar');
  const tenant = findTenant(p.tenant);
  if (!tenant) throw NotFound('Tenant');
  const policy = await loadPolicy(tenant.id);
  const { timeZone } = tenant;
  const month = (period: string) => {
    const { reportDue, reviewDue } = reportDeadlines(period, policy, timeZone);
    return { period, reportDue: lastDay(reportDue, timeZone), reviewDue: lastDay(reviewDue, timeZone), window: reportWindow(period, now, policy, timeZone) };
  };
  const current = monthOf(now, timeZone);
  const [run] = upcomingRuns(now, policy, timeZone, 1);
  return {
    timeZone,
    today: dayOf(now, timeZone),
    reportDueDay: policy.reportDueDay,
    reviewDueDay: policy.reviewDueDay,
    /** Last month: the report officers send now and supervisors review now. */
    reporting: month(addMonths(current, -1)),
    /** This month: filled in as the month goes, sent early next month. */
    current: month(current),
    evaluation: run ? { kind: run.kind, period: run.period, at: isoInZone(run.at, timeZone) } : null,
  };
}

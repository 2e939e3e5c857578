// POST /v1/late-windows: the BKPSDM lets one officer report one closed month, for `lateWindowDays`.
import { findTenant } from '../config/tenants.js';
import { putLateWindow, type LateWindow } from '../data/late-window-repository.js';
import { loadPolicy } from '../data/policy-repository.js';
import { reportWindow } from '../domain/calendar.js';
import { readableOfficer } from '../http/access.js';
import { Forbidden, Invalid } from '../domain/errors.js';
import { hasRole, type Principal } from '../http/principal.js';

export async function openLateWindow(p: Principal, body: { officerId: string; period: string; reason: string }, now = new Date()): Promise<LateWindow> {
  if (!hasRole(p, 'region_admin')) throw Forbidden('Only the BKPSDM (region_admin) opens late-report windows');
  const officer = await readableOfficer(p, body.officerId);
  const timeZone = findTenant(p.tenant)?.timeZone ?? 'Asia/Jakarta';
  const policy = await loadPolicy(p.tenant);
  const state = reportWindow(body.period, now, policy, timeZone);
  if (state === 'future') throw Invalid('The month has not begun yet', [{ field: 'period', message: 'Only a past month can be reported late' }]);
  if (state !== 'closed') throw Invalid(`Reports for ${body.period} are still accepted without a late window`, [{ field: 'period', message: `Open until day ${policy.reviewDueDay} of the next month` }]);
  const window: LateWindow = {
    tenant: p.tenant, officerId: officer.id, period: body.period, reason: body.reason,
    openedBy: p.officerId ?? p.sub, openedAt: now.toISOString(),
    closesAt: new Date(now.getTime() + policy.lateWindowDays * 86_400_000).toISOString(),
  };
  await putLateWindow(window);
  return window;
}

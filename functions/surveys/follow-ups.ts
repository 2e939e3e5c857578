// SKM follow-up (tindak lanjut, DESIGN §2): per unit and survey period, a plan for the weakest
// elements (proposed from the unit's IKM when the admin names none) with actions, owners and due days.
import { findTenant } from '../config/tenants.js';
import { getUnit, type Unit } from '../data/org-repository.js';
import { openActions, withOverdue, type ActionStatus } from '../domain/action-items.js';
import { IKM_KEYS, type IkmKey } from '../domain/ikm.js';
import { dayOf } from '../domain/periods.js';
import { proposeFollowUpElements } from '../domain/skm-follow-up.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.js';
import { decodeCursor, encodeCursor, pageLimit, type PageRequest } from '../http/paging.js';
import { hasRole, type Principal } from '../http/principal.js';
import { followUpId, followUpQuery, insertFollowUp, pageFollowUps, patchFollowUpAction, type FollowUp, type FollowUpScope } from './follow-up-repository.js';
import type { FollowUpInput } from './schemas.js';
import { readIkm } from './service.js';

/** The tenant's local day: "overdue" and "not in the future" are judged in the city's calendar. */
export function tenantToday(tenant: string, now: Date): string {
  const config = findTenant(tenant);
  if (!config) throw NotFound('Tenant');
  return dayOf(now, config.timeZone);
}

/** Admins of the unit's agency, or of the whole tenant (DESIGN §4 "admins"). */
export function assertAgencyAdmin(p: Principal, agencyId: string): void {
  if (hasRole(p, 'region_admin')) return;
  if (hasRole(p, 'agency_admin') && p.agencyId === agencyId) return;
  throw Forbidden('Only the agency\'s admin or the region admin may do this');
}

/** Readers of the tenant's own plans; the national role reads aggregates only. */
export function assertTenantReader(p: Principal): void {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
}

async function adminUnit(p: Principal, unitId: string): Promise<Unit> {
  // Role first: an officer learns nothing about which units exist.
  if (!hasRole(p, 'region_admin', 'agency_admin')) throw Forbidden('Only admins record SKM follow-ups');
  const unit = await getUnit(p.tenant, unitId);
  if (!unit) throw NotFound('Unit');
  assertAgencyAdmin(p, unit.agencyId);
  return unit;
}

/** The unit's IKM for the period (as GET /v1/ikm reads it) with the proposed elements; 400 without data. */
export async function followUpProposal(p: Principal, q: { unitId: string; period: string }) {
  assertTenantReader(p);
  const ikm = await readIkm(p, { unitId: q.unitId, period: q.period });
  if (ikm.ikm === null) throw Invalid('No survey data for this unit and period', [{ field: 'period', message: 'The unit has no survey responses in this period' }]);
  const nrr = ikm.nrr as Record<IkmKey, number>;
  return { unitId: ikm.id, name: ikm.name, period: q.period, respondents: ikm.respondents, ikm: ikm.ikm, grade: ikm.grade, nrr, proposed: proposeFollowUpElements(nrr) };
}

const present = (f: FollowUp, today: string) => ({ ...f, actions: withOverdue(f.actions, today) });

export async function createFollowUp(p: Principal, input: FollowUpInput, now = new Date()) {
  const unit = await adminUnit(p, input.unitId);
  const proposal = await followUpProposal(p, { unitId: unit.id, period: input.period });
  const chosen = input.elements ?? proposal.proposed;
  const followUp: FollowUp = {
    id: followUpId(unit.id, input.period), tenant: p.tenant, unitId: unit.id, unitName: unit.name, agencyId: unit.agencyId, period: input.period,
    // In the elements' own order, each with the NRR it had when the plan was made.
    elements: IKM_KEYS.filter((k) => chosen.includes(k)).map((key) => ({ key, nrr: proposal.nrr[key] })),
    ikm: proposal.ikm, respondents: proposal.respondents,
    actions: openActions(input.actions), version: 1, createdAt: now.toISOString(), createdBy: p.sub,
  };
  if (!(await insertFollowUp(followUp))) throw Conflict('This unit already has a follow-up for this period', [{ field: 'period', message: 'One follow-up per unit and period' }]);
  return present(followUp, tenantToday(p.tenant, now));
}

export async function listFollowUps(p: Principal, q: FollowUpScope & PageRequest, now = new Date()) {
  assertTenantReader(p);
  const { partition } = followUpQuery(p.tenant, q);
  const page = await pageFollowUps(p.tenant, q, { limit: pageLimit(q), startKey: decodeCursor(q.cursor, partition) });
  const today = tenantToday(p.tenant, now);
  return { items: page.items.map((f) => present(f, today)), nextCursor: encodeCursor(page.lastKey) };
}

export async function updateFollowUpAction(p: Principal, id: string, change: { actionId: string; status: ActionStatus; note?: string }, now = new Date()) {
  if (!hasRole(p, 'region_admin', 'agency_admin')) throw Forbidden('Only admins update SKM follow-ups');
  const updated = await patchFollowUpAction(p.tenant, id, { ...change, by: p.sub, at: now.toISOString() }, {
    authorize: (f) => assertAgencyAdmin(p, f.agencyId),
    errors: {
      item: () => NotFound('Follow-up'),
      action: () => Invalid('Unknown action', [{ field: 'actionId', message: 'This follow-up has no such action' }]),
      busy: () => Conflict('Another admin changed this follow-up at the same moment; reload and try again'),
    },
  });
  return present(updated, tenantToday(p.tenant, now));
}

// Officers: the paged list (DESIGN §4 Lists, with `q` and `status`) and the BKPSDM's changes to one
// officer (PATCH: status with its effective date, e-mail, angka-kredit coefficient, moves), audited.
import { startAccountJob } from '../accounts/jobs.js';
import { findTenant } from '../config/tenants.js';
import { getAgency, getOfficerItem, getOfficers, getUnit, pageDirectory, pageOfficersOfAgency, pageTeam, saveChains, saveOfficerChange, teamIds, type Officer } from '../data/org-repository.js';
import { rebaseChain } from '../domain/chain.js';
import { OFFICER_STATUSES, SERVICE_ENDED, statusOn, withStatus, type OfficerStatus } from '../domain/officer-status.js';
import { addMonths, dayOf, monthOf } from '../domain/periods.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.js';
import { decodeCursor, encodeCursor, pageLimit, type Page } from '../http/paging.js';
import { hasRole, isTenantWide, type Principal } from '../http/principal.js';
import * as keys from '../data/keys.js';
import { recountExpected, monthsSince } from './expected.js';
import { OfficerPatch, OfficersQuery } from './schema.js';

export { OfficerPatch, OfficersQuery };

const ACTIVE_STATUSES = OFFICER_STATUSES.filter((s) => !SERVICE_ENDED.has(s));


const statusesOf = (s: OfficersQuery['status']): OfficerStatus[] | undefined =>
  s === 'all' ? undefined : !s || s === 'active' ? [...ACTIVE_STATUSES] : [s];

/**
 * Officers the caller may see, one page at a time. With `agencyId`: that agency (its admin and
 * tenant-wide readers see all of it; others only themselves and their team in it). Without: the
 * tenant directory for tenant-wide readers when searching, otherwise the caller and their team.
 * `unitId` stands for its agency (read once) and keeps only the unit's officers of each page.
 */
export async function listOfficers(p: Principal, query: OfficersQuery): Promise<Page<Officer> & { officers: Officer[] }> {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  const q = query.unitId ? { ...query, agencyId: await agencyOfUnit(p, query.unitId, query.agencyId) } : query;
  const limit = pageLimit(q);
  const statuses = statusesOf(q.status);
  const done = (items: Officer[], lastKey: Record<string, string | number> | undefined, prepend: Officer[] = []) => {
    const all = [...prepend, ...items];
    return { items: all, officers: all, nextCursor: encodeCursor(lastKey) };
  };
  const wholeAgency = q.agencyId !== undefined && (isTenantWide(p) || (hasRole(p, 'agency_admin') && p.agencyId === q.agencyId));
  if (q.agencyId && wholeAgency) {
    const startKey = decodeCursor(q.cursor, { GSI1PK: keys.officersOfAgency(p.tenant, q.agencyId) });
    const page = await pageOfficersOfAgency(p.tenant, q.agencyId, { limit, startKey, q: q.q, statuses, unitId: q.unitId });
    return done(page.items, page.lastKey);
  }
  if (q.agencyId && p.agencyId !== q.agencyId) throw Forbidden('You may not list another agency');
  if (!q.agencyId && isTenantWide(p) && q.q) {
    const byNip = /^\d+$/.test(q.q);
    const startKey = decodeCursor(q.cursor, byNip ? { GSI1PK: keys.directoryByNip(p.tenant) } : { GSI2PK: keys.directoryByName(p.tenant) });
    const page = await pageDirectory(p.tenant, { limit, startKey, q: q.q, statuses });
    return done(page.items, page.lastKey);
  }
  if (!p.officerId) throw Invalid('agencyId is required', [{ field: 'agencyId', message: 'Required' }]);
  // The caller and their whole team (direct and indirect), from the chain pairs: one Query per page.
  const startKey = decodeCursor(q.cursor, { PK: keys.chainOf(p.tenant, p.officerId) });
  const page = await pageTeam(p.tenant, p.officerId, { limit, startKey, q: q.q, statuses, agencyId: q.agencyId, unitId: q.unitId });
  const [self] = q.cursor ? [] : await getOfficers(p.tenant, [p.officerId]);
  const selfMatches = self && (!q.agencyId || self.agencyId === q.agencyId) && (!q.unitId || self.unitId === q.unitId)
    && (!q.q || self.name.toLowerCase().startsWith(q.q.toLowerCase()) || self.nip.startsWith(q.q))
    && (!statuses || statuses.includes(self.status ?? 'aktif'));
  return done(page.items, page.lastKey, selfMatches ? [self] : []);
}

/** The agency a unit belongs to; a unit of another agency than the one named is a 400 on `unitId`. */
async function agencyOfUnit(p: Principal, unitId: string, agencyId: string | undefined): Promise<string> {
  const unit = await getUnit(p.tenant, unitId);
  if (!unit) throw Invalid('Unknown unit', [{ field: 'unitId', message: 'No unit with this id in this region' }]);
  if (agencyId && unit.agencyId !== agencyId) throw Invalid('The unit belongs to another agency', [{ field: 'unitId', message: `Not a unit of ${agencyId}` }]);
  return unit.agencyId;
}


const field = (name: string, message: string) => Invalid(`Invalid change: ${name}`, [{ field: name, message }]);

export async function patchOfficer(p: Principal, officerId: string, body: OfficerPatch, now = new Date()): Promise<Officer> {
  if (!hasRole(p, 'region_admin')) throw Forbidden('Only the BKPSDM (region_admin) changes an officer\'s record');
  const read = await getOfficerItem(p.tenant, officerId);
  if (!read) throw NotFound('Officer');
  const timeZone = findTenant(p.tenant)?.timeZone ?? 'Asia/Jakarta';
  const today = dayOf(now, timeZone);
  const next: Officer = { ...read };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const change = <K extends keyof Officer>(k: K, to: Officer[K]) => {
    if (JSON.stringify(read[k] ?? null) === JSON.stringify(to ?? null)) return;
    changes[k] = { from: read[k] ?? null, to: to ?? null };
    next[k] = to;
  };

  let effectiveMonth = monthOf(now, timeZone);
  if (body.status) {
    const from = body.effectiveFrom ?? today;
    if (from < `${addMonths(monthOf(now, timeZone), -24)}-01`) throw field('effectiveFrom', 'At most 24 months back');
    if (from > `${addMonths(monthOf(now, timeZone), 12)}-31`) throw field('effectiveFrom', 'At most 12 months ahead');
    next.statuses = withStatus(read.statuses, { status: body.status, from });
    changes.statuses = { from: read.statuses ?? [], to: next.statuses };
    next.status = statusOn(next.statuses, today);
    if (from.slice(0, 7) < effectiveMonth) effectiveMonth = from.slice(0, 7);
  }
  if (body.email !== undefined) change('email', body.email?.toLowerCase() ?? null);
  if (body.koefisienAk !== undefined) change('koefisienAk', body.koefisienAk);
  if (body.agencyId !== undefined && body.agencyId !== read.agencyId) {
    if (!(await getAgency(p.tenant, body.agencyId))) throw field('agencyId', 'Unknown agency in this region');
    change('agencyId', body.agencyId);
    if (body.unitId === undefined) change('unitId', null); // a unit belongs to the agency left behind
  }
  if (body.unitId !== undefined) {
    if (body.unitId !== null) {
      const unit = await getUnit(p.tenant, body.unitId);
      if (!unit) throw field('unitId', 'Unknown unit');
      if (unit.agencyId !== next.agencyId) throw field('unitId', 'The unit belongs to another agency');
    }
    change('unitId', body.unitId);
  }
  let supervisorChain: string[] | undefined;
  if (body.supervisorId !== undefined && body.supervisorId !== read.supervisorId) {
    if (body.supervisorId !== null) {
      if (body.supervisorId === read.id) throw field('supervisorId', 'An officer cannot supervise themself');
      const sup = await getOfficerItem(p.tenant, body.supervisorId);
      if (!sup) throw field('supervisorId', 'No officer with this id in this region');
      if (sup.ancestors?.includes(read.id)) throw field('supervisorId', 'This supervisor reports to the officer: the chain would loop');
      supervisorChain = [sup.id, ...(sup.ancestors ?? [])];
    } else supervisorChain = [];
    change('supervisorId', body.supervisorId);
    next.ancestors = supervisorChain;
  }
  if (Object.keys(changes).length === 0) return read;

  const at = now.toISOString();
  const saved = await saveOfficerChange(p.tenant, next, read, { at, by: p.officerId ?? p.sub, changes, ...(body.reason ? { reason: body.reason } : {}) }, at);
  if (!saved) throw Conflict('The officer was changed by someone else at the same time; reload and try again', [{ field: 'officer', message: 'Changed concurrently' }]);

  if (supervisorChain) {
    // The officer's own chain pairs, and every officer below them, follow the new supervisor.
    const below = await getOfficers(p.tenant, (await teamIds(p.tenant, read.id)).map((t) => t.officerId));
    await saveChains(p.tenant, [
      { officer: next, before: read.ancestors ?? [] },
      ...below.map((d) => ({ officer: { ...d, ancestors: rebaseChain(d.ancestors ?? [], read.id, supervisorChain) }, before: d.ancestors ?? [] })),
    ]);
  }
  if (changes.statuses || changes.email) await startAccountJob(p.tenant, [next]);
  if (changes.statuses || changes.agencyId) {
    await recountExpected(p.tenant, { now, agencyIds: [...new Set([read.agencyId, next.agencyId])], months: monthsSince(effectiveMonth, now, timeZone) });
  }
  const { ancestors: _a, ...view } = next;
  return view;
}

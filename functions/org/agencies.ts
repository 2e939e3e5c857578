// Agencies (OPD) and their service units: the BKPSDM (region_admin) adds and renames agencies; units
// are managed by the BKPSDM for any agency and by an agency_admin for their own. Every change audited.
import { createAgency, createUnit, updateAgency, updateUnit, type AgencyAudit } from '../data/agency-repository.js';
import { getAgency, getUnit, type Agency, type Unit } from '../data/org-repository.js';
import { candidateId, slugOf } from '../domain/organisation.js';
import { Conflict, Forbidden, NotFound } from '../domain/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { AgencyCreate, AgencyPatch, UnitCreate, UnitPatch } from './schema.js';

export { AgencyCreate, AgencyPatch, UnitCreate, UnitPatch };


/** Tries slug, slug-2, slug-3 …: ids stay readable and unique in the tenant (the write's condition decides). */
const AUTO_ID_ATTEMPTS = 20;

const audit = (p: Principal, changes: AgencyAudit['changes'], now: Date): AgencyAudit => ({ at: now.toISOString(), by: p.officerId ?? p.sub, changes });

/** Field-by-field differences between what is stored and what the body asks for. */
function diff<T extends object>(read: T, body: Partial<Record<keyof T, unknown>>): AgencyAudit['changes'] {
  const changes: AgencyAudit['changes'] = {};
  for (const [k, to] of Object.entries(body)) {
    const from = (read as Record<string, unknown>)[k];
    if (to !== undefined && (from ?? null) !== (to ?? null)) changes[k] = { from: from ?? null, to };
  }
  return changes;
}

const requireRegionAdmin = (p: Principal) => {
  if (!hasRole(p, 'region_admin')) throw Forbidden('Only the BKPSDM (region_admin) manages agencies');
};

/** Units: the BKPSDM for any agency of the tenant, an agency_admin for their own agency only. */
const requireUnitManager = (p: Principal, agencyId: string) => {
  if (hasRole(p, 'region_admin') || (hasRole(p, 'agency_admin') && p.agencyId === agencyId)) return;
  throw Forbidden('Only the BKPSDM or this agency\'s admin manages its units');
};

export async function addAgency(p: Principal, body: AgencyCreate, now = new Date()): Promise<Agency & { units: [] }> {
  requireRegionAdmin(p);
  const base = body.id ?? slugOf(body.name);
  const attempts = body.id ? 1 : AUTO_ID_ATTEMPTS;
  for (let n = 1; n <= attempts; n++) {
    const agency: Agency = { id: candidateId(base, n), name: body.name, shortName: body.shortName ?? body.name.slice(0, 40).trim(), kind: body.kind ?? 'lainnya' };
    const changes = Object.fromEntries(Object.entries(agency).map(([k, v]) => [k, { from: null, to: v }]));
    if (await createAgency(p.tenant, agency, audit(p, changes, now))) return { ...agency, units: [] };
  }
  throw Conflict(body.id ? 'An agency with this id already exists' : 'No free id for this name; give an id', [{ field: 'id', message: body.id ? 'Taken in this region' : 'Every id made from the name is taken' }]);
}

export async function changeAgency(p: Principal, agencyId: string, body: AgencyPatch, now = new Date()): Promise<Agency> {
  requireRegionAdmin(p);
  const read = await getAgency(p.tenant, agencyId);
  if (!read) throw NotFound('Agency');
  const changes = diff(read, body);
  if (Object.keys(changes).length === 0) return read;
  if (!(await updateAgency(p.tenant, agencyId, audit(p, changes, now)))) throw changedMeanwhile('agency');
  return { ...read, ...Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to])) };
}

export async function addUnit(p: Principal, agencyId: string, body: UnitCreate, now = new Date()): Promise<Unit> {
  requireUnitManager(p, agencyId);
  if (!(await getAgency(p.tenant, agencyId))) throw NotFound('Agency');
  // Unit ids are keys of the tenant, so the agency's id leads: "dinkes-puskesmas-baru".
  const base = slugOf(`${agencyId} ${body.name}`);
  for (let n = 1; n <= AUTO_ID_ATTEMPTS; n++) {
    const unit: Unit = { id: candidateId(base, n), agencyId, name: body.name, kind: body.kind, ...(body.yearlyServiceUsers !== undefined ? { yearlyServiceUsers: body.yearlyServiceUsers } : {}) };
    const changes = Object.fromEntries(Object.entries(unit).map(([k, v]) => [k, { from: null, to: v }]));
    if (await createUnit(p.tenant, unit, audit(p, changes, now))) return unit;
  }
  throw Conflict('No free id for this unit name', [{ field: 'name', message: 'Every id made from the name is taken' }]);
}

export async function changeUnit(p: Principal, agencyId: string, unitId: string, body: UnitPatch, now = new Date()): Promise<Unit> {
  requireUnitManager(p, agencyId);
  const read = await getUnit(p.tenant, unitId);
  if (!read || read.agencyId !== agencyId) throw NotFound('Unit');
  const changes = diff(read, body);
  if (Object.keys(changes).length === 0) return read;
  if (!(await updateUnit(p.tenant, read, audit(p, changes, now)))) throw changedMeanwhile('unit');
  const next: Record<string, unknown> = { ...read };
  for (const [k, c] of Object.entries(changes)) {
    if (c.to === null) delete next[k];
    else next[k] = c.to;
  }
  return next as unknown as Unit;
}

const changedMeanwhile = (what: string) =>
  Conflict(`The ${what} was changed by someone else at the same time; reload and try again`, [{ field: what, message: 'Changed concurrently' }]);

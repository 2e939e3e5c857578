// Bulk officer import (CSV, keyed by NIP): validate every line first, write only if all are good.
import { randomBytes } from 'node:crypto';
import { startAccountJob } from '../accounts/jobs.js';
import { findTenant } from '../config/tenants.js';
import { computeAncestors, rebaseChain } from '../domain/chain.js';
import { parseNip } from '../domain/nip.js';
import { OFFICER_STATUSES, statusOn, withStatus, type OfficerStatus } from '../domain/officer-status.js';
import { dayOf } from '../domain/periods.js';
import { claimNips, findNips, getOfficers, getTenantOrg, NipTaken, putOfficers, saveChains, teamIds, type Officer } from '../data/org-repository.js';
import * as keys from '../data/keys.js';
import type { Key } from '../data/keys.js';
import { Conflict, Invalid, Unavailable, type FieldProblem } from '../domain/errors.js';
import { logger } from '../http/logger.js';
import { parseCsv } from './csv.js';
import { recountExpected } from './expected.js';

export const IMPORT_HEADER = ['nip', 'name', 'position', 'grade', 'agencyId', 'unitId', 'supervisorNip'] as const;
/** Optional columns after the seven required ones, in any order (DESIGN §4). */
export const OPTIONAL_COLUMNS = ['email', 'status', 'koefisienAk'] as const;
import { EMAIL } from './schema.js';

export { EMAIL };
export const MAX_IMPORT_LINES = 50_000;
/** PNS golongan/ruang (I/a … IV/e) or a PPPK grade (I … XVII). */
const GRADE = /^(?:(?:I|II|III|IV)\/[a-e]|[IVX]{1,5})$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

export const newOfficerId = () => `ofc_${randomBytes(8).toString('hex')}`;

interface Line {
  line: number; nip: string; name: string; position: string; grade: string; agencyId: string; unitId: string; supervisorNip: string;
  email?: string; status?: OfficerStatus; koefisienAk?: number;
}

export async function importOfficers(tenant: string, csv: string, now = new Date()): Promise<{ created: number; updated: number; total: number; accountJobId: string }> {
  const parsed = parseCsv(csv);
  if (parsed.error) throw Invalid(`CSV is malformed at line ${parsed.error.line}`, [{ field: `line ${parsed.error.line}`, message: parsed.error.message }]);
  const [header, ...records] = parsed.rows;
  const columns = header?.fields.map((f) => f.trim()) ?? [];
  const extra = columns.slice(IMPORT_HEADER.length);
  if (!header || columns.slice(0, IMPORT_HEADER.length).join(',') !== IMPORT_HEADER.join(',')
    || extra.some((c) => !(OPTIONAL_COLUMNS as readonly string[]).includes(c)) || new Set(extra).size !== extra.length) {
    throw Invalid('The first line must be the header', [{ field: 'line 1', message: `Expected header: ${IMPORT_HEADER.join(',')}, optionally followed by ${OPTIONAL_COLUMNS.join(', ')}` }]);
  }
  if (records.length === 0) throw Invalid('The file has no officers', [{ field: 'line 2', message: 'No data lines' }]);
  if (records.length > MAX_IMPORT_LINES) throw Invalid(`At most ${MAX_IMPORT_LINES} officers per import`, [{ field: 'file', message: `${records.length} lines` }]);

  const errors: FieldProblem[] = [];
  const fail = (line: number, field: string, message: string) => { if (errors.length < 200) errors.push({ field: `line ${line}: ${field}`, message }); };
  const { agencies, units } = await getTenantOrg(tenant);
  const agencyIds = new Set(agencies.map((a) => a.id));
  const unitAgency = new Map(units.map((u) => [u.id, u.agencyId]));

  const lines: Line[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of records) {
    if (fields.length !== columns.length) { fail(line, 'row', `Expected ${columns.length} fields, found ${fields.length}`); continue; }
    const [nip, name, position, grade, agencyId, unitId, supervisorNip] = fields.map((f) => f.trim());
    const opt = Object.fromEntries(extra.map((c, i) => [c, fields[IMPORT_HEADER.length + i]!.trim()]));
    if (opt.email && !EMAIL.test(opt.email)) fail(line, 'email', 'Not an e-mail address');
    if (opt.status && !(OFFICER_STATUSES as readonly string[]).includes(opt.status)) fail(line, 'status', `One of ${OFFICER_STATUSES.join(', ')}`);
    const koef = opt.koefisienAk ? Number(opt.koefisienAk.replace(',', '.')) : undefined;
    if (koef !== undefined && !(Number.isFinite(koef) && koef > 0 && koef <= 100)) fail(line, 'koefisienAk', 'A number above 0 and at most 100');
    const nipCheck = parseNip(nip);
    if (!nipCheck.ok) fail(line, 'nip', nipCheck.reason);
    else if (seen.has(nip)) fail(line, 'nip', `Duplicate of line ${seen.get(nip)}`);
    else seen.set(nip, line);
    if (!name || name.length > 120 || CONTROL.test(name)) fail(line, 'name', 'Required, at most 120 characters, no control characters');
    if (!position || position.length > 160 || CONTROL.test(position)) fail(line, 'position', 'Required, at most 160 characters, no control characters');
    if (!GRADE.test(grade)) fail(line, 'grade', 'Expected a PNS golongan such as III/a or a PPPK grade such as IX');
    if (!agencyIds.has(agencyId)) fail(line, 'agencyId', `Unknown agency "${agencyId.slice(0, 40)}" in this tenant`);
    if (unitId && unitAgency.get(unitId) !== agencyId) fail(line, 'unitId', unitAgency.has(unitId) ? 'Unit belongs to another agency' : `Unknown unit "${unitId.slice(0, 40)}"`);
    if (supervisorNip && supervisorNip === nip) fail(line, 'supervisorNip', 'An officer cannot supervise themself');
    else if (supervisorNip && !parseNip(supervisorNip).ok) fail(line, 'supervisorNip', 'Not a valid NIP');
    lines.push({
      line, nip, name, position, grade, agencyId, unitId, supervisorNip,
      ...(opt.email ? { email: opt.email.toLowerCase() } : {}), ...(opt.status ? { status: opt.status as OfficerStatus } : {}), ...(koef !== undefined ? { koefisienAk: koef } : {}),
    });
  }
  if (errors.length) throw Invalid(`${errors.length} error(s) in the file; nothing was imported`, errors);

  // Resolve NIPs already known: their officer ids, other tenants' NIPs, supervisors outside the file.
  const outside = [...new Set(lines.map((l) => l.supervisorNip).filter((n) => n && !seen.has(n)))];
  const known = await findNips([...seen.keys(), ...outside]);
  for (const l of lines) {
    const entry = known.get(l.nip);
    if (entry && entry.tenant !== tenant) fail(l.line, 'nip', 'This NIP belongs to an officer of another region');
    if (l.supervisorNip && !seen.has(l.supervisorNip)) {
      const sup = known.get(l.supervisorNip);
      if (!sup || sup.tenant !== tenant) fail(l.line, 'supervisorNip', 'No officer with this NIP in the file or in this region');
    }
  }
  if (errors.length) throw Invalid(`${errors.length} error(s) in the file; nothing was imported`, errors);

  const idOf = new Map<string, string>();
  for (const l of lines) idOf.set(l.nip, known.get(l.nip)?.officerId ?? newOfficerId());
  for (const n of outside) idOf.set(n, known.get(n)!.officerId);
  const supOfNip = new Map(lines.map((l) => [l.nip, l.supervisorNip]));
  for (const l of lines) {
    // A supervisor cycle inside the file would make every chain check loop.
    const visited = new Set([l.nip]);
    for (let s = l.supervisorNip; s && supOfNip.has(s); s = supOfNip.get(s)!) {
      if (visited.has(s)) { fail(l.line, 'supervisorNip', 'Supervisor chain loops back to this officer'); break; }
      visited.add(s);
    }
  }
  if (errors.length) throw Invalid(`${errors.length} error(s) in the file; nothing was imported`, errors);

  // What the officers were before: statuses, e-mail and chains are kept, moves and chain changes found.
  const before = new Map((await getOfficers(tenant, [...new Set([...lines.map((l) => idOf.get(l.nip)!), ...outside.map((n) => idOf.get(n)!)])])).map((o) => [o.id, o]));
  const today = dayOf(now, findTenant(tenant)?.timeZone ?? 'Asia/Jakarta');
  const supervisorOf = new Map(lines.map((l) => [idOf.get(l.nip)!, l.supervisorNip ? idOf.get(l.supervisorNip)! : null]));
  const ancestors = computeAncestors(supervisorOf, new Map(outside.map((n) => [idOf.get(n)!, before.get(idOf.get(n)!)?.ancestors ?? []])));
  const officers: Officer[] = lines.map((l) => {
    const id = idOf.get(l.nip)!;
    const old = before.get(id);
    const statuses = l.status && l.status !== statusOn(old?.statuses, today) ? withStatus(old?.statuses, { status: l.status, from: today }) : old?.statuses;
    return {
      id, nip: l.nip, name: l.name, position: l.position, grade: l.grade, agencyId: l.agencyId,
      unitId: l.unitId || null, supervisorId: supervisorOf.get(id) ?? null,
      status: statusOn(statuses, today), ...(statuses?.length ? { statuses } : {}),
      ...(l.email ?? old?.email ? { email: l.email ?? old?.email } : {}),
      ...(l.koefisienAk ?? old?.koefisienAk ? { koefisienAk: l.koefisienAk ?? old?.koefisienAk } : {}),
      ancestors: ancestors.get(id) ?? [],
      ...(old?.roles?.length ? { roles: old.roles } : {}),
    };
  });
  const chainChanged = officers.filter((o) => before.has(o.id) && (before.get(o.id)!.ancestors ?? []).join() !== o.ancestors!.join());
  const stalePairs: Key[] = chainChanged.flatMap((o) => (before.get(o.id)!.ancestors ?? []).filter((a) => !o.ancestors!.includes(a)).map((a) => keys.chainEntry(tenant, a, o.id)));

  // New NIPs are claimed with conditional writes first: a concurrent import of the same NIP loses cleanly.
  const fresh = officers.filter((o) => !known.has(o.nip));
  try {
    await claimNips(tenant, fresh);
  } catch (error) {
    if (error instanceof NipTaken) {
      const line = lines.find((l) => l.nip === error.nip)?.line ?? 0;
      throw Conflict('A NIP in the file was registered by another import at the same time; nothing was imported', [{ field: `line ${line}: nip`, message: 'This NIP is already registered' }]);
    }
    throw error;
  }
  let lastLogged = 0, saved = 0;
  try {
    await putOfficers(tenant, officers, (done) => {
      saved = done;
      if (done - lastLogged >= 5000 || done === officers.length) { lastLogged = done; logger.info('officer import progress', { tenant, done, total: officers.length }); }
    }, stalePairs, new Set(fresh.map((o) => o.nip)));
    // Officers outside the file below someone whose chain changed follow the new chain.
    const inFile = new Set(officers.map((o) => o.id));
    const descendants = new Map<string, { officer: Officer; before: string[] }>();
    for (const moved of chainChanged) {
      const below = (await getOfficers(tenant, (await teamIds(tenant, moved.id)).map((t) => t.officerId))).filter((o) => !inFile.has(o.id));
      for (const d of below) {
        const current = descendants.get(d.id)?.officer ?? d;
        descendants.set(d.id, { officer: { ...current, ancestors: rebaseChain(current.ancestors ?? [], moved.id, moved.ancestors!) }, before: descendants.get(d.id)?.before ?? d.ancestors ?? [] });
      }
    }
    await saveChains(tenant, [...descendants.values()]);
  } catch (error) {
    // The file was valid, but storage failed part-way. Officers are keyed by NIP, so sending the
    // same file again completes the import without duplicates: say so rather than "nothing saved".
    logger.error('officer import interrupted', { tenant, saved, total: officers.length, error: error as Error });
    throw Unavailable(5, 'IMPORT_INTERRUPTED', `Import interrupted after about ${saved} of ${officers.length} officers; send the same file again to finish (already saved officers are updated, not duplicated)`);
  }
  // The month's expected reporters of every agency an officer joined or left.
  const touched = new Set([...officers.map((o) => o.agencyId), ...officers.map((o) => before.get(o.id)?.agencyId).filter((a): a is string => !!a)]);
  await recountExpected(tenant, { now, agencyIds: [...touched] });
  // Accounts follow the officer data: created and invited with an e-mail, disabled when service ends,
  // in the background (the account worker); the admin follows the job (GET /v1/account-jobs/{id}).
  const job = await startAccountJob(tenant, officers, now);
  const updated = lines.filter((l) => known.has(l.nip)).length;
  return { created: lines.length - updated, updated, total: lines.length, accountJobId: job.id };
}

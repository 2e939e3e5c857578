// Bulk officer import (CSV, keyed by NIP): validate every line first, write only if all are good.
import { randomBytes } from 'node:crypto';
import { parseNip } from '../domain/nip.js';
import { findNips, getTenantOrg, putOfficers, type Officer } from '../data/org-repository.js';
import { badRequest, HttpError, type ErrorDetail } from '../http/errors.js';
import { logger } from '../http/logger.js';
import { parseCsv } from './csv.js';

export const IMPORT_HEADER = ['nip', 'name', 'position', 'grade', 'agencyId', 'unitId', 'supervisorNip'] as const;
export const MAX_IMPORT_LINES = 50_000;
/** PNS golongan/ruang (I/a … IV/e) or a PPPK grade (I … XVII). */
const GRADE = /^(?:(?:I|II|III|IV)\/[a-e]|[IVX]{1,5})$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

export const newOfficerId = () => `ofc_${randomBytes(8).toString('hex')}`;

interface Line { line: number; nip: string; name: string; position: string; grade: string; agencyId: string; unitId: string; supervisorNip: string }

export async function importOfficers(tenant: string, csv: string): Promise<{ created: number; updated: number; total: number }> {
  const parsed = parseCsv(csv);
  if (parsed.error) throw badRequest(`CSV is malformed at line ${parsed.error.line}`, [{ field: `line ${parsed.error.line}`, message: parsed.error.message }]);
  const [header, ...records] = parsed.rows;
  if (!header || header.fields.map((f) => f.trim()).join(',') !== IMPORT_HEADER.join(',')) {
    throw badRequest('The first line must be the header', [{ field: 'line 1', message: `Expected header: ${IMPORT_HEADER.join(',')}` }]);
  }
  if (records.length === 0) throw badRequest('The file has no officers', [{ field: 'line 2', message: 'No data lines' }]);
  if (records.length > MAX_IMPORT_LINES) throw badRequest(`At most ${MAX_IMPORT_LINES} officers per import`, [{ field: 'file', message: `${records.length} lines` }]);

  const errors: ErrorDetail[] = [];
  const fail = (line: number, field: string, message: string) => { if (errors.length < 200) errors.push({ field: `line ${line}: ${field}`, message }); };
  const { agencies, units } = await getTenantOrg(tenant);
  const agencyIds = new Set(agencies.map((a) => a.id));
  const unitAgency = new Map(units.map((u) => [u.id, u.agencyId]));

  const lines: Line[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of records) {
    if (fields.length !== IMPORT_HEADER.length) { fail(line, 'row', `Expected ${IMPORT_HEADER.length} fields, found ${fields.length}`); continue; }
    const [nip, name, position, grade, agencyId, unitId, supervisorNip] = fields.map((f) => f.trim());
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
    lines.push({ line, nip, name, position, grade, agencyId, unitId, supervisorNip });
  }
  if (errors.length) throw badRequest(`${errors.length} error(s) in the file; nothing was imported`, errors);

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
  if (errors.length) throw badRequest(`${errors.length} error(s) in the file; nothing was imported`, errors);

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
  if (errors.length) throw badRequest(`${errors.length} error(s) in the file; nothing was imported`, errors);

  const officers: Officer[] = lines.map((l) => ({
    id: idOf.get(l.nip)!, nip: l.nip, name: l.name, position: l.position, grade: l.grade, agencyId: l.agencyId,
    unitId: l.unitId || null, supervisorId: l.supervisorNip ? idOf.get(l.supervisorNip)! : null,
  }));
  let lastLogged = 0, saved = 0;
  try {
    await putOfficers(tenant, officers, (done) => {
      saved = done;
      if (done - lastLogged >= 5000 || done === officers.length) { lastLogged = done; logger.info('officer import progress', { tenant, done, total: officers.length }); }
    });
  } catch (error) {
    // The file was valid, but storage failed part-way. Officers are keyed by NIP, so sending the
    // same file again completes the import without duplicates: say so rather than "nothing saved".
    logger.error('officer import interrupted', { tenant, saved, total: officers.length, error: error as Error });
    throw new HttpError(503, 'IMPORT_INTERRUPTED', `Import interrupted after about ${saved} of ${officers.length} officers; send the same file again to finish (already saved officers are updated, not duplicated)`, [], { 'retry-after': '5' });
  }
  const updated = lines.filter((l) => known.has(l.nip)).length;
  return { created: lines.length - updated, updated, total: lines.length };
}

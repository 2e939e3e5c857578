// Score reads: an officer's monthly scores as the caller may see them (the officer × month series).
import { findTenant } from '../config/tenants.js';
import { listScores } from '../data/score-repository.js';
import { addMonths, monthOf } from '../domain/periods.js';
import { readableOfficer } from '../http/access.js';
import { Forbidden, Invalid } from '../domain/errors.js';
import { hasRole, type Principal } from '../http/principal.js';

const MAX_MONTHS = 60;

/** Months `from`..`to` inclusive; defaults to the 12 months ending with the current one in the tenant's zone. */
export async function officerScores(p: Principal, officerId: string, from?: string, to?: string) {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  await readableOfficer(p, officerId);
  const last = to ?? monthOf(new Date(), findTenant(p.tenant)?.timeZone ?? 'Asia/Jakarta');
  const first = from ?? addMonths(last, -11);
  if (first > last) throw Invalid('from is after to', [{ field: 'from', message: `Must not be after ${last}` }]);
  if (first < addMonths(last, -(MAX_MONTHS - 1))) throw Invalid(`At most ${MAX_MONTHS} months at a time`, [{ field: 'from', message: 'Range too long' }]);
  const scores = await listScores(p.tenant, officerId, first, last);
  return {
    officerId, from: first, to: last,
    scores: scores.map((s) => ({
      period: s.period, capaian: s.capaian, hasilKerja: s.hasilKerja, hasilKerjaSuggested: s.hasilKerjaSuggested,
      hasilKerjaOverridden: s.hasilKerjaOverridden, perilaku: s.perilaku, predikat: s.predikat, reportId: s.reportId,
    })),
  };
}

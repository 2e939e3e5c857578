// Scores function: an officer's monthly scores (capaian, hasil kerja, perilaku, predikat).
import { z } from 'zod';
import { findTenant } from '../config/tenants.js';
import { listScores } from '../data/score-repository.js';
import { addMonths, monthOf } from '../domain/periods.js';
import { readableOfficer } from '../http/access.js';
import { httpApi, ok, type Routes } from '../http/api.js';
import { badRequest, forbidden } from '../http/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { parse } from '../http/validation.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month YYYY-MM');
const ScoresQuery = z.object({ from: month.optional(), to: month.optional() });
const MAX_MONTHS = 60;

async function officerScores(p: Principal, officerId: string, from?: string, to?: string) {
  if (hasRole(p, 'national')) throw forbidden('National readers see aggregates only');
  await readableOfficer(p, officerId);
  const last = to ?? monthOf(new Date(), findTenant(p.tenant)?.timeZone ?? 'Asia/Jakarta');
  const first = from ?? addMonths(last, -11);
  if (first > last) throw badRequest('from is after to', [{ field: 'from', message: `Must not be after ${last}` }]);
  if (first < addMonths(last, -(MAX_MONTHS - 1))) throw badRequest(`At most ${MAX_MONTHS} months at a time`, [{ field: 'from', message: 'Range too long' }]);
  const scores = await listScores(p.tenant, officerId, first, last);
  return {
    officerId, from: first, to: last,
    scores: scores.map((s) => ({
      period: s.period, capaian: s.capaian, hasilKerja: s.hasilKerja, hasilKerjaSuggested: s.hasilKerjaSuggested,
      hasilKerjaOverridden: s.hasilKerjaOverridden, perilaku: s.perilaku, predikat: s.predikat, reportId: s.reportId,
    })),
  };
}

const routes: Routes = {
  'GET /v1/officers/{id}/scores': {
    auth: 'user',
    handle: async ({ principal, params, query }) => {
      const { from, to } = parse(ScoresQuery, query, 'query');
      return ok(await officerScores(principal, params.id, from, to));
    },
  },
};

export const handler = httpApi(routes);

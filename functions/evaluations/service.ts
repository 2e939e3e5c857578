// Evaluation runs started by the BKPSDM, and an officer's evaluations as the dashboard shows them.
import { findTenant } from '../config/tenants.js';
import { hasEnded } from '../domain/periods.js';
import { readableOfficer } from '../http/access.js';
import { badRequest, forbidden, notFound } from '../http/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { startRun } from './dispatcher.js';
import { finalPredikat, listEvaluations } from './repository.js';
import { getRun, type EvaluationRun } from './runs.js';

const requireRegionAdmin = (p: Principal) => {
  if (!hasRole(p, 'region_admin')) throw forbidden('Only the BKPSDM (region_admin) runs evaluations');
};

export async function startEvaluationRun(p: Principal, period: string, now = new Date()): Promise<EvaluationRun> {
  requireRegionAdmin(p);
  const tenant = findTenant(p.tenant);
  if (!tenant) throw notFound('Tenant');
  if (!hasEnded(period, now, tenant.timeZone)) {
    throw badRequest(`${period} has not ended yet in ${tenant.timeZone}`, [{ field: 'period', message: 'The period must have ended in the city\'s time zone' }]);
  }
  return startRun(p.tenant, period, { trigger: 'manual', startedBy: p.officerId ?? p.sub, now });
}

export async function evaluationRun(p: Principal, runId: string): Promise<EvaluationRun> {
  requireRegionAdmin(p);
  const run = await getRun(p.tenant, runId);
  if (!run) throw notFound('Evaluation run');
  return run;
}

export async function officerEvaluations(p: Principal, officerId: string, year?: number) {
  const officer = await readableOfficer(p, officerId);
  const list = await listEvaluations(p.tenant, officer.id, year ? String(year) : '');
  return {
    officerId: officer.id,
    evaluations: list.map((e) => ({
      id: e.id, period: e.period, capaian: e.capaian, hasilKerja: e.hasilKerja, perilaku: e.perilaku, predikat: e.predikat,
      finalPredikat: finalPredikat(e), ikm: e.ikm, trainingJp: e.trainingJp, flags: e.flags, recommendations: e.recommendations,
      evaluatedAt: e.evaluatedAt, runId: e.runId, objection: e.objection ?? null,
    })),
  };
}

// An officer's evaluations as the dashboard shows them.
import { readableOfficer } from '../http/access.js';
import type { Principal } from '../http/principal.js';
import { finalPredikat, listEvaluations } from './repository.js';

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

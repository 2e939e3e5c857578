// An evaluation's change history (DESIGN §2 audit): its first run, the reruns that changed it,
// publication, the objection and its decision — who and when — for whoever may see the evaluation.
import { getOfficers } from '../data/org-repository.js';
import { readableOfficer } from '../http/access.js';
import { NotFound } from '../domain/errors.js';
import type { Principal } from '../http/principal.js';
import { getEvaluation, parseEvaluationId, publishedAt } from './repository.js';

export interface HistoryEntry { at: string; action: 'evaluated' | 'rerun' | 'published' | 'objection' | 'decision'; by: string | null; byName?: string | null; runId?: string; changes: string[] }

export async function evaluationHistory(p: Principal, id: string) {
  const ref = parseEvaluationId(id);
  if (!ref) throw NotFound('Evaluation');
  await readableOfficer(p, ref.officerId);
  const e = await getEvaluation(p.tenant, ref.officerId, ref.period);
  if (!e) throw NotFound('Evaluation');
  const published = await publishedAt(p.tenant, e);
  const entries: HistoryEntry[] = [
    { at: e.firstEvaluatedAt ?? e.evaluatedAt, action: 'evaluated', by: null, runId: (e.history?.length ? undefined : e.runId), changes: [] },
    ...(e.history ?? []).map((h) => ({ at: h.at, action: 'rerun' as const, by: null, runId: h.runId, changes: h.changes })),
    ...(published ? [{ at: published, action: 'published' as const, by: null, changes: [] }] : []),
    ...(e.objection ? [{ at: e.objection.filedAt, action: 'objection' as const, by: e.objection.filedBy, changes: [e.objection.reason] }] : []),
    ...(e.objection?.decision ? [{
      at: e.objection.decision.decidedAt, action: 'decision' as const, by: e.objection.decision.decidedBy,
      changes: [e.objection.decision.decision, ...(e.objection.decision.amendedPredikat ? [`predikat ${e.predikat} → ${e.objection.decision.amendedPredikat}`] : []), e.objection.decision.note],
    }] : []),
  ];
  const names = new Map((await getOfficers(p.tenant, [...new Set(entries.map((x) => x.by).filter((b): b is string => !!b))])).map((o) => [o.id, o.name]));
  return {
    id: e.id, period: e.period,
    items: entries.map((x) => ({ ...x, ...(x.by ? { byName: names.get(x.by) ?? null } : {}) })).sort((a, b) => b.at.localeCompare(a.at)),
    nextCursor: null,
  };
}

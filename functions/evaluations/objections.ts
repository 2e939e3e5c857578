// Keberatan (DESIGN §2): the officer objects within 14 days of the evaluation's publication; the
// supervisor's supervisor (the BKPSDM where there is none) upholds or amends. Objection and decision
// stay on the evaluation item; an amendment recomputes every recommendation from the amended predikat.
import { findTenant } from '../config/tenants.js';
import { getOfficer } from '../data/org-repository.js';
import { loadPolicy } from '../data/policy-repository.js';
import type { Predikat } from '../domain/types.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.js';
import { decodeCursor, encodeCursor, pageLimit, type PageRequest } from '../http/paging.js';
import { hasRole, type Principal } from '../http/principal.js';
import { isoInZone } from '../domain/calendar.js';
import { earlierNeeded, lookBack, outcomeOf } from './evaluate-officer.js';
import { earlierPeriods } from './inputs.js';
import { BKPSDM_DECIDER, decideObjectionItem, fileObjectionItem, finalPredikat, getEvaluation, moveFinalPredikat, objectionQueue, pageObjections, parseEvaluationId, publishedAt, type Evaluation, type Objection } from './repository.js';

/** Days after publication during which the officer may object. */
export const OBJECTION_WINDOW_DAYS = 14;

// DESIGN §2 keberatan: open for 14 days after publication
export const objectionDeadline = (published: string): string => new Date(Date.parse(published) + OBJECTION_WINDOW_DAYS * 86_400_000).toISOString();
export const objectionOpen = (published: string, now: Date): boolean => now.toISOString() <= objectionDeadline(published);

async function load(tenant: string, id: string): Promise<Evaluation> {
  const ref = parseEvaluationId(id);
  const evaluation = ref && (await getEvaluation(tenant, ref.officerId, ref.period));
  if (!evaluation) throw NotFound('Evaluation');
  return evaluation;
}

export async function fileObjection(p: Principal, evaluationId: string, reason: string, now = new Date()): Promise<Objection> {
  const evaluation = await load(p.tenant, evaluationId);
  if (p.officerId !== evaluation.officerId) throw Forbidden('Only the evaluated officer may object');
  if (evaluation.objection) throw Conflict('This evaluation already has an objection');
  const published = await publishedAt(p.tenant, evaluation);
  if (!published) throw Conflict('This evaluation is not published yet: its run is still going', [{ field: 'evaluation', message: `Run ${evaluation.runId} is running` }]);
  if (!objectionOpen(published, now)) {
    const tz = findTenant(p.tenant)?.timeZone ?? 'Asia/Jakarta';
    throw Invalid(`Objections close ${OBJECTION_WINDOW_DAYS} days after publication`, [{ field: 'evaluation', message: `Published ${isoInZone(new Date(published), tz)}; closed ${isoInZone(new Date(objectionDeadline(published)), tz)}` }]);
  }
  const officer = await getOfficer(p.tenant, evaluation.officerId);
  // The supervisor's supervisor, from the stored chain (the BKPSDM decides where the chain is shorter).
  const deciderId = officer?.ancestors ? (officer.ancestors[1] ?? null)
    : (officer?.supervisorId ? (await getOfficer(p.tenant, officer.supervisorId))?.supervisorId ?? null : null);
  const objection: Objection = { id: evaluation.id, reason, filedAt: now.toISOString(), filedBy: p.officerId, deciderId, status: 'pending' };
  if (!(await fileObjectionItem(p.tenant, evaluation, objection))) throw Conflict('This evaluation already has an objection');
  return objection;
}

export interface DecisionInput { decision: 'uphold' | 'amend'; note: string; amendedPredikat?: Predikat }

export async function decideObjection(p: Principal, objectionId: string, input: DecisionInput, now = new Date()): Promise<Objection & { finalPredikat: Predikat | null; recommendations: Evaluation['recommendations'] }> {
  const evaluation = await load(p.tenant, objectionId);
  const objection = evaluation.objection;
  if (!objection) throw NotFound('Objection');
  const mayDecide = objection.deciderId ? p.officerId === objection.deciderId : hasRole(p, 'region_admin');
  if (!mayDecide) throw Forbidden('Only the supervisor\'s supervisor decides this objection');
  if (objection.status !== 'pending') throw Conflict('This objection has already been decided');
  if (input.decision === 'amend' && !input.amendedPredikat) {
    throw Invalid('An amendment names the new predikat', [{ field: 'amendedPredikat', message: 'Required when decision is amend' }]);
  }
  const decided: Objection = {
    ...objection,
    status: input.decision === 'amend' ? 'amended' : 'upheld',
    decision: {
      decision: input.decision, note: input.note, decidedBy: p.officerId ?? p.sub, decidedAt: now.toISOString(),
      ...(input.decision === 'amend' ? { amendedPredikat: input.amendedPredikat } : {}),
    },
  };
  // DESIGN §2: every recommendation (tunjangan cut, sanction, award candidacy) follows the final predikat.
  const final = finalPredikat({ ...evaluation, objection: decided });
  let outcome = { flags: evaluation.flags, recommendations: evaluation.recommendations };
  if (input.decision === 'amend') {
    const policy = await loadPolicy(p.tenant);
    const earlier = earlierPeriods(evaluation.period, lookBack(policy));
    const needed = earlier.slice(earlier.length - earlierNeeded({ period: evaluation.period, scores: [], policy, amendedPredikat: final }));
    const previous = await Promise.all(earlier.map(async (period) => {
      if (!needed.includes(period)) return null;
      const e = await getEvaluation(p.tenant, evaluation.officerId, period);
      return e ? finalPredikat(e) : null;
    }));
    outcome = outcomeOf(final, evaluation.flags, previous, policy);
  }
  if (!(await decideObjectionItem(p.tenant, evaluation, decided, outcome))) throw Conflict('This objection has already been decided');
  if (final) await moveFinalPredikat(evaluation, finalPredikat(evaluation), final);
  return { ...decided, finalPredikat: final, recommendations: outcome.recommendations };
}

/** GET /v1/objections: the objections waiting for the caller's decision (or decided by them), oldest first;
 *  `queue=bkpsdm` gives a region_admin those without a supervisor's supervisor. */
export async function listObjections(p: Principal, q: PageRequest & { status?: 'pending' | 'decided'; queue?: 'mine' | 'bkpsdm' }) {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  const bkpsdm = q.queue === 'bkpsdm';
  if (bkpsdm && !hasRole(p, 'region_admin')) throw Forbidden('The BKPSDM queue is for region_admin');
  const decider = bkpsdm ? BKPSDM_DECIDER : p.officerId;
  if (!decider) return { items: [], objections: [], nextCursor: null };
  const status = q.status ?? 'pending';
  const startKey = decodeCursor(q.cursor, { GSI2PK: objectionQueue(p.tenant, decider, status) });
  const page = await pageObjections(p.tenant, decider, status, { limit: pageLimit(q), startKey });
  const tz = findTenant(p.tenant)?.timeZone ?? 'Asia/Jakarta';
  const items = await Promise.all(page.items.map(async (e) => {
    const officer = await getOfficer(p.tenant, e.officerId);
    const published = await publishedAt(p.tenant, e);
    return {
      id: e.objection!.id, status: e.objection!.status, reason: e.objection!.reason, filedAt: e.objection!.filedAt,
      filedAtLocal: isoInZone(new Date(e.objection!.filedAt), tz), decision: e.objection!.decision ?? null,
      officer: officer ? { id: officer.id, nip: officer.nip, name: officer.name, position: officer.position, agencyId: officer.agencyId } : null,
      evaluation: {
        id: e.id, period: e.period, capaian: e.capaian, hasilKerja: e.hasilKerja, perilaku: e.perilaku, predikat: e.predikat,
        finalPredikat: finalPredikat(e), flags: e.flags, recommendations: e.recommendations, publishedAt: published,
      },
    };
  }));
  return { items, objections: items, nextCursor: encodeCursor(page.lastKey) };
}

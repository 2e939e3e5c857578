// Keberatan (DESIGN §2): the officer objects within 14 days of the evaluation; the supervisor's
// supervisor upholds or amends. Objection and decision both stay on the evaluation item.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../data/client.js';
import { keys } from '../data/keys.js';
import { getOfficer } from '../data/org-repository.js';
import type { Predikat } from '../domain/types.js';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { getEvaluation, parseEvaluationId, type Evaluation, type Objection } from './repository.js';
import { conditionFailed } from '../data/conditions.js';

/** Days after the evaluation during which the officer may object. */
export const OBJECTION_WINDOW_DAYS = 14;

// DESIGN §2 keberatan: open for 14 days after the evaluation
export const objectionOpen = (evaluatedAt: string, now: Date): boolean =>
  now.getTime() - new Date(evaluatedAt).getTime() <= OBJECTION_WINDOW_DAYS * 86_400_000;

async function load(tenant: string, id: string): Promise<Evaluation> {
  const ref = parseEvaluationId(id);
  const evaluation = ref && (await getEvaluation(tenant, ref.officerId, ref.period));
  if (!evaluation) throw notFound('Evaluation');
  return evaluation;
}


export async function fileObjection(p: Principal, evaluationId: string, reason: string, now = new Date()): Promise<Objection> {
  const evaluation = await load(p.tenant, evaluationId);
  if (p.officerId !== evaluation.officerId) throw forbidden('Only the evaluated officer may object');
  if (evaluation.objection) throw conflict('This evaluation already has an objection');
  if (!objectionOpen(evaluation.evaluatedAt, now)) {
    throw badRequest(`Objections close ${OBJECTION_WINDOW_DAYS} days after the evaluation`, [{ field: 'evaluation', message: `Evaluated at ${evaluation.evaluatedAt}` }]);
  }
  const officer = await getOfficer(p.tenant, evaluation.officerId);
  const supervisor = officer?.supervisorId ? await getOfficer(p.tenant, officer.supervisorId) : undefined;
  const objection: Objection = {
    id: evaluation.id, reason, filedAt: now.toISOString(), filedBy: p.officerId,
    deciderId: supervisor?.supervisorId ?? null, status: 'pending',
  };
  try {
    await ddb().send(new UpdateCommand({
      TableName: tableName(),
      Key: keys.evaluation(p.tenant, evaluation.officerId, evaluation.period),
      UpdateExpression: 'SET objection = :o',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(objection)',
      ExpressionAttributeValues: { ':o': objection },
    }));
  } catch (error) {
    if (conditionFailed(error)) throw conflict('This evaluation already has an objection');
    throw error;
  }
  return objection;
}

export interface DecisionInput { decision: 'uphold' | 'amend'; note: string; amendedPredikat?: Predikat }

export async function decideObjection(p: Principal, objectionId: string, input: DecisionInput, now = new Date()): Promise<Objection> {
  const evaluation = await load(p.tenant, objectionId);
  const objection = evaluation.objection;
  if (!objection) throw notFound('Objection');
  const mayDecide = objection.deciderId ? p.officerId === objection.deciderId : hasRole(p, 'region_admin');
  if (!mayDecide) throw forbidden('Only the supervisor\'s supervisor decides this objection');
  if (objection.status !== 'pending') throw conflict('This objection has already been decided');
  if (input.decision === 'amend' && !input.amendedPredikat) {
    throw badRequest('An amendment names the new predikat', [{ field: 'amendedPredikat', message: 'Required when decision is amend' }]);
  }
  const decided: Objection = {
    ...objection,
    status: input.decision === 'amend' ? 'amended' : 'upheld',
    decision: {
      decision: input.decision, note: input.note, decidedBy: p.officerId ?? p.sub, decidedAt: now.toISOString(),
      ...(input.decision === 'amend' ? { amendedPredikat: input.amendedPredikat } : {}),
    },
  };
  try {
    await ddb().send(new UpdateCommand({
      TableName: tableName(),
      Key: keys.evaluation(p.tenant, evaluation.officerId, evaluation.period),
      UpdateExpression: 'SET objection = :o',
      ConditionExpression: 'objection.#s = :pending',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':o': decided, ':pending': 'pending' },
    }));
  } catch (error) {
    if (conditionFailed(error)) throw conflict('This objection has already been decided');
    throw error;
  }
  return decided;
}

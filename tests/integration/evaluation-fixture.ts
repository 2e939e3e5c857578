// Evaluations a test puts directly (not through a run) are listed by the period's readers only once a
// run names them: this writes what a run's dispatcher and its end would (membership pages, the period's
// published run), keeping the officers of the run published before it.
import { queryAll } from '../../functions/data/batch.js';
import * as keys from '../../functions/data/keys.js';
import { publishedRunOf, publishRun, putRunMembers, type RunMember } from '../../functions/evaluations/repository.js';

let runs = 0;

export async function publishAsRun(tenant: string, period: string, evaluated: readonly { officerId: string; agencyId: string }[]): Promise<string> {
  const members = new Map<string, RunMember>();
  const before = await publishedRunOf(tenant, period);
  if (before) {
    const pages = await queryAll<{ agencyId: string; officerIds: string[] }>({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.evaluationMembers(tenant, period, before) } });
    for (const page of pages) for (const id of page.officerIds) members.set(id, { id, agencyId: page.agencyId });
  }
  for (const e of evaluated) members.set(e.officerId, { id: e.officerId, agencyId: e.agencyId });
  const runId = `fixture_${period}_${++runs}_${Date.now()}`;
  await putRunMembers(tenant, period, runId, [...members.values()]);
  await publishRun(tenant, period, runId, new Date(Date.now() + runs).toISOString());
  return runId;
}

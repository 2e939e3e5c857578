// An officer's evaluations as the dashboard shows them: one page, with publication and the
// objection deadline (DESIGN §2: 14 days from publication), in the tenant's zone.
import { batchGet } from '../data/batch.js';
import * as keys from '../data/keys.js';
import { readableOfficer } from '../http/access.js';
import { decodeCursor, encodeCursor, pageLimit, type PageRequest } from '../http/paging.js';
import type { Principal } from '../http/principal.js';
import { objectionDeadline } from './objections.js';
import { finalPredikat, pageEvaluations, publicationOf, type Evaluation } from './repository.js';

/** Publication of each evaluation of a page: its own stamp or its run's end (runs read in one BatchGet). */
async function publications(tenant: string, list: readonly Evaluation[]): Promise<Map<string, string | null>> {
  const runIds = [...new Set(list.filter((e) => !e.publishedAt).map((e) => e.runId))];
  const runs = new Map((await batchGet<{ id: string; status: string; endedAt: string | null }>(runIds.map((id) => keys.evaluationRun(tenant, id)))).map((r) => [r.id, r]));
  return new Map(list.map((e) => [e.id, publicationOf(e, runs.get(e.runId))]));
}

export async function officerEvaluations(p: Principal, officerId: string, q: PageRequest & { year?: number }) {
  const officer = await readableOfficer(p, officerId);
  const startKey = decodeCursor(q.cursor, { PK: keys.officerPartition(p.tenant, officer.id) });
  const page = await pageEvaluations(p.tenant, officer.id, q.year ? String(q.year) : '', { limit: pageLimit(q), startKey });
  const published = await publications(p.tenant, page.items);
  const items = page.items.map((e) => {
    const at = published.get(e.id) ?? null;
    return {
      id: e.id, period: e.period, capaian: e.capaian, hasilKerja: e.hasilKerja, perilaku: e.perilaku, predikat: e.predikat,
      finalPredikat: finalPredikat(e), ikm: e.ikm, trainingJp: e.trainingJp, flags: e.flags, recommendations: e.recommendations,
      evaluatedAt: e.evaluatedAt, runId: e.runId, status: at ? 'published' : 'draft', publishedAt: at,
      objectionDeadline: at ? objectionDeadline(at) : null, objection: e.objection ?? null,
    };
  });
  return { officerId: officer.id, items, evaluations: items, nextCursor: encodeCursor(page.lastKey) };
}

// Who may print what: exactly who may read the data the document prints (functions/http/access.ts),
// so nobody receives another officer's PDF; the agency bundle is for the agency's admin and the BKPSDM.
import { zipSync } from 'fflate';
import { inParallel } from '../data/batch.js';
import { getAgency, getOfficers } from '../data/org-repository.js';
import { evaluationsOfPeriod, getEvaluation, pageEvaluationsOfPeriod, parseEvaluationId } from '../evaluations/repository.js';
import { readableOfficer } from '../http/access.js';
import { Forbidden, NotFound, TooLarge } from '../domain/errors.js';
import { decodeCursor, encodeCursor, type PageRequest } from '../http/paging.js';
import { hasRole, type Principal } from '../http/principal.js';
import { readableAward } from '../awards/service.js';
import { renderCertificate } from './certificate.js';
import { loadEvaluation, renderEvaluation } from './evaluation.js';
import { loadSkp, renderSkp } from './skp.js';

export interface Document { bytes: Uint8Array; filename: string }

/** Lambda answers at most 6 MB, base64 included (4/3): a bundle stays under this many bytes. */
export const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;
/** Evaluations per bundle page: 100 documents render within the §6 budget of 15 s. */
export const DEFAULT_BUNDLE_SIZE = 100;
const BUNDLE_CONCURRENCY = 8;

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-+/g, '-').slice(0, 80);

export async function skpDocument(p: Principal, officerId: string, year: number): Promise<Document> {
  const officer = await readableOfficer(p, officerId);
  const bytes = await renderSkp(await loadSkp(p.tenant, officer, year));
  return { bytes, filename: `SKP-${officer.nip}-${year}.pdf` };
}

export async function evaluationDocument(p: Principal, id: string): Promise<Document> {
  const ref = parseEvaluationId(id);
  if (!ref) throw NotFound('Evaluation');
  const officer = await readableOfficer(p, ref.officerId);
  const e = await getEvaluation(p.tenant, officer.id, ref.period);
  if (!e) throw NotFound('Evaluation');
  const bytes = await renderEvaluation(await loadEvaluation(p.tenant, officer, e));
  return { bytes, filename: `Evaluasi-${officer.nip}-${e.period}.pdf` };
}

export async function certificateDocument(p: Principal, id: string): Promise<Document> {
  const award = await readableAward(p, id);
  return { bytes: await renderCertificate(p.tenant, award), filename: `Piagam-${award.officerNip}-${award.kind}-${award.period}.pdf` };
}

const tooLarge = (count: number, limit: number) => TooLarge('PAYLOAD_TOO_LARGE',
  `${count} documents make a ZIP over ${Math.round(MAX_BUNDLE_BYTES / 1048576)} MB; ask for fewer with limit (now ${limit}) and follow the next cursor`);

/**
 * One page of an agency's evaluation documents of a period as a ZIP (one PDF per evaluation, named by
 * NIP): `limit` evaluations (default 100) in officer order, the next page's cursor beside it. A page whose
 * ZIP would not fit in a Lambda response is refused (413) naming a smaller limit, never truncated.
 */
export async function agencyBundle(p: Principal, agencyId: string, q: PageRequest & { period: string }): Promise<Document & { count: number; nextCursor: string | null }> {
  if (hasRole(p, 'national')) throw Forbidden('National readers see aggregates only');
  const agency = await getAgency(p.tenant, agencyId);
  if (!agency) throw NotFound('Agency');
  if (!hasRole(p, 'region_admin') && !(hasRole(p, 'agency_admin') && p.agencyId === agencyId)) throw Forbidden('Only the agency\'s admin and the BKPSDM download its documents');
  const limit = q.limit ?? DEFAULT_BUNDLE_SIZE;
  const startKey = decodeCursor(q.cursor, { GSI1PK: evaluationsOfPeriod(p.tenant, q.period) }, { GSI1SK: `AGENCY#${agencyId}#` });
  const page = await pageEvaluationsOfPeriod(p.tenant, q.period, agencyId, { limit, startKey });
  if (!page.items.length && !startKey) throw NotFound(`Evaluations of ${q.period} in this agency`);
  const officers = new Map((await getOfficers(p.tenant, page.items.map((e) => e.officerId))).map((o) => [o.id, o]));
  // The reads of several documents overlap (each document is a handful of GetItem/Query calls); rendering is CPU.
  const rendered: ({ name: string; bytes: Uint8Array } | undefined)[] = new Array(page.items.length);
  await inParallel(page.items.map((e, i) => ({ e, i })), BUNDLE_CONCURRENCY, async ({ e, i }) => {
    const officer = officers.get(e.officerId);
    if (officer) rendered[i] = { name: `Evaluasi-${officer.nip}-${e.period}.pdf`, bytes: await renderEvaluation(await loadEvaluation(p.tenant, officer, e)) };
  });
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  for (const doc of rendered) {
    if (!doc) continue;
    total += doc.bytes.length;
    if (total > MAX_BUNDLE_BYTES) throw tooLarge(page.items.length, limit);
    files[doc.name] = doc.bytes;
  }
  // PDFs are already compressed: store them, which keeps the ZIP fast to build.
  const bytes = zipSync(files, { level: 0 });
  if (bytes.length > MAX_BUNDLE_BYTES) throw tooLarge(page.items.length, limit);
  return { bytes, filename: `Evaluasi-${safe(agency.shortName || agency.id)}-${q.period}.zip`, count: Object.keys(files).length, nextCursor: encodeCursor(page.lastKey) };
}

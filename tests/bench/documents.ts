// §6 "documents: SKP / evaluation PDF ≤ 300 ms warm per document; a whole agency's evaluation documents
// (100) ≤ 15 s": the documents function's own code in-process over the seeded data (reads included),
// warm (after three documents), per document the median of 20 officers; the bundle over a bench agency
// of 100 officers copied from seeded ones (officer, SKP, the month's reports and evaluation), one ZIP.
import { batchGet, batchPut } from '../../functions/data/batch.js';
import * as keys from '../../functions/data/keys.js';
import { officerItem, type Officer } from '../../functions/data/org-repository.js';
import { planItem, type PlanItem } from '../../functions/data/plan-repository.js';
import { reportItem, reportView } from '../../functions/data/report-repository.js';
import { addMonths, lastEndedPeriod } from '../../functions/domain/periods.js';
import { evaluationItem, membershipItems, pageEvaluationsOfPeriod, publishedRunOf, type Evaluation } from '../../functions/evaluations/repository.js';
import type { Principal } from '../../functions/http/principal.js';
import { agencyBundle, evaluationDocument, skpDocument } from '../../functions/documents/service.js';
import { loadEvaluation, renderEvaluation } from '../../functions/documents/evaluation.js';
import { loadSkp, renderSkp } from '../../functions/documents/skp.js';
import { getOfficer } from '../../functions/data/org-repository.js';
import { startSeededDb } from './fixture.js';
import { machine, median, round } from './stats.js';
import type { BenchContext, SectionResult } from './types.js';

const TENANT = 'serang';
const PER_DOC_MS = 300;
const BUNDLE_MS = 15_000;
const BUNDLE_SIZE = 100;
const BENCH_AGENCY = 'bench-docs';

const timed = async (fn: () => Promise<unknown>) => { const t = performance.now(); await fn(); return performance.now() - t; };
const strip = ({ PK: _p, SK: _s, type: _t, GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, ...rest }: Record<string, unknown>) => rest;

/** 100 officers of a bench agency, each a copy of a seeded one with its SKP, the month's report and evaluation. */
async function benchAgency(sources: Evaluation[], period: string, year: number): Promise<void> {
  const ids = sources.map((e) => e.officerId);
  const [officers, plans, reports] = await Promise.all([
    batchGet(ids.map((id) => keys.officer(TENANT, id))), batchGet(ids.map((id) => keys.plan(TENANT, id, year))), batchGet(ids.map((id) => keys.report(TENANT, id, period))),
  ]);
  const byId = <T extends Record<string, unknown>>(list: T[]) => new Map(list.map((i) => [i.officerId ?? i.id, i]));
  const [o, pl, rp] = [byId(officers), byId(plans), byId(reports)];
  const now = new Date().toISOString();
  const items: Record<string, unknown>[] = [{ ...keys.agency(TENANT, BENCH_AGENCY), type: 'agency', id: BENCH_AGENCY, name: 'Dinas Uji Dokumen', shortName: 'Uji', kind: 'umum' }];
  for (let i = 0; i < BUNDLE_SIZE; i++) {
    const src = sources[i % sources.length]!;
    const id = `ofc_benchdoc_${String(i).padStart(3, '0')}`;
    const officer = { ...(strip(o.get(src.officerId)!) as unknown as Officer), id, nip: `19900101202001${String(1000 + i)}`, agencyId: BENCH_AGENCY };
    items.push(officerItem(TENANT, officer, now));
    const plan = pl.get(src.officerId);
    if (plan) items.push(planItem({ ...(strip(plan) as unknown as PlanItem), officerId: id }));
    const report = rp.get(src.officerId);
    if (report) items.push(reportItem({ ...reportView(report), id: `${id}.${period}`, officerId: id, agencyId: BENCH_AGENCY }));
    items.push(evaluationItem({ ...src, id: `${id}.${period}`, officerId: id, agencyId: BENCH_AGENCY }));
  }
  // The bench agency's officers join the membership of the period's published run, as if it had evaluated them.
  const runId = await publishedRunOf(TENANT, period);
  if (!runId) throw new Error(`no published evaluation run of ${period} in the seed`);
  items.push(...membershipItems(TENANT, period, runId, Array.from({ length: BUNDLE_SIZE }, (_, i) => ({ id: `ofc_benchdoc_${String(i).padStart(3, '0')}`, agencyId: BENCH_AGENCY }))));
  await batchPut(items);
}

export async function runDocuments(ctx: BenchContext): Promise<SectionResult> {
  const machineBefore = machine();
  const started = Date.now();
  const db = await startSeededDb(await ctx.seedFile());
  try {
    const p: Principal = { sub: 'bench', tenant: TENANT, roles: new Set(['region_admin']) };
    // The latest evaluated month (last month is evaluated only after its review due day).
    let period = lastEndedPeriod(new Date(), 'Asia/Jakarta', 'monthly');
    let evaluations = (await pageEvaluationsOfPeriod(TENANT, period, undefined, { limit: 200 })).items;
    for (let back = 0; evaluations.length < 23 && back < 3; back++) {
      period = addMonths(period, -1);
      evaluations = (await pageEvaluationsOfPeriod(TENANT, period, undefined, { limit: 200 })).items;
    }
    const year = Number(period.slice(0, 4));
    if (evaluations.length < 23) throw new Error(`only ${evaluations.length} evaluations of ${period} in the seed`);
    const sample = evaluations.slice(3, 23);
    for (const e of evaluations.slice(0, 3)) { await skpDocument(p, e.officerId, year); await evaluationDocument(p, e.id); } // warm
    const skp: number[] = [];
    const evaluation: number[] = [];
    const bytes: number[] = [];
    for (const e of sample) {
      skp.push(await timed(() => skpDocument(p, e.officerId, year)));
      evaluation.push(await timed(async () => bytes.push((await evaluationDocument(p, e.id)).bytes.length)));
    }
    // PDF generation alone: the same documents from data read beforehand.
    const renderSkpMs: number[] = [];
    const renderEvalMs: number[] = [];
    for (const e of sample) {
      const officer = (await getOfficer(TENANT, e.officerId))!;
      const [skpData, evalData] = [await loadSkp(TENANT, officer, year), await loadEvaluation(TENANT, officer, e)];
      renderSkpMs.push(await timed(() => renderSkp(skpData)));
      renderEvalMs.push(await timed(() => renderEvaluation(evalData)));
    }
    await benchAgency(sample, period, year);
    let bundle: Awaited<ReturnType<typeof agencyBundle>> | undefined;
    const bundleMs = await timed(async () => { bundle = await agencyBundle(p, BENCH_AGENCY, { period, limit: BUNDLE_SIZE }); });
    const ms = (n: number) => `${round(n, 0)} ms`;
    ctx.log(`documents: SKP ${ms(median(skp))}, evaluation ${ms(median(evaluation))}, bundle ${ms(bundleMs)} (${bundle?.count} files, ${round((bundle?.bytes.length ?? 0) / 1024, 0)} KB)`);
    return {
      section: 'documents', title: 'Documents (PDF)',
      method: `The documents function's code in-process against DynamoDB Local over the seeded data (reads included): after 3 warm-up documents, the SKP (${year}) and the evaluation document (${period}) of 20 Serang officers, one at a time; then one ZIP of ${BUNDLE_SIZE} evaluation documents of a bench agency whose officers copy seeded ones.`,
      lines: [
        { what: 'SKP PDF, warm, per document (median of 20)', figure: ms(median(skp)), budget: `≤ ${PER_DOC_MS} ms`, pass: median(skp) <= PER_DOC_MS, note: `max ${ms(Math.max(...skp))}` },
        { what: 'evaluation PDF, warm, per document (median of 20)', figure: ms(median(evaluation)), budget: `≤ ${PER_DOC_MS} ms`, pass: median(evaluation) <= PER_DOC_MS, note: `max ${ms(Math.max(...evaluation))}, ${round(median(bytes) / 1024, 1)} KB each` },
        { what: 'PDF generation alone (data read beforehand), SKP / evaluation, median of 20', figure: `${ms(median(renderSkpMs))} / ${ms(median(renderEvalMs))}`, budget: '—', pass: null, note: 'the rest of the per-document time is the reads against DynamoDB Local' },
        { what: `an agency's ${BUNDLE_SIZE} evaluation documents as one ZIP`, figure: ms(bundleMs), budget: `≤ ${BUNDLE_MS / 1000} s`, pass: bundleMs <= BUNDLE_MS && bundle?.count === BUNDLE_SIZE, note: `${bundle?.count} files, ${round((bundle?.bytes.length ?? 0) / 1024, 0)} KB (a response holds at most 4 MB of ZIP)` },
      ],
      machineBefore, machineAfter: machine(), seconds: (Date.now() - started) / 1000,
      raw: { period, skpMs: skp, evaluationMs: evaluation, renderSkpMs, renderEvalMs, bundleMs, bundleBytes: bundle?.bytes.length, pdfBytes: bytes },
    };
  } finally {
    await db.stop();
  }
}

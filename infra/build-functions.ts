// `npm run build:functions`: bundles every Lambda exactly as CDK does (infra/constructs/bundling.ts)
// into dist/functions/<name>/index.mjs, prints each bundle's minified size against its DESIGN §6
// budget and writes dist/functions/sizes.json. Modules not written yet are skipped with a note.
import { build, type Metafile } from 'esbuild';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BACKGROUND_FUNCTIONS, FUNCTIONS } from '../functions/routes.js';
import { PRE_TOKEN_ENTRY } from './constructs/auth.js';
import { REPO_ROOT, SHARED_ESBUILD, entryPath } from './constructs/bundling.js';

export const OUT_DIR = join(REPO_ROOT, 'dist/functions');

export interface BundleBudget { bytes: number; initMs: number }

/** DESIGN §6 "Lambda bundles": each ≤ 250 KB and ≤ 40 ms module init; the PDF function alone ≤ 1.2 MB and ≤ 150 ms. */
const DEFAULT_BUDGET: BundleBudget = { bytes: 250 * 1024, initMs: 40 };
const PDF_BUDGET: BundleBudget = { bytes: 1.2 * 1024 * 1024, initMs: 150 };
export const budgetOf = (name: string): BundleBudget => (name === 'documents' ? PDF_BUDGET : DEFAULT_BUDGET);

export interface BundleReport {
  name: string;
  entry: string;
  status: 'built' | 'skipped' | 'failed';
  bytes?: number;
  withinBudget?: boolean;
  note?: string;
  /** Largest inputs, to see what to trim when a bundle is over budget. */
  largestInputs?: { path: string; bytes: number }[];
}

const largest = (meta: Metafile, outfile: string) =>
  Object.entries(meta.outputs[relative(process.cwd(), outfile)]?.inputs ?? {})
    .map(([path, v]) => ({ path, bytes: v.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);

/** Bundles one function into <outDir>/<name>/index.mjs (with its esbuild metafile beside it). */
export async function buildFunction(name: string, entry: string, outDir = OUT_DIR): Promise<BundleReport> {
  if (!existsSync(entryPath(entry))) return { name, entry, status: 'skipped', note: `${entry} does not exist yet` };
  const outfile = join(outDir, name, 'index.mjs');
  try {
    const result = await build({ ...SHARED_ESBUILD, mainFields: [...SHARED_ESBUILD.mainFields], external: [...SHARED_ESBUILD.external], entryPoints: [entryPath(entry)], absWorkingDir: REPO_ROOT, outfile, metafile: true, logLevel: 'silent' });
    const bytes = statSync(outfile).size;
    writeFileSync(join(outDir, name, 'meta.json'), JSON.stringify(result.metafile));
    return { name, entry, status: 'built', bytes, withinBudget: bytes <= budgetOf(name).bytes, largestInputs: largest(result.metafile, outfile) };
  } catch (error) {
    const errors = (error as { errors?: { text: string }[] }).errors;
    return { name, entry, status: 'failed', note: errors?.map((e) => e.text).join('; ') ?? String(error) };
  }
}

async function main(): Promise<void> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const all = { ...FUNCTIONS, ...BACKGROUND_FUNCTIONS, preToken: PRE_TOKEN_ENTRY } as Record<string, string>;
  const reports = await Promise.all(Object.entries(all).map(([name, entry]) => buildFunction(name, entry)));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const r of reports) {
    const size = r.bytes === undefined ? '' : `${kb(r.bytes).padStart(10)} ${r.withinBudget ? 'ok' : `OVER ${kb(budgetOf(r.name).bytes)}`}`;
    console.log(`${r.name.padEnd(22)} ${r.status.padEnd(8)} ${size}${r.note ? `  (${r.note})` : ''}`);
    if (r.withinBudget === false) for (const i of r.largestInputs ?? []) console.log(`    ${kb(i.bytes).padStart(10)}  ${i.path}`);
  }
  writeFileSync(join(OUT_DIR, 'sizes.json'), JSON.stringify({ budgetBytes: DEFAULT_BUDGET.bytes, pdfBudgetBytes: PDF_BUDGET.bytes, builtAt: new Date().toISOString(), functions: reports }, null, 2));
  console.log(`\nbudget ${kb(DEFAULT_BUDGET.bytes)} per bundle (documents ${kb(PDF_BUDGET.bytes)}); report in ${relative(REPO_ROOT, join(OUT_DIR, 'sizes.json'))}`);
  const bad = reports.filter((r) => r.status === 'failed' || r.withinBudget === false);
  if (bad.length) {
    console.error(`${bad.length} bundle(s) failed or over budget: ${bad.map((r) => r.name).join(', ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) await main();

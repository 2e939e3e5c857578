// `npm run bench [-- --only reads,writes,surveys,evaluation,documents,bundles,dashboard,lighthouse,load,cost] [--fresh-seed]`:
// measures every budget of DESIGN.md §6 and writes tests/bench/results/latest.json (merged with the
// sections of earlier runs), tests/bench/results/capacity.json (for `npm run cost`) and BENCHMARKS.md.
import './quiet.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../../infra/local/lambda.js';
import { runBundles } from './bundles.js';
import { runCost } from './cost.js';
import { runDashboard } from './dashboard.js';
import { runDocuments } from './documents.js';
import { runEvaluation } from './evaluation.js';
import { seededDatabase } from './fixture.js';
import { runLighthouse } from './lighthouse.js';
import { runLoad } from './load.js';
import { runReads } from './reads.js';
import { renderMarkdown } from './report.js';
import { runSurveys } from './surveys.js';
import { startRuntime, type Runtime } from './runtime.js';
import { MISSING_KEYS_NOTE } from './meter.js';
import { machine } from './stats.js';
import { SECTIONS, type BenchContext, type SectionName, type SectionResult } from './types.js';
import { runWrites } from './writes.js';

const RESULTS_DIR = join(ROOT, 'tests/bench/results');
const LATEST = join(RESULTS_DIR, 'latest.json');
// The results as they stood before the current round of changes: BENCHMARKS.md shows each line's figure then.
const BEFORE = join(RESULTS_DIR, 'before.json');
const RUNNERS: Record<SectionName, (ctx: BenchContext) => Promise<SectionResult>> = {
  reads: runReads, writes: runWrites, surveys: runSurveys, evaluation: runEvaluation, documents: runDocuments, bundles: runBundles, dashboard: runDashboard, lighthouse: runLighthouse, load: runLoad, cost: runCost,
};

const { values } = parseArgs({ options: { only: { type: 'string' }, 'fresh-seed': { type: 'boolean', default: false } } });
const only = (values.only?.split(',').map((s) => s.trim()).filter(Boolean) ?? [...SECTIONS]) as SectionName[];
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) { console.error(`Unknown section(s): ${unknown.join(', ')}. Sections: ${SECTIONS.join(', ')}`); process.exit(2); }

const t0 = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${line}`);

const stored = existsSync(LATEST) ? (JSON.parse(readFileSync(LATEST, 'utf8')) as { sections?: Partial<Record<SectionName, SectionResult>> }) : {};
const results: Partial<Record<SectionName, SectionResult>> = { ...stored.sections };

let seedFile: Promise<string> | undefined;
let runtime: Promise<Runtime> | undefined;
const ctx: BenchContext = {
  log,
  seedFile: () => (seedFile ??= seededDatabase(log, { fresh: values['fresh-seed'] })),
  runtime: () => (runtime ??= ctx.seedFile().then((f) => startRuntime(f, log))),
  previous: results,
};

function save(): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(LATEST, `${JSON.stringify({ updatedAt: new Date().toISOString(), sections: results }, null, 2)}\n`);
  const before = existsSync(BEFORE) ? (JSON.parse(readFileSync(BEFORE, 'utf8')) as { sections?: Partial<Record<SectionName, SectionResult>> }).sections : {};
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), renderMarkdown(results, INTRO, before));
}

const INTRO = [
  'Every figure below comes from `npm run bench` (tests/bench/run.ts) on this repository\'s code, against',
  'DynamoDB Local started by the harness; each section runs alone with `npm run bench -- --only <section>`.',
  'Raw numbers: tests/bench/results/latest.json; capacity units for the cost model: tests/bench/results/capacity.json.',
  'The machine is shared (2 cores, other people building and testing at the same time): times are medians over',
  'repeated runs and are compared as ratios measured in the same run; the load average at the time is given per section.',
  'Capacity units do not depend on load: they are what DynamoDB reports (ReturnConsumedCapacity=TOTAL), counted per call,',
  `except where DynamoDB Local reports less than DynamoDB bills (tests/bench/meter.ts): ${MISSING_KEYS_NOTE}; PartiQL INSERTs are sized as DynamoDB bills them.`,
  'The "before" column is the same line in tests/bench/results/before.json: the figures measured before the budgets of DESIGN.md §6 were raised (bundles measured 2026-12-01, the other sections 2026-11-22/12-01).',
];

// Sections that need the local runtime run last, so one runtime serves both and is stopped at once.
const order = SECTIONS.filter((s) => only.includes(s));
try {
  for (const section of order) {
    log(`── ${section}`);
    const started = Date.now();
    const machineBefore = machine();
    try {
      results[section] = await RUNNERS[section](ctx);
    } catch (error) {
      log(`${section} failed: ${(error as Error).stack ?? error}`);
      results[section] = {
        section, title: section, method: 'The section did not complete.', machineBefore, machineAfter: machine(), seconds: (Date.now() - started) / 1000,
        lines: [{ what: `${section} section`, figure: `error: ${(error as Error).message.split('\n')[0]}`, budget: 'completes', pass: false }], raw: { error: String((error as Error).stack ?? error) },
      };
    }
    for (const l of results[section]!.lines) log(`  ${l.pass === null ? 'info' : l.pass ? 'pass' : 'FAIL'}  ${l.what}: ${l.figure}${l.note ? ` (${l.note})` : ''}`);
    save();
  }
} finally {
  if (runtime) await (await runtime.catch(() => undefined))?.stop();
}
log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s; BENCHMARKS.md and tests/bench/results/latest.json written`);
process.exit(0);

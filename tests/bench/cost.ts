// §6 "running cost ≤ US$5 a month for a city of 5,000 officers": writes the capacity units measured
// by the other sections to tests/bench/results/capacity.json and runs `npm run cost` on them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BUDGET_USD } from '../../infra/cost.js';
import { OPERATIONS } from '../../infra/cost-model.js';
import { ROOT } from '../../infra/local/lambda.js';
import { machine, round } from './stats.js';
import type { BenchContext, SectionResult } from './types.js';

export const CAPACITY_FILE = join(ROOT, 'tests/bench/results/capacity.json');
const OFFICERS = 5000;

/** Merges the capacity every section measured, in the shape infra/cost.ts loadCapacity reads. */
export function writeCapacity(ctx: BenchContext): Record<string, { wcu?: number; rcu?: number; from: string }> {
  const operations: Record<string, { wcu?: number; rcu?: number; from: string }> = {};
  for (const r of Object.values(ctx.previous)) {
    for (const [op, c] of Object.entries(r?.capacity ?? {})) {
      if ((OPERATIONS as readonly string[]).includes(op)) operations[op] = { ...c, from: `${r!.section} @ ${r!.machineBefore.at}` };
    }
  }
  mkdirSync(dirname(CAPACITY_FILE), { recursive: true });
  writeFileSync(CAPACITY_FILE, `${JSON.stringify({ note: 'Written by npm run bench from measured ConsumedCapacity; read by npm run cost.', writtenAt: new Date().toISOString(), operations }, null, 2)}\n`);
  return operations;
}

export async function runCost(ctx: BenchContext): Promise<SectionResult> {
  const machineBefore = machine();
  const started = Date.now();
  const operations = writeCapacity(ctx);
  const run = (extra: string[]) => execFileSync('npx', ['tsx', 'infra/cost.ts', '--officers', String(OFFICERS), ...extra], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const text = run([]);
  const json = JSON.parse(run(['--json'])) as { listPrice: { total: number; items: { service: string; usd: number }[] }; withFreeTiers: { total: number }; measured: string[] };
  ctx.log(text);
  const list = round(json.listPrice.total, 2), free = round(json.withFreeTiers.total, 2);
  const unmeasured = OPERATIONS.filter((op) => !json.measured.includes(op));
  return {
    section: 'cost',
    title: 'Running cost',
    method: `\`npm run cost -- --officers ${OFFICERS}\` (infra/cost.ts) after the bench wrote the measured capacity units per operation to tests/bench/results/capacity.json; on-demand prices of ap-southeast-3 and the usage model in infra/cost-model.ts.`,
    lines: [
      { what: `monthly cost, city of ${OFFICERS.toLocaleString('en')} officers, list price`, figure: `US$${list.toFixed(2)}`, budget: `≤ US$${BUDGET_USD}`, pass: list <= BUDGET_USD },
      { what: 'the same with the always-free tiers of a fresh account', figure: `US$${free.toFixed(2)}`, budget: '—', pass: null },
      { what: 'operations with measured capacity units', figure: `${json.measured.length} of ${OPERATIONS.length}`, budget: '—', pass: null, note: unmeasured.length ? `defaults used for: ${unmeasured.join(', ')}` : undefined },
      ...json.listPrice.items.filter((i) => i.usd >= 0.01).map((i) => ({ what: `  ${i.service}`, figure: `US$${i.usd.toFixed(2)}`, budget: '—', pass: null })),
    ],
    machineBefore, machineAfter: machine(), seconds: (Date.now() - started) / 1000,
    raw: { operations, output: text, listPrice: json.listPrice.total, withFreeTiers: json.withFreeTiers.total },
  };
}

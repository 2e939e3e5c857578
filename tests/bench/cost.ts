// §6 "running cost ≤ US$5 a month for a city of 5,000 officers; ≤ US$0.50 per 1,000 officers for a
// 100,000-officer province but sign-in": writes the capacity units measured by the other sections to
// tests/bench/results/capacity.json and runs the `npm run cost` report on them for both sizes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BUDGET_USD, CITY_OFFICERS, PER_THOUSAND_BUDGET_USD, report } from '../../infra/cost.js';
import { OPERATIONS, type Estimate } from '../../infra/cost-model.js';
import { ROOT } from '../../infra/local/lambda.js';
import { machine, round } from './stats.js';
import type { BenchContext, Line, SectionResult } from './types.js';

export const CAPACITY_FILE = join(ROOT, 'tests/bench/results/capacity.json');
const PROVINCE_OFFICERS = 100_000;

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

const SIZES = [CITY_OFFICERS, PROVINCE_OFFICERS] as const;

export async function runCost(ctx: BenchContext): Promise<SectionResult> {
  const machineBefore = machine();
  const started = Date.now();
  const operations = writeCapacity(ctx);
  const runs = SIZES.map((officers) => {
    const { text, json } = report(officers, CAPACITY_FILE);
    ctx.log(`npm run cost -- --officers ${officers}\n${text}`);
    return { officers, text, billed: json.withFreeTiers as Estimate, list: json.listPrice as Estimate, measured: json.measured as string[] };
  });
  const [city, province] = runs as [typeof runs[0], typeof runs[0]];
  const usd = (n: number) => `US$${n.toFixed(2)}`;
  const cityTotal = round(city.billed.total + city.billed.signInTotal, 2);
  const perK = round(province.billed.perThousand, 3);
  const unmeasured = OPERATIONS.filter((op) => !city.measured.includes(op));
  const top = [...province.billed.items].sort((a, b) => b.usd - a.usd).filter((i) => i.usd >= 0.01);
  const lines: Line[] = [
    {
      what: `monthly cost, city of ${CITY_OFFICERS.toLocaleString('en')} officers, with sign-in (billed: always-free allowances of its own account)`,
      figure: usd(cityTotal), budget: `≤ US$${BUDGET_USD}`, pass: cityTotal <= BUDGET_USD,
      before: 'US$3.70 (list price, no X-Ray, custom metrics, dashboard, access log, 3 of the 12 alarms or the second secret in the model)',
      note: `without any free allowance (list): ${usd(city.list.total + city.list.signInTotal)}`,
    },
    {
      what: `province of ${PROVINCE_OFFICERS.toLocaleString('en')} officers: per 1,000 officers a month, everything but sign-in (billed)`,
      figure: `US$${perK.toFixed(3)} (total ${usd(province.billed.total)})`, budget: `≤ US$${PER_THOUSAND_BUDGET_USD.toFixed(2)}`, pass: perK <= PER_THOUSAND_BUDGET_USD,
      note: `without any free allowance (list): US$${province.list.perThousand.toFixed(3)} per 1,000 (${usd(province.list.total)}); largest: ${top.slice(0, 4).map((i) => `${i.service} ${usd(i.usd)}`).join(', ')}`,
    },
    { what: `  per 1,000 officers at ${CITY_OFFICERS.toLocaleString('en')} (fixed costs spread thinner as the cell grows)`, figure: `US$${city.billed.perThousand.toFixed(3)}`, budget: '—', pass: null },
    ...province.billed.signIn.map((i) => ({ what: `  sign-in at ${PROVINCE_OFFICERS.toLocaleString('en')}: ${i.service}`, figure: usd(i.usd), budget: '—', pass: null, note: i.detail })),
    ...province.billed.signInOptions.map((i) => ({ what: `  sign-in at ${PROVINCE_OFFICERS.toLocaleString('en')} instead: ${i.service}`, figure: usd(i.usd), budget: '—', pass: null, note: i.detail })),
    { what: 'operations with measured capacity units', figure: `${city.measured.length} of ${OPERATIONS.length}`, budget: '—', pass: null, note: unmeasured.length ? `defaults used for: ${unmeasured.join(', ')}` : undefined },
    ...top.map((i) => ({ what: `  ${PROVINCE_OFFICERS.toLocaleString('en')}: ${i.service}`, figure: usd(i.usd), budget: '—', pass: null, note: i.detail })),
  ];
  return {
    section: 'cost',
    title: 'Running cost',
    method: `\`npm run cost -- --officers ${CITY_OFFICERS}\` and \`--officers ${PROVINCE_OFFICERS}\` (infra/cost.ts) after the bench wrote the measured capacity units per operation to tests/bench/results/capacity.json; on-demand prices of ap-southeast-3 and the usage model in infra/cost-model.ts (every component scales with officers: storage, requests from the capacity units, Lambda GB-s, API requests, logs, X-Ray traces, CloudFront/S3, the evaluation run; alarms, secrets, metrics and the dashboard are fixed per cell). "Billed" applies the always-free allowances of the cell's own account; sign-in (Cognito MAU and its pre-token trigger) is its own line, with what other sign-in designs would cost.`,
    lines,
    analysis: [
      `The budgets are checked on the billed figure: a cell deployed in its own account gets the always-free allowances (they never expire). Without any of them (list), the city would pay ${usd(city.list.total + city.list.signInTotal)} (${[...city.list.items].sort((a, b) => b.usd - a.usd).slice(0, 3).map((i) => `${i.service} ${usd(i.usd)}`).join(', ')}) and the province US$${province.list.perThousand.toFixed(3)} per 1,000 (${[...province.list.items].sort((a, b) => b.usd - a.usd).slice(0, 3).map((i) => `${i.service} ${usd(i.usd)}`).join(', ')}); what would cut the province's largest line, storage (24 months kept in 2 regions, each with point-in-time recovery), is PITR on the primary only (the replica region then cannot restore to a point in time on its own) or archiving closed years to S3.`,
      `Sign-in dominates a province: ${usd(province.billed.signInTotal)} a month at ${PROVINCE_OFFICERS.toLocaleString('en')} monthly active officers against ${usd(province.billed.total)} for everything else. Federation (SAML/OIDC) is priced per MAU too and costs more; pools or accounts inside one AWS organization share one 10,000-MAU allowance; only the API trusting the government SSO's tokens directly (no Cognito) removes the MAU price.`,
    ],
    machineBefore, machineAfter: machine(), seconds: (Date.now() - started) / 1000,
    raw: { operations, runs: runs.map((r) => ({ officers: r.officers, billed: r.billed, list: r.list, output: r.text })) },
  };
}

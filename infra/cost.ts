// `npm run cost -- --officers 5000 [--capacity tests/bench/results/capacity.json] [--json]`:
// the monthly running cost of one city, per service, with every assumption printed.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './constructs/bundling.js';
import { DEFAULT_CAPACITY, OPERATIONS, PRICES, defaultUsage, estimate, type Operation, type OperationCapacity } from './cost-model.js';

export const BUDGET_USD = 5;
const DEFAULT_CAPACITY_FILE = 'tests/bench/results/capacity.json';

/**
 * Reads what the benchmark measured. Accepted shape: { operations: { <op>: { wru|wcu, rru|rcu } } }
 * (or the operations map at the top level). Unmeasured operations fall back to the defaults.
 */
export function loadCapacity(file: string): { capacity: Record<Operation, OperationCapacity>; measured: Operation[]; note: string } {
  const capacity = { ...DEFAULT_CAPACITY };
  if (!existsSync(file)) return { capacity, measured: [], note: `${file} not found: all capacity units are checked-in defaults` };
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const ops = (raw.operations ?? raw) as Record<string, Record<string, number>>;
  const measured: Operation[] = [];
  for (const op of OPERATIONS) {
    const m = ops[op];
    if (!m) continue;
    const wru = m.wru ?? m.wcu ?? m.WCU;
    const rru = m.rru ?? m.rcu ?? m.RCU;
    if (typeof wru !== 'number' && typeof rru !== 'number') continue;
    capacity[op] = { wru: typeof wru === 'number' ? wru : DEFAULT_CAPACITY[op].wru, rru: typeof rru === 'number' ? rru : DEFAULT_CAPACITY[op].rru };
    measured.push(op);
  }
  return { capacity, measured, note: `${file}: ${measured.length} of ${OPERATIONS.length} operations measured` };
}

function main(): void {
  const { values } = parseArgs({ options: { officers: { type: 'string', default: '5000' }, capacity: { type: 'string', default: DEFAULT_CAPACITY_FILE }, json: { type: 'boolean', default: false } } });
  const officers = Number(values.officers);
  if (!Number.isFinite(officers) || officers <= 0) throw new Error(`--officers must be a positive number, got ${values.officers}`);
  const usage = defaultUsage(officers);
  const { capacity, measured, note } = loadCapacity(resolve(REPO_ROOT, values.capacity!));
  const withFree = estimate(usage, capacity, { freeTiers: true });
  const listPrice = estimate(usage, capacity, { freeTiers: false });
  if (values.json) {
    console.log(JSON.stringify({ officers, usage, capacity, measured, prices: PRICES, withFreeTiers: withFree, listPrice }, null, 2));
    return;
  }
  const usd = (n: number) => `$${n.toFixed(2)}`.padStart(8);
  console.log(`Kinerja ASN — monthly running cost for a city of ${officers.toLocaleString('en')} officers`);
  console.log(`Region ${PRICES.region} (replica ${PRICES.replicaRegion}), on-demand prices as of ${PRICES.priceListDate}\n`);
  console.log(`${'service'.padEnd(22)} ${'list'.padStart(8)} ${'free tier'.padStart(9)}  usage`);
  listPrice.items.forEach((item, i) => console.log(`${item.service.padEnd(22)} ${usd(item.usd)} ${usd(withFree.items[i].usd).padStart(9)}  ${item.detail}`));
  console.log(`${'TOTAL'.padEnd(22)} ${usd(listPrice.total)} ${usd(withFree.total).padStart(9)}  budget ${usd(BUDGET_USD).trim()}: ${listPrice.total <= BUDGET_USD ? 'within' : 'OVER'} (list price)\n`);
  console.log('Assumptions (per month):');
  for (const [k, v] of Object.entries(usage)) console.log(`  ${k.padEnd(26)} ${Number.isInteger(v) ? v : v.toFixed(2)}`);
  console.log(`\nCapacity units per operation (${note}):`);
  for (const op of OPERATIONS) console.log(`  ${op.padEnd(22)} ${String(capacity[op].wru).padStart(4)} WRU ${String(capacity[op].rru).padStart(4)} RRU  ${measured.includes(op) ? 'measured' : 'default'}`);
  console.log('\n"free tier" applies the always-free tiers of a fresh account (Lambda, CloudFront, Logs, alarms, SQS, Scheduler);');
  console.log('"list" charges every unit but Cognito\'s 10,000 MAU per account, which is part of the plan.');
  console.log('One city per account is assumed; a cell serving several cities shares one account\'s free allowances.');
  console.log(' Data transfer between the API and CloudFront is not billed; DynamoDB stream reads by Lambda are free.');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(REPO_ROOT, 'infra/cost.ts')) main();

// `npm run cost -- --officers 5000 [--capacity tests/bench/results/capacity.json] [--json]`:
// the monthly running cost of one cell (a city or a province), per service, sign-in apart, with
// every assumption printed.
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

/** DESIGN §6: per 1,000 officers a month, for a 100,000-officer province, everything but sign-in. */
export const PER_THOUSAND_BUDGET_USD = 0.5;
/** The size the US$5 total applies to. */
export const CITY_OFFICERS = 5000;

/** The report as lines of text: the cell's services, then sign-in and its alternatives, then the assumptions. */
export function report(officers: number, capacityFile: string): { text: string; json: Record<string, unknown> } {
  const usage = defaultUsage(officers);
  const { capacity, measured, note } = loadCapacity(capacityFile);
  const withFree = estimate(usage, capacity, { freeTiers: true });
  const listPrice = estimate(usage, capacity, { freeTiers: false });
  const out: string[] = [];
  const log = (l = '') => out.push(l);
  const usd = (n: number) => `$${n.toFixed(2)}`.padStart(9);
  log(`Kinerja ASN — monthly running cost of a cell of ${officers.toLocaleString('en')} officers`);
  log(`Region ${PRICES.region} (replica ${PRICES.replicaRegion}), on-demand prices as of ${PRICES.priceListDate}`);
  log('"billed": with the always-free allowances of the cell\'s own account (they never expire); "list": none of them.\n');
  log(`${'service'.padEnd(24)} ${'billed'.padStart(9)} ${'list'.padStart(9)}  usage`);
  withFree.items.forEach((item, i) => log(`${item.service.padEnd(24)} ${usd(item.usd)} ${usd(listPrice.items[i].usd)}  ${item.detail}`));
  log(`${'TOTAL but sign-in'.padEnd(24)} ${usd(withFree.total)} ${usd(listPrice.total)}`);
  log(`${'per 1,000 officers'.padEnd(24)} ${usd(withFree.perThousand)} ${usd(listPrice.perThousand)}  ${officers > CITY_OFFICERS ? `budget $${PER_THOUSAND_BUDGET_USD.toFixed(2)} for a province: ${withFree.perThousand <= PER_THOUSAND_BUDGET_USD ? 'within' : 'OVER'} (billed)` : 'fixed costs per cell weigh more in a small cell'}`);
  log('\nSign-in (its own line: Cognito bills monthly active users)');
  withFree.signIn.forEach((item, i) => log(`${item.service.padEnd(24)} ${usd(item.usd)} ${usd(listPrice.signIn[i].usd)}  ${item.detail}`));
  log(`${'TOTAL with sign-in'.padEnd(24)} ${usd(withFree.total + withFree.signInTotal)} ${usd(listPrice.total + listPrice.signInTotal)}  ${officers <= CITY_OFFICERS ? `budget $${BUDGET_USD.toFixed(2)} for a city of ${CITY_OFFICERS.toLocaleString('en')}: ${withFree.total + withFree.signInTotal <= BUDGET_USD ? 'within' : 'OVER'} (billed)` : ''}`);
  log('\nSign-in designs: what the sign-in line would be instead (billed, per month)');
  withFree.signInOptions.forEach((item) => log(`  ${item.service.padEnd(42)} ${usd(item.usd)}  ${item.detail}`));
  log('\nAssumptions (per month):');
  for (const [k, v] of Object.entries(usage)) log(`  ${k.padEnd(26)} ${Number.isInteger(v) ? v : v.toFixed(2)}`);
  log(`\nCapacity units per operation (${note}):`);
  for (const op of OPERATIONS) log(`  ${op.padEnd(22)} ${String(capacity[op].wru).padStart(5)} WRU ${String(capacity[op].rru).padStart(5)} RRU  ${measured.includes(op) ? 'measured' : 'default'}`);
  log('\nOne cell per account is assumed; cells sharing an account (or an AWS organization, for Cognito) share its free allowances.');
  log('Data transfer between the API and CloudFront is not billed; DynamoDB stream reads by Lambda are free.');
  return { text: out.join('\n'), json: { officers, usage, capacity, measured, prices: PRICES, withFreeTiers: withFree, listPrice } };
}

function main(): void {
  const { values } = parseArgs({ options: { officers: { type: 'string', default: String(CITY_OFFICERS) }, capacity: { type: 'string', default: DEFAULT_CAPACITY_FILE }, json: { type: 'boolean', default: false } } });
  const officers = Number(values.officers);
  if (!Number.isFinite(officers) || officers <= 0) throw new Error(`--officers must be a positive number, got ${values.officers}`);
  const { text, json } = report(officers, resolve(REPO_ROOT, values.capacity!));
  process.stdout.on('error', () => process.exit(0)); // piped into head: stop quietly
  console.log(values.json ? JSON.stringify(json, null, 2) : text);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(REPO_ROOT, 'infra/cost.ts')) main();

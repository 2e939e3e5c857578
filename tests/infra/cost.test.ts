// The cost model: what a 5,000-officer city pays, and that measured capacity units are used.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BUDGET_USD, loadCapacity } from '../../infra/cost.js';
import { DEFAULT_CAPACITY, defaultUsage, estimate } from '../../infra/cost-model.js';

it('keeps a 5,000-officer city within the monthly budget, sign-in included, with its account\'s free allowances', () => {
  const { total, signInTotal, items } = estimate(defaultUsage(5000), DEFAULT_CAPACITY, { freeTiers: true });
  expect(total + signInTotal).toBeLessThanOrEqual(BUDGET_USD);
  expect(items.map((i) => i.service)).toEqual(expect.arrayContaining(['Lambda', 'DynamoDB requests', 'DynamoDB replica', 'HTTP API', 'CloudFront + S3', 'CloudWatch Logs', 'X-Ray', 'CloudWatch metrics']));
});

it('grows with the city and with measured capacity units', () => {
  const base = estimate(defaultUsage(5000), DEFAULT_CAPACITY, { freeTiers: false }).total;
  expect(estimate(defaultUsage(50_000), DEFAULT_CAPACITY, { freeTiers: false }).total).toBeGreaterThan(base);
  const dir = mkdtempSync(join(tmpdir(), 'capacity-'));
  writeFileSync(join(dir, 'capacity.json'), JSON.stringify({ operations: { reportSubmit: { wcu: 40, rcu: 2 } } }));
  const { capacity, measured } = loadCapacity(join(dir, 'capacity.json'));
  expect(measured).toEqual(['reportSubmit']);
  expect(capacity.reportSubmit).toEqual({ wru: 40, rru: 2 });
  expect(estimate(defaultUsage(5000), capacity, { freeTiers: false }).total).toBeGreaterThan(base);
  expect(loadCapacity(join(dir, 'missing.json')).measured).toEqual([]);
});

// The cost model's sign-in lines and its per-1,000-officer figure (DESIGN §6 "running cost").
import { describe, expect, it } from 'vitest';
import { CELL_RESOURCES, DEFAULT_CAPACITY, PRICES, defaultUsage, estimate, tracesRecorded } from '../../../infra/cost-model.js';

const at = (officers: number, freeTiers = true) => estimate(defaultUsage(officers), DEFAULT_CAPACITY, { freeTiers });
const line = (items: { service: string; usd: number }[], name: string) => items.find((i) => i.service.startsWith(name))!.usd;

describe('sign-in', () => {
  it('is its own line: Essentials MAU beyond the free 10,000, outside the per-1,000 figure', () => {
    const e = at(100_000);
    expect(line(e.signIn, 'Cognito')).toBeCloseTo(90_000 * PRICES.cognito.essentialsPerMau, 6);
    expect(e.items.some((i) => i.service.startsWith('Cognito'))).toBe(false);
    expect(e.perThousand).toBeCloseTo(e.total / 100, 9);
    expect(e.signInTotal).toBeGreaterThan(e.total); // a province's sign-in outweighs the rest of the bill
    expect(line(at(5000).signIn, 'Cognito')).toBe(0); // a city stays within the free MAU
  });

  it('prices the alternatives honestly: federation costs more, pools in one organization change nothing, Lite and no-Cognito less', () => {
    const e = at(100_000);
    const essentials = line(e.signIn, 'Cognito');
    const trigger = line(e.signIn, 'Pre-token');
    expect(line(e.signInOptions, 'Federated')).toBeCloseTo((100_000 - 50) * PRICES.cognito.federatedPerMau + trigger, 6);
    expect(line(e.signInOptions, 'Federated')).toBeGreaterThan(essentials);
    expect(line(e.signInOptions, '10 pools')).toBeCloseTo(essentials + trigger, 6);
    expect(line(e.signInOptions, 'Lite')).toBeCloseTo(90_000 * 0.0055 + trigger, 6);
    expect(line(at(200_000).signInOptions, 'Lite')).toBeCloseTo(90_000 * 0.0055 + 100_000 * 0.0046 + line(at(200_000).signIn, 'Pre-token'), 6);
    expect(line(e.signInOptions, 'Plus')).toBeCloseTo(100_000 * 0.02 + trigger, 6);
    expect(line(e.signInOptions, '10 standalone')).toBeLessThan(essentials);
    expect(line(e.signInOptions, 'Government SSO tokens')).toBeLessThan(1);
  });
});

describe('per 1,000 officers', () => {
  it('stays within US$0.50 for a 100,000-officer province, and falls as fixed costs spread', () => {
    expect(at(100_000).perThousand).toBeLessThanOrEqual(0.5);
    expect(at(100_000).perThousand).toBeLessThan(at(5000).perThousand);
  });

  it('scales every usage-driven component with officers; only the per-cell ones stay flat', () => {
    const small = at(5000, false), large = at(100_000, false);
    const fixed = ['CloudWatch alarms', 'CloudWatch metrics', 'EventBridge Scheduler', 'DynamoDB streams'];
    for (const item of small.items) {
      const big = line(large.items, item.service);
      if (fixed.includes(item.service)) expect(big, item.service).toBe(item.usd);
      else expect(big, item.service).toBeGreaterThan(item.usd);
    }
    expect(line(small.items, 'CloudWatch alarms')).toBeCloseTo(CELL_RESOURCES.alarms * PRICES.alarms.perAlarm, 9);
  });

  it('records one trace a busy second and 5 % of the rest (X-Ray default rule)', () => {
    expect(tracesRecorded(1e9, 1000)).toBeCloseTo(1000 + 0.05 * (1e9 - 1000), 0);
    expect(tracesRecorded(10, 1e6)).toBeCloseTo(10, 1);
  });
});

// Business metrics: one CloudWatch EMF line per count, in the namespace CDK sets, with the
// function's service as the only dimension; nothing at all where no namespace is set (locally).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { METRICS_NAMESPACE } from '../../../infra/constructs/function.js';

/** Runs countMetric in a fresh node (as a Lambda would) and returns what it printed. */
function emitted(env: Record<string, string>, call: string): string {
  const code = `const { countMetric } = await import('./functions/http/metrics.ts'); ${call}`;
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  expect(res.status, res.stderr).toBe(0);
  return res.stdout.trim();
}

describe('countMetric', () => {
  it('writes one EMF line per count, in the namespace CDK sets, dimensioned by service only', () => {
    const out = emitted({ POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE, POWERTOOLS_SERVICE_NAME: 'kinerja-asn-surveys' }, "countMetric('SurveysStored'); countMetric('SurveysRefused', 3); countMetric('SurveysRefused', 0);");
    const lines = out.split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]._aws.CloudWatchMetrics).toEqual([{ Namespace: 'KinerjaAsn', Dimensions: [['service']], Metrics: [{ Name: 'SurveysStored', Unit: 'Count' }] }]);
    expect(lines[0]).toMatchObject({ service: 'kinerja-asn-surveys', SurveysStored: 1 });
    expect(lines[1]).toMatchObject({ SurveysRefused: 3 });
  }, 60_000);

  it('emits nothing where no namespace is set (local runtime, tests)', () => {
    expect(emitted({ POWERTOOLS_SERVICE_NAME: 'kinerja-asn-surveys' }, "countMetric('SurveysStored');")).toBe('');
  }, 60_000);
});

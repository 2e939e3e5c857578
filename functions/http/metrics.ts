// Business metrics as CloudWatch embedded-metric-format log lines (Powertools Metrics): what a
// city's operator watches on the cell's dashboard (infra/constructs/observability.ts). Call
// countMetric('NotificationsSent', n) where the thing happened, after it was saved or sent.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Each name is one custom metric (dimension: the function's service name only). Seven fit in
 * CloudWatch's ten free custom metrics; a tenant dimension would multiply them by the tenants, so
 * per-city figures come from the logs instead.
 */
export const BUSINESS_METRICS = [
  'ReportsSubmitted',
  'ReportsApproved',
  'SurveysStored',
  'SurveysRefused',
  'EvaluationOfficersDone',
  'EvaluationOfficersFailed',
  'NotificationsSent',
] as const;
export type BusinessMetric = (typeof BUSINESS_METRICS)[number];

let metrics: Metrics | undefined;

/**
 * Writes one EMF line at once (no flush middleware to forget). Only where CDK set
 * POWERTOOLS_METRICS_NAMESPACE, i.e. in AWS: the local runtime and the tests emit nothing.
 */
export function countMetric(name: BusinessMetric, count = 1): void {
  const namespace = process.env.POWERTOOLS_METRICS_NAMESPACE;
  if (!namespace || count <= 0) return;
  metrics ??= new Metrics({ namespace });
  metrics.singleMetric().addMetric(name, MetricUnit.Count, count);
}

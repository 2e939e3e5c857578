// Business metrics as CloudWatch embedded-metric-format log lines: what a city's operator watches
// on the cell's dashboard (infra/constructs/observability.ts). Call countMetric('NotificationsSent',
// n) where the thing happened, after it was saved or sent. Written here rather than with Powertools
// Metrics, whose singleMetric() wrote the same line but cost every bundle 12 KB and its module init
// (DESIGN §6 Lambda bundles); the line's shape is fixed by the EMF specification.

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

/**
 * Writes one EMF line at once (no flush middleware to forget). Only where CDK set
 * POWERTOOLS_METRICS_NAMESPACE, i.e. in AWS: the local runtime and the tests emit nothing. Straight
 * to stdout, as Powertools did: Lambda prefixes console.log lines, and CloudWatch reads EMF only
 * from a line that is the JSON object alone.
 */
export function countMetric(name: BusinessMetric, count = 1): void {
  const namespace = process.env.POWERTOOLS_METRICS_NAMESPACE;
  if (!namespace || count <= 0) return;
  const service = process.env.POWERTOOLS_SERVICE_NAME || 'service_undefined';
  const line = {
    _aws: { Timestamp: Date.now(), CloudWatchMetrics: [{ Namespace: namespace, Dimensions: [['service']], Metrics: [{ Name: name, Unit: 'Count' }] }] },
    service,
    [name]: count,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

// The monthly running cost of one city, from a usage model, measured capacity units per operation
// (tests/bench/results/capacity.json, written by `npm run bench`) and on-demand prices. Pure: no I/O.

/**
 * On-demand prices, USD, region ap-southeast-3 (Asia Pacific, Jakarta), from the AWS public price
 * list (https://aws.amazon.com/<service>/pricing/, offer files at pricing.us-east-1.amazonaws.com)
 * as read on 2025-11-01. Re-check before quoting: `aws pricing get-products --region us-east-1
 * --service-code AmazonDynamoDB --filters Type=TERM_MATCH,Field=regionCode,Value=ap-southeast-3`.
 * Free tiers are the always-free ones, per account (a city deploying in its own account gets them).
 */
export const PRICES = {
  priceListDate: '2025-11-01',
  region: 'ap-southeast-3',
  replicaRegion: 'ap-southeast-1',
  lambda: { perMillionRequests: 0.2, perGbSecondArm64: 0.0000133334, freeRequests: 1_000_000, freeGbSeconds: 400_000 },
  dynamodb: {
    perMillionWru: 0.7125, // on-demand, after the Nov 2024 price cut
    perMillionRru: 0.1425,
    perMillionReplicatedWru: 0.7125, // rWRU in the replica region (ap-southeast-1)
    perGbMonth: 0.285,
    pitrPerGbMonth: 0.228,
    // Streams read by a Lambda event source mapping are free (GetRecords by triggers is not billed).
  },
  httpApi: { perMillionRequests: 1.2 },
  cloudfront: { perGbToIndonesia: 0.12, perTenThousandHttps: 0.012, freeGb: 1024, freeRequests: 10_000_000, functionPerMillion: 0.1, freeFunctionInvocations: 2_000_000 },
  s3: { perGbMonth: 0.025, perThousandGet: 0.00044, perThousandPut: 0.0055 },
  cognito: { essentialsPerMau: 0.015, freeMau: 10_000 },
  logs: { perGbIngested: 0.67, perGbMonthStored: 0.033, freeGb: 5 },
  alarms: { perAlarm: 0.1, freeAlarms: 10 },
  sqs: { perMillionRequests: 0.4, freeRequests: 1_000_000 },
  scheduler: { perMillionInvocations: 1.0, freeInvocations: 14_000_000 },
  secretsManager: { perSecret: 0.4 },
} as const;

/** Capacity units per operation; what the benchmark measures against DynamoDB Local's ConsumedCapacity. */
export interface OperationCapacity { wru: number; rru: number }
export const OPERATIONS = ['reportSubmit', 'reportReview', 'scoring', 'surveySubmit', 'surveyRollup', 'dashboardChart', 'otherRead', 'trainingLog', 'complaint', 'evaluationPerOfficer'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Checked-in defaults, used for any operation the benchmark has not measured (printed as such). */
export const DEFAULT_CAPACITY: Record<Operation, OperationCapacity> = {
  reportSubmit: { wru: 4, rru: 2 }, // DESIGN §6 budget: ≤ 4 WCU with idempotency
  reportReview: { wru: 4, rru: 3 },
  scoring: { wru: 4, rru: 2 }, // per approved report, on the stream: score + agency/tenant/national rollups
  surveySubmit: { wru: 2, rru: 1 }, // response + rate-limit counter
  surveyRollup: { wru: 3, rru: 0 }, // unit, agency, tenant IKM sums
  dashboardChart: { wru: 0, rru: 1 }, // one Query over rollups per chart
  otherRead: { wru: 0, rru: 1 },
  trainingLog: { wru: 2, rru: 1 },
  complaint: { wru: 2, rru: 1 },
  evaluationPerOfficer: { wru: 2, rru: 4 }, // DESIGN §6 budget: ≤ 2 WCU per officer
};

/** A city at full use, per month. Every number is printed as an assumption. */
export interface Usage {
  officers: number;
  supervisorShare: number; // officers who review others
  reportsPerOfficer: number;
  reviewsPerReport: number; // returns make it > 1
  dashboardViewsPerOfficer: number;
  chartsPerView: number;
  otherCallsPerView: number;
  trainingsPerOfficer: number;
  officersPerUnit: number;
  surveyResponsesPerUnit: number;
  complaintsPerUnit: number;
  evaluationRunsPerMonth: number; // monthly + the annual run spread over 12 months
  lambdaMsPerInvocation: number;
  lambdaMemoryMb: number;
  logBytesPerInvocation: number;
  storedKbPerOfficerMonth: number;
  retainedMonths: number;
  apiResponseKb: number;
  pageLoadsPerView: number;
  pageLoadKb: number; // cached assets excluded: index.html + config.json + API
  alarms: number;
  secrets: number;
  tenants: number;
}

export function defaultUsage(officers: number): Usage {
  return {
    officers,
    supervisorShare: 0.15,
    reportsPerOfficer: 1,
    reviewsPerReport: 1.2,
    dashboardViewsPerOfficer: 10,
    chartsPerView: 3,
    otherCallsPerView: 2,
    trainingsPerOfficer: 0.5,
    officersPerUnit: 25,
    surveyResponsesPerUnit: 40,
    complaintsPerUnit: 1,
    evaluationRunsPerMonth: 1 + 1 / 12,
    lambdaMsPerInvocation: 120,
    lambdaMemoryMb: 512,
    logBytesPerInvocation: 700,
    storedKbPerOfficerMonth: 6,
    retainedMonths: 24,
    apiResponseKb: 4,
    pageLoadsPerView: 0.3,
    pageLoadKb: 30,
    alarms: 9,
    secrets: 1,
    tenants: 1,
  };
}

export interface LineItem { service: string; detail: string; usd: number }

const M = 1_000_000;
const over = (n: number, free: number) => Math.max(0, n - free);

/** freeTiers: apply the always-free tiers (per account); without them, the figure is list price. */
export function estimate(u: Usage, capacity: Record<Operation, OperationCapacity>, opts: { freeTiers: boolean }, p = PRICES): { items: LineItem[]; total: number; volumes: Record<string, number> } {
  const f = opts.freeTiers ? 1 : 0;
  const units = Math.ceil(u.officers / u.officersPerUnit);
  const views = u.officers * u.dashboardViewsPerOfficer;
  const count: Record<Operation, number> = {
    reportSubmit: u.officers * u.reportsPerOfficer,
    reportReview: u.officers * u.reportsPerOfficer * u.reviewsPerReport,
    scoring: u.officers * u.reportsPerOfficer,
    surveySubmit: units * u.surveyResponsesPerUnit,
    surveyRollup: units * u.surveyResponsesPerUnit,
    dashboardChart: views * u.chartsPerView,
    otherRead: views * u.otherCallsPerView + units * u.surveyResponsesPerUnit, // + public unit page per survey
    trainingLog: u.officers * u.trainingsPerOfficer,
    complaint: units * u.complaintsPerUnit * 2, // filed + tracked
    evaluationPerOfficer: u.officers * u.evaluationRunsPerMonth,
  };
  const sum = (k: keyof OperationCapacity) => OPERATIONS.reduce((s, op) => s + count[op] * capacity[op][k], 0);
  const wru = sum('wru');
  const rru = sum('rru');
  const apiRequests = count.reportSubmit + count.reportReview + count.surveySubmit + count.dashboardChart + count.otherRead + count.trainingLog + count.complaint;
  const streamInvocations = (count.scoring + count.surveyRollup) / 10; // batches of ~10 records at this rate
  const evaluationInvocations = (u.officers / 100) * u.evaluationRunsPerMonth + u.tenants * u.evaluationRunsPerMonth; // worker batches + dispatcher
  const invocations = apiRequests + streamInvocations + evaluationInvocations;
  const gbSeconds = invocations * (u.lambdaMsPerInvocation / 1000) * (u.lambdaMemoryMb / 1024);
  const storedGb = (u.officers * u.storedKbPerOfficerMonth * u.retainedMonths) / (1024 * 1024);
  const logGb = (invocations * u.logBytesPerInvocation) / 1024 ** 3;
  const pageLoads = views * u.pageLoadsPerView + count.surveySubmit + count.complaint;
  const cfRequests = apiRequests + pageLoads * 3;
  const cfGb = (apiRequests * u.apiResponseKb + pageLoads * u.pageLoadKb) / (1024 * 1024);
  const sqsRequests = (u.officers / 10) * u.evaluationRunsPerMonth * 3; // send, receive, delete per batch of 10

  const items: LineItem[] = [
    { service: 'Lambda', detail: `${fmt(invocations)} invocations, ${fmt(gbSeconds)} GB-s arm64 (free tier: 1M req, 400k GB-s)`, usd: (over(invocations, f * p.lambda.freeRequests) / M) * p.lambda.perMillionRequests + over(gbSeconds, f * p.lambda.freeGbSeconds) * p.lambda.perGbSecondArm64 },
    { service: 'DynamoDB requests', detail: `${fmt(wru)} WRU, ${fmt(rru)} RRU on-demand`, usd: (wru / M) * p.dynamodb.perMillionWru + (rru / M) * p.dynamodb.perMillionRru },
    { service: 'DynamoDB replica', detail: `${fmt(wru)} rWRU in ${p.replicaRegion}`, usd: (wru / M) * p.dynamodb.perMillionReplicatedWru },
    { service: 'DynamoDB storage', detail: `${storedGb.toFixed(2)} GB × 2 regions + PITR × 2`, usd: storedGb * 2 * (p.dynamodb.perGbMonth + p.dynamodb.pitrPerGbMonth) },
    { service: 'DynamoDB streams', detail: 'read by the Lambda event source: not billed', usd: 0 },
    { service: 'HTTP API', detail: `${fmt(apiRequests)} requests`, usd: (apiRequests / M) * p.httpApi.perMillionRequests },
    { service: 'CloudFront + S3', detail: `${fmt(cfRequests)} requests, ${cfGb.toFixed(1)} GB out (free tier: 1 TB, 10M req), SPA function, S3 GETs`, usd: (over(cfRequests, f * p.cloudfront.freeRequests) / 1e4) * p.cloudfront.perTenThousandHttps + over(cfGb, f * p.cloudfront.freeGb) * p.cloudfront.perGbToIndonesia + (over(pageLoads, f * p.cloudfront.freeFunctionInvocations) / M) * p.cloudfront.functionPerMillion + ((pageLoads * 0.2) / 1000) * p.s3.perThousandGet + 0.01 * p.s3.perGbMonth },
    // The 10,000-MAU allowance is part of the Essentials plan and never expires, so it counts even at
    // list price; it is per account, so a cell whose cities total more officers pays for the rest.
    { service: 'Cognito', detail: `${fmt(u.officers)} MAU, Essentials (${fmt(p.cognito.freeMau)} MAU per account included)`, usd: over(u.officers, p.cognito.freeMau) * p.cognito.essentialsPerMau },
    { service: 'CloudWatch Logs', detail: `${logGb.toFixed(2)} GB ingested, 1-month retention (first 5 GB free)`, usd: over(logGb, f * p.logs.freeGb) * p.logs.perGbIngested + logGb * p.logs.perGbMonthStored },
    { service: 'CloudWatch alarms', detail: `${u.alarms} alarms (first ${p.alarms.freeAlarms} free)`, usd: over(u.alarms, f * p.alarms.freeAlarms) * p.alarms.perAlarm },
    { service: 'SQS', detail: `${fmt(sqsRequests)} requests (first 1M free)`, usd: (over(sqsRequests, f * p.sqs.freeRequests) / M) * p.sqs.perMillionRequests },
    { service: 'EventBridge Scheduler', detail: `${fmt(u.tenants * u.evaluationRunsPerMonth)} invocations (first 14M free)`, usd: 0 },
    { service: 'Secrets Manager', detail: `${u.secrets} secret (rate-limit salt)`, usd: u.secrets * p.secretsManager.perSecret },
  ];
  const total = items.reduce((s, i) => s + i.usd, 0);
  return { items, total, volumes: { ...count, wru, rru, apiRequests, invocations, gbSeconds, storedGb, logGb } };
}

export const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(n % 1 ? 1 : 0));

// The monthly running cost of one cell (a city, or a province), from a usage model, measured capacity
// units per operation (tests/bench/results/capacity.json, written by `npm run bench`) and on-demand
// prices. Sign-in (Cognito) is priced apart: per monthly active user, it outweighs everything else
// once a cell passes the free 10,000 MAU. Pure: no I/O.
import { BUSINESS_METRICS } from '../functions/http/metrics.js';

/**
 * On-demand prices, USD, region ap-southeast-3 (Asia Pacific, Jakarta), from the AWS public price
 * list (https://aws.amazon.com/<service>/pricing/, offer files at pricing.us-east-1.amazonaws.com)
 * as read on 2025-11-01. Re-check before quoting: `aws pricing get-products --region us-east-1
 * --service-code AmazonDynamoDB --filters Type=TERM_MATCH,Field=regionCode,Value=ap-southeast-3`.
 * Free tiers are the always-free ones, per account (a cell deploying in its own account gets them).
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
  /**
   * https://aws.amazon.com/cognito/pricing/ (feature plans since Nov 2024), as quoted in the stored
   * copies found with the `search` tool on 2026-12-01: api-evangelist/amazon-cognito
   * plans/amazon-cognito-plans-pricing.yml (transcribed from the pricing page on 2026-09-20:
   * "Essentials … $0.015 per MAU … free tier of 10,000 monthly active user (MAU) per month per
   * account"; "Plus … $0.020 … There is no free tier for the Plus tier"; "Lite … $0.0055 …
   * First 10,000 (Free-tier) … 850,000 MAUs x $0.0046"), and a research note quoting the same page:
   * "10,000 monthly active user (MAU) per month per account or per AWS organization … Lite or
   * Essentials", "For users federated through SAML 2.0 or an OpenID Connect (OIDC) identity
   * provider … a free tier of 50 MAUs per month per account or per AWS organization regardless of
   * your user pool pricing tier", and "SAML/OIDC federation MAUs: $0.015 above the 50-MAU free tier,
   * in every tier". Lite's tiers: $0.0055 for MAU 10,001–100,000, $0.0046 for 100,001–1,000,000.
   * No Jakarta-specific Cognito price was found: these are the page's (us-east-1) figures.
   */
  cognito: {
    freeMau: 10_000,
    essentialsPerMau: 0.015,
    plusPerMau: 0.02,
    liteTiers: [{ upTo: 100_000, perMau: 0.0055 }, { upTo: 1_000_000, perMau: 0.0046 }],
    federatedPerMau: 0.015,
    federatedFreeMau: 50,
  },
  logs: { perGbIngested: 0.67, perGbMonthStored: 0.033, freeGb: 5 },
  alarms: { perAlarm: 0.1, freeAlarms: 10 },
  /** Custom metrics $0.30 each a month, first 10 free; dashboards $3 each a month, first 3 free (https://aws.amazon.com/cloudwatch/pricing/). */
  metrics: { perMetric: 0.3, freeMetrics: 10 },
  dashboards: { perDashboard: 3, freeDashboards: 3 },
  /**
   * https://aws.amazon.com/xray/pricing/ (stored copies, de/cn/vi pages): first 100,000 traces
   * recorded a month free (always), then US$5.00 per million (US$0.000005 per trace).
   */
  xray: { perMillionTraces: 5, freeTraces: 100_000 },
  sqs: { perMillionRequests: 0.4, freeRequests: 1_000_000 },
  scheduler: { perMillionInvocations: 1.0, freeInvocations: 14_000_000 },
  secretsManager: { perSecret: 0.4, perTenThousandCalls: 0.05 },
} as const;

/** Capacity units per operation; what the benchmark measures against DynamoDB Local's ConsumedCapacity. */
export interface OperationCapacity { wru: number; rru: number }
export const OPERATIONS = ['reportSubmit', 'reportReview', 'scoring', 'surveySubmit', 'surveyRollup', 'dashboardChart', 'otherRead', 'trainingLog', 'complaint', 'evaluationPerOfficer'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Checked-in defaults, used for any operation the benchmark has not measured (printed as such). */
export const DEFAULT_CAPACITY: Record<Operation, OperationCapacity> = {
  reportSubmit: { wru: 4, rru: 2 }, // DESIGN §6 budget: ≤ 4 WCU with idempotency
  reportReview: { wru: 4, rru: 3 },
  scoring: { wru: 8, rru: 2 }, // DESIGN §6 budget: ≤ 8 WCU per report on the stream (score + rollups)
  surveySubmit: { wru: 2, rru: 1 }, // response + rate-limit counter
  surveyRollup: { wru: 3, rru: 0 }, // unit, agency, tenant IKM sums
  dashboardChart: { wru: 0, rru: 1 }, // one Query over rollups per chart
  otherRead: { wru: 0, rru: 1 },
  trainingLog: { wru: 2, rru: 1 },
  complaint: { wru: 2, rru: 1 },
  evaluationPerOfficer: { wru: 1.5, rru: 4 }, // DESIGN §6 budget: ≤ 1.5 WCU per officer
};

/** What one cell deploys (infra/constructs): tests/infra/web-security.test.ts checks these against the synthesized template. */
export const CELL_RESOURCES = {
  alarms: 13, // Observability: API 5xx, 6 background functions' errors, throttles, 4 dead-letter queues, iterator age
  secrets: 2, // Api: RateSalt (survey rate-limit salt), OriginVerify (CloudFront → API header)
  customMetrics: BUSINESS_METRICS.length, // one metric each (dimension: the emitting function)
  dashboards: 1,
  tracedFunctions: true, // AppFunction: X-Ray active tracing
} as const;

/** A cell at full use, per month. Every number is printed as an assumption. */
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
  evaluationMsPerOfficer: number; // worker time per officer (batches of 100)
  lambdaMsPerInvocation: number;
  lambdaMemoryMb: number;
  logBytesPerInvocation: number; // START/END/REPORT + the handler's structured lines
  accessLogBytesPerRequest: number; // the HTTP API access log line (ACCESS_LOG_FIELDS)
  storedKbPerOfficerMonth: number;
  retainedMonths: number;
  apiResponseKb: number;
  pageLoadsPerView: number;
  pageLoadKb: number; // cached assets excluded: index.html + config.json + API
  workingSecondsPerMonth: number; // when the requests arrive (22 days × 9 h): X-Ray's 1/s reservoir
  alarms: number;
  secrets: number;
  customMetrics: number;
  dashboards: number;
  tenants: number;
  // Sign-in
  monthlyActiveShare: number; // officers who sign in at least once a month (all: every officer reports)
  tokenIssuesPerView: number; // sign-in or refresh per dashboard visit: each runs the pre-token trigger
  preTokenMs: number;
  preTokenMemoryMb: number;
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
    evaluationMsPerOfficer: 10,
    lambdaMsPerInvocation: 120,
    lambdaMemoryMb: 512,
    logBytesPerInvocation: 700,
    accessLogBytesPerRequest: 300,
    storedKbPerOfficerMonth: 6,
    retainedMonths: 24,
    apiResponseKb: 4,
    pageLoadsPerView: 0.3,
    pageLoadKb: 30,
    workingSecondsPerMonth: 22 * 9 * 3600,
    alarms: CELL_RESOURCES.alarms,
    secrets: CELL_RESOURCES.secrets,
    customMetrics: CELL_RESOURCES.customMetrics,
    dashboards: CELL_RESOURCES.dashboards,
    tenants: 1,
    monthlyActiveShare: 1,
    tokenIssuesPerView: 1.5,
    preTokenMs: 50,
    preTokenMemoryMb: 256,
  };
}

export interface LineItem { service: string; detail: string; usd: number }
export interface Estimate {
  /** Everything but sign-in. */
  items: LineItem[];
  total: number;
  /** total per 1,000 officers: what DESIGN §6 budgets for a province. */
  perThousand: number;
  /** Sign-in as deployed (Essentials plan + its pre-token trigger). */
  signIn: LineItem[];
  signInTotal: number;
  /** What other sign-in designs would cost instead of signInTotal (each line: its whole monthly cost). */
  signInOptions: LineItem[];
  volumes: Record<string, number>;
}

const M = 1_000_000;
const over = (n: number, free: number) => Math.max(0, n - free);

/** Lite's graduated MAU price above the free tier. */
function liteUsd(mau: number, free: number, p = PRICES): number {
  let usd = 0, from = free;
  for (const t of p.cognito.liteTiers) {
    if (mau <= from) break;
    usd += (Math.min(mau, t.upTo) - from) * t.perMau;
    from = t.upTo;
  }
  return usd;
}

/**
 * X-Ray traces recorded under the default sampling rule (reservoir 1 request a second across the
 * account, then 5 %): requests spread over the working seconds; a second with at least one request
 * (Poisson) records one from the reservoir, and 5 % of the rest are recorded.
 */
export function tracesRecorded(invocations: number, workingSeconds: number): number {
  const rate = invocations / workingSeconds;
  const reservoir = workingSeconds * (1 - Math.exp(-rate));
  return reservoir + 0.05 * Math.max(0, invocations - reservoir);
}

/** freeTiers: apply the always-free tiers (per account); without them, the figure is list price. */
export function estimate(u: Usage, capacity: Record<Operation, OperationCapacity>, opts: { freeTiers: boolean }, p = PRICES): Estimate {
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
  const gbSeconds = (apiRequests + streamInvocations) * (u.lambdaMsPerInvocation / 1000) * (u.lambdaMemoryMb / 1024)
    + u.officers * u.evaluationRunsPerMonth * (u.evaluationMsPerOfficer / 1000) * (u.lambdaMemoryMb / 1024);
  const storedGb = (u.officers * u.storedKbPerOfficerMonth * u.retainedMonths) / (1024 * 1024);
  const logGb = (invocations * u.logBytesPerInvocation + apiRequests * u.accessLogBytesPerRequest) / 1024 ** 3;
  const pageLoads = views * u.pageLoadsPerView + count.surveySubmit + count.complaint;
  const cfRequests = apiRequests + pageLoads * 3;
  const cfGb = (apiRequests * u.apiResponseKb + pageLoads * u.pageLoadKb) / (1024 * 1024);
  const sqsRequests = (u.officers / 10) * u.evaluationRunsPerMonth * 3; // send, receive, delete per batch of 10
  const traces = tracesRecorded(invocations, u.workingSecondsPerMonth);
  const secretCalls = invocations * 0.01; // fetched at cold start (~1 % of invocations), then cached

  const items: LineItem[] = [
    { service: 'Lambda', detail: `${fmt(invocations)} invocations, ${fmt(gbSeconds)} GB-s arm64 (free tier: 1M req, 400k GB-s)`, usd: (over(invocations, f * p.lambda.freeRequests) / M) * p.lambda.perMillionRequests + over(gbSeconds, f * p.lambda.freeGbSeconds) * p.lambda.perGbSecondArm64 },
    { service: 'DynamoDB requests', detail: `${fmt(wru)} WRU, ${fmt(rru)} RRU on-demand`, usd: (wru / M) * p.dynamodb.perMillionWru + (rru / M) * p.dynamodb.perMillionRru },
    { service: 'DynamoDB replica', detail: `${fmt(wru)} rWRU in ${p.replicaRegion}`, usd: (wru / M) * p.dynamodb.perMillionReplicatedWru },
    { service: 'DynamoDB storage', detail: `${storedGb.toFixed(2)} GB × 2 regions + PITR × 2`, usd: storedGb * 2 * (p.dynamodb.perGbMonth + p.dynamodb.pitrPerGbMonth) },
    { service: 'DynamoDB streams', detail: 'read by the Lambda event source: not billed', usd: 0 },
    { service: 'HTTP API', detail: `${fmt(apiRequests)} requests`, usd: (apiRequests / M) * p.httpApi.perMillionRequests },
    { service: 'CloudFront + S3', detail: `${fmt(cfRequests)} requests, ${cfGb.toFixed(1)} GB out (free tier: 1 TB, 10M req), SPA function, S3 GETs`, usd: (over(cfRequests, f * p.cloudfront.freeRequests) / 1e4) * p.cloudfront.perTenThousandHttps + over(cfGb, f * p.cloudfront.freeGb) * p.cloudfront.perGbToIndonesia + (over(pageLoads, f * p.cloudfront.freeFunctionInvocations) / M) * p.cloudfront.functionPerMillion + ((pageLoads * 0.2) / 1000) * p.s3.perThousandGet + 0.01 * p.s3.perGbMonth },
    { service: 'CloudWatch Logs', detail: `${logGb.toFixed(2)} GB ingested (functions + API access log), 1-month retention (first 5 GB free)`, usd: over(logGb, f * p.logs.freeGb) * p.logs.perGbIngested + logGb * p.logs.perGbMonthStored },
    { service: 'X-Ray', detail: `${fmt(traces)} traces recorded (default rule: 1/s + 5 %; first 100k free)`, usd: (over(traces, f * p.xray.freeTraces) / M) * p.xray.perMillionTraces },
    { service: 'CloudWatch alarms', detail: `${u.alarms} alarms (first ${p.alarms.freeAlarms} free)`, usd: over(u.alarms, f * p.alarms.freeAlarms) * p.alarms.perAlarm },
    { service: 'CloudWatch metrics', detail: `${u.customMetrics} custom metrics, ${u.dashboards} dashboard (first 10 metrics, 3 dashboards free)`, usd: over(u.customMetrics, f * p.metrics.freeMetrics) * p.metrics.perMetric + over(u.dashboards, f * p.dashboards.freeDashboards) * p.dashboards.perDashboard },
    { service: 'SQS', detail: `${fmt(sqsRequests)} requests (first 1M free)`, usd: (over(sqsRequests, f * p.sqs.freeRequests) / M) * p.sqs.perMillionRequests },
    { service: 'EventBridge Scheduler', detail: `${fmt(u.tenants * u.evaluationRunsPerMonth)} evaluation runs (first 14M free)`, usd: 0 },
    { service: 'Secrets Manager', detail: `${u.secrets} secrets, ${fmt(secretCalls)} calls`, usd: u.secrets * p.secretsManager.perSecret + (secretCalls / 1e4) * p.secretsManager.perTenThousandCalls },
  ];
  const total = items.reduce((s, i) => s + i.usd, 0);

  // Sign-in: Cognito per monthly active user, plus the pre-token trigger it runs on every token issue.
  const mau = Math.round(u.officers * u.monthlyActiveShare);
  const tokenIssues = views * u.tokenIssuesPerView;
  const preTokenGbS = tokenIssues * (u.preTokenMs / 1000) * (u.preTokenMemoryMb / 1024);
  // The Lambda free tier is counted against the rest of the cell first.
  const lambdaReqLeft = Math.max(0, f * p.lambda.freeRequests - invocations), lambdaGbsLeft = Math.max(0, f * p.lambda.freeGbSeconds - gbSeconds);
  const preTokenUsd = (over(tokenIssues, lambdaReqLeft) / M) * p.lambda.perMillionRequests + over(preTokenGbS, lambdaGbsLeft) * p.lambda.perGbSecondArm64;
  // The 10,000 free MAU are part of the plan ("per account or per AWS organization") and count at list price too.
  const essentials = over(mau, p.cognito.freeMau) * p.cognito.essentialsPerMau;
  const signIn: LineItem[] = [
    { service: 'Cognito (Essentials)', detail: `${fmt(mau)} MAU, US$${p.cognito.essentialsPerMau} each beyond ${fmt(p.cognito.freeMau)} free per account or organization (infra/constructs/auth.ts: FeaturePlan.ESSENTIALS)`, usd: essentials },
    { service: 'Pre-token trigger', detail: `${fmt(tokenIssues)} Lambda invocations (sign-in and refresh), ${fmt(preTokenGbS)} GB-s`, usd: preTokenUsd },
  ];
  const signInTotal = signIn.reduce((s, i) => s + i.usd, 0);

  // What the alternatives would cost instead (the whole sign-in line, per month).
  const pools = Math.max(1, Math.ceil(mau / p.cognito.freeMau));
  const fixedPerCell = estimateFixed(u, f, p);
  const claimLookupRru = apiRequests * 0.5; // one eventually consistent read of the caller's grants per request
  const signInOptions: LineItem[] = [
    { service: 'Lite plan', detail: `$${p.cognito.liteTiers[0].perMau} / $${p.cognito.liteTiers[1].perMau} per MAU beyond ${fmt(p.cognito.freeMau)}; no access-token customization (the V2 trigger adding tenant/roles/officer_id), so the API would read those claims from the ID token or look them up`, usd: liteUsd(mau, p.cognito.freeMau, p) + preTokenUsd },
    { service: 'Plus plan', detail: `$${p.cognito.plusPerMau} per MAU, no free tier (threat protection)`, usd: mau * p.cognito.plusPerMau + preTokenUsd },
    { service: 'Federated to a government SSO', detail: `SAML/OIDC federated users: $${p.cognito.federatedPerMau} per MAU beyond ${p.cognito.federatedFreeMau}, on every plan — more than direct sign-in, not less`, usd: over(mau, p.cognito.federatedFreeMau) * p.cognito.federatedPerMau + preTokenUsd },
    { service: `${pools} pools of ≤ ${fmt(p.cognito.freeMau)} MAU, one account/org`, detail: `the 10,000 free MAU are per account or per AWS organization, so splitting pools (or accounts in one organization) changes nothing`, usd: essentials + preTokenUsd },
    { service: `${pools} standalone accounts`, detail: `≤ ${fmt(p.cognito.freeMau)} MAU each outside any shared organization: Cognito free, but each further account pays a cell's fixed costs again (US$${fixedPerCell.toFixed(2)}: alarms, metrics, secrets, dashboard${f ? ', above the free tiers' : ''}) and a 100,000-officer province becomes ${pools} tenants that cannot see each other`, usd: (pools - 1) * fixedPerCell + preTokenUsd },
    { service: 'Government SSO tokens, no Cognito', detail: `the API's JWT authorizer trusts the SSO's OIDC tokens directly: no MAU price and no trigger; the claims come from a grants item read per request (+${fmt(claimLookupRru)} RRU)`, usd: (claimLookupRru / M) * p.dynamodb.perMillionRru },
  ];

  return {
    items, total, perThousand: total / (u.officers / 1000), signIn, signInTotal, signInOptions,
    volumes: { ...count, wru, rru, apiRequests, invocations, gbSeconds, storedGb, logGb, traces, mau, tokenIssues },
  };
}

/** A cell's costs that do not grow with officers: alarms, custom metrics, dashboards, secrets. */
function estimateFixed(u: Usage, f: number, p = PRICES): number {
  return over(u.alarms, f * p.alarms.freeAlarms) * p.alarms.perAlarm
    + over(u.customMetrics, f * p.metrics.freeMetrics) * p.metrics.perMetric
    + over(u.dashboards, f * p.dashboards.freeDashboards) * p.dashboards.perDashboard
    + u.secrets * p.secretsManager.perSecret;
}

export const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(n % 1 ? 1 : 0));

// Api: the HTTP API of DESIGN.md §4. One route per ROUTES row (functions/routes.ts) to the function
// named by `fn`; public rows open and rate-limited, every other row behind the Cognito JWT authorizer.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { FUNCTIONS, ROUTES, routeKey, type FunctionName, type RouteDef } from '../../functions/routes.js';
import { AppFunction, LOG_RETENTION } from './function.js';
import { acknowledge } from './nag.js';
import { TABLE_ACCESS, grantTable } from './table-access.js';

/** Whole-API limits per stage, and the tighter limit on each public write (surveys, complaints). */
export const STAGE_THROTTLE = { rateLimit: 100, burstLimit: 200 };
export const PUBLIC_WRITE_THROTTLE = { rateLimit: 5, burstLimit: 10 };

export interface ApiProps {
  table: dynamodb.ITableV2;
  /** Shared environment of every function (TABLE_NAME, TENANTS). */
  environment: Record<string, string>;
  userPool: cognito.IUserPool;
  dashboardClient: cognito.IUserPoolClient;
}

/**
 * One JSON line per request. The request id is the one handlers log too (functions/http), so a
 * line here leads to the function's logs. Route keys, not paths: paths carry officer ids and
 * tracking codes. No source address: behind CloudFront it is an edge, and CloudFront logs the viewer.
 */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  requestTime: '$context.requestTimeEpoch',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
};

const routeId = (def: RouteDef) => `${def.method}${def.path.replace(/[^A-Za-z0-9]/g, '_')}`;

export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly functions: Record<FunctionName, AppFunction>;
  /** Sent by CloudFront as x-origin-verify: proves X-Forwarded-For's last entry is CloudFront's (functions/http/rate-limit.ts). */
  readonly originVerify: string;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const devRoute = ROUTES.find((r) => r.path.startsWith('/v1/dev'));
    if (devRoute) throw new Error(`${routeKey(devRoute)} is local-only and must not be deployed`);

    // Hashes public callers' addresses for rate limiting; only functions serving public routes see it.
    const rateSalt = new secrets.Secret(this, 'RateSalt', { generateSecretString: { passwordLength: 32, excludePunctuation: true } });
    const servesPublic = new Set(ROUTES.filter((r) => r.auth === 'public').map((r) => r.fn));
    const originSecret = new secrets.Secret(this, 'OriginVerify', { generateSecretString: { passwordLength: 32, excludePunctuation: true } });
    const deployTimeSecret = 'Read at deploy time into the functions\' environment and CloudFront\'s origin header, so a rotation Lambda could not reach them; rotate by replacing the secret and redeploying.';
    acknowledge(rateSalt, deployTimeSecret, 'AwsSolutions-SMG4');
    acknowledge(originSecret, deployTimeSecret, 'AwsSolutions-SMG4');
    this.originVerify = originSecret.secretValue.unsafeUnwrap();

    this.functions = Object.fromEntries(
      (Object.entries(FUNCTIONS) as [FunctionName, string][]).map(([name, entry]) => {
        const environment = { ...props.environment, ...(servesPublic.has(name) ? { RATE_SALT: rateSalt.secretValue.unsafeUnwrap(), ORIGIN_VERIFY_SECRET: this.originVerify } : {}) };
        // PDFs: more memory (also more CPU) and up to HTTP API's 30 s for an agency's 100-document ZIP.
        const sizing = name === 'documents' ? { memorySize: 1536, timeout: Duration.seconds(29) } : {};
        const fn = new AppFunction(this, `Fn-${name}`, { name, entry, environment, ...sizing });
        grantTable(fn.fn, props.table, TABLE_ACCESS[name]);
        return [name, fn];
      }),
    ) as Record<FunctionName, AppFunction>;

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', { apiName: `${scope.node.id}-api`, createDefaultStage: false });
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    const stage = new apigw.HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(this.accessLogs), format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)) },
    });

    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, { userPoolClients: [props.dashboardClient] });
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationFor = (fn: FunctionName) => {
      if (!integrations.has(fn)) integrations.set(fn, new HttpLambdaIntegration(`${fn}Integration`, this.functions[fn].fn));
      return integrations.get(fn)!;
    };

    const publicWrites: Record<string, unknown> = {};
    for (const def of ROUTES) {
      const route = new apigw.HttpRoute(this, routeId(def), {
        httpApi: this.httpApi,
        routeKey: apigw.HttpRouteKey.with(def.path, apigw.HttpMethod[def.method]),
        integration: integrationFor(def.fn),
        authorizer: def.auth === 'public' ? undefined : authorizer,
      });
      if (def.auth === 'public') {
        acknowledge(route, 'Public by the contract (DESIGN §4: health, citizens\' surveys, complaints and tracking, transparency): no sign-in exists for citizens; rate-limited per client and throttled per route.', 'AwsSolutions-APIG4');
      }
      if (def.auth === 'public' && def.method !== 'GET') {
        publicWrites[routeKey(def)] = { ThrottlingRateLimit: PUBLIC_WRITE_THROTTLE.rateLimit, ThrottlingBurstLimit: PUBLIC_WRITE_THROTTLE.burstLimit };
        stage.node.addDependency(route); // route settings name routes that must exist first
      }
    }
    (stage.node.defaultChild as apigw.CfnStage).routeSettings = publicWrites;
  }
}

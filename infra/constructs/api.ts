// Api: the HTTP API of DESIGN.md §4. One route per ROUTES row (functions/routes.ts) to the function
// named by `fn`; public rows open and rate-limited, every other row behind the Cognito JWT authorizer.
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { FUNCTIONS, ROUTES, routeKey, type FunctionName, type RouteDef } from '../../functions/routes.js';
import { AppFunction } from './function.js';
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

const routeId = (def: RouteDef) => `${def.method}${def.path.replace(/[^A-Za-z0-9]/g, '_')}`;

export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly functions: Record<FunctionName, AppFunction>;
  /** Sent by CloudFront as x-origin-verify: proves X-Forwarded-For's last entry is CloudFront's (functions/http/rate-limit.ts). */
  readonly originVerify: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const devRoute = ROUTES.find((r) => r.path.startsWith('/v1/dev'));
    if (devRoute) throw new Error(`${routeKey(devRoute)} is local-only and must not be deployed`);

    // Hashes public callers' addresses for rate limiting; only functions serving public routes see it.
    const rateSalt = new secrets.Secret(this, 'RateSalt', { generateSecretString: { passwordLength: 32, excludePunctuation: true } });
    const servesPublic = new Set(ROUTES.filter((r) => r.auth === 'public').map((r) => r.fn));
    const originSecret = new secrets.Secret(this, 'OriginVerify', { generateSecretString: { passwordLength: 32, excludePunctuation: true } });
    this.originVerify = originSecret.secretValue.unsafeUnwrap();

    this.functions = Object.fromEntries(
      (Object.entries(FUNCTIONS) as [FunctionName, string][]).map(([name, entry]) => {
        const environment = { ...props.environment, ...(servesPublic.has(name) ? { RATE_SALT: rateSalt.secretValue.unsafeUnwrap(), ORIGIN_VERIFY_SECRET: this.originVerify } : {}) };
        const fn = new AppFunction(this, `Fn-${name}`, { name, entry, environment });
        grantTable(fn.fn, props.table, TABLE_ACCESS[name]);
        return [name, fn];
      }),
    ) as Record<FunctionName, AppFunction>;

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', { apiName: `${scope.node.id}-api`, createDefaultStage: false });
    const stage = new apigw.HttpStage(this, 'Stage', { httpApi: this.httpApi, stageName: '$default', autoDeploy: true, throttle: STAGE_THROTTLE });

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
      if (def.auth === 'public' && def.method !== 'GET') {
        publicWrites[routeKey(def)] = { ThrottlingRateLimit: PUBLIC_WRITE_THROTTLE.rateLimit, ThrottlingBurstLimit: PUBLIC_WRITE_THROTTLE.burstLimit };
        stage.node.addDependency(route); // route settings name routes that must exist first
      }
    }
    (stage.node.defaultChild as apigw.CfnStage).routeSettings = publicWrites;
  }
}

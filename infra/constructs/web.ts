// Web: the dashboard in a private S3 bucket behind CloudFront (origin access control), /v1/* routed
// to the HTTP API on the same origin, security headers on every response, and the runtime config.json.
import { Annotations, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { WEB_BUILD_STAMP } from '../web-build-stamp.js';
import { REPO_ROOT } from './bundling.js';
import { acknowledge } from './nag.js';

export const WEB_DIST = resolve(REPO_ROOT, 'web/dist');
export const API_PATH_PATTERN = '/v1/*';

/**
 * SPA fallback: dashboard routes (no file extension) are served index.html. Done at the viewer
 * request of the S3 behaviour, not with distribution-wide error responses, which would also turn
 * the API's JSON 403/404 errors into index.html.
 */
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  if (request.uri === '/docs' || request.uri === '/docs/') request.uri = '/docs/index.html'; // the API page (Swagger UI)
  else if (request.uri.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/** Viewer and bucket access logs hold addresses: kept as long as the functions' logs. */
export const ACCESS_LOG_DAYS = 30;

/** A cell's own domain: its ACM certificate (us-east-1) lets CloudFront refuse TLS below 1.2. */
export interface CustomDomain { names: string[]; certificateArn: string }

export interface DashboardConfig {
  region: string; userPoolId: string; clientId: string; hostedUiDomain: string;
  /** What the dashboard's one sign-in path reads (web/src/lib/auth.ts): the OpenID issuer, client and Cognito's logout URL. */
  auth?: { issuer: string; clientId: string; logoutUrl?: string; scope?: string };
}

export class Web extends Construct {
  readonly bucket: s3.Bucket;
  /** CloudFront's viewer logs (cloudfront/) and the dashboard bucket's access logs (s3/). */
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly headers: cloudfront.ResponseHeadersPolicy;
  /** https://<distribution domain>, the dashboard's origin. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: { authOrigins: string[]; domain?: CustomDomain }) {
    super(scope, id);
    this.logBucket = new s3.Bucket(this, 'Logs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logging writes with an ACL grant; the bucket owner still owns every object.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(ACCESS_LOG_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.logBucket, 'This is the access-log bucket itself; logging its own access would log the log writes.', 'AwsSolutions-S1');
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const auth = props.authOrigins.join(' ');
    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'", // Svelte transitions and Chart.js set inline styles
      "img-src 'self' data: blob:",
      `connect-src 'self' ${auth}`, // the PKCE code exchange posts to the hosted UI's token endpoint
      `form-action 'self' ${auth}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; ');
    this.headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `${Stack.of(this).stackName} dashboard and API`,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200, // includes the Asia edge locations, not South America/Oceania
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(props.domain
        ? { domainNames: props.domain.names, certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn), minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        compress: true, // gzip/brotli at the edge (CDK's default, stated; the local server does the same)
        responseHeadersPolicy: this.headers,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'SpaFallback', { code: cloudfront.FunctionCode.fromInline(SPA_REWRITE), runtime: cloudfront.FunctionRuntime.JS_2_0 }),
          },
        ],
      },
    });
    this.url = props.domain ? `https://${props.domain.names[0]}` : `https://${this.distribution.distributionDomainName}`;
    if (!props.domain) {
      acknowledge(this.distribution, 'Without a domain of its own a cell uses the *.cloudfront.net certificate, whose security policy CloudFront fixes; a cell with `domain` in infra/deployments.ts gets TLSv1.2_2021.', 'AwsSolutions-CFR4');
    }
    acknowledge(this.distribution, 'No geo restriction: officers travel and citizens abroad (diaspora, students) file complaints and surveys; abuse is limited per client, not per country.', 'AwsSolutions-CFR1');
    acknowledge(this.distribution, 'No WAF: a web ACL (US$5 a month plus rules and requests) alone exceeds a city\'s US$5 budget (DESIGN §6); per-client limits in DynamoDB, API Gateway throttles and strict schemas stand in (SECURITY.md).', 'AwsSolutions-CFR2');
  }

  /** /v1/* → the HTTP API: never cached, every viewer header but Host (API Gateway routes by Host), all methods. */
  routeApi(api: apigw.IHttpApi, originVerify?: string): void {
    const apiDomain = Fn.select(2, Fn.split('/', api.apiEndpoint));
    this.distribution.addBehavior(API_PATH_PATTERN, new origins.HttpOrigin(apiDomain, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      // Lets the functions trust the viewer address CloudFront appends to X-Forwarded-For (rate limits).
      ...(originVerify ? { customHeaders: { 'x-origin-verify': originVerify } } : {}),
    }), {
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.headers,
    });
  }

  /** The built dashboard (web/dist) plus config.json. Without a build, only config.json is deployed. */
  deployDashboard(config: DashboardConfig): void {
    const sources = [s3deploy.Source.jsonData('config.json', config)];
    const built = existsSync(resolve(WEB_DIST, 'index.html'));
    if (built) sources.unshift(s3deploy.Source.asset(WEB_DIST, { exclude: [WEB_BUILD_STAMP] }));
    else Annotations.of(this).addWarningV2('kinerja:web-dist-missing', 'web/dist not built: deploying config.json only (run `npm run build:web` first)');
    new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources,
      // Without a build, keep whatever dashboard is already in the bucket.
      prune: built,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
    });
    this.acknowledgeDeploymentHandler();
  }

  /** CDK's own custom-resource function behind BucketDeployment (one per stack): its role, policy and runtime are CDK's. */
  private acknowledgeDeploymentHandler(): void {
    const stack = Stack.of(this);
    const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) return;
    const bucketId = stack.resolve((this.bucket.node.defaultChild as s3.CfnBucket).logicalId) as string;
    const copies = [
      'Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:DeleteObject*', 'Action::s3:Abort*', 'Resource::*',
      // The asset bucket's partition is a token in tests and resolved ("aws") where the CLI knows the region.
      ...['<AWS::Partition>', 'aws'].map((partition) => `Resource::arn:${partition}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*`),
      `Resource::<${bucketId}.Arn>/*`,
    ].map((finding) => `AwsSolutions-IAM5[${finding}]`);
    acknowledge(
      handler,
      'CDK\'s BucketDeployment custom resource: runs only during a deployment to copy the built dashboard from the CDK asset bucket into this bucket and invalidate CloudFront; its role, grants and runtime are set by CDK.',
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', ...copies,
      'AwsSolutions-L1', 'Serverless-LambdaDLQ', 'Serverless-LambdaLatestVersion', 'Serverless-LambdaTracing',
    );
  }
}

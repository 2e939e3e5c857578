// Web: the dashboard in a private S3 bucket behind CloudFront (origin access control), /v1/* routed
// to the HTTP API on the same origin, security headers on every response, and the runtime config.json.
import { Annotations, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './bundling.js';

export const WEB_DIST = resolve(REPO_ROOT, 'web/dist');
export const API_PATH_PATTERN = '/v1/*';

/**
 * SPA fallback: dashboard routes (no file extension) are served index.html. Done at the viewer
 * request of the S3 behaviour, not with distribution-wide error responses, which would also turn
 * the API's JSON 403/404 errors into index.html.
 */
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export interface DashboardConfig { region: string; userPoolId: string; clientId: string; hostedUiDomain: string }

export class Web extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly headers: cloudfront.ResponseHeadersPolicy;
  /** https://<distribution domain>, the dashboard's origin. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: { authOrigins: string[] }) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
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
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'SpaFallback', { code: cloudfront.FunctionCode.fromInline(SPA_REWRITE), runtime: cloudfront.FunctionRuntime.JS_2_0 }),
          },
        ],
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
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
    if (built) sources.unshift(s3deploy.Source.asset(WEB_DIST));
    else Annotations.of(this).addWarningV2('kinerja:web-dist-missing', 'web/dist not built: deploying config.json only (run `npm run build:web` first)');
    new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources,
      // Without a build, keep whatever dashboard is already in the bucket.
      prune: built,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
    });
  }
}

// CloudFront in front of the dashboard and the API; least privilege, runtimes, logs and alarms.
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUSINESS_METRICS } from '../../functions/http/metrics.js';
import { BACKGROUND_FUNCTIONS, FUNCTIONS } from '../../functions/routes.js';
import { TABLE_ACCESS, WRITE_ACTIONS } from '../../infra/constructs/table-access.js';
import { CELL_RESOURCES } from '../../infra/cost-model.js';
import { appFunctions, resourcesOf, synthCells, type CellTemplate } from './template.js';

let cellTemplates: CellTemplate[];
beforeAll(() => {
  // Once in the suite: the template has no dependency cycle (auth ↔ web ↔ api is the risky wiring).
  cellTemplates = synthCells({ checkCycles: true });
});

const distributionConfig = (t: CellTemplate) => resourcesOf(t.template, 'AWS::CloudFront::Distribution')[0][1].DistributionConfig;

describe('web', () => {
  it('routes /v1/* to the HTTP API uncached, with every viewer header but Host and every method', () => {
    for (const t of cellTemplates) {
      const api = distributionConfig(t).CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/v1/*');
      expect(api).toMatchObject({
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
        OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
        AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']),
      });
      const origin = distributionConfig(t).Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
      expect(JSON.stringify(origin.DomainName)).toContain('ApiHttpApi');
    }
  });

  it('serves the dashboard from a private bucket through origin access control, with SPA fallback that leaves API errors alone', () => {
    for (const t of cellTemplates) {
      t.template.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      });
      t.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
      const config = distributionConfig(t);
      expect(config.DefaultRootObject).toBe('index.html');
      expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
      // Distribution-wide error responses would turn the API's JSON 403/404 into index.html.
      expect(config.CustomErrorResponses).toBeUndefined();
      const [[, fn]] = resourcesOf(t.template, 'AWS::CloudFront::Function');
      expect(fn.FunctionCode).toContain("request.uri = '/index.html'");
    }
  });

  it('sends CSP, HSTS, nosniff, frame DENY and a referrer policy on every response', () => {
    for (const t of cellTemplates) {
      t.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
        ResponseHeadersPolicyConfig: {
          SecurityHeadersConfig: {
            ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
            StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true }),
            ContentTypeOptions: { Override: true },
            FrameOptions: { FrameOption: 'DENY', Override: true },
            ReferrerPolicy: Match.objectLike({ ReferrerPolicy: 'strict-origin-when-cross-origin' }),
          },
        },
      });
      const config = distributionConfig(t);
      for (const b of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) expect(b.ResponseHeadersPolicyId).toBeDefined();
    }
  });

  it('compresses the dashboard at the edge (gzip and brotli through a caching policy that keys on them)', () => {
    for (const t of cellTemplates) {
      const d = distributionConfig(t).DefaultCacheBehavior;
      expect(d.Compress).toBe(true);
      expect(d.CachePolicyId).toBe('658327ea-f89d-4fab-a63d-7e88639e58f6'); // Managed-CachingOptimized: Accept-Encoding gzip + br in its key
    }
  });

  it('logs viewer requests and dashboard-bucket access to a private log bucket that forgets them after 30 days', () => {
    for (const t of cellTemplates) {
      const logging = distributionConfig(t).Logging;
      expect(logging.Prefix).toBe('cloudfront/');
      expect(JSON.stringify(logging.Bucket)).toContain('WebLogs');
      t.template.hasResourceProperties('AWS::S3::Bucket', { LoggingConfiguration: { DestinationBucketName: Match.objectLike({ Ref: Match.stringLikeRegexp('WebLogs') }), LogFilePrefix: 's3/' } });
      t.template.hasResourceProperties('AWS::S3::Bucket', {
        LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 30, Status: 'Enabled' })] },
        PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true }),
      });
    }
  });

  it('deploys config.json naming the user pool, client, hosted UI and region', () => {
    for (const t of cellTemplates) {
      const [[, deployment]] = resourcesOf(t.template, 'Custom::CDKBucketDeployment');
      const markers = JSON.stringify(deployment.SourceMarkers ?? deployment);
      for (const ref of ['AuthUserPool', 'AuthUserPoolDashboard', 'AuthUserPoolHostedUi']) expect(markers).toContain(ref);
    }
  });
});

describe('functions', () => {
  it('runs every function on Node.js 24, arm64, traced by X-Ray, with a log group that expires', () => {
    for (const t of cellTemplates) {
      const fns = appFunctions(t.template);
      expect(fns).toHaveLength(Object.keys(FUNCTIONS).length + Object.keys(BACKGROUND_FUNCTIONS).length + 1);
      for (const [id, p] of fns) {
        expect(p.Runtime, id).toBe('nodejs24.x');
        expect(p.Architectures, id).toEqual(['arm64']);
        expect(p.TracingConfig, id).toEqual({ Mode: 'Active' });
        expect(p.LoggingConfig?.LogGroup, id).toBeDefined();
        expect(Object.keys(p.Environment.Variables)).toEqual(expect.arrayContaining(id.includes('PreToken') ? ['POWERTOOLS_SERVICE_NAME'] : ['TABLE_NAME', 'TENANTS', 'POWERTOOLS_SERVICE_NAME']));
      }
      for (const [, g] of resourcesOf(t.template, 'AWS::Logs::LogGroup')) expect(g.RetentionInDays).toBeGreaterThan(0);
      const tenants = JSON.parse(fns.find(([id]) => id.includes('Fnorg'))![1].Environment.Variables.TENANTS);
      expect(tenants.map((x: { id: string }) => x.id)).toEqual(t.cell.tenants.map((x) => x.id));
    }
  });

  it('grants no wildcard action, no Scan, and no table writes to read-only functions', () => {
    for (const t of cellTemplates) {
      const statements = resourcesOf(t.template, 'AWS::IAM::Policy').flatMap(([id, p]) => p.PolicyDocument.Statement.map((s: { Action: string | string[] }) => ({ id, actions: [s.Action].flat() })));
      const actions = statements.flatMap((s) => s.actions);
      expect(actions).not.toContain('*');
      expect(actions.filter((a) => /^dynamodb:\*|^[a-z0-9-]+:\*$/.test(a))).toEqual([]);
      expect(actions).not.toContain('dynamodb:Scan');
      // DeleteItem only where a transaction removes an item (complaints, visits); resources name the indexes.
      const deleters = statements.filter((s) => s.actions.includes('dynamodb:DeleteItem')).map((s) => s.id);
      const mayDelete = Object.entries(TABLE_ACCESS).filter(([, a]) => a === 'write+delete').map(([name]) => `Fn${name}`);
      expect(deleters.length).toBe(mayDelete.length);
      for (const id of deleters) expect(mayDelete.some((name) => id.includes(name)), id).toBe(true);
      const tableResources = resourcesOf(t.template, 'AWS::IAM::Policy').flatMap(([, p]) => p.PolicyDocument.Statement).filter((st: { Action: string[] }) => [st.Action].flat().includes('dynamodb:Query')).flatMap((st: { Resource: unknown }) => [st.Resource].flat());
      expect(JSON.stringify(tableResources)).not.toContain('/index/*');
      for (const readOnly of ['Fnscores', 'Fntrends']) {
        const own = statements.filter((s) => s.id.includes(readOnly)).flatMap((s) => s.actions);
        expect(own).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
        expect(own.filter((a) => (WRITE_ACTIONS as readonly string[]).includes(a) && !['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'].includes(a))).toEqual([]);
      }
    }
  });

  it('alarms on API 5xx, background function errors, throttles, dead letters and stream iterator age', () => {
    for (const t of cellTemplates) {
      const metrics = resourcesOf(t.template, 'AWS::CloudWatch::Alarm').map(([, p]) => p.MetricName);
      expect(metrics).toEqual(expect.arrayContaining(['5xx', 'Errors', 'Throttles', 'ApproximateNumberOfMessagesVisible', 'IteratorAge']));
      expect(metrics.filter((m) => m === 'ApproximateNumberOfMessagesVisible')).toHaveLength(4); // stream failures, evaluation DLQ, account DLQ, notification run DLQ
      t.template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IteratorAge', Threshold: 300000, AlarmActions: Match.anyValue() });
    }
  });

  it('deploys what the cost model prices per cell: alarms, secrets, dashboards, traced functions', () => {
    for (const t of cellTemplates) {
      expect(resourcesOf(t.template, 'AWS::CloudWatch::Alarm')).toHaveLength(CELL_RESOURCES.alarms);
      expect(resourcesOf(t.template, 'AWS::SecretsManager::Secret')).toHaveLength(CELL_RESOURCES.secrets);
      expect(resourcesOf(t.template, 'AWS::CloudWatch::Dashboard')).toHaveLength(CELL_RESOURCES.dashboards);
      expect(appFunctions(t.template).every(([, p]) => p.TracingConfig?.Mode === 'Active')).toBe(CELL_RESOURCES.tracedFunctions);
    }
  });

  it('gives each cell one dashboard with every alarm, the API, and every business metric', () => {
    for (const t of cellTemplates) {
      const dashboards = resourcesOf(t.template, 'AWS::CloudWatch::Dashboard');
      expect(dashboards).toHaveLength(1);
      const body = JSON.stringify(dashboards[0][1].DashboardBody);
      const alarms = resourcesOf(t.template, 'AWS::CloudWatch::Alarm').map(([id]) => id);
      expect(alarms.length).toBeGreaterThan(5);
      for (const id of alarms) expect(body, id).toContain(id);
      for (const name of BUSINESS_METRICS) expect(body, name).toMatch(new RegExp(`SEARCH\\('\\{KinerjaAsn,service\\} MetricName=\\W+${name}\\W`));
      expect(body).toContain('AWS/ApiGateway');
    }
  });
});

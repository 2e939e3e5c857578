// The HTTP API (a route per contract row, JWT on every non-public route, throttling) and Cognito.
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsFor, handler } from '../../functions/auth/pre-token.js';
import { ROUTES, routeKey } from '../../functions/routes.js';
import { ACCESS_LOG_FIELDS, PUBLIC_WRITE_THROTTLE, STAGE_THROTTLE } from '../../infra/constructs/api.js';
import { resourcesOf, synthCells, type CellTemplate } from './template.js';

let cellTemplates: CellTemplate[];
beforeAll(() => {
  cellTemplates = synthCells();
});

describe('api', () => {
  it('has exactly one route per ROUTES row and no /v1/dev route', () => {
    for (const { template } of cellTemplates) {
      const keys = resourcesOf(template, 'AWS::ApiGatewayV2::Route').map(([, p]) => p.RouteKey as string);
      expect(keys.sort()).toEqual(ROUTES.map(routeKey).sort());
      expect(keys.filter((k) => k.includes('/v1/dev'))).toEqual([]);
    }
  });

  it('protects every non-public route with the Cognito JWT authorizer and leaves public routes open', () => {
    for (const { template } of cellTemplates) {
      const [[authorizerId, authorizer]] = resourcesOf(template, 'AWS::ApiGatewayV2::Authorizer');
      expect(authorizer.AuthorizerType).toBe('JWT');
      expect(JSON.stringify(authorizer.JwtConfiguration.Issuer)).toContain('cognito-idp');
      expect(JSON.stringify(authorizer.JwtConfiguration.Audience)).toContain('AuthUserPoolDashboard');
      const routes = new Map(resourcesOf(template, 'AWS::ApiGatewayV2::Route').map(([, p]) => [p.RouteKey as string, p]));
      for (const def of ROUTES) {
        const route = routes.get(routeKey(def))!;
        if (def.auth === 'public') {
          expect(route.AuthorizationType, routeKey(def)).toBe('NONE');
          expect(route.AuthorizerId, routeKey(def)).toBeUndefined();
        } else {
          expect(route.AuthorizationType, routeKey(def)).toBe('JWT');
          expect(route.AuthorizerId, routeKey(def)).toEqual({ Ref: authorizerId });
        }
      }
    }
  });

  it('throttles the stage, and every public write more tightly', () => {
    const publicWrites = ROUTES.filter((r) => r.auth === 'public' && r.method !== 'GET').map(routeKey);
    expect(publicWrites.length).toBeGreaterThan(0);
    for (const { template } of cellTemplates) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        DefaultRouteSettings: { ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit, ThrottlingRateLimit: STAGE_THROTTLE.rateLimit },
        RouteSettings: Object.fromEntries(
          publicWrites.map((k) => [k, { ThrottlingBurstLimit: PUBLIC_WRITE_THROTTLE.burstLimit, ThrottlingRateLimit: PUBLIC_WRITE_THROTTLE.rateLimit }]),
        ),
      });
      expect(PUBLIC_WRITE_THROTTLE.rateLimit).toBeLessThan(STAGE_THROTTLE.rateLimit);
    }
  });

  it('writes an access log line per request with the request id, to a log group that expires', () => {
    for (const { template } of cellTemplates) {
      const [[, stage]] = resourcesOf(template, 'AWS::ApiGatewayV2::Stage');
      const format = JSON.parse(stage.AccessLogSettings.Format);
      expect(format).toEqual(ACCESS_LOG_FIELDS);
      expect(format.requestId).toBe('$context.requestId');
      expect(Object.values(format)).not.toContain('$context.path'); // paths carry ids and tracking codes
      const group = JSON.stringify(stage.AccessLogSettings.DestinationArn);
      expect(group).toContain('ApiAccessLogs');
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
    }
  });
});

describe('auth', () => {
  it('keeps tenant, roles, officer and agency as admin-set custom attributes and adds them to tokens with a V2 trigger', () => {
    for (const { template } of cellTemplates) {
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        Schema: Match.arrayWith(['tenant', 'roles', 'officer_id', 'agency_id'].map((Name) => Match.objectLike({ Name, AttributeDataType: 'String' }))),
        LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: Match.anyValue(), LambdaVersion: 'V2_0' } },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }) },
      });
      template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    }
  });

  it('gives the dashboard a public authorization-code client that returns to the CloudFront sign-in page and cannot write its own authority', () => {
    for (const { template } of cellTemplates) {
      const [[, client]] = resourcesOf(template, 'AWS::Cognito::UserPoolClient');
      expect(client.GenerateSecret).toBe(false);
      expect(client.AllowedOAuthFlows).toEqual(['code']);
      expect(JSON.stringify(client.CallbackURLs)).toMatch(/WebDistribution.*DomainName.*\/masuk/);
      expect(client.WriteAttributes.some((a: string) => a.startsWith('custom:'))).toBe(false);
    }
  });

  it('the trigger copies the attributes into claims named as the API reads them', async () => {
    expect(claimsFor({ 'custom:tenant': 'serang', 'custom:roles': 'officer,supervisor', 'custom:officer_id': 'o1', email: 'x@y' })).toEqual({
      tenant: 'serang',
      roles: 'officer supervisor',
      officer_id: 'o1',
    });
    const event = { request: { userAttributes: { 'custom:tenant': 'banjarbaru', 'custom:roles': 'leader', 'custom:agency_id': 'a1' } }, response: {} };
    const out = await handler(event as never);
    expect(out.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ tenant: 'banjarbaru', roles: 'leader', agency_id: 'a1' });
  });
});

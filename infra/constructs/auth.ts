// Auth: a Cognito user pool whose access tokens carry tenant, roles, officer_id and agency_id (added
// by the pre-token-generation trigger), a hosted-UI domain, and the dashboard's public PKCE client.
import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SIGN_IN_PATH, TOKEN_LIFETIMES } from '../../functions/auth/lifetimes.js';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { CellConfig } from '../deployments.js';
import { AppFunction } from './function.js';
import { acknowledge } from './nag.js';

export const PRE_TOKEN_ENTRY = 'functions/auth/pre-token.ts';
export { SIGN_IN_PATH };
/** What account provisioning may do on the pool (functions/accounts/cognito-directory.ts), and nothing else. */
export const ACCOUNT_ADMIN_ACTIONS = ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminGetUser'] as const;

export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;
  readonly preToken: AppFunction;
  /** The hosted UI's base URL, e.g. https://kinerja-asn-jakarta-123.auth.ap-southeast-3.amazoncognito.com */
  readonly hostedUiUrl: string;
  private dashboardClient?: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: { cell: CellConfig }) {
    super(scope, id);
    this.preToken = new AppFunction(this, 'PreToken', { name: 'preToken', entry: PRE_TOKEN_ENTRY, memorySize: 256, timeout: Duration.seconds(5) });
    const attribute = (maxLen: number) => new cognito.StringAttribute({ mutable: true, maxLen });
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      // Accounts are created by the city's BKPSDM, never by self sign-up.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      // Essentials: the V2 trigger that can add claims to access tokens; 10,000 MAU free.
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      customAttributes: { tenant: attribute(64), roles: attribute(256), officer_id: attribute(64), agency_id: attribute(64) },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.userPool, 'MFA stays optional (TOTP offered): BKPSDM creates an account for every civil servant, many without a phone of their own at work; required MFA would block first sign-in city-wide. Tokens are short-lived and accounts are admin-created only.', 'AwsSolutions-COG2');
    acknowledge(this.userPool, 'The Plus plan (threat protection) costs US$0.02 per MAU with no free tier: US$100 a month for 5,000 officers against the US$5 budget (DESIGN §6).', 'AwsSolutions-COG8');
    this.userPool.addTrigger(cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, this.preToken.fn, cognito.LambdaVersion.V2_0);
    // Prefixes are global per region; the account id keeps two deployments of a cell apart.
    this.domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: `kinerja-asn-${props.cell.name}-${Aws.ACCOUNT_ID}` } });
    this.hostedUiUrl = this.domain.baseUrl();
  }

  /** Least privilege for the officer import's account provisioning: the four admin calls, on this pool only. */
  allowAccountAdmin(fn: lambda.IFunction): void {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: [...ACCOUNT_ADMIN_ACTIONS], resources: [this.userPool.userPoolArn] }));
  }

  /** The dashboard's client: public (no secret), authorization code + PKCE, redirecting to the CloudFront URL. */
  addDashboardClient(appUrl: string): cognito.UserPoolClient {
    if (this.dashboardClient) return this.dashboardClient;
    this.dashboardClient = this.userPool.addClient('Dashboard', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        // Code grant only; the dashboard always sends a PKCE S256 challenge (web/src/lib/oidc.ts), as a public client must.
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${appUrl}${SIGN_IN_PATH}`],
        logoutUrls: [`${appUrl}${SIGN_IN_PATH}`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      // The same numbers as the local provider (functions/auth/lifetimes.ts): tokens for an hour,
      // refreshed within an 8-hour session (SECURITY.md); the refresh token's validity is the session.
      accessTokenValidity: Duration.seconds(TOKEN_LIFETIMES.accessTokenSeconds),
      idTokenValidity: Duration.seconds(TOKEN_LIFETIMES.idTokenSeconds),
      refreshTokenValidity: Duration.seconds(TOKEN_LIFETIMES.refreshTokenSeconds),
      enableTokenRevocation: true,
      // Users may read their authority but never write it: custom attributes are admin-only.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
    return this.dashboardClient;
  }
}

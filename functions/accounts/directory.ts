// Where sign-in accounts live: the Cognito user pool in AWS (AdminCreateUser with the custom attributes
// the pre-token trigger copies into tokens), the local OpenID provider's store locally — which is the
// officer table itself (infra/local/dev-routes.ts localClaims), so there is nothing more to create.
import { randomBytes } from 'node:crypto';
import { AwsApiError, awsJson, regionalEndpoint } from '../data/aws-json.js';

export interface Account { tenant: string; nip: string; email: string; officerId: string; agencyId: string; roles: string[] }
export interface AccountDirectory {
  /** Creates the account (idempotent: an existing one is 'exists'); answers how the invitation signs in. */
  create: (a: Account) => Promise<{ outcome: 'created' | 'exists'; signIn: string }>;
  disable: (tenant: string, nip: string) => Promise<void>;
}

/** A Cognito user-pool operation (JSON 1.1 protocol). */
const cognito = (endpoint: string, operation: 'AdminCreateUser' | 'AdminDisableUser', body: unknown) => awsJson({
  service: 'cognito-idp', endpoint, target: `AWSCognitoIdentityProviderService.${operation}`, contentType: 'application/x-amz-json-1.1', body,
});

export function cognitoDirectory(userPoolId: string, endpoint = regionalEndpoint('cognito-idp')): AccountDirectory {
  return {
    create: async (a) => {
      // Our own invitation carries the temporary password; Cognito asks for a new one at first sign-in.
      const temporary = `${randomBytes(9).toString('base64url')}a1A!`;
      try {
        await cognito(endpoint, 'AdminCreateUser', {
          UserPoolId: userPoolId, Username: a.nip, MessageAction: 'SUPPRESS', TemporaryPassword: temporary,
          UserAttributes: [
            { Name: 'email', Value: a.email }, { Name: 'email_verified', Value: 'true' },
            { Name: 'custom:tenant', Value: a.tenant }, { Name: 'custom:roles', Value: a.roles.join(' ') },
            { Name: 'custom:officer_id', Value: a.officerId }, { Name: 'custom:agency_id', Value: a.agencyId },
          ],
        });
        return { outcome: 'created', signIn: `NIP ${a.nip}, kata sandi sementara / temporary password: ${temporary}` };
      } catch (error) {
        if (error instanceof AwsApiError && error.code === 'UsernameExistsException') return { outcome: 'exists', signIn: `NIP ${a.nip}` };
        throw error;
      }
    },
    disable: async (_tenant, nip) => { await cognito(endpoint, 'AdminDisableUser', { UserPoolId: userPoolId, Username: nip }); },
  };
}

/** Locally every officer in the table is an account of the provider; status ends sign-in there.
 * LOCAL_ACCOUNT_FAULTS (NIPs, comma-separated) makes creating those accounts fail: tests and drills only. */
export function localDirectory(): AccountDirectory {
  return {
    create: async (a) => {
      if ((process.env.LOCAL_ACCOUNT_FAULTS ?? '').split(',').includes(a.nip)) throw new Error(`Injected fault creating the account of ${a.nip}`);
      return { outcome: 'created', signIn: `NIP ${a.nip}, kata sandi demo / demo password (npm start prints it)` };
    },
    disable: async () => {},
  };
}

export const accountDirectory = (): AccountDirectory => (process.env.USER_POOL_ID ? cognitoDirectory(process.env.USER_POOL_ID) : localDirectory());

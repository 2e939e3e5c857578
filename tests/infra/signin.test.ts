// The Cognito side of sign-in: the dashboard's client (code grant only, public so PKCE, callback and
// logout URLs on the dashboard's sign-in page, the same token lifetimes as the local provider, an
// 8-hour session), and the import's least-privilege Cognito rights.
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_SECONDS, TOKEN_LIFETIMES } from '../../functions/auth/lifetimes.js';
import { ACCOUNT_ADMIN_ACTIONS } from '../../infra/constructs/auth.js';
import { resourcesOf, synthCells, type CellTemplate } from './template.js';

let cellTemplates: CellTemplate[];
beforeAll(() => { cellTemplates = synthCells(); });

describe('the dashboard\'s user pool client', () => {
  it('allows the authorization-code grant only, as a public client (PKCE), returning to /masuk, with the provider\'s lifetimes', () => {
    for (const { template } of cellTemplates) {
      const [[, client]] = resourcesOf(template, 'AWS::Cognito::UserPoolClient');
      expect(client.AllowedOAuthFlows).toEqual(['code']);
      expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
      expect(client.GenerateSecret).toBe(false);
      expect(client.AllowedOAuthScopes).toEqual(expect.arrayContaining(['openid', 'profile']));
      for (const urls of [client.CallbackURLs, client.LogoutURLs]) {
        expect(urls).toHaveLength(1);
        expect(JSON.stringify(urls)).toMatch(/WebDistribution.*DomainName.*\/masuk"\]/);
      }
      const unit = (u: string) => ({ seconds: 1, minutes: 60, hours: 3600, days: 86400 })[u]!;
      const seconds = (kind: 'AccessToken' | 'IdToken' | 'RefreshToken') => client[`${kind}Validity`] * unit(client.TokenValidityUnits[`${kind === 'AccessToken' ? 'AccessToken' : kind === 'IdToken' ? 'IdToken' : 'RefreshToken'}`]);
      expect(seconds('AccessToken')).toBe(TOKEN_LIFETIMES.accessTokenSeconds);
      expect(seconds('IdToken')).toBe(TOKEN_LIFETIMES.idTokenSeconds);
      expect(seconds('RefreshToken')).toBe(SESSION_SECONDS);
      expect(SESSION_SECONDS).toBe(8 * 3600);
      expect(client.EnableTokenRevocation).toBe(true);
    }
  });

});

describe('the account worker\'s Cognito permissions', () => {
  it('are the four admin calls on the cell\'s own pool, given to the account worker only, which has a DLQ', () => {
    for (const { template } of cellTemplates) {
      const statements = resourcesOf(template, 'AWS::IAM::Policy').flatMap(([id, p]) => (p.PolicyDocument.Statement as any[]).map((s) => ({ id, s })));
      const cognito = statements.filter(({ s }) => JSON.stringify(s.Action).includes('cognito-idp:'));
      expect(cognito).toHaveLength(1);
      const [{ id, s }] = cognito;
      expect([s.Action].flat().sort()).toEqual([...ACCOUNT_ADMIN_ACTIONS].sort());
      expect(JSON.stringify(s.Resource)).toMatch(/AuthUserPool.*Arn/);
      expect(JSON.stringify(s.Resource)).not.toContain('*');
      expect(id).toMatch(/^AccountsFnaccountWorkerRole/);
      // Only the worker knows the pool; the org function knows the queue.
      const functions = resourcesOf(template, 'AWS::Lambda::Function');
      const withPool = functions.filter(([, f]) => f.Environment?.Variables?.USER_POOL_ID);
      expect(withPool.map(([fid]) => fid)).toEqual([expect.stringMatching(/^AccountsFnaccountWorker/)]);
      template.hasResourceProperties('AWS::Lambda::Function', Match.objectLike({ Environment: { Variables: Match.objectLike({ ACCOUNT_QUEUE_URL: Match.anyValue() }) } }));
      // The worker consumes the account queue, which redrives to its DLQ.
      const queues = resourcesOf(template, 'AWS::SQS::Queue');
      const [[queueId, queue]] = queues.filter(([qid]) => qid.startsWith('AccountsAccountQueue'));
      expect(JSON.stringify(queue.RedrivePolicy?.deadLetterTargetArn)).toMatch(/AccountsAccountDlq/);
      const mappings = resourcesOf(template, 'AWS::Lambda::EventSourceMapping').filter(([, m]) => JSON.stringify(m.EventSourceArn).includes(queueId));
      expect(mappings).toHaveLength(1);
      expect(JSON.stringify(mappings[0][1].FunctionName)).toMatch(/AccountsFnaccountWorker/);
      expect(mappings[0][1].BatchSize).toBe(1);
    }
  });
});

// Least privilege on the one table: each function gets exactly the DynamoDB actions its code uses,
// listed by name (no wildcards), on the table and its indexes. Scan is granted to nobody.
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { BACKGROUND_FUNCTIONS, FUNCTIONS } from '../../functions/routes.js';

export type TableAccess = 'read' | 'write';

export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
/** TransactWriteItems has no IAM action of its own: it is authorised per Put/Update/Delete/ConditionCheck. */
export const WRITE_ACTIONS = [
  ...READ_ACTIONS,
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem', // Powertools idempotency removes its record when a request fails
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
] as const;

/** What each function does with the table. Read-only functions serve dashboards and never write. */
export const TABLE_ACCESS: Record<keyof typeof FUNCTIONS | keyof typeof BACKGROUND_FUNCTIONS, TableAccess> = {
  org: 'write', // officer import, tenant policy
  plans: 'write',
  reports: 'write',
  scores: 'read',
  trainings: 'write',
  surveys: 'write', // public survey responses, rate-limit counters
  complaints: 'write',
  evaluations: 'write', // objections and decisions
  evaluationRuns: 'write', // the run item
  trends: 'read',
  visits: 'write', // visits, their open-action and field-finding index items
  stream: 'write', // scores and rollups
  evaluationDispatcher: 'write', // the run item
  evaluationWorker: 'write',
};

export function grantTable(fn: lambda.IFunction, table: dynamodb.ITableV2, access: TableAccess): void {
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: [...(access === 'read' ? READ_ACTIONS : WRITE_ACTIONS)],
      resources: [table.tableArn, `${table.tableArn}/index/*`],
    }),
  );
}

// Least privilege on the one table: each function gets exactly the DynamoDB actions its code uses,
// listed by name (no wildcards), on the table and its two indexes by name. Scan is granted to nobody.
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { TABLE_KEYS } from '../../functions/data/table.js';
import type { BACKGROUND_FUNCTIONS, FUNCTIONS } from '../../functions/routes.js';

/** write+delete: also removes items inside transactions (TransactWriteItems Delete needs DeleteItem). */
export type TableAccess = 'read' | 'write' | 'write+delete' | 'write+insert' | 'none';

export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
/** TransactWriteItems has no IAM action of its own: it is authorised per Put/Update/Delete/ConditionCheck. */
export const WRITE_ACTIONS = [
  ...READ_ACTIONS,
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:BatchWriteItem', // BatchWriteItem's DeleteRequests are authorised by this action alone
  'dynamodb:ConditionCheckItem',
] as const;
export const DELETE_ACTIONS = [...WRITE_ACTIONS, 'dynamodb:DeleteItem'] as const;
/** write+insert: also PartiQL INSERT (BatchExecuteStatement is authorised per statement by this action). */
export const INSERT_ACTIONS = [...WRITE_ACTIONS, 'dynamodb:PartiQLInsert'] as const;

/** What each function does with the table. Read-only functions serve dashboards and never write. */
export const TABLE_ACCESS: Record<keyof typeof FUNCTIONS | keyof typeof BACKGROUND_FUNCTIONS, TableAccess> = {
  org: 'write', // agencies, units, org ratings, roles, tenant policy
  officers: 'write', // officer changes and the account job they start
  officerImport: 'write', // the CSV import's officers and its account job
  plans: 'write',
  reports: 'write',
  scores: 'read',
  trainings: 'write',
  surveys: 'write', // public survey responses, rate-limit counters
  forums: 'write', // forums and SKM follow-ups with their actions
  transparency: 'write', // reads the city's page; writes only the public rate-limit counter
  complaints: 'write+delete', // a complaint no longer substantiated drops its officer item
  evaluations: 'write', // objections and decisions
  feedback: 'write', // feedback, replies and awards
  evaluationRuns: 'write', // the run item
  trends: 'read',
  contract: 'none', // serves the OpenAPI document, built from code; reads nothing
  visits: 'write+delete', // visits, their open-action (moved when its due date changes) and field-finding index items
  documents: 'read', // PDFs print what the table holds
  notifications: 'write', // marks notifications read, runs the daily pass; exports only read
  stream: 'write', // scores and rollups
  evaluationDispatcher: 'write', // the run item
  evaluationWorker: 'write+insert', // new evaluations: 25 conditional INSERTs per BatchExecuteStatement
  notificationPass: 'write', // the daily notification pass
  accountWorker: 'write', // the account ledger, the job's counts, the e-mail outbox
};

export function grantTable(fn: lambda.IFunction, table: dynamodb.ITableV2, access: TableAccess): void {
  if (access === 'none') return;
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: [...{ read: READ_ACTIONS, write: WRITE_ACTIONS, 'write+delete': DELETE_ACTIONS, 'write+insert': INSERT_ACTIONS }[access]],
      resources: [table.tableArn, ...[TABLE_KEYS.gsi1, TABLE_KEYS.gsi2].map((g) => `${table.tableArn}/index/${g.indexName}`)],
    }),
  );
}

// Account provisioning in the background (DESIGN §5): the officer import (and an officer PATCH) enqueue
// provisioning batches of ten officers; the account worker alone holds the user pool's admin calls.
// A batch that keeps failing lands in the DLQ after MAX_RECEIVE_COUNT receives (the worker counts it
// as failed on its last one, so the job still closes).
import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BACKGROUND_FUNCTIONS } from '../../functions/routes.js';
import type { Auth } from './auth.js';
import { AppFunction } from './function.js';
import { acknowledge } from './nag.js';
import { MAX_RECEIVE_COUNT, workQueue } from './processing.js';
import { TABLE_ACCESS, grantTable } from './table-access.js';

const WORKER_TIMEOUT = Duration.minutes(1);

export interface AccountsProps {
  table: dynamodb.ITableV2;
  environment: Record<string, string>;
  auth: Auth;
  /** Functions that start a provisioning job (the officer-import function's import, the officers function's PATCH). */
  jobStarters: lambda.Function[];
}

export class Accounts extends Construct {
  readonly worker: AppFunction;
  readonly queue: sqs.Queue;
  readonly dlq: sqs.Queue;

  constructor(scope: Construct, id: string, props: AccountsProps) {
    super(scope, id);
    ({ queue: this.queue, dlq: this.dlq } = workQueue(this, 'Account', WORKER_TIMEOUT, 'account'));
    this.worker = new AppFunction(this, 'Fn-accountWorker', { name: 'accountWorker', entry: BACKGROUND_FUNCTIONS.accountWorker, environment: props.environment, timeout: WORKER_TIMEOUT });
    grantTable(this.worker.fn, props.table, TABLE_ACCESS.accountWorker);
    this.worker.fn.addEnvironment('ACCOUNT_MAX_RECEIVE', String(MAX_RECEIVE_COUNT));
    this.worker.fn.addEnvironment('USER_POOL_ID', props.auth.userPool.userPoolId);
    props.auth.allowAccountAdmin(this.worker.fn);
    for (const fn of props.jobStarters) {
      this.queue.grantSendMessages(fn);
      fn.addEnvironment('ACCOUNT_QUEUE_URL', this.queue.queueUrl);
    }
    // One batch (ten officers) per invocation, two at a time: about 20 AdminCreateUser calls in flight
    // at most, well inside Cognito's UserCreation quota, whatever the size of the import.
    const source = this.worker.fn.addEventSourceMapping('AccountQueue', { eventSourceArn: this.queue.queueArn, batchSize: 1, reportBatchItemFailures: true, maxConcurrency: 2 });
    this.queue.grantConsumeMessages(this.worker.fn);
    acknowledge(source, 'SQS event source mappings take no on-failure destination; the queue redrives a batch to AccountDlq after three receives.', 'Serverless-LambdaEventSourceMappingDestination');
  }
}

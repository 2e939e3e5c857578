// Processing: the table's stream → scoring/rollups, and the scheduled evaluations: per-tenant
// EventBridge Scheduler schedules in the tenant's time zone → dispatcher → SQS → workers (with a DLQ).
import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DAILY_CRON, SCHEDULE_RETRIES, schedulesOf } from '../../functions/evaluations/schedule.js';
import { BACKGROUND_FUNCTIONS } from '../../functions/routes.js';
import type { CellConfig } from '../deployments.js';
import { AppFunction } from './function.js';
import { acknowledge } from './nag.js';
import { TABLE_ACCESS, grantTable } from './table-access.js';

const WORKER_TIMEOUT = Duration.minutes(2);
/** A batch is retried this many times before it goes to the DLQ; the worker reads it to mark the last try. */
export const MAX_RECEIVE_COUNT = 3;

/** A work queue (`<name>Queue`, visibility 6 × its worker's timeout, as AWS advises) and its dead-letter
 *  queue (`<name>Dlq`, kept 14 days) that takes a message after MAX_RECEIVE_COUNT receives. */
export function workQueue(scope: Construct, name: string, workerTimeout: Duration, what: string): { queue: sqs.Queue; dlq: sqs.Queue } {
  const dlq = new sqs.Queue(scope, `${name}Dlq`, { retentionPeriod: Duration.days(14), enforceSSL: true });
  acknowledge(dlq, `This is the ${what} queue's dead-letter queue; it needs none of its own.`, 'Serverless-SQSRedrivePolicy');
  const queue = new sqs.Queue(scope, `${name}Queue`, {
    visibilityTimeout: Duration.seconds(workerTimeout.toSeconds() * 6),
    deadLetterQueue: { queue: dlq, maxReceiveCount: MAX_RECEIVE_COUNT },
    enforceSSL: true,
  });
  return { queue, dlq };
}

export interface ProcessingProps {
  cell: CellConfig;
  table: dynamodb.ITableV2;
  environment: Record<string, string>;
  /** HTTP functions that start an evaluation run on demand (POST /v1/evaluations/runs). */
  runStarters: lambda.Function[];
}

export class Processing extends Construct {
  readonly stream: AppFunction;
  readonly dispatcher: AppFunction;
  readonly worker: AppFunction;
  readonly streamFailures: sqs.Queue;
  readonly evaluationQueue: sqs.Queue;
  readonly evaluationDlq: sqs.Queue;

  constructor(scope: Construct, id: string, props: ProcessingProps) {
    super(scope, id);
    const { table, environment } = props;
    const background = (name: keyof typeof BACKGROUND_FUNCTIONS, timeout: Duration, asyncInvoked = false) => {
      const fn = new AppFunction(this, `Fn-${name}`, { name, entry: BACKGROUND_FUNCTIONS[name], environment, timeout, asyncInvoked });
      grantTable(fn.fn, table, TABLE_ACCESS[name]);
      return fn;
    };

    // Stream → scoring and rollups. Failed records are reported per item; a batch that keeps failing
    // is split to isolate the poison record, and its metadata lands in a queue for replay.
    this.stream = background('stream', Duration.minutes(1));
    this.streamFailures = new sqs.Queue(this, 'StreamFailures', { retentionPeriod: Duration.days(14), enforceSSL: true });
    acknowledge(this.streamFailures, 'The stream mapping\'s on-failure destination, i.e. the dead-letter queue of the stream; nothing consumes it automatically.', 'AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy');
    this.stream.fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        onFailure: new SqsDlq(this.streamFailures),
      }),
    );

    // Evaluations: the dispatcher lists a tenant's officers and enqueues batches; workers evaluate them.
    ({ queue: this.evaluationQueue, dlq: this.evaluationDlq } = workQueue(this, 'Evaluation', WORKER_TIMEOUT, 'evaluation'));
    // EventBridge Scheduler invokes the dispatcher asynchronously: a day's failed pass lands in its DLQ.
    this.dispatcher = background('evaluationDispatcher', Duration.minutes(5), true);
    this.worker = background('evaluationWorker', WORKER_TIMEOUT);
    this.worker.fn.addEnvironment('EVALUATION_MAX_RECEIVE', String(MAX_RECEIVE_COUNT));
    for (const fn of [this.dispatcher.fn, ...props.runStarters]) {
      this.evaluationQueue.grantSendMessages(fn);
      fn.addEnvironment('EVALUATION_QUEUE_URL', this.evaluationQueue.queueUrl);
    }
    // The mapping SqsEventSource would create, held here to acknowledge the finding on it alone.
    const workerSource = this.worker.fn.addEventSourceMapping('EvaluationQueue', { eventSourceArn: this.evaluationQueue.queueArn, batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 5 });
    this.evaluationQueue.grantConsumeMessages(this.worker.fn);
    acknowledge(workerSource, 'SQS event source mappings take no on-failure destination; the queue redrives a batch to EvaluationDlq after three receives.', 'Serverless-LambdaEventSourceMappingDestination');

    this.scheduleEvaluations(props.cell);
  }

  private scheduleEvaluations(cell: CellConfig): void {
    const role = new iam.Role(this, 'SchedulerRole', { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com') });
    // The function itself, not grantInvoke's extra "<arn>:*" (every version and alias).
    role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.dispatcher.fn.functionArn] }));
    // One daily trigger per tenant (the same definition the local scheduler uses); the dispatcher reads
    // the tenant's policy to decide whether an evaluation falls due that day.
    for (const tenant of cell.tenants) {
      for (const event of schedulesOf(tenant)) {
        new scheduler.CfnSchedule(this, `Daily-${tenant.id}`, {
          description: `Daily pass of ${tenant.name} at 01:00 ${tenant.timeZone}: expected reporters, due evaluations`,
          scheduleExpression: DAILY_CRON,
          scheduleExpressionTimezone: tenant.timeZone,
          flexibleTimeWindow: { mode: 'OFF' },
          target: {
            arn: this.dispatcher.fn.functionArn,
            roleArn: role.roleArn,
            input: JSON.stringify(event),
            retryPolicy: { maximumRetryAttempts: SCHEDULE_RETRIES, maximumEventAgeInSeconds: 3600 },
          },
        });
      }
    }
  }
}

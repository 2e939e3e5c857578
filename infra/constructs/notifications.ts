// Notifications (DESIGN §2, §3): the daily pass per tenant at 06:00 in the tenant's zone (EventBridge
// Scheduler → the pass function), and e-mail through Amazon SES from one verified sender identity.
// The pass function alone sends (`ses:SendEmail` on that identity only, and the SES client in its
// bundle alone); other functions queue e-mails in the table, which it drains every few minutes. A pass the
// BKPSDM starts through the API reaches it through a queue (SQS; the starter may only send to it), so a
// large city's pass is not bound by API Gateway's 29 s.
import { Duration, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { schedulesOf } from '../../functions/evaluations/schedule.js';
import { NOTIFY_CRON, OUTBOX_RATE } from '../../functions/notifications/schedule.js';
import { BACKGROUND_FUNCTIONS } from '../../functions/routes.js';
import type { CellConfig } from '../deployments.js';
import { AppFunction } from './function.js';
import { acknowledge } from './nag.js';
import { MAX_RECEIVE_COUNT, workQueue } from './processing.js';
import { TABLE_ACCESS, grantTable } from './table-access.js';

/** CDK context key of the sender address (`-c emailSender=no-reply@bkpsdm.example.go.id`); else the cell's config. */
export const EMAIL_SENDER_CONTEXT = 'emailSender';
export const DEFAULT_SENDER = 'no-reply@kinerja-asn.example.id';

export interface NotificationsProps {
  cell: CellConfig & { emailSender?: string };
  table: dynamodb.ITableV2;
  environment: Record<string, string>;
  /** Functions that start a pass on demand (the notifications API function): send to the run queue, nothing more. */
  runStarters?: lambda.Function[];
}

const PASS_TIMEOUT = Duration.minutes(5);

export class Notifications extends Construct {
  readonly pass: AppFunction;
  readonly identity: ses.EmailIdentity;
  readonly sender: string;
  readonly runQueue: sqs.Queue;
  readonly runDlq: sqs.Queue;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    this.sender = this.node.tryGetContext(EMAIL_SENDER_CONTEXT) ?? props.cell.emailSender ?? DEFAULT_SENDER;
    // An address identity: SES sends it a verification link once; a domain identity (DKIM) is the upgrade.
    this.identity = new ses.EmailIdentity(this, 'Sender', { identity: ses.Identity.email(this.sender) });

    this.pass = new AppFunction(this, 'Fn-notificationPass', {
      name: 'notificationPass', entry: BACKGROUND_FUNCTIONS.notificationPass, environment: props.environment,
      timeout: PASS_TIMEOUT, asyncInvoked: true,
    });
    grantTable(this.pass.fn, props.table, TABLE_ACCESS.notificationPass);
    this.allowSending(this.pass.fn);

    // Runs started through the API: one message per run, one run per invocation.
    ({ queue: this.runQueue, dlq: this.runDlq } = workQueue(this, 'Run', PASS_TIMEOUT, 'notification run'));
    this.pass.fn.addEnvironment('NOTIFICATION_RUN_MAX_RECEIVE', String(MAX_RECEIVE_COUNT));
    const source = this.pass.fn.addEventSourceMapping('RunQueue', { eventSourceArn: this.runQueue.queueArn, batchSize: 1, reportBatchItemFailures: true, maxConcurrency: 2 });
    this.runQueue.grantConsumeMessages(this.pass.fn);
    acknowledge(source, 'SQS event source mappings take no on-failure destination; the queue redrives a run to RunDlq after three receives.', 'Serverless-LambdaEventSourceMappingDestination');
    for (const fn of props.runStarters ?? []) {
      this.runQueue.grantSendMessages(fn);
      fn.addEnvironment('NOTIFICATION_RUN_QUEUE_URL', this.runQueue.queueUrl);
    }

    const role = new iam.Role(this, 'SchedulerRole', { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.pass.fn.functionArn] }));
    new scheduler.CfnSchedule(this, 'Outbox', {
      description: 'Sends the e-mails the routes and the stream queued (notifications, invitations)',
      scheduleExpression: OUTBOX_RATE,
      flexibleTimeWindow: { mode: 'OFF' },
      target: { arn: this.pass.fn.functionArn, roleArn: role.roleArn, input: JSON.stringify({ outbox: true }), retryPolicy: { maximumRetryAttempts: 0 } },
    });
    for (const tenant of props.cell.tenants) {
      for (const event of schedulesOf(tenant)) {
        new scheduler.CfnSchedule(this, `Notify-${tenant.id}`, {
          description: `Daily notification pass of ${tenant.name} at 06:00 ${tenant.timeZone}`,
          scheduleExpression: NOTIFY_CRON,
          scheduleExpressionTimezone: tenant.timeZone,
          flexibleTimeWindow: { mode: 'OFF' },
          // A retried pass sends nothing twice (functions/notifications/deliver.ts).
          target: { arn: this.pass.fn.functionArn, roleArn: role.roleArn, input: JSON.stringify(event), retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 } },
        });
      }
    }
  }

  /** SES v2 SendEmail from the sender identity only, and the environment that selects the SES adapter. */
  private allowSending(fn: lambda.Function): void {
    const { account, region, partition } = Stack.of(this);
    fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [`arn:${partition}:ses:${region}:${account}:identity/${this.identity.emailIdentityName}`],
    }));
    fn.addEnvironment('EMAIL_TRANSPORT', 'ses');
    fn.addEnvironment('EMAIL_FROM', this.sender);
  }
}

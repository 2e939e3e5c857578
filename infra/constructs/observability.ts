// Observability: alarms on what needs a person — failing requests, failing background functions,
// throttling, messages in a dead-letter queue, a stream that falls behind — all to one SNS topic,
// and one dashboard per cell: those alarms, the API, the stream and the business metrics.
// Nine alarms: CloudWatch's free tier is ten, and each further alarm costs as much as a month of
// a city's DynamoDB writes. HTTP handlers catch their errors and answer 5xx, so the API's 5xx
// count (one alarm) sees them where per-function Lambda Errors would not.
import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { BusinessMetric } from '../../functions/http/metrics.js';
import { METRICS_NAMESPACE, type AppFunction } from './function.js';

/** Scoring more than this far behind the writes means dashboards show stale numbers. */
export const MAX_ITERATOR_AGE = Duration.minutes(5);

export interface ObservabilityProps {
  httpApi: apigw.HttpApi;
  /** Functions not behind the API (stream, evaluations, the Cognito trigger): alarm on their Errors. */
  backgroundFunctions: AppFunction[];
  streamFunction: AppFunction;
  deadLetterQueues: sqs.IQueue[];
  /** Optional address for alarm mail (context `alarmEmail`). */
  alarmEmail?: string;
}

export class Observability extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Alarms', { enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subs.EmailSubscription(props.alarmEmail));
    const sum = { period: Duration.minutes(5), statistic: 'Sum' };
    const max = { period: Duration.minutes(5), statistic: 'Maximum' };

    this.alarm('Api5xx', props.httpApi.metricServerError(sum), 0, 'The API answered 5xx: a handler failed');
    for (const f of props.backgroundFunctions) this.alarm(`${f.name}-Errors`, f.fn.metricErrors(sum), 0, `${f.name}: invocations failed`);
    // Throttling is a regional concurrency matter, so the account-wide metric covers every function.
    const throttles = new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', ...sum });
    this.alarm('LambdaThrottles', throttles, 0, 'Lambda invocations throttled in this region');
    props.deadLetterQueues.forEach((q) =>
      this.alarm(`${q.node.id}-Depth`, q.metricApproximateNumberOfMessagesVisible(max), 0, `${q.node.id}: messages need inspection and replay`),
    );
    const iteratorAge = props.streamFunction.fn.metric('IteratorAge', max);
    this.alarm('StreamIteratorAge', iteratorAge, MAX_ITERATOR_AGE.toMilliseconds(), 'Stream processing is behind: scores and rollups are stale');
    this.dashboard = this.buildDashboard(props, iteratorAge);
  }

  /** What an operator opens first: alarm states on top, then the API, the background work and the city's business. */
  private buildDashboard(props: ObservabilityProps, iteratorAge: cloudwatch.IMetric): cloudwatch.Dashboard {
    const api = props.httpApi;
    const fiveMin = { period: Duration.minutes(5) };
    // Summed over whichever function emits it (countMetric in functions/http/metrics.ts), so a new emitter needs no change here.
    const business = (name: BusinessMetric) =>
      new cloudwatch.MathExpression({ expression: `SUM(SEARCH('{${METRICS_NAMESPACE},service} MetricName="${name}"', 'Sum', 3600))`, label: name, period: Duration.hours(1) });
    const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: `${props.httpApi.stack.stackName}-operations`, defaultInterval: Duration.days(1) });
    dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 }));
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'API requests and errors', left: [api.metricCount({ ...fiveMin, statistic: 'Sum' })], right: [api.metricClientError({ ...fiveMin, statistic: 'Sum' }), api.metricServerError({ ...fiveMin, statistic: 'Sum' })], width: 12 }),
      new cloudwatch.GraphWidget({ title: 'API latency (ms)', left: ['p50', 'p90', 'p99'].map((statistic) => api.metricLatency({ ...fiveMin, statistic, label: statistic })), width: 12 }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Background function errors', left: props.backgroundFunctions.map((f) => f.fn.metricErrors({ ...fiveMin, statistic: 'Sum', label: f.name })), width: 8 }),
      new cloudwatch.GraphWidget({ title: 'Stream iterator age (ms)', left: [iteratorAge], width: 8 }),
      new cloudwatch.GraphWidget({ title: 'Dead-letter queues', left: props.deadLetterQueues.map((q) => q.metricApproximateNumberOfMessagesVisible({ ...fiveMin, statistic: 'Maximum', label: q.node.id })), width: 8 }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Reports and surveys (per hour)', left: (['ReportsSubmitted', 'ReportsApproved', 'SurveysStored', 'SurveysRefused'] as const).map(business), width: 12 }),
      new cloudwatch.GraphWidget({ title: 'Evaluations and notifications (per hour)', left: (['EvaluationOfficersDone', 'EvaluationOfficersFailed', 'NotificationsSent'] as const).map(business), width: 12 }),
    );
    return dashboard;
  }

  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}

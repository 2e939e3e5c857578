// The table (global, on-demand, PITR, TTL, stream), the stream consumer and the scheduled evaluations.
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_KEYS } from '../../functions/data/table.js';
import { DAILY_CRON } from '../../functions/evaluations/schedule.js';
import { resourcesOf, synthCells, type CellTemplate } from './template.js';

let cellTemplates: CellTemplate[];
beforeAll(() => {
  cellTemplates = synthCells();
});

describe('data', () => {
  it('is one on-demand global table with the shared key schema, a replica per replica region, PITR, deletion protection, TTL and a stream', () => {
    for (const { cell, template } of cellTemplates) {
      template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
      const replica = (region: string) =>
        Match.objectLike({
          Region: region,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        });
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: Match.arrayWith([Match.objectLike({ IndexName: TABLE_KEYS.gsi1.indexName }), Match.objectLike({ IndexName: TABLE_KEYS.gsi2.indexName })]),
        TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttlAttribute, Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      });
      // Every region holds a replica (the cell's own included), each with PITR and deletion protection.
      for (const region of [cell.region, ...cell.replicaRegions]) {
        template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { Replicas: Match.arrayWith([replica(region)]) });
      }
      template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain' });
    }
  });
});

describe('processing', () => {
  it('feeds the stream to the stream function with partial batch failures, bisection, bounded retries and a failure queue', () => {
    for (const { template } of cellTemplates) {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: Match.objectLike({ 'Fn::GetAtt': Match.arrayWith(['StreamArn']) }),
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: Match.anyValue(),
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      });
    }
  });

  it('triggers each tenant daily at 01:00 in its own time zone (never a fixed day-1 run); the policy decides what is due', () => {
    for (const { cell, template } of cellTemplates) {
      // The evaluation dispatcher's schedules (the notification pass has its own, tested in notifications.test.ts).
      const schedules = resourcesOf(template, 'AWS::Scheduler::Schedule').filter(([, p]) => String(p.Description).startsWith('Daily pass of ')).map(([, p]) => ({
        ...JSON.parse(p.Target.Input),
        zone: p.ScheduleExpressionTimezone,
        cron: p.ScheduleExpression,
      }));
      expect(schedules).toHaveLength(cell.tenants.length);
      for (const tenant of cell.tenants) expect(schedules).toContainEqual({ tenant: tenant.id, zone: tenant.timeZone, cron: 'cron(0 1 * * ? *)' });
      expect(DAILY_CRON).toBe('cron(0 1 * * ? *)');
    }
  });

  it('queues evaluation batches with a dead-letter queue after three receives, consumed with partial batch failures', () => {
    for (const { template } of cellTemplates) {
      template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 3 } });
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: Match.objectLike({ 'Fn::GetAtt': Match.arrayWith(['Arn']) }),
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BatchSize: 10,
      });
    }
  });
});

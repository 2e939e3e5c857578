// The table (global, on-demand, PITR, TTL, stream), the stream consumer and the scheduled evaluations.
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_KEYS } from '../../functions/data/table.js';
import { EVALUATION_CRON } from '../../infra/constructs/processing.js';
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

  it('schedules each tenant in its own time zone at its frequency, plus an annual run on 1 January', () => {
    for (const { cell, template } of cellTemplates) {
      const schedules = resourcesOf(template, 'AWS::Scheduler::Schedule').map(([, p]) => ({
        ...JSON.parse(p.Target.Input),
        zone: p.ScheduleExpressionTimezone,
        cron: p.ScheduleExpression,
      }));
      expect(schedules).toHaveLength(cell.tenants.length * 2);
      for (const tenant of cell.tenants) {
        expect(schedules).toContainEqual({ tenant: tenant.id, kind: tenant.evaluationFrequency, zone: tenant.timeZone, cron: EVALUATION_CRON[tenant.evaluationFrequency] });
        expect(schedules).toContainEqual({ tenant: tenant.id, kind: 'annual', zone: tenant.timeZone, cron: 'cron(0 1 1 1 ? *)' });
      }
      // A quarterly tenant is not evaluated monthly.
      expect(EVALUATION_CRON.quarterly).toBe('cron(0 1 1 1,4,7,10 ? *)');
      expect(EVALUATION_CRON.monthly).toBe('cron(0 1 1 * ? *)');
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

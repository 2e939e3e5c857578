// The daily notification pass per tenant in its zone, and e-mail through SES from one identity, with
// ses:SendEmail granted only to the functions that send, on that identity alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTIFY_CRON, OUTBOX_RATE } from '../../functions/notifications/schedule.js';
import { DEFAULT_SENDER } from '../../infra/constructs/notifications.js';
import { appFunctions, resourcesOf, synthCells, type CellTemplate } from './template.js';

let cellTemplates: CellTemplate[];
beforeAll(() => { cellTemplates = synthCells(); });

const serviceOf = (p: Record<string, any>) => p.Environment?.Variables?.POWERTOOLS_SERVICE_NAME as string;

describe('notifications', () => {
  it('schedules one daily pass per tenant at 06:00 in the tenant\'s own time zone, to the pass function', () => {
    for (const { cell, template } of cellTemplates) {
      const schedules = resourcesOf(template, 'AWS::Scheduler::Schedule').filter(([, p]) => p.ScheduleExpression === NOTIFY_CRON);
      expect(schedules).toHaveLength(cell.tenants.length);
      for (const tenant of cell.tenants) {
        const [, s] = schedules.find(([, p]) => JSON.parse(p.Target.Input).tenant === tenant.id)!;
        expect(s.ScheduleExpressionTimezone).toBe(tenant.timeZone);
        expect(s.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
      }
      const pass = appFunctions(template).find(([, p]) => serviceOf(p) === 'kinerja-asn-notificationPass')!;
      expect(pass).toBeTruthy();
      for (const [, s] of schedules) expect(s.Target.Arn).toEqual({ 'Fn::GetAtt': [pass[0], 'Arn'] });
      // …and every few minutes it sends what the routes and the stream queued.
      const outbox = resourcesOf(template, 'AWS::Scheduler::Schedule').filter(([, p]) => p.ScheduleExpression === OUTBOX_RATE);
      expect(outbox).toHaveLength(1);
      expect(JSON.parse(outbox[0]![1].Target.Input)).toEqual({ outbox: true });
      expect(outbox[0]![1].Target.Arn).toEqual({ 'Fn::GetAtt': [pass[0], 'Arn'] });
    }
  });

  it('starts a pass on demand through a queue: only the notifications API function may send to it, only the pass function consumes it', () => {
    for (const { template } of cellTemplates) {
      const fnId = (service: string) => appFunctions(template).find(([, p]) => serviceOf(p) === service)![0];
      const [api, pass] = [fnId('kinerja-asn-notifications'), fnId('kinerja-asn-notificationPass')];
      const [[queueId, queue]] = resourcesOf(template, 'AWS::SQS::Queue').filter(([id]) => id.startsWith('NotificationsRunQueue'));
      expect(JSON.stringify(queue.RedrivePolicy?.deadLetterTargetArn)).toMatch(/NotificationsRunDlq/);
      expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * 300);
      const mappings = resourcesOf(template, 'AWS::Lambda::EventSourceMapping').filter(([, m]) => JSON.stringify(m.EventSourceArn).includes(queueId));
      expect(mappings).toHaveLength(1);
      expect(mappings[0]![1].FunctionName).toEqual({ Ref: pass });
      expect(mappings[0]![1]).toMatchObject({ BatchSize: 1, FunctionResponseTypes: ['ReportBatchItemFailures'] });
      // Who may send to the run queue: the API function alone, with sqs:SendMessage on that queue and nothing else new.
      const statements = resourcesOf(template, 'AWS::IAM::Policy').flatMap(([, p]) => (p.PolicyDocument.Statement as any[]).map((s) => ({ s, roles: JSON.stringify(p.Roles) })));
      const senders = statements.filter(({ s }) => [s.Action].flat().includes('sqs:SendMessage') && JSON.stringify(s.Resource).includes(queueId));
      expect(senders).toHaveLength(1);
      expect(senders[0]!.roles).toMatch(/FnnotificationsRole/);
      expect(JSON.stringify(senders[0]!.s.Resource)).not.toContain('*');
      const apiStatements = statements.filter(({ roles }) => /FnnotificationsRole/.test(roles)).map(({ s }) => s);
      expect(apiStatements.flatMap((s) => [s.Action].flat()).filter((x: string) => /^(sqs|lambda|ses):/.test(x)).every((x: string) => x.startsWith('sqs:') && !/Receive|Delete|Purge/.test(x))).toBe(true);
      const withUrl = appFunctions(template).filter(([, p]) => p.Environment.Variables.NOTIFICATION_RUN_QUEUE_URL).map(([id]) => id);
      expect(withUrl).toEqual([api]);
    }
  });

  it('has an SES identity for the configured sender, and ses:SendEmail only on it, only for the sending function', () => {
    for (const { template } of cellTemplates) {
      template.resourceCountIs('AWS::SES::EmailIdentity', 1);
      template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: DEFAULT_SENDER });
      const [identityId] = resourcesOf(template, 'AWS::SES::EmailIdentity')[0]!;
      const policies = resourcesOf(template, 'AWS::IAM::Policy');
      const sesStatements = policies.flatMap(([id, p]) => (p.PolicyDocument.Statement as any[]).filter((s) => [s.Action].flat().some((a: string) => a.startsWith('ses:'))).map((s) => ({ id, s, roles: p.Roles })));
      expect(sesStatements.length).toBe(1); // the pass function alone sends
      for (const { s } of sesStatements) {
        expect(s.Action).toBe('ses:SendEmail');
        expect(JSON.stringify(s.Resource)).toContain(identityId);
        expect(JSON.stringify(s.Resource)).not.toContain('*');
      }
      // The sending functions select the SES adapter with the sender; the others carry neither.
      const senders = appFunctions(template).filter(([, p]) => p.Environment.Variables.EMAIL_TRANSPORT === 'ses').map(([, p]) => serviceOf(p)).sort();
      expect(senders).toEqual(['kinerja-asn-notificationPass']);
      expect(sesStatements[0]!.roles).toEqual([{ Ref: expect.stringContaining('notificationPassRole') }]);
      for (const [, p] of appFunctions(template).filter(([, p]) => p.Environment.Variables.EMAIL_TRANSPORT)) expect(p.Environment.Variables.EMAIL_FROM).toBe(DEFAULT_SENDER);
    }
  });
});

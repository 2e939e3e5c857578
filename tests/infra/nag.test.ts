// cdk-nag's AwsSolutions and Serverless packs over every cell: nothing unacknowledged, every
// acknowledgement with a reason, and every function that something invokes asynchronously (a
// schedule) keeps its failed events in a dead-letter queue (the DLQ acknowledgement cannot cover it).
import { App, Stack, Validations } from 'aws-cdk-lib';
import type { PolicyViolation } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cells } from '../../infra/deployments.js';
import { INLINE_CODE_CONTEXT } from '../../infra/constructs/function.js';
import { nagPacks } from '../../infra/constructs/nag.js';
import { createCellStacks } from '../../infra/stacks/cell-stack.js';
import { resourcesOf } from './template.js';
import { Template } from 'aws-cdk-lib/assertions';

let app: App;
let stacks: Stack[];
beforeAll(() => {
  app = new App({ context: { [INLINE_CODE_CONTEXT]: 'true' } });
  stacks = createCellStacks(app, cells);
});

const findings = (violations: PolicyViolation[]) =>
  violations.flatMap((v) => v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}: ${v.description}`));

describe('cdk-nag', () => {
  it('reports no unacknowledged error or warning from the AwsSolutions and Serverless packs', () => {
    for (const pack of nagPacks()) {
      const report = pack.validateScope(app);
      expect(findings(report.violations), pack.readPackName).toEqual([]);
    }
  });

  it('gives every acknowledgement a reason that says why', () => {
    const acks = app.node.findAll().flatMap((c) =>
      c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap((m) => Object.entries(m.data as Record<string, string>)),
    );
    expect(acks.length).toBeGreaterThan(10);
    for (const [id, reason] of acks) expect(reason.length, id).toBeGreaterThan(40);
  });

  it('gives every scheduled function a dead-letter queue', () => {
    for (const stack of stacks) {
      const template = Template.fromStack(stack, { skipCyclicalDependenciesCheck: true });
      const fns = Object.fromEntries(resourcesOf(template, 'AWS::Lambda::Function'));
      const targets = resourcesOf(template, 'AWS::Scheduler::Schedule').map(([, p]) => p.Target.Arn['Fn::GetAtt'][0] as string);
      expect(targets.length).toBeGreaterThan(0);
      for (const id of new Set(targets)) expect(fns[id]?.DeadLetterConfig?.TargetArn, id).toBeDefined();
    }
  });
});

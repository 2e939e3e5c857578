// cdk-nag: the AwsSolutions and Serverless rule packs, run by CDK's policy validation on every
// synth (infra/app.ts) and by tests/infra/nag.test.ts. A finding is fixed, or acknowledged on the
// narrowest construct that explains it, with the reason it is right for this system (SECURITY.md).
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks, type NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';

export const nagPacks = (): NagPack[] => [new AwsSolutionsChecks(), new ServerlessChecks()];

export function attachNag(app: IConstruct): void {
  Validations.of(app).addPlugins(...nagPacks());
}

/** Acknowledge rule ids (or single findings, `Rule[finding]`) on one construct and its children. */
export function acknowledge(scope: IConstruct, reason: string, ...ids: string[]): void {
  Validations.of(scope).acknowledge(...ids.map((id) => ({ id, reason })));
}

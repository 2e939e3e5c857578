// The CDK app (`npx cdk synth`, `npx cdk deploy --all`): one stack per cell of infra/deployments.ts.
import { App } from 'aws-cdk-lib';
import { createCellStacks } from './stacks/cell-stack.js';

createCellStacks(new App());

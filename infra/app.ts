// The CDK app (`npx cdk synth`, `npx cdk deploy --all`): one stack per cell of infra/deployments.ts,
// checked by cdk-nag on every synth (infra/constructs/nag.ts): an unacknowledged finding fails it.
import { App } from 'aws-cdk-lib';
import { attachNag } from './constructs/nag.js';
import { createCellStacks } from './stacks/cell-stack.js';

const app = new App();
createCellStacks(app);
attachNag(app);

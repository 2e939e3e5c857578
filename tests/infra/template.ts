// Builds each cell's stack once per test file, with stub function code (context kinerja:inlineCode)
// so assertions do not wait for esbuild; tests/infra/synth.test.ts runs the real bundling synth.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { cells, type CellConfig } from '../../infra/deployments.js';
import { INLINE_CODE_CONTEXT } from '../../infra/constructs/function.js';
import { createCellStacks } from '../../infra/stacks/cell-stack.js';

export interface CellTemplate { cell: CellConfig; template: Template }

/** The dependency-cycle check costs ~25 s on this template; web.test.ts runs it once. */
export function synthCells(opts: { checkCycles?: boolean; cellList?: CellConfig[] } = {}): CellTemplate[] {
  const cellList = opts.cellList ?? cells;
  const app = new App({ context: { [INLINE_CODE_CONTEXT]: 'true' } });
  return createCellStacks(app, cellList).map((stack, i) => ({
    cell: cellList[i],
    template: Template.fromStack(stack, { skipCyclicalDependenciesCheck: !opts.checkCycles }),
  }));
}

/** Resources of a type as [logicalId, properties] pairs. */
export function resourcesOf(template: Template, type: string): [string, Record<string, any>][] {
  return Object.entries(template.findResources(type)).map(([id, r]) => [id, (r as { Properties: Record<string, any> }).Properties ?? {}]);
}

/** Our functions carry POWERTOOLS_SERVICE_NAME; CDK's own helpers (bucket deployment) do not. */
export function appFunctions(template: Template): [string, Record<string, any>][] {
  return resourcesOf(template, 'AWS::Lambda::Function').filter(([, p]) => p.Environment?.Variables?.POWERTOOLS_SERVICE_NAME);
}

// Each cell's stack, with stub function code (context kinerja:inlineCode) so assertions do not wait
// for esbuild; tests/infra/synth.test.ts runs the real bundling synth. Synthesized once per run by
// tests/infra/global-setup.ts and read from its file; synthesized here when run without it.
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { inject } from 'vitest';
import type { SynthesizedCells } from './global-setup.js';
import { cells, type CellConfig } from '../../infra/deployments.js';
import { INLINE_CODE_CONTEXT } from '../../infra/constructs/function.js';
import { createCellStacks } from '../../infra/stacks/cell-stack.js';

export interface CellTemplate { cell: CellConfig; template: Template }

/** The dependency-cycle check costs ~25 s on this template; web.test.ts runs it once. */
export function synthCells(opts: { checkCycles?: boolean; cellList?: CellConfig[] } = {}): CellTemplate[] {
  const cellList = opts.cellList ?? cells;
  const file = opts.cellList ? undefined : inject('infraTemplates');
  if (file) {
    const synthesized = JSON.parse(readFileSync(file, 'utf8')) as SynthesizedCells;
    if (synthesized.cells.join() !== cells.map((c) => c.name).join()) throw new Error(`${file} holds cells ${synthesized.cells.join()}, not ${cells.map((c) => c.name).join()}`);
    return cells.map((cell, i) => ({ cell, template: Template.fromJSON(synthesized.templates[i], { skipCyclicalDependenciesCheck: !opts.checkCycles }) }));
  }
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

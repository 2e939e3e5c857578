// Synthesizes every cell's stack once per run (stub function code, as tests/infra/template.ts did in
// each file) and hands the templates to the infra files, which all assert against the same app.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { TestProject } from 'vitest/node';
import { cells } from '../../infra/deployments.js';
import { INLINE_CODE_CONTEXT } from '../../infra/constructs/function.js';
import { createCellStacks } from '../../infra/stacks/cell-stack.js';

declare module 'vitest' {
  export interface ProvidedContext { infraTemplates: string }
}

/** What the file holds: each cell's name and its template, in the order of `cells`. */
export interface SynthesizedCells { cells: string[]; templates: Record<string, unknown>[] }

export default function setup(project: TestProject) {
  const app = new App({ context: { [INLINE_CODE_CONTEXT]: 'true' } });
  // The cycle check runs where a file asks for it (Template.fromJSON in synthCells), not here.
  const templates = createCellStacks(app, cells).map((stack) => Template.fromStack(stack, { skipCyclicalDependenciesCheck: true }).toJSON());
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-infra-'));
  const file = join(dir, 'templates.json');
  writeFileSync(file, JSON.stringify({ cells: cells.map((c) => c.name), templates } satisfies SynthesizedCells));
  project.provide('infraTemplates', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

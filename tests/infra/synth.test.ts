// The real thing, offline: `npx cdk synth` of every cell, bundling each function with esbuild.
// Fails loudly (naming the module) while a handler in functions/routes.ts does not exist yet.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BACKGROUND_FUNCTIONS, FUNCTIONS } from '../../functions/routes.js';
import { LAMBDA_UNREACHABLE, REPO_ROOT } from '../../infra/constructs/bundling.js';
import { cells } from '../../infra/deployments.js';
import { stackName } from '../../infra/stacks/cell-stack.js';

const outDir = mkdtempSync(join(tmpdir(), 'kinerja-synth-'));
let synth: { code: number; output: string };

beforeAll(async () => {
  // No credentials and no network: synth must not need either.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('CDK_')));
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['cdk', 'synth', '--quiet', '--no-notices', '-o', outDir], { cwd: REPO_ROOT, env, maxBuffer: 64 * 1024 * 1024 });
    synth = { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    synth = { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}, 240_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

it('synthesises a template for every cell', () => {
  expect(synth.code, synth.output.slice(-3000)).toBe(0);
  for (const cell of cells) expect(existsSync(join(outDir, `${stackName(cell)}.template.json`)), cell.name).toBe(true);
});

it('bundles every function as ESM, and leaves out only credential providers that are loaded lazily', () => {
  expect(synth.code, synth.output.slice(-3000)).toBe(0);
  const bundles = readdirSync(outDir)
    .map((d) => join(outDir, d, 'index.mjs'))
    .filter(existsSync);
  expect(bundles.length).toBeGreaterThanOrEqual(Object.keys(FUNCTIONS).length + Object.keys(BACKGROUND_FUNCTIONS).length + 1);
  for (const file of bundles) {
    const code = readFileSync(file, 'utf8');
    for (const name of LAMBDA_UNREACHABLE) {
      // A static import of an unbundled module would fail at cold start; import() runs only if called.
      expect(code.includes(`from"${name}"`) || code.includes(`import"${name}"`), `${file}: static import of ${name}`).toBe(false);
    }
    // CDK's esbuild applies the aliases too (BUNDLE_ALIASES): the LRU stand-in, never mnemonist's.
    expect(code.includes('mnemonist/lru-cache: capacity'), `${file}: bundles mnemonist`).toBe(false);
  }
  const withClient = bundles.filter((f) => readFileSync(f, 'utf8').includes('DynamoDBClient'));
  expect(withClient.length).toBeGreaterThan(0);
  for (const file of withClient) {
    expect(readFileSync(file, 'utf8').includes('LRUCache: capacity must be a positive integer'), `${file}: the LRU stand-in`).toBe(true);
  }
});

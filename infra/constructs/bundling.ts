// The one esbuild configuration: CDK's NodejsFunction bundling and `npm run build:functions` both
// read it, so the bundle sizes the script reports are the bundles that get deployed.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** ESM bundles still meet CommonJS dependencies that call require(); give them one. */
export const ESM_REQUIRE_BANNER = "import{createRequire as __kinerjaCreateRequire}from'node:module';const require=__kinerjaCreateRequire(import.meta.url);";

export const ESBUILD_TARGET = 'node22';

/** The options both builds share, in esbuild's own vocabulary. */
export const SHARED_ESBUILD = {
  bundle: true,
  platform: 'node',
  target: ESBUILD_TARGET,
  format: 'esm',
  minify: true,
  sourcemap: false,
  mainFields: ['module', 'main'],
  // Bundle everything, the AWS SDK included: a pinned SDK, and smaller cold starts than the runtime's copy.
  external: [] as string[],
  banner: { js: ESM_REQUIRE_BANNER },
} as const;

export const BUNDLE_BUDGET_BYTES = 300 * 1024;

/** Absolute path of a function module named in functions/routes.ts (paths there are repo-relative). */
export const entryPath = (entry: string): string => resolve(REPO_ROOT, entry);

/** Real synth must fail loudly on a route whose handler module is missing. */
export function requireEntry(name: string, entry: string): string {
  const path = entryPath(entry);
  if (!existsSync(path)) throw new Error(`Function "${name}": handler module ${entry} does not exist`);
  return path;
}

// The one esbuild configuration: CDK's NodejsFunction bundling and `npm run build:functions` both
// read it, so the bundle sizes the script reports are the bundles that get deployed.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** ESM bundles still meet CommonJS dependencies that call require(); give them one. */
export const ESM_REQUIRE_BANNER = "import{createRequire as __kinerjaCreateRequire}from'node:module';const require=__kinerjaCreateRequire(import.meta.url);";

export const ESBUILD_TARGET = 'node22';

/**
 * The SDK's default credential chain tries the environment first and loads every other provider
 * with a dynamic import() only if that fails. Lambda always sets AWS_ACCESS_KEY_ID/SECRET/SESSION_TOKEN,
 * so these (~80 KB minified) are never loaded; leaving them out
 * keeps their import() calls unresolved rather than bundled. Nothing imports them statically
 * (tests/infra/bundles.test.ts checks the built output).
 */
export const LAMBDA_UNREACHABLE: string[] = [
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-login',
  '@aws-sdk/credential-provider-http',
  '@smithy/credential-provider-imds',
  '@aws-sdk/nested-clients',
  '@aws-sdk/token-providers',
  // Loaded with import() only for an operation with an event-stream member (HttpProtocol
  // loadEventStreamCapability); DynamoDB, SQS, SES and Cognito have none (tests/unit/infra/bundling.test.ts).
  '@smithy/core/event-streams',
];

/**
 * Modules the bundles take from elsewhere (esbuild's alias: import path → module, from the repo root).
 * mnemonist/lru-cache: only @aws-sdk/endpoint-cache imports it, for the DynamoDB client's
 * endpoint-discovery cache, which the client creates and none of its commands reads; our Map-based
 * LRU (functions/data/lru-cache.ts, same get/set/peek/has/clear) is a few hundred bytes where mnemonist
 * is about 7 KB of every bundle (tests/unit/infra/lru-cache.test.ts holds it to mnemonist's behaviour).
 */
export const BUNDLE_ALIASES: Record<string, string> = {
  'mnemonist/lru-cache': './functions/data/lru-cache.ts',
  // @middy/core's only use of web streams is an instanceof for streamed responses (functions/http/stream-web.ts).
  'node:stream/web': './functions/http/stream-web.ts',
};

/** The options both builds share, in esbuild's own vocabulary. */
export const SHARED_ESBUILD = {
  bundle: true,
  platform: 'node',
  target: ESBUILD_TARGET,
  format: 'esm',
  minify: true,
  sourcemap: false,
  mainFields: ['module', 'main'],
  // Bundle everything, the AWS SDK included (a pinned SDK, faster cold starts than the runtime's
  // copy), except the credential providers Lambda never reaches: see LAMBDA_UNREACHABLE.
  external: LAMBDA_UNREACHABLE,
  banner: { js: ESM_REQUIRE_BANNER },
  alias: BUNDLE_ALIASES,
} as const;

/** Absolute path of a function module named in functions/routes.ts (paths there are repo-relative). */
export const entryPath = (entry: string): string => resolve(REPO_ROOT, entry);

/** Real synth must fail loudly on a route whose handler module is missing. */
export function requireEntry(name: string, entry: string): string {
  const path = entryPath(entry);
  if (!existsSync(path)) throw new Error(`Function "${name}": handler module ${entry} does not exist`);
  return path;
}

// One Lambda function of the system, built the same way everywhere: Node.js 22 on arm64, an ESM
// bundle from the shared esbuild options, its own log group with retention, structured-log settings.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { resolve } from 'node:path';
import { REPO_ROOT, SHARED_ESBUILD, requireEntry } from './bundling.js';

/**
 * Context switch for the CDK assertion tests only: `kinerja:inlineCode=true` replaces each bundle
 * with a stub so templates synthesise in seconds. Real synth (`npx cdk synth`) always bundles.
 */
export const INLINE_CODE_CONTEXT = 'kinerja:inlineCode';

export const LOG_RETENTION = logs.RetentionDays.ONE_MONTH;

export interface AppFunctionProps {
  /** Name in functions/routes.ts (FUNCTIONS / BACKGROUND_FUNCTIONS), or 'preToken'. */
  name: string;
  /** Repo-relative module path exporting `handler`. */
  entry: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
}

export class AppFunction extends Construct {
  readonly fn: lambda.Function;
  readonly name: string;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.name = props.name;
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    const common = {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup,
      environment: { POWERTOOLS_SERVICE_NAME: `kinerja-asn-${props.name}`, LOG_LEVEL: 'INFO', ...props.environment },
    };
    if (this.node.tryGetContext(INLINE_CODE_CONTEXT) === 'true' || this.node.tryGetContext(INLINE_CODE_CONTEXT) === true) {
      this.fn = new lambda.Function(this, 'Function', { ...common, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({});') });
      return;
    }
    this.fn = new NodejsFunction(this, 'Function', {
      ...common,
      entry: requireEntry(props.name, props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'package-lock.json'),
      bundling: {
        format: OutputFormat.ESM,
        target: SHARED_ESBUILD.target,
        minify: SHARED_ESBUILD.minify,
        sourceMap: SHARED_ESBUILD.sourcemap,
        mainFields: [...SHARED_ESBUILD.mainFields],
        banner: SHARED_ESBUILD.banner.js,
        externalModules: [...SHARED_ESBUILD.external],
        bundleAwsSDK: true,
      },
    });
  }
}

// One Lambda function of the system, built the same way everywhere: Node.js 24 on arm64, an ESM
// bundle from the shared esbuild options, its own log group with retention, X-Ray active tracing,
// a role that may write only to that log group (no AWS managed policy), and a dead-letter queue
// when something invokes it asynchronously.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { resolve } from 'node:path';
import { REPO_ROOT, SHARED_ESBUILD, requireEntry } from './bundling.js';
import { acknowledge } from './nag.js';

/**
 * Context switch for the CDK assertion tests only: `kinerja:inlineCode=true` replaces each bundle
 * with a stub so templates synthesise in seconds. Real synth (`npx cdk synth`) always bundles.
 */
export const INLINE_CODE_CONTEXT = 'kinerja:inlineCode';

export const LOG_RETENTION = logs.RetentionDays.ONE_MONTH;
/** CloudWatch namespace of the business metrics (functions/http/metrics.ts). */
export const METRICS_NAMESPACE = 'KinerjaAsn';

export interface AppFunctionProps {
  /** Name in functions/routes.ts (FUNCTIONS / BACKGROUND_FUNCTIONS), or 'preToken'. */
  name: string;
  /** Repo-relative module path exporting `handler`. */
  entry: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  /**
   * Invoked asynchronously (EventBridge Scheduler, S3/SNS events): failed events land in a
   * dead-letter queue after Lambda's retries. Synchronous callers (API Gateway, Cognito) and event
   * source mappings (stream, SQS) keep their failures themselves, so they get none.
   */
  asyncInvoked?: boolean;
}

export class AppFunction extends Construct {
  readonly fn: lambda.Function;
  readonly name: string;
  /** Failed asynchronous events, when asyncInvoked. */
  readonly deadLetterQueue?: sqs.Queue;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.name = props.name;
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    // Instead of AWSLambdaBasicExecutionRole (logs on every group in the account): this group only.
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    if (props.asyncInvoked) {
      this.deadLetterQueue = new sqs.Queue(this, 'Dlq', { retentionPeriod: Duration.days(14), enforceSSL: true });
      acknowledge(this.deadLetterQueue, 'This queue is the dead-letter queue of the function\'s asynchronous invocations; it needs none of its own.', 'AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy');
    }
    const common = {
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      logGroup,
      role,
      // Active tracing records each invocation's init, run and overhead. The Powertools Tracer (SDK
      // subsegments) is left out: it measured +121 KB and +43 ms module init per bundle (reports,
      // stream; 2026-12-01), against DESIGN §6's 250 KB / 40 ms that the bundles already strain.
      tracing: lambda.Tracing.ACTIVE,
      deadLetterQueue: this.deadLetterQueue,
      environment: { POWERTOOLS_SERVICE_NAME: `kinerja-asn-${props.name}`, POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE, LOG_LEVEL: 'INFO', ...props.environment },
    };
    const inline = this.node.tryGetContext(INLINE_CODE_CONTEXT) === 'true' || this.node.tryGetContext(INLINE_CODE_CONTEXT) === true;
    this.fn = inline
      ? new lambda.Function(this, 'Function', { ...common, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({});') })
      : this.bundled(props, common);
    // Tracing adds xray:PutTraceSegments/PutTelemetryRecords on "*" to this policy: X-Ray has no resource-level permissions.
    acknowledge(role.node.findChild('DefaultPolicy'), 'X-Ray PutTraceSegments and PutTelemetryRecords accept no resource but "*" (AWS service authorization reference).', 'AwsSolutions-IAM5[Resource::*]');
    if (!props.asyncInvoked) {
      acknowledge(this.fn, 'Invoked synchronously (API Gateway, Cognito) or by an event source mapping (stream, SQS) whose failure destination or queue redrive keeps failed events; a Lambda DLQ serves only asynchronous invocations.', 'Serverless-LambdaDLQ');
    }
  }

  private bundled(props: AppFunctionProps, common: Omit<lambda.FunctionProps, 'code' | 'handler'>): lambda.Function {
    return new NodejsFunction(this, 'Function', {
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
        // CDK runs esbuild from projectRoot (the repo root), where the aliases' relative paths start.
        esbuildArgs: { '--alias': Object.entries(SHARED_ESBUILD.alias).map(([from, to]) => `${from}=${to}`) },
        bundleAwsSDK: true,
      },
    });
  }
}

// One structured JSON logger per function, each line in the shape Powertools Logger writes (level,
// message, timestamp, service, the Lambda context's cold_start and function_* keys, the appended keys,
// then the call's own, errors as {name, location, message, stack}), so CloudWatch queries and alarms read
// it the same. Written here rather than taken from @aws-lambda-powertools/logger: that package and its
// commons add ≈ 22 KB to every bundle, about a tenth of the 250 KB budget of DESIGN §6, for the four
// methods and one middleware this code uses.
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
const RANK: Record<LogLevel, number> = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, SILENT: 28 };
const rankOf = (level: string | undefined) => RANK[(level ?? '').toUpperCase() as LogLevel] ?? RANK.INFO;

let coldStart = true;

/** The first line of a stack below the message: where the error was thrown. */
const locationOf = (stack: string | undefined) => stack?.split('\n').find((l) => l.trim().startsWith('at '))?.trim().replace(/^at\s+/, '') ?? '';

function formatted(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    const cause = (value as { cause?: unknown }).cause;
    return { name: value.name, location: locationOf(value.stack), message: value.message, stack: value.stack, ...(cause !== undefined && depth < 3 ? { cause: formatted(cause, depth + 1) } : {}) };
  }
  return value;
}

export class Logger {
  /** Every line goes through these writers (a test may read them): a line to stdout, or to stderr for warnings and
   *  errors, as a Console of its own would write it, past Lambda's patched global console. Not node:console's
   *  Console itself: loading that module cost every function's cold start about 2 ms of the 40 DESIGN §6 allows. */
  readonly console = {
    debug: (line: string): void => { process.stdout.write(`${line}\n`); },
    info: (line: string): void => { process.stdout.write(`${line}\n`); },
    warn: (line: string): void => { process.stderr.write(`${line}\n`); },
    error: (line: string): void => { process.stderr.write(`${line}\n`); },
  };
  private level: number;
  private readonly service: string;
  private context: Record<string, unknown> = {};
  private keys: Record<string, unknown> = {};

  constructor(opts: { serviceName: string; logLevel?: string }) {
    this.service = opts.serviceName;
    this.level = rankOf(opts.logLevel);
  }

  setLogLevel(level: LogLevel): void { this.level = rankOf(level); }

  /** The invocation's context; the first one a process sees is its cold start. */
  addContext(context: Context): void {
    this.context = {
      cold_start: coldStart, function_arn: context.invokedFunctionArn, function_memory_size: Number(context.memoryLimitInMB),
      function_name: context.functionName, function_request_id: context.awsRequestId,
    };
    coldStart = false;
  }

  /** Keys on every following line (until resetKeys, which injectLambdaContext calls per invocation). */
  appendKeys(keys: Record<string, unknown>): void { Object.assign(this.keys, keys); }
  resetKeys(): void { this.keys = {}; }

  debug(message: string, extra?: Record<string, unknown>): void { this.write('DEBUG', message, extra); }
  info(message: string, extra?: Record<string, unknown>): void { this.write('INFO', message, extra); }
  warn(message: string, extra?: Record<string, unknown>): void { this.write('WARN', message, extra); }
  error(message: string, extra?: Record<string, unknown>): void { this.write('ERROR', message, extra); }

  private write(level: Exclude<LogLevel, 'SILENT'>, message: string, extra: Record<string, unknown> = {}): void {
    if (RANK[level] < this.level) return;
    const trace = process.env._X_AMZN_TRACE_ID?.match(/Root=([^;]+)/)?.[1];
    const own = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, formatted(v)]));
    const line = JSON.stringify({ level, message, timestamp: new Date().toISOString(), service: this.service, ...(trace ? { xray_trace_id: trace } : {}), ...this.context, ...this.keys, ...own });
    const out = level === 'ERROR' ? this.console.error : level === 'WARN' ? this.console.warn : level === 'DEBUG' ? this.console.debug : this.console.info;
    out.call(this.console, line);
  }
}

/** Middy middleware: each invocation's lines carry its Lambda context; `resetKeys` drops the last one's appended keys. */
export function injectLambdaContext(target: Logger, opts: { resetKeys?: boolean } = {}): MiddlewareObj {
  return {
    before: (request) => {
      if (opts.resetKeys) target.resetKeys();
      target.addContext(request.context as Context);
    },
  };
}

export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'kinerja-asn',
  logLevel: process.env.LOG_LEVEL ?? 'INFO',
});

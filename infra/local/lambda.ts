// Loads the same handler modules CDK deploys and calls them with a Lambda-like context.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export const ROOT = resolve(import.meta.dirname, '../..');

type AnyHandler = (event: unknown, context: Context) => Promise<unknown>;
const cache = new Map<string, Promise<AnyHandler | undefined>>();

/** The module's `handler` export, or undefined when the module does not exist yet. */
export function loadHandler(modulePath: string): Promise<AnyHandler | undefined> {
  let loaded = cache.get(modulePath);
  if (!loaded) {
    const file = resolve(ROOT, modulePath);
    loaded = existsSync(file) ? import(pathToFileURL(file).href).then((m) => m.handler as AnyHandler) : Promise.resolve(undefined);
    cache.set(modulePath, loaded);
  }
  return loaded;
}

export function lambdaContext(functionName: string, timeoutMs = 30_000): Context {
  const started = Date.now();
  const requestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

export async function invoke(modulePath: string, functionName: string, event: unknown, timeoutMs?: number): Promise<unknown> {
  const handler = await loadHandler(modulePath);
  if (!handler) throw new Error(`Handler module ${modulePath} does not exist`);
  return handler(event, lambdaContext(functionName, timeoutMs));
}

// In-memory DynamoDB Local for the run, on free ports: one per test worker, because one instance
// works on one core and two workers sharing it wait on each other. Each test file makes its own table.
import type { TestProject } from 'vitest/node';
import { freePort, startDynamoLocal } from '../../infra/local/ddb-local.js';

declare module 'vitest' {
  export interface ProvidedContext { ddbEndpoints: string[] }
}

export default async function setup(project: TestProject) {
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  const instances: Awaited<ReturnType<typeof startDynamoLocal>>[] = [];
  for (let i = 0; i < workers; i++) instances.push(await startDynamoLocal({ port: await freePort() }));
  project.provide('ddbEndpoints', instances.map((d) => d.endpoint));
  return async () => { await Promise.all(instances.map((d) => d.stop())); };
}

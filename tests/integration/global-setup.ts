// One in-memory DynamoDB Local per test run, on a free port; each test file makes its own table.
import type { TestProject } from 'vitest/node';
import { freePort, startDynamoLocal } from '../../infra/local/ddb-local.js';

declare module 'vitest' {
  export interface ProvidedContext { ddbEndpoint: string }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  project.provide('ddbEndpoint', dynamo.endpoint);
  return async () => { await dynamo.stop(); };
}

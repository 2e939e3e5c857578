// One DynamoDB document client per process, created on first use.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { requireEnv } from '../config/env.js';

let doc: DynamoDBDocumentClient | undefined;

export function ddb(): DynamoDBDocumentClient {
  if (!doc) {
    const endpoint = process.env.DDB_ENDPOINT; // set by the local runtime and tests only
    const raw = new DynamoDBClient({
      maxAttempts: 5,
      ...(endpoint
        ? { endpoint, region: process.env.AWS_REGION ?? 'ap-southeast-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
    doc = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  }
  return doc;
}

/** Replace the client (tests inject faults through client middleware on their own instance). */
export function setDdb(client: DynamoDBDocumentClient | undefined): void {
  doc = client;
}

export const tableName = (): string => requireEnv('TABLE_NAME');

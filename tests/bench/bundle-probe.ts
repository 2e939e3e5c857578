// Not a function: the floor the AWS SDK sets under every bundle (tests/bench/bundles.ts builds and
// times it like a function). The DynamoDB document client with one command, created as
// functions/data/client.ts creates it, and nothing of ours.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

export const client = DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 5 }), { marshallOptions: { removeUndefinedValues: true } });
export const get = (key: Record<string, unknown>) => client.send(new GetCommand({ TableName: 'probe', Key: key }));

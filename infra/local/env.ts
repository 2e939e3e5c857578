// The environment the handlers expect, as CDK sets it on each function, pointed at DynamoDB Local.
import { allTenants } from '../deployments.js';

export const LOCAL_TABLE_NAME = 'kinerja-asn';

export function applyLocalEnv(opts: { endpoint: string; tableName?: string }): void {
  process.env.DDB_ENDPOINT = opts.endpoint;
  process.env.TABLE_NAME = opts.tableName ?? LOCAL_TABLE_NAME;
  process.env.TENANTS = JSON.stringify(allTenants());
  process.env.AWS_REGION ??= 'ap-southeast-3';
  process.env.LOG_LEVEL ??= 'WARN';
  process.env.POWERTOOLS_DEV ??= 'true';
  process.env.LOCAL_RUNTIME = '1';
}

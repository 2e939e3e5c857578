// The environment the handlers expect, as CDK sets it on each function, pointed at DynamoDB Local.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allTenants } from '../deployments.js';

export const LOCAL_TABLE_NAME = 'kinerja-asn';

export function applyLocalEnv(opts: { endpoint: string; tableName?: string; outboxDir?: string }): void {
  process.env.DDB_ENDPOINT = opts.endpoint;
  process.env.TABLE_NAME = opts.tableName ?? LOCAL_TABLE_NAME;
  process.env.TENANTS = JSON.stringify(allTenants());
  process.env.AWS_REGION ??= 'ap-southeast-3';
  process.env.LOG_LEVEL ??= 'WARN';
  process.env.POWERTOOLS_DEV ??= 'true';
  process.env.LOCAL_RUNTIME = '1';
  // The SES stand-in: e-mails land as .eml files here (npm start: <DATA_DIR>/outbox).
  process.env.OUTBOX_DIR = opts.outboxDir ?? process.env.OUTBOX_DIR ?? join(tmpdir(), `kinerja-outbox-${process.pid}`);
}

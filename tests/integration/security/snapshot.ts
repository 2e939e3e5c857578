// Table snapshots for "a refused request writes nothing": every item of the test's own table (a Scan is
// fine here: it is a test's private table, never a request path), keyed by PK|SK, compared as JSON.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

export type Snapshot = Map<string, string>;

/** Rate counters and survey-repeat markers move with every public request by design. */
export const ABUSE_COUNTERS = (pk: string) => pk.startsWith('RATE#');

// Its own client: fault tests swap the app's client (setDdb) and must not disturb the snapshot.
let client: DynamoDBDocumentClient | undefined;
const own = () =>
  (client ??= DynamoDBDocumentClient.from(new DynamoDBClient({
    endpoint: process.env.DDB_ENDPOINT, region: process.env.AWS_REGION ?? 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })));

const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v instanceof Set ? canonical([...v].sort())
  : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
  : JSON.stringify(v) ?? 'null';

/** Items whose PK passes `keep` (default: all but the abuse counters). */
export async function snapshot(tableName: string, keep: (pk: string) => boolean = (pk) => !ABUSE_COUNTERS(pk)): Promise<Snapshot> {
  const out: Snapshot = new Map();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await own().send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    for (const item of page.Items ?? []) if (keep(String(item.PK))) out.set(`${item.PK}|${item.SK}`, canonical(item));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** What changed between two snapshots, as readable key lists (empty lists: nothing written). */
export function changes(before: Snapshot, after: Snapshot) {
  return {
    added: [...after.keys()].filter((k) => !before.has(k)),
    removed: [...before.keys()].filter((k) => !after.has(k)),
    changed: [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)),
  };
}

export const NOTHING = { added: [], removed: [], changed: [] };
/** Only items outside tenant `tenant` (and no abuse counters). */
export const notOfTenant = (tenant: string) => (pk: string) => !ABUSE_COUNTERS(pk) && !pk.startsWith(`TENANT#${tenant}#`) && pk !== `TENANT#${tenant}`;
export const ofTenant = (tenant: string) => (pk: string) => pk.startsWith(`TENANT#${tenant}#`) || pk === `TENANT#${tenant}`;

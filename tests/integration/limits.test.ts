// Request size: 6 MB (Lambda's invocation limit, below API Gateway's 10 MB) in the local runtime and
// in the middleware alike, answered with a bilingual 413 that names the limit; a city-sized officer
// import fits well inside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ddb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { GSI1 } from '../../functions/data/table.js';
import { formatNip } from '../../functions/domain/nip.js';
import { httpApi, ok } from '../../functions/http/api.js';
import { MAX_REQUEST_BYTES } from '../../functions/http/limits.js';
import { FUNCTIONS } from '../../functions/routes.js';
import { claimsAsApiGateway } from '../../infra/local/auth.js';
import { invoke } from '../../infra/local/lambda.js';
import { startHarness, type Harness } from './harness.js';
import { snapshot } from './security/snapshot.js';

let h: Harness;
beforeAll(async () => { h = await startHarness({ stream: false }); });
afterAll(async () => { await h?.close(); });

const HEADER = 'nip,name,position,grade,agencyId,unitId,supervisorNip';
/** `count` distinct valid NIPs (born 1961, appointed 1986-07), none of them seeded. */
const nips = (count: number) => Array.from({ length: count }, (_, i) => {
  const day = new Date(Date.UTC(1961, 0, 1 + Math.floor(i / 999))).toISOString().slice(0, 10);
  return formatNip({ birthDate: day, tmt: '1986-07', gender: i % 2 ? 'P' : 'L', sequence: (i % 999) + 1 });
});
const csvOf = (list: string[]) => [HEADER, ...list.map((nip, i) => `${nip},Pegawai Uji ${i + 1},Analis Kebijakan,III/a,pupr,,`)].join('\n');
/** A CSV of exactly `bytes` bytes: one line whose name is far too long (a content error, not a size one). */
const csvOfSize = (bytes: number) => {
  const head = `${HEADER}\n199001012015031001,`;
  const tail = ',Analis,III/a,pupr,,';
  return head + 'N'.repeat(bytes - head.length - tail.length) + tail;
};

/** The API Gateway event of a CSV import by the BKPSDM, for calling the org function directly. */
const importEvent = async (body: string) => {
  const claims = claimsAsApiGateway(await h.signer.verify(await h.token('serang.admin')));
  return {
    version: '2.0', routeKey: 'POST /v1/officers/import', rawPath: '/v1/officers/import', rawQueryString: '',
    headers: { 'content-type': 'text/csv' }, body, isBase64Encoded: false,
    requestContext: { requestId: 'limits-test', routeKey: 'POST /v1/officers/import', http: { method: 'POST', path: '/v1/officers/import', sourceIp: '127.0.0.1' }, authorizer: { jwt: { claims, scopes: null } } },
  };
};

const expectTooLarge = (status: number, body: any, opts: { file: boolean }) => {
  expect(status).toBe(413);
  expect(body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: [{ field: 'body', message: `At most ${MAX_REQUEST_BYTES} bytes` }] });
  expect(body.error.message).toContain('batas 6 MB');
  expect(body.error.message).toContain('the 6 MB limit');
  if (opts.file) expect(body.error.message).toMatch(/bagi menjadi beberapa berkas.*split it into smaller files/);
};

describe('request size limit', () => {
  it('the local runtime answers a body just over 6 MB with 413 and writes nothing', async () => {
    const before = await snapshot(h.tableName);
    const csv = csvOfSize(MAX_REQUEST_BYTES + 1);
    expect(Buffer.byteLength(csv)).toBe(MAX_REQUEST_BYTES + 1);
    const imported = await h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw: csv, headers: { 'content-type': 'text/csv' } });
    expectTooLarge(imported.status, imported.body, { file: true });
    const json = await h.call('POST', '/v1/trainings', { as: 'serang.pegawai', raw: JSON.stringify({ pad: 'x'.repeat(MAX_REQUEST_BYTES) }), headers: { 'content-type': 'application/json' } });
    expectTooLarge(json.status, json.body, { file: false });
    expect(await snapshot(h.tableName)).toEqual(before);
  });

  it('the middleware enforces the same 6 MB on the import route, whatever reaches it', async () => {
    const before = await snapshot(h.tableName);
    const over = (await invoke(FUNCTIONS.officerImport, 'kinerja-officerImport', await importEvent(csvOfSize(MAX_REQUEST_BYTES + 1)))) as APIGatewayProxyStructuredResultV2;
    expectTooLarge(over.statusCode!, JSON.parse(over.body!), { file: true });
    // At the limit the body is read: this one is refused for its content (400), not its size.
    const atLimit = (await invoke(FUNCTIONS.officerImport, 'kinerja-officerImport', await importEvent(csvOfSize(MAX_REQUEST_BYTES)))) as APIGatewayProxyStructuredResultV2;
    expect(atLimit.statusCode).toBe(400);
    expect(await snapshot(h.tableName)).toEqual(before);
  });

  it('no route may declare a larger body than Lambda accepts', () => {
    expect(() => httpApi({ 'POST /x': { auth: 'public', maxBodyBytes: MAX_REQUEST_BYTES + 1, handle: async () => ok({}) } })).toThrow(/exceeds Lambda/);
    expect(() => httpApi({ 'POST /x': { auth: 'public', maxBodyBytes: MAX_REQUEST_BYTES, handle: async () => ok({}) } })).not.toThrow();
  });

  it('accepts a city-sized officer import (5,000 officers, as the cost model\'s city) through the API', async () => {
    // A file four times that size is still far inside the limit; importing it here would only time DynamoDB Local.
    expect(Buffer.byteLength(csvOf(nips(20_000)))).toBeLessThan(MAX_REQUEST_BYTES / 4);
    const csv = csvOf(nips(5_000));
    const started = Date.now();
    const res = await h.call('POST', '/v1/officers/import', { as: 'serang.admin', raw: csv, headers: { 'content-type': 'text/csv' } });
    console.info(`imported 5,000 officers (${Buffer.byteLength(csv)} bytes) in ${Date.now() - started} ms`);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body).toMatchObject({ created: 5_000, total: 5_000 });
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await ddb().send(new QueryCommand({ TableName: h.tableName, IndexName: GSI1, KeyConditionExpression: 'GSI1PK = :p', ExpressionAttributeValues: { ':p': keys.officersOfAgency('serang', 'pupr') }, Select: 'COUNT', ExclusiveStartKey: start }));
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    expect(count).toBeGreaterThanOrEqual(5_000);
  }, 180_000);
});

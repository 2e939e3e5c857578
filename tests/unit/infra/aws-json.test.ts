// functions/data/aws-json.ts sends what the AWS SDK clients it replaced send: each operation goes once
// through the SDK client and once through ours to a local server, which compares method, path, protocol
// headers and body, checks the credential scope, and re-signs what arrived to show the signature covers
// exactly the bytes and headers received. Then the error and retry rules.
import { AdminCreateUserCommand, AdminDisableUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cognitoDirectory } from '../../../functions/accounts/directory.js';
import { AwsApiError, Sha256 } from '../../../functions/data/aws-json.js';
import { sendMessageBatch } from '../../../functions/data/sqs-queue.js';
import { sesAdapter } from '../../../functions/notifications/email-ses.js';

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token' };
const REGION = 'ap-southeast-3';

interface Received { method: string; path: string; headers: IncomingMessage['headers']; body: string }
let server: Server;
let base = '';
let received: Received[] = [];
/** What the server answers next (status, headers, body), then 200 with `ok`. */
let answers: { status: number; headers?: Record<string, string>; body: string }[] = [];
let ok = '{}';

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method!, path: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const a = answers.shift() ?? { status: 200, body: ok };
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers }).end(a.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.stubEnv('AWS_REGION', REGION);
  vi.stubEnv('AWS_ACCESS_KEY_ID', CREDENTIALS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', CREDENTIALS.secretAccessKey);
  vi.stubEnv('AWS_SESSION_TOKEN', CREDENTIALS.sessionToken);
});
afterAll(async () => { vi.unstubAllEnvs(); await new Promise((r) => server.close(r)); });
afterEach(() => { received = []; answers = []; ok = '{}'; });

const sdkConfig = () => ({ region: REGION, endpoint: base, credentials: CREDENTIALS, maxAttempts: 1 });
const scope = (auth: string | undefined) => /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth ?? '')?.slice(1);
const signedHeaders = (auth: string | undefined) => /SignedHeaders=([^,]+)/.exec(auth ?? '')?.[1]?.split(';') ?? [];

/** The signature the request as received should carry: signed again from its own headers and body. */
async function resign(r: Received, service: string): Promise<string> {
  const names = signedHeaders(r.headers.authorization as string);
  const headers = Object.fromEntries(names.map((n) => [n, String(r.headers[n])]));
  const amzDate = String(r.headers['x-amz-date']);
  const date = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const url = new URL(r.path, base);
  const signer = new SignatureV4({ service, region: REGION, credentials: CREDENTIALS, sha256: Sha256 });
  const signed = await signer.sign({ method: r.method, protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, query: {}, headers, body: r.body }, { signingDate: date });
  return signed.headers.authorization!;
}

/** Sends `sdk` and `ours` (ours first when the SDK's input must copy what ours generated) and compares
 * the two requests as the service would see them. */
async function compare(service: string, sdk: () => Promise<unknown>, ours: () => Promise<unknown>, oursFirst = false) {
  if (oursFirst) { await ours(); await sdk(); } else { await sdk(); await ours(); }
  expect(received).toHaveLength(2);
  const [a, b] = (oursFirst ? [received[1], received[0]] : received) as [Received, Received];
  expect(b.method).toBe(a.method);
  expect(b.path).toBe(a.path);
  for (const h of ['content-type', 'x-amz-target', 'x-amzn-query-mode', 'x-amz-security-token']) expect([h, b.headers[h]]).toEqual([h, a.headers[h]]);
  expect(JSON.parse(b.body)).toEqual(JSON.parse(a.body));
  expect(scope(b.headers.authorization)).toEqual(scope(a.headers.authorization));
  expect(scope(b.headers.authorization)).toEqual([CREDENTIALS.accessKeyId, REGION, service]);
  for (const h of ['host', 'x-amz-date', 'content-type']) expect(signedHeaders(b.headers.authorization)).toContain(h);
  expect(b.headers.authorization).toBe(await resign(b, service));
  expect(a.headers.authorization).toBe(await resign(a, service)); // the check itself holds for the SDK's request
}

describe('signed AWS JSON calls', () => {
  it('SQS SendMessageBatch is the request the SDK client sends', async () => {
    const queueUrl = `${base}/123456789012/kinerja-evaluations`;
    const entries = [{ Id: 'b1', MessageBody: JSON.stringify({ batchNo: 1, officers: ['a', 'b'] }) }, { Id: 'b2', MessageBody: '{"batchNo":2}' }];
    const md5 = (t: string) => createHash('md5').update(t).digest('hex'); // the SDK checks it; TLS already does for us
    ok = JSON.stringify({ Successful: entries.map((e, i) => ({ Id: e.Id, MessageId: `m${i}`, MD5OfMessageBody: md5(e.MessageBody) })) });
    await compare('sqs',
      () => new SQSClient(sdkConfig()).send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries })),
      async () => expect((await sendMessageBatch(queueUrl, entries)).Successful).toHaveLength(2));
  });

  it('SES v2 SendEmail is the request the SDK client sends, and answers its message id', async () => {
    const m = { to: 'budi.1234@serang.kinerja.example', subject: 'Laporan bulan ini / This month\'s report', text: 'Isi — body ✓', tenant: 'tanjung-selor' };
    ok = '{"MessageId":"0100abc"}';
    let messageId = '';
    await compare('ses',
      () => new SESv2Client(sdkConfig()).send(new SendEmailCommand({
        FromEmailAddress: 'noreply@kinerja.example', Destination: { ToAddresses: [m.to] },
        Content: { Simple: { Subject: { Data: m.subject, Charset: 'UTF-8' }, Body: { Text: { Data: m.text, Charset: 'UTF-8' } } } },
        EmailTags: [{ Name: 'tenant', Value: 'tanjung-selor' }],
      })),
      async () => { messageId = (await sesAdapter('noreply@kinerja.example', base).send(m)).messageId; });
    expect(messageId).toBe('0100abc');
  });

  it('Cognito AdminCreateUser and AdminDisableUser are the requests the SDK client sends', async () => {
    const directory = cognitoDirectory('ap-southeast-3_pool', base);
    const account = { tenant: 'serang', nip: '198001012005011001', email: 'a@serang.kinerja.example', officerId: 'o-1', agencyId: 'dinkes', roles: ['pegawai', 'atasan'] };
    let temporary = '';
    // Ours first: the SDK then sends the same input (the temporary password is random).
    await compare('cognito-idp',
      () => new CognitoIdentityProviderClient(sdkConfig()).send(new AdminCreateUserCommand(JSON.parse(received[0]!.body))),
      async () => { temporary = (await directory.create(account)).signIn; }, true);
    const body = JSON.parse(received[0]!.body);
    expect(body).toMatchObject({ UserPoolId: 'ap-southeast-3_pool', Username: account.nip, MessageAction: 'SUPPRESS' });
    expect(temporary).toContain(body.TemporaryPassword);
    expect(body.UserAttributes).toContainEqual({ Name: 'custom:roles', Value: 'pegawai atasan' });
    received = [];
    await compare('cognito-idp',
      () => new CognitoIdentityProviderClient(sdkConfig()).send(new AdminDisableUserCommand({ UserPoolId: 'ap-southeast-3_pool', Username: account.nip })),
      () => directory.disable('serang', account.nip));
  });

  it('an existing Cognito user is "exists"; other errors carry the type AWS named, without retrying client errors', async () => {
    const directory = cognitoDirectory('pool', base);
    const account = { tenant: 'serang', nip: '198001012005011001', email: 'a@x.example', officerId: 'o-1', agencyId: 'dinkes', roles: ['pegawai'] };
    answers = [{ status: 400, body: '{"__type":"UsernameExistsException","message":"User account already exists"}' }];
    expect((await directory.create(account)).outcome).toBe('exists');
    answers = [{ status: 400, body: '{"__type":"com.amazonaws.cognito#InvalidParameterException","message":"bad attribute"}' }];
    const error = await directory.create(account).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsApiError);
    expect((error as AwsApiError).code).toBe('InvalidParameterException');
    expect(received).toHaveLength(2); // one request each: a 400 is not retried
  });

  it('retries a 5xx and throttling as the SDK does, and gives up after three attempts', async () => {
    answers = [{ status: 500, body: '{"__type":"InternalError"}' }, { status: 400, headers: { 'x-amzn-query-error': 'AWS.SimpleQueueService.RequestThrottled;Sender' }, body: '{"__type":"com.amazonaws.sqs#RequestThrottled","message":"slow down"}' }];
    ok = '{"Successful":[{"Id":"b1","MessageId":"m1"}]}';
    const queueUrl = `${base}/1/q`;
    expect((await sendMessageBatch(queueUrl, [{ Id: 'b1', MessageBody: '{}' }])).Successful).toHaveLength(1);
    expect(received).toHaveLength(3);
    received = [];
    answers = [1, 2, 3].map(() => ({ status: 503, body: '{"__type":"ServiceUnavailable","message":"busy"}' }));
    await expect(sendMessageBatch(queueUrl, [{ Id: 'b1', MessageBody: '{}' }])).rejects.toMatchObject({ code: 'ServiceUnavailable', status: 503 });
    expect(received).toHaveLength(3);
  });
});

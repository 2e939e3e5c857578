// Signed calls to the AWS JSON APIs of the few operations outside DynamoDB: SQS SendMessageBatch, SES v2
// SendEmail, Cognito AdminCreateUser / AdminDisableUser. Their SDK clients put 23–60 KB each (schemas,
// every error class, endpoint rules) into bundles that DESIGN §6 holds to 250 KB, for one or two
// operations; this is the SDK's own SigV4 signer over fetch, with the SDK's standard retry rule. The
// requests are the ones the SDK clients send (tests/unit/aws-json.test.ts compares them).
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { requireEnv } from '../config/env.js';

/** An error answer of an AWS API: `code` is its error type without namespace ("UsernameExistsException"). */
export class AwsApiError extends Error {
  constructor(readonly code: string, readonly status: number, message: string) {
    super(`${code}: ${message}`);
    this.name = code;
  }
}

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: SourceData) => (typeof d === 'string' ? d : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d));

/** What SignatureV4 hashes with: SHA-256, or HMAC-SHA-256 when given a secret. */
export class Sha256 {
  private readonly h: Hash | Hmac;
  constructor(secret?: SourceData) { this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret)); }
  update(data: SourceData): void { this.h.update(bytes(data)); }
  async digest(): Promise<Uint8Array> { return new Uint8Array(this.h.digest()); }
}

export interface AwsJsonCall {
  /** SigV4 signing name (sqs, ses, cognito-idp). */
  service: string;
  /** The endpoint, `https://<host>`; tests point it at a local server. */
  endpoint: string;
  path?: string;
  /** `X-Amz-Target` of the JSON 1.0/1.1 protocols; REST-JSON calls have none. */
  target?: string;
  contentType: 'application/x-amz-json-1.0' | 'application/x-amz-json-1.1' | 'application/json';
  headers?: Record<string, string>;
  body: unknown;
}

export const awsRegion = (): string => process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? requireEnv('AWS_REGION');
/** `https://<prefix>.<region>.amazonaws.com`, as the SDK's endpoint rules give for a commercial region. */
export const regionalEndpoint = (prefix: string): string => `https://${prefix}.${awsRegion()}.amazonaws.com`;

/** Lambda's credentials: the role's session in the environment (what the SDK's first provider reads). */
const envCredentials = async () => ({
  accessKeyId: requireEnv('AWS_ACCESS_KEY_ID'),
  secretAccessKey: requireEnv('AWS_SECRET_ACCESS_KEY'),
  ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
});

const MAX_ATTEMPTS = 3; // the SDK's standard retry mode
const THROTTLING = /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown|ProvisionedThroughputExceeded|RequestTimeout/;
const retryable = (e: unknown) => !(e instanceof AwsApiError) || e.status >= 500 || e.status === 429 || THROTTLING.test(e.code);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The error type of a JSON error answer: the header of REST-JSON, `__type` of JSON 1.0/1.1, without namespace or URI. */
function errorOf(status: number, headers: Headers, text: string): AwsApiError {
  let body: { __type?: string; code?: string; message?: string; Message?: string } = {};
  try { body = JSON.parse(text) as typeof body; } catch { /* not JSON: the status says enough */ }
  const raw = headers.get('x-amzn-query-error')?.split(';')[0] ?? headers.get('x-amzn-errortype') ?? body.__type ?? body.code ?? `Http${status}`;
  const code = raw.split(':')[0]!.split('#').pop()!;
  return new AwsApiError(code, status, body.message ?? body.Message ?? (text.slice(0, 200) || `HTTP ${status}`));
}

async function once<T>(signer: SignatureV4, call: AwsJsonCall): Promise<T> {
  const url = new URL(call.path ?? '/', call.endpoint);
  const body = JSON.stringify(call.body);
  const signed = await signer.sign({
    method: 'POST', protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path: url.pathname, query: {},
    headers: { host: url.host, 'content-type': call.contentType, ...(call.target ? { 'x-amz-target': call.target } : {}), ...call.headers },
    body,
  });
  const { host: _host, ...headers } = signed.headers; // fetch sets the same Host itself
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  if (!res.ok) throw errorOf(res.status, res.headers, text);
  return (text ? JSON.parse(text) : {}) as T;
}

/** One call, signed with the function's credentials, retried as the SDK retries (network errors, 5xx, throttling). */
export async function awsJson<T>(call: AwsJsonCall, credentials = envCredentials): Promise<T> {
  const signer = new SignatureV4({ service: call.service, region: awsRegion(), credentials, sha256: Sha256 });
  for (let attempt = 1; ; attempt++) {
    try {
      return await once<T>(signer, call);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !retryable(error)) throw error;
      await sleep(Math.random() * Math.min(20_000, 100 * 2 ** attempt)); // full jitter, as the SDK's backoff
    }
  }
}

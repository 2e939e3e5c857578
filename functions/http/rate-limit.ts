// Abuse control for the public routes: fixed-window counters per client and rule in DynamoDB, and
// "once per day" markers. Clients are a salted hash of the source IP; the raw IP is never stored.
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../data/client.js';
import * as keys from '../data/keys.js';
import { tooManyRequests } from './errors.js';
import { conditionFailed } from '../data/conditions.js';
import { DEFAULT_POLICY } from '../domain/policy.js';

export interface RateRule {
  /** Counter name, e.g. "survey"; rules never share a counter. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export const RATE_RULES = {
  /** Flood ceiling per address AND unit (DESIGN §2 Survey intake); the service takes the limit from the
   *  tenant's policy (`surveyAddressLimit`), this is its default. */
  survey: { name: 'survey', limit: DEFAULT_POLICY.surveyAddressLimit, windowSeconds: 600 },
  complaint: { name: 'complaint', limit: 5, windowSeconds: 600 },
  /** Tracking lookups: generous for a citizen, far too slow to walk the code space. */
  complaintTrack: { name: 'complaint-track', limit: 60, windowSeconds: 600 },
  /** The public transparency page (cached 5 minutes by the browser): a reader never gets near it. */
  transparency: { name: 'transparency', limit: 120, windowSeconds: 600 },
} as const satisfies Record<string, RateRule>;

// A local default keeps `npm start` working; AWS sets RATE_SALT per deployment.
const salt = () => process.env.RATE_SALT ?? 'kinerja-asn-local-rate-salt';

/** Header CloudFront adds on its way to the API (infra/constructs/web.ts); its value is a deployment secret. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The address to rate-limit: behind our CloudFront, API Gateway's sourceIp is the edge's address and
 * CloudFront APPENDS the viewer's address to X-Forwarded-For, so the right-most entry is the viewer
 * (entries to its left are whatever the client sent). Only a request carrying the origin secret came
 * through CloudFront; for any other (a direct call to the API endpoint) X-Forwarded-For is the caller's
 * own invention and sourceIp is the truth.
 */
export function clientAddress(headers: Record<string, string | undefined>, sourceIp: string, secret = process.env.ORIGIN_VERIFY_SECRET): string {
  const proof = headers[ORIGIN_VERIFY_HEADER];
  if (!secret || !proof || !sameSecret(proof, secret)) return sourceIp;
  const viewer = headers['x-forwarded-for']?.split(',').pop()?.trim() ?? '';
  return isIP(viewer) ? viewer : sourceIp;
}

/** Salted SHA-256 of the client address, shortened: enough to tell clients apart, useless to recover an IP. */
export function clientHash(sourceIp: string): string {
  return createHash('sha256').update(`${salt()}|${sourceIp}`).digest('base64url').slice(0, 22);
}

/**
 * The conditional ADD that counts one request against the rule's window, as UpdateItem parameters (sent
 * alone by enforceRateLimit, or inside the transaction of the write it guards). It never counts past the
 * limit, so a flood costs one failed conditional write each.
 */
export function rateCounterUpdate(rule: RateRule, client: string, now = new Date()) {
  const windowMs = rule.windowSeconds * 1000;
  const window = Math.floor(now.getTime() / windowMs);
  const windowEnd = (window + 1) * windowMs;
  return {
    TableName: tableName(),
    Key: keys.rateCounter(rule.name, client, window),
    UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :exp), #type = if_not_exists(#type, :type)',
    ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':one': 1, ':limit': rule.limit, ':exp': Math.ceil(windowEnd / 1000) + 60, ':type': 'rateCounter' },
  };
}

/** The 429 of a rule whose window is used up, with Retry-After until the window ends. */
export function rateLimited(rule: RateRule, now = new Date()) {
  const windowMs = rule.windowSeconds * 1000;
  const windowEnd = (Math.floor(now.getTime() / windowMs) + 1) * windowMs;
  return tooManyRequests(Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)));
}

/** Counts one request against the rule; throws 429 with Retry-After once the window's limit is used. */
export async function enforceRateLimit(rule: RateRule, client: string, now = new Date()): Promise<void> {
  try {
    await ddb().send(new UpdateCommand(rateCounterUpdate(rule, client, now)));
  } catch (error) {
    if (conditionFailed(error)) throw rateLimited(rule, now);
    throw error;
  }
}

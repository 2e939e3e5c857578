// Local stand-in for Cognito + API Gateway's JWT authorizer: an ES256 key generated into .data/,
// tokens with the same claims the deployed pre-token trigger adds, verified on every request.
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWTPayload, type CryptoKey } from 'jose';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const LOCAL_ISSUER = 'https://auth.kinerja-asn.local';
export const LOCAL_AUDIENCE = 'kinerja-asn-dashboard';
export const TOKEN_TTL_SECONDS = 8 * 3600;

export interface Signer {
  sign: (claims: Record<string, unknown>, opts?: { ttlSeconds?: number }) => Promise<string>;
  verify: (token: string) => Promise<JWTPayload>;
}

export async function loadSigner(keyFile: string): Promise<Signer> {
  let privateJwk: Record<string, unknown>;
  if (existsSync(keyFile)) {
    privateJwk = JSON.parse(readFileSync(keyFile, 'utf8'));
  } else {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), alg: 'ES256', kid: `local-${Date.now()}` };
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { d: _d, ...publicJwk } = privateJwk;
  const privateKey = (await importJWK(privateJwk, 'ES256')) as CryptoKey;
  const publicKey = (await importJWK(publicJwk, 'ES256')) as CryptoKey;
  return {
    sign: (claims, opts) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid as string, typ: 'JWT' })
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${opts?.ttlSeconds ?? TOKEN_TTL_SECONDS}s`)
        .sign(privateKey),
    // Like API Gateway: signature, issuer, audience, expiry and not-before, ES256 only (no "none").
    // exp is required: without it jose would accept a token that never expires.
    verify: async (token) => (await jwtVerify(token, publicKey, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: ['ES256'], requiredClaims: ['exp'] })).payload,
  };
}

/** API Gateway passes claims to the function as strings; arrays become "[a b]". */
export function claimsAsApiGateway(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'object' ? JSON.stringify(v) : String(v)]),
  );
}

// Local stand-in for Cognito's keys + API Gateway's JWT authorizer. One JWKS per DATA_DIR: the
// OpenID provider's RS256 key (infra/local/oidc.ts signs with it) and the ES256 key of the local-only
// /v1/dev/token shortcut. Both tokens carry the provider's issuer and client id, so the API verifies
// every token the same way, against that one JWKS.
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Used only when no provider runs (benchmarks, the durability test): tokens still verify the same way. */
export const LOCAL_ISSUER = 'https://auth.kinerja-asn.local';
/** The dashboard's client id at the local provider (Cognito: the user pool client id). */
export const LOCAL_CLIENT_ID = 'kinerja-asn-dashboard';
export const LOCAL_AUDIENCE = LOCAL_CLIENT_ID;
/** Dev tokens (/v1/dev/token) live a whole session: tests and demos do not refresh. */
export const TOKEN_TTL_SECONDS = 8 * 3600;
/** The issuer of the provider mounted at /oidc on the local origin. */
export const localIssuer = (origin: string) => `${origin.replace(/\/$/, '')}/oidc`;

export interface Signer {
  issuer: string;
  audience: string;
  /** Private keys for the provider (oidc-provider's `jwks` option). */
  privateJwks: { keys: JWK[] };
  /** What `/oidc/jwks` publishes and the API verifies with. */
  publicJwks: { keys: JWK[] };
  sign: (claims: Record<string, unknown>, opts?: { ttlSeconds?: number }) => Promise<string>;
  verify: (token: string) => Promise<JWTPayload>;
}

function loadOrCreate(file: string, make: () => Promise<JWK>): Promise<JWK> | JWK {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  return make().then((jwk) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
    return jwk;
  });
}

async function newKey(alg: 'ES256' | 'RS256', kidPrefix: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), alg, use: 'sig', kid: `${kidPrefix}-${Date.now()}` };
}

const publicPart = (jwk: JWK): JWK => {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk;
  return pub;
};

/**
 * keyFile holds the dev-token ES256 key; the provider's RS256 key sits beside it in oidc-key.json.
 * Both are generated once and kept, so a restart keeps every issued token and session valid.
 */
export async function loadSigner(keyFile: string, opts: { issuer?: string; audience?: string } = {}): Promise<Signer> {
  const issuer = opts.issuer ?? LOCAL_ISSUER;
  const audience = opts.audience ?? LOCAL_CLIENT_ID;
  const devJwk = await loadOrCreate(keyFile, () => newKey('ES256', 'local'));
  const oidcJwk = await loadOrCreate(join(dirname(keyFile), 'oidc-key.json'), () => newKey('RS256', 'oidc'));
  const devKey = (await importJWK({ ...devJwk, alg: 'ES256' }, 'ES256')) as CryptoKey;
  const publicJwks = { keys: [publicPart(oidcJwk), publicPart({ ...devJwk, alg: 'ES256', use: 'sig' })] };
  const keySet = createLocalJWKSet(publicJwks);
  return {
    issuer,
    audience,
    privateJwks: { keys: [oidcJwk, { ...devJwk, alg: 'ES256', use: 'sig' }] },
    publicJwks,
    sign: (claims, o) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: devJwk.kid as string, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${o?.ttlSeconds ?? TOKEN_TTL_SECONDS}s`)
        .sign(devKey),
    verify: async (token) => {
      // As API Gateway's JWT authorizer: a key of the JWKS, RS256/ES256 only (never "none" or HS256),
      // the issuer, exp required, nbf honoured, and the audience in `aud` (id tokens, the provider's
      // access tokens) or, when there is no `aud`, in `client_id` (Cognito access tokens).
      const { payload } = await jwtVerify(token, keySet, { issuer, algorithms: ['RS256', 'ES256'], requiredClaims: ['exp'] });
      const aud = payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      const ok = payload.aud === undefined ? payload.client_id === audience : aud.includes(audience);
      if (!ok) throw new Error('audience');
      return payload;
    },
  };
}

/** API Gateway passes claims to the function as strings; arrays become "[a b]". */
export function claimsAsApiGateway(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'object' ? JSON.stringify(v) : String(v)]),
  );
}

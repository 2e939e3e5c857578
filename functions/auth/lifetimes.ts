// One owner for the sign-in session's numbers: the Cognito user pool client (infra/constructs/auth.ts)
// and the local OpenID provider (infra/local/oidc.ts) both read them, so the two cannot drift.
/** SECURITY.md: a session lasts 8 hours; access and id tokens an hour, refreshed within the session. */
export const SESSION_SECONDS = 8 * 3600;
export const TOKEN_LIFETIMES = {
  accessTokenSeconds: 3600,
  idTokenSeconds: 3600,
  /** The refresh token is the session: once it expires, the user signs in again. */
  refreshTokenSeconds: SESSION_SECONDS,
} as const;
/** The dashboard's sign-in page, where the provider returns with the code and after sign-out. */
export const SIGN_IN_PATH = '/masuk';

// Cognito pre-token-generation trigger (V2): copies the user's custom attributes into the ACCESS
// token as the claims the API reads (functions/http/principal.ts): tenant, roles, officer_id, agency_id.
// The app client cannot write these attributes; only admins set them.
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

/** Custom attribute (without the `custom:` prefix) → claim name. */
export const CLAIM_ATTRIBUTES = { tenant: 'tenant', roles: 'roles', officer_id: 'officer_id', agency_id: 'agency_id' } as const;

export function claimsFor(userAttributes: Record<string, string | undefined>): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [attribute, claim] of Object.entries(CLAIM_ATTRIBUTES)) {
    const value = userAttributes[`custom:${attribute}`]?.trim();
    // roles are stored space- or comma-separated; principalFromClaims splits on either.
    if (value) claims[claim] = attribute === 'roles' ? value.split(/[\s,]+/).filter(Boolean).join(' ') : value;
  }
  return claims;
}

export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  const claims = claimsFor(event.request.userAttributes);
  event.response = {
    claimsAndScopeOverrideDetails: {
      accessTokenGeneration: { claimsToAddOrOverride: claims },
      idTokenGeneration: { claimsToAddOrOverride: claims },
    },
  };
  return event;
};

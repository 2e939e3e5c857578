// Roles a region_admin grants (PUT /v1/officers/{id}/roles); `officer` and `supervisor` follow the org
// chart, `national` belongs to the national reader's account.
export const GRANTABLE_ROLES = ['agency_admin', 'leader', 'inspector', 'region_admin'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

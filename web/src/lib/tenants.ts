// The cities a citizen can pick on public pages (no sign-in, so no /v1/tenants): the checked-in
// deployments config, ids and names only.
import { allTenants } from '../../../infra/deployments.js';

export const PUBLIC_TENANTS: { id: string; name: string }[] = allTenants().map(({ id, name }) => ({ id, name }));

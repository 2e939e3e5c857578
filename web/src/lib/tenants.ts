// The cities, from the checked-in deployments config: public pages let a citizen pick one (there
// is no public /v1/tenants), and the boot prefetch needs a tenant's time zone before /v1/me answers.
import { allTenants } from '../../../infra/deployments.js';

export const PUBLIC_TENANTS: { id: string; name: string }[] = allTenants().map(({ id, name }) => ({ id, name }));

export const tenantZone = (id: string): string | undefined => allTenants().find((t) => t.id === id)?.timeZone;

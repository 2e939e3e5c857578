// Roles administration (DESIGN §5 fresh authority): a region_admin grants and removes agency_admin,
// leader, inspector and region_admin for officers of the tenant. Audited; the last region_admin
// cannot remove their own role. The change counts on the officer's next request (freshPrincipal).
import { getOfficerItem } from '../data/org-repository.js';
import { regionAdminIds, saveRoles } from '../data/roles-repository.js';
import { Conflict, Forbidden, NotFound } from '../domain/errors.js';
import { GRANTABLE_ROLES } from '../domain/roles.js';
import { hasRole, type Principal } from '../http/principal.js';
import type { RolesBody } from './schema.js';

const LAST = 'You are the last region_admin of this region: grant the role to someone else before giving it up';

export async function setRoles(p: Principal, officerId: string, body: RolesBody, now = new Date()): Promise<{ id: string; roles: string[] }> {
  if (!hasRole(p, 'region_admin')) throw Forbidden('Only the BKPSDM (region_admin) grants roles');
  const read = await getOfficerItem(p.tenant, officerId);
  if (!read) throw NotFound('Officer');
  const before = GRANTABLE_ROLES.filter((r) => read.roles?.includes(r));
  const roles = GRANTABLE_ROLES.filter((r) => body.roles.includes(r));
  if (before.join() === roles.join()) return { id: read.id, roles };
  const wasAdmin = before.includes('region_admin'), isAdmin = roles.includes('region_admin');
  let keepsAdmin: string | undefined;
  if (wasAdmin && !isAdmin && officerId === p.officerId) {
    keepsAdmin = (await regionAdminIds(p.tenant)).find((id) => id !== officerId);
    if (!keepsAdmin) throw Conflict(LAST, [{ field: 'roles', message: 'region_admin: the last one of the region' }]);
  }
  const at = now.toISOString();
  const { updatedAt: _u, ...officer } = read;
  const saved = await saveRoles(p.tenant, { ...officer, roles }, read, { at, by: p.officerId ?? p.sub, changes: { roles: { from: before, to: roles } } }, at, {
    ...(isAdmin && !wasAdmin ? { add: officerId } : {}),
    ...(wasAdmin && !isAdmin ? { remove: officerId, keepsAdmin } : {}),
  });
  if (saved === 'last-region-admin') throw Conflict(LAST, [{ field: 'roles', message: 'region_admin: the last one of the region' }]);
  if (saved === 'changed-concurrently') throw Conflict('The officer was changed by someone else at the same time; reload and try again', [{ field: 'officer', message: 'Changed concurrently' }]);
  return { id: read.id, roles };
}

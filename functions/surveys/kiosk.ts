// Kiosk tokens (DESIGN §2 Survey intake): an admin issues one for a unit's counter tablet; a survey
// carrying it skips the per-address ceiling and the per-device repeat marker, since one device there
// serves many citizens. Only the token's SHA-256 is stored; the token is shown once.
import { createHash, randomBytes } from 'node:crypto';
import { getUnit } from '../data/org-repository.js';
import { DomainError, Forbidden, NotFound } from '../domain/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { getKioskToken, putKioskToken } from './intake-repository.js';

export const KIOSK_TOKEN_DAYS = 180;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/; // 32 random bytes, base64url

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** admins: agency_admin for units of their agency, region_admin for any unit of the tenant. */
export async function issueKioskToken(p: Principal, unitId: string, now = new Date()): Promise<{ token: string; expiresAt: string }> {
  if (!hasRole(p, 'region_admin', 'agency_admin')) throw Forbidden('Only admins issue kiosk tokens');
  const unit = await getUnit(p.tenant, unitId);
  if (!unit) throw NotFound('Unit');
  if (!hasRole(p, 'region_admin') && unit.agencyId !== p.agencyId) throw Forbidden('You may only issue kiosk tokens for units of your own agency');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + KIOSK_TOKEN_DAYS * 86_400_000);
  await putKioskToken(hashOf(token), {
    tenant: p.tenant, unitId: unit.id, createdBy: p.officerId ?? p.sub, createdAt: now.toISOString(), expiresAt: Math.floor(expiresAt.getTime() / 1000),
  });
  return { token, expiresAt: expiresAt.toISOString() };
}

export const kioskTokenRefused = () => new DomainError('forbidden', 'KIOSK_TOKEN_INVALID',
  'Token kios tidak berlaku untuk unit ini (salah, kedaluwarsa, atau milik unit lain); minta admin membuat token baru. (This kiosk token is not valid for this unit: wrong, expired or of another unit.)');

/** True when `token` is a live kiosk token of this tenant and unit. */
export async function isKioskOf(tenant: string, unitId: string, token: string, now: Date): Promise<boolean> {
  if (!TOKEN_SHAPE.test(token)) return false;
  const found = await getKioskToken(tenant, hashOf(token), now);
  return found?.unitId === unitId;
}

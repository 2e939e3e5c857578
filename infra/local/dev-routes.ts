// Local-only sign-in: /v1/dev/users lists the demo users, /v1/dev/token signs a token for one of
// them or for any seeded officer by NIP. These routes do not exist in the CDK app.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { ddb, tableName } from '../../functions/data/client.js';
import { queryAll } from '../../functions/data/batch.js';
import { getOfficer, listSubordinates } from '../../functions/data/org-repository.js';
import * as keys from '../../functions/data/keys.js';
import { SERVICE_ENDED } from '../../functions/domain/officer-status.js';
import type { DevUser } from './seed/context.js';
import type { Signer } from './auth.js';
import { readOutbox } from './outbox.js';

const TokenRequest = z.object({ username: z.string().trim().min(1).max(100) });
const err = (status: number, code: string, message: string, details: unknown[] = []) => ({ status, body: { error: { code, message, details } } });
/** The local provider's one password (DESIGN §5: shown on the sign-in page and printed by npm start). */
export const LOCAL_DEMO_PASSWORD = 'kinerja-demo';

/**
 * The claims a local account signs in with — the same the Cognito pre-token trigger adds (tenant,
 * roles, officer_id, agency_id): a demo user by name, or any officer by NIP, read from the table at
 * sign-in. 'ended': the officer's status ends sign-in (DESIGN §2).
 */
export async function localClaims(username: string): Promise<Record<string, unknown> | 'ended' | undefined> {
  const demo = (await ddb().send(new GetCommand({ TableName: tableName(), Key: { PK: 'LOCAL#DEVUSERS', SK: username } }))).Item as DevUser | undefined;
  if (demo) {
    return { sub: `demo:${demo.username}`, username: demo.username, name: demo.name, tenant: demo.tenant, roles: demo.roles, ...(demo.officerId ? { officer_id: demo.officerId } : {}), ...(demo.agencyId ? { agency_id: demo.agencyId } : {}) };
  }
  if (!/^\d{18}$/.test(username)) return undefined;
  const nip = (await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.nip(username) }))).Item;
  if (!nip) return undefined;
  const officer = await getOfficer(nip.tenant, nip.officerId);
  if (!officer) return undefined;
  // DESIGN §2: pensiun, mutasi_keluar and meninggal end sign-in.
  if (SERVICE_ENDED.has(officer.status ?? 'aktif')) return 'ended';
  const supervises = (await listSubordinates(nip.tenant, officer.id)).length > 0;
  const roles = ['officer', ...(supervises ? ['supervisor'] : []), ...(officer.roles ?? [])];
  return { sub: `nip:${officer.nip}`, username: officer.nip, name: officer.name, tenant: nip.tenant, roles, officer_id: officer.id, agency_id: officer.agencyId };
}

export function devRoutes(signer: Signer) {
  const users = () => queryAll<DevUser>({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'LOCAL#DEVUSERS' } });

  return async (method: string, path: string, body: unknown) => {
    if (method === 'GET' && path === '/v1/dev/users') {
      const list = (await users()).map(({ username, name, tenant, roles, officerId, agencyId }) => ({ username, name, tenant, roles, officerId, agencyId }));
      return { status: 200, body: { users: list, password: LOCAL_DEMO_PASSWORD } };
    }
    if (method === 'POST' && path === '/v1/dev/token') {
      const parsed = TokenRequest.safeParse(body);
      if (!parsed.success) return err(400, 'VALIDATION_FAILED', 'username is required', [{ field: 'username', message: 'Required: a demo username or an 18-digit NIP' }]);
      const claims = await localClaims(parsed.data.username);
      if (!claims) return err(404, 'NOT_FOUND', 'No demo user or officer with that username or NIP');
      if (claims === 'ended') return err(403, 'SERVICE_ENDED', 'Masa kerja pegawai ini telah berakhir; tidak dapat masuk (this officer\'s service has ended: no sign-in)');
      return { status: 200, body: { token: await signer.sign(claims), claims } };
    }
    // The local SES stand-in's outbox: the e-mails the notifications (and invitations) sent.
    if (method === 'GET' && path === '/v1/dev/outbox') return { status: 200, body: { items: readOutbox() } };
    return err(404, 'NOT_FOUND', 'No such route');
  };
}

// Accounts follow the officer data (DESIGN §5): an officer with an e-mail gets an account and an
// invitation; a status that ends sign-in (pensiun, mutasi_keluar, meninggal) disables it. Idempotent
// through the ledger: the same officers again change nothing. The import and an officer PATCH only
// record a job (./jobs.ts); the account worker (./worker.ts) calls this, ten officers a message.
import type { Officer } from '../data/org-repository.js';
import { SERVICE_ENDED } from '../domain/officer-status.js';
import { logger } from '../http/logger.js';
import { sendEmail } from '../notifications/email.js';
import { accountDirectory, type AccountDirectory } from './directory.js';
import { accountRecords, putAccountRecord, type AccountRecord } from './repository.js';

/** What an officer's account needs, given its ledger item: nothing (undefined), creating, or disabling. */
export function accountAction(o: Officer, record: AccountRecord | undefined): 'create' | 'disable' | undefined {
  const ended = SERVICE_ENDED.has(o.status ?? 'aktif');
  if (!record && o.email && !ended) return 'create';
  if (record?.enabled && ended) return 'disable';
  return undefined;
}

/** Cognito's throttling: the whole message is retried later rather than the officer counted as failed. */
const throttled = (error: unknown) => ['TooManyRequestsException', 'ThrottlingException', 'LimitExceededException'].includes((error as { name?: string })?.name ?? '');

/** Each officer is done (created, disabled or nothing to do) or failed; throttling throws for a retry. */
export async function provisionAccounts(tenant: string, officers: Officer[], directory: AccountDirectory = accountDirectory()): Promise<{ done: number; failed: number }> {
  const ledger = await accountRecords(tenant, officers.map((o) => o.nip));
  let done = 0, failed = 0;
  const at = new Date().toISOString();
  for (const o of officers) {
    const record = ledger.get(o.nip);
    try {
      const action = accountAction(o, record);
      if (action === 'create') {
        const { signIn } = await directory.create({ tenant, nip: o.nip, email: o.email!, officerId: o.id, agencyId: o.agencyId, roles: ['officer', ...(o.roles ?? [])] });
        await sendEmail({
          tenant, to: o.email!, id: `invite-${tenant}-${o.nip}`,
          subject: 'Undangan Kinerja ASN / Your Kinerja ASN account',
          text: `Yth. ${o.name},\n\nAkun Kinerja ASN Anda telah dibuat. Masuk dengan ${signIn}.\n\nYour Kinerja ASN account has been created; sign in with your NIP as above.\n`,
        });
        await putAccountRecord(tenant, { nip: o.nip, email: o.email!, enabled: true, at });
      } else if (action === 'disable') {
        await directory.disable(tenant, o.nip);
        await putAccountRecord(tenant, { ...record!, enabled: false, at });
      }
      done++;
    } catch (error) {
      if (throttled(error)) throw error;
      logger.warn('account provisioning failed', { tenant, officerId: o.id, error: error as Error });
      failed++;
    }
  }
  return { done, failed };
}

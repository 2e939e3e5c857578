// Accounts follow the officer data (DESIGN §5): an officer with an e-mail gets an account and an
// invitation; a status that ends sign-in (pensiun, mutasi_keluar, meninggal) disables it. Idempotent
// through the ledger: the same officers again change nothing.
import type { Officer } from '../data/org-repository.js';
import { SERVICE_ENDED } from '../domain/officer-status.js';
import { sendEmail } from '../notifications/email.js';
import { accountDirectory, type AccountDirectory } from './directory.js';
import { accountRecords, putAccountRecord } from './repository.js';

export async function provisionAccounts(tenant: string, officers: Officer[], directory: AccountDirectory = accountDirectory()): Promise<{ created: number; disabled: number }> {
  const ledger = await accountRecords(tenant, officers.map((o) => o.nip));
  let created = 0, disabled = 0;
  const at = new Date().toISOString();
  for (const o of officers) {
    const record = ledger.get(o.nip);
    const ended = SERVICE_ENDED.has(o.status ?? 'aktif');
    if (!record && o.email && !ended) {
      const { signIn } = await directory.create({ tenant, nip: o.nip, email: o.email, officerId: o.id, agencyId: o.agencyId, roles: ['officer', ...(o.roles ?? [])] });
      await sendEmail({
        tenant, to: o.email, id: `invite-${tenant}-${o.nip}`,
        subject: 'Undangan Kinerja ASN / Your Kinerja ASN account',
        text: `Yth. ${o.name},\n\nAkun Kinerja ASN Anda telah dibuat. Masuk dengan ${signIn}.\n\nYour Kinerja ASN account has been created; sign in with your NIP as above.\n`,
      });
      await putAccountRecord(tenant, { nip: o.nip, email: o.email, enabled: true, at });
      created++;
    } else if (record?.enabled && ended) {
      await directory.disable(tenant, o.nip);
      await putAccountRecord(tenant, { ...record, enabled: false, at });
      disabled++;
    }
  }
  return { created, disabled };
}

// E-mail behind one small port (DESIGN §5 local stand-ins): Amazon SES v2 `SendEmail` in AWS
// (./email-ses.ts, registered only by the function that sends, so the SES client stays out of every
// other bundle), and locally an RFC 5322 `.eml` file per message in OUTBOX_DIR, which
// `GET /v1/dev/outbox` lists. A function without a port queues the message in the table's e-mail
// outbox; the sending function drains it every few minutes (./deliver.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

export interface EmailMessage {
  /** The tenant the message is sent for (logged and tagged; never part of the address). */
  tenant: string;
  to: string;
  subject: string;
  /** Plain text, UTF-8. */
  text: string;
  /** A stable id (e.g. the notification id): the local outbox writes a file of this name only once. */
  id?: string;
}

export interface EmailPort { send: (message: EmailMessage) => Promise<{ messageId: string }> }

/** Encodes a header value as an RFC 2047 encoded-word when it is not plain ASCII. */
const headerText = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`);

/** The message as RFC 5322 text: CRLF line ends, UTF-8 plain-text body in base64 lines of 76. */
export function toEml(m: EmailMessage, from: string, messageId: string, date = new Date()): string {
  // Text in canonical form (CRLF line ends) before the transfer encoding, as RFC 2046 asks of text/plain.
  const body = Buffer.from(m.text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n');
  return [
    `From: ${from}`,
    `To: ${m.to}`,
    `Subject: ${headerText(m.subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    `X-Kinerja-Tenant: ${m.tenant}`,
    '',
    body,
  ].join('\r\n');
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 150);

/** Local stand-in: one `.eml` per message; a message id already written is not written again. */
export function outboxAdapter(dir: string, from: string): EmailPort {
  return {
    send: async (m) => {
      mkdirSync(dir, { recursive: true });
      const id = m.id ?? randomUUID();
      const messageId = `${safeName(id)}@outbox.local`;
      const file = join(dir, `${safeName(id)}.eml`);
      try {
        writeFileSync(file, toEml(m, from, messageId), { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      return { messageId };
    },
  };
}

let registered: EmailPort | undefined;

/** The sending function registers its adapter (SES) at start-up. */
export const registerEmailPort = (port: EmailPort) => { registered = port; };

/** The port of this function: the registered one, the local outbox directory, or none (queue instead). */
export function emailPort(): EmailPort | undefined {
  if (registered) return registered;
  const dir = process.env.OUTBOX_DIR;
  return dir ? (registered = outboxAdapter(dir, process.env.EMAIL_FROM ?? 'Kinerja ASN <no-reply@kinerja-asn.local>')) : undefined;
}

/** Sends one plain-text e-mail (account invitations and the like); queued where this function cannot send. */
export { sendEmail } from './outbox.js';

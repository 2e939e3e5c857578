// The local SES stand-in's outbox (DESIGN §5): `.eml` files written by functions/notifications/email.ts
// into OUTBOX_DIR, listed newest first for GET /v1/dev/outbox (local only) with their decoded text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface OutboxMessage { file: string; to: string; subject: string; date: string; text: string }

const decodeWord = (s: string) => s.replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

export function readOutbox(dir = process.env.OUTBOX_DIR, limit = 200): OutboxMessage[] {
  if (!dir) return [];
  let files: string[];
  try { files = readdirSync(dir).filter((f) => f.endsWith('.eml')); } catch { return []; }
  return files
    .map((file) => ({ file, at: statSync(join(dir, file)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
    .slice(0, limit)
    .map(({ file }) => {
      const raw = readFileSync(join(dir, file), 'utf8');
      const [head = '', body = ''] = raw.split('\r\n\r\n', 2);
      const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1] ?? '';
      return { file, to: header('To'), subject: decodeWord(header('Subject')), date: header('Date'), text: Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8').replace(/\r\n/g, '\n') };
    });
}

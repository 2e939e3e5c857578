// Complaint tracking codes: `ADU-XXXX-XXXX`, 40 random bits in Crockford base32 (no I, L, O, U), easy to
// read out over the phone; typing O/I/L for 0/1/1 and lower case are forgiven.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_RE = /^ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function newTrackingCode(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let chars = '';
  for (let i = 7; i >= 0; i--) chars += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `ADU-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** The canonical code for what a citizen typed, or undefined when it cannot be a code. */
export function normaliseTrackingCode(input: string): string | undefined {
  const compact = input.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const body = compact.startsWith('ADU') ? compact.slice(3) : compact;
  const code = `ADU-${body.slice(0, 4)}-${body.slice(4)}`;
  return body.length === 8 && CODE_RE.test(code) ? code : undefined;
}

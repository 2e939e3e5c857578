// Rate-limit keying: the viewer address is trusted from X-Forwarded-For only when the request proves it
// came through CloudFront (AWS) or the local proxy on this machine (npm start), and only its last entry.
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../../functions/http/rate-limit.js';
import { clientAddress as localClientAddress } from '../../../infra/local/server.js';

const SECRET = 'origin-secret-0123456789';

describe('clientAddress (AWS: behind CloudFront)', () => {
  it('takes the right-most X-Forwarded-For entry when the origin secret matches', () => {
    expect(clientAddress({ 'x-origin-verify': SECRET, 'x-forwarded-for': '6.6.6.6, 198.51.100.7' }, '130.176.1.1', SECRET)).toBe('198.51.100.7');
    expect(clientAddress({ 'x-origin-verify': SECRET, 'x-forwarded-for': '2001:db8::1' }, '130.176.1.1', SECRET)).toBe('2001:db8::1');
  });

  it('ignores X-Forwarded-For on a direct call (no or wrong secret, or none configured)', () => {
    const forged = { 'x-forwarded-for': '6.6.6.6' };
    expect(clientAddress(forged, '203.0.113.9', SECRET)).toBe('203.0.113.9');
    expect(clientAddress({ ...forged, 'x-origin-verify': 'guess' }, '203.0.113.9', SECRET)).toBe('203.0.113.9');
    expect(clientAddress({ ...forged, 'x-origin-verify': SECRET.slice(0, -1) + 'x' }, '203.0.113.9', SECRET)).toBe('203.0.113.9');
    expect(clientAddress({ ...forged, 'x-origin-verify': SECRET }, '203.0.113.9', undefined)).toBe('203.0.113.9');
  });

  it('falls back to sourceIp when the last entry is not an address', () => {
    expect(clientAddress({ 'x-origin-verify': SECRET, 'x-forwarded-for': '1.2.3.4, not-an-ip' }, '130.176.1.1', SECRET)).toBe('130.176.1.1');
    expect(clientAddress({ 'x-origin-verify': SECRET }, '130.176.1.1', SECRET)).toBe('130.176.1.1');
  });
});

describe('clientAddress (local server)', () => {
  it('trusts only a loopback proxy, and only the entry it appended', () => {
    expect(localClientAddress('127.0.0.1', '6.6.6.6, 10.0.0.5')).toBe('10.0.0.5');
    expect(localClientAddress('::1', '10.0.0.5')).toBe('10.0.0.5');
    expect(localClientAddress('192.168.1.20', '6.6.6.6')).toBe('192.168.1.20');
    expect(localClientAddress('127.0.0.1', undefined)).toBe('127.0.0.1');
  });
});

// Complaint tracking codes: 40 random bits, readable, and forgiving of how a citizen types them.
import { describe, expect, it } from 'vitest';
import { newTrackingCode, normaliseTrackingCode } from '../../../functions/complaints/code.js';

describe('complaint tracking codes', () => {
  it('draws ADU-XXXX-XXXX codes from Crockford base32 without I, L, O, U, and does not repeat', () => {
    const codes = Array.from({ length: 2000 }, newTrackingCode);
    for (const c of codes) expect(c).toMatch(/^ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every one of the 32 symbols turns up in every position: the bits are used in full.
    for (let pos = 4; pos < 13; pos++) if (pos !== 8) expect(new Set(codes.map((c) => c[pos])).size).toBe(32);
  });

  it('accepts lower case, missing dashes and O/I/L typed for 0/1, and rejects anything else', () => {
    expect(normaliseTrackingCode(' adu-7kq9-m2xh ')).toBe('ADU-7KQ9-M2XH');
    expect(normaliseTrackingCode('7KQ9M2XH')).toBe('ADU-7KQ9-M2XH');
    expect(normaliseTrackingCode('ADU-7KQO-M2XI')).toBe('ADU-7KQ0-M2X1');
    for (const bad of ['', 'ADU-7KQ9-M2X', 'ADU-7KQ9-M2XHH', 'ADU-7KQ9-M2XU', '../../etc', 'ADU-7KQ9-M2X*']) expect(normaliseTrackingCode(bad)).toBeUndefined();
  });
});

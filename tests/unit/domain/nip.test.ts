import { describe, expect, it } from 'vitest';
import { formatNip, parseNip } from '../../../functions/domain/nip.js';

describe('parseNip', () => {
  it('reads birth date, TMT, gender and sequence from a valid NIP', () => {
    const result = parseNip('198503152010012003');
    expect(result).toEqual({ ok: true, value: { birthDate: '1985-03-15', tmt: '2010-01', gender: 'P', sequence: 3 } });
  });

  it.each([
    ['19850315201001200', 'exactly 18 digits'],
    ['19850315201001200A', 'exactly 18 digits'],
    ['198502302010012003', 'birth date'], // 30 February
    ['198503152010132003', 'appointment'], // month 13
    ['198503151990012003', 'appointment'], // appointed at 4 years old
    ['198503152010013003', 'gender'],
    ['198503152010011000', 'sequence'],
  ])('rejects %s (%s)', (nip, reason) => {
    const result = parseNip(nip);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('round-trips through formatNip', () => {
    const nip = formatNip({ birthDate: '1990-12-01', tmt: '2015-03', gender: 'L', sequence: 42 });
    expect(nip).toBe('199012012015031042');
    expect(parseNip(nip).ok).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { angkaKredit } from '../../../functions/domain/angka-kredit.js';
import { actionNotice, reportReminder, reviewReminder } from '../../../functions/domain/reminders.js';
import { csvCell, csvRow } from '../../../functions/exports/csv.js';

const policy = { reportDueDay: 5, reviewDueDay: 10 };

describe('reportReminder (DESIGN §2: due on day 5 of M+1, reminded 3 days ahead)', () => {
  it('opens on day 2 and closes after the due day, for the previous month', () => {
    expect(reportReminder('2026-03-01', policy)).toBeNull();
    expect(reportReminder('2026-03-02', policy)).toEqual({ month: '2026-02', due: '2026-03-05' });
    expect(reportReminder('2026-03-05', policy)).toEqual({ month: '2026-02', due: '2026-03-05' });
    expect(reportReminder('2026-03-06', policy)).toBeNull();
    expect(reportReminder('2026-01-03', policy)).toEqual({ month: '2025-12', due: '2026-01-05' });
  });
});

describe('reviewReminder (after reportDueDay, until reviewDueDay)', () => {
  it('is open on days 6–10', () => {
    expect(reviewReminder('2026-03-05', policy)).toBeNull();
    expect(reviewReminder('2026-03-06', policy)).toEqual({ month: '2026-02', due: '2026-03-10' });
    expect(reviewReminder('2026-03-10', policy)?.month).toBe('2026-02');
    expect(reviewReminder('2026-03-11', policy)).toBeNull();
  });
});

describe('actionNotice', () => {
  it('is due within 3 days, overdue after the due day', () => {
    expect(actionNotice('2026-03-14', '2026-03-10')).toBeNull();
    expect(actionNotice('2026-03-13', '2026-03-10')).toBe('due');
    expect(actionNotice('2026-03-10', '2026-03-10')).toBe('due');
    expect(actionNotice('2026-03-09', '2026-03-10')).toBe('overdue');
  });
});

describe('angkaKredit (predikat % × koefisien × months / 12, two decimals)', () => {
  it('follows the DESIGN §2 percentages', () => {
    expect(angkaKredit('SANGAT_BAIK', 12.5, 12)).toBe(18.75);
    expect(angkaKredit('BAIK', 12.5, 1)).toBe(1.04);
    expect(angkaKredit('BUTUH_PERBAIKAN', 25, 3)).toBe(4.69);
    expect(angkaKredit('KURANG', 12.5, 12)).toBe(6.25);
    expect(angkaKredit('SANGAT_KURANG', 12.5, 12)).toBe(3.13);
  });
});

describe('CSV cells (RFC 4180)', () => {
  it('quotes commas, quotes and line breaks, and neutralises formulas', () => {
    expect(csvCell('Siti, S.Kom.')).toBe('"Siti, S.Kom."');
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell('x\ny')).toBe('"x\ny"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 1, undefined])).toBe('a,1,\r\n');
  });
});

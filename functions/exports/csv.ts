// CSV for spreadsheet programs: UTF-8 with a BOM (so Excel reads the encoding right), CRLF rows, one
// header row, every cell that needs it quoted (RFC 4180). A text cell that a spreadsheet would run as a
// formula (=, +, @, or - before a non-digit) is prefixed with an apostrophe.
export const BOM = '\uFEFF';

export type Cell = string | number | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+@\t\r]|^-(?!\d)/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: readonly Cell[]) => `${cells.map(csvCell).join(',')}\r\n`;

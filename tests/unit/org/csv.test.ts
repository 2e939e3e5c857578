import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../functions/org/csv.js';

describe('parseCsv', () => {
  it('numbers each record by the line it starts on, across CRLF and quoted newlines', () => {
    const { rows, error } = parseCsv('\uFEFFa,b\r\n"x\ny",2\r\n\r\n3,"he said ""hi"""\n');
    expect(error).toBeUndefined();
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', '2'] },
      { line: 5, fields: ['3', 'he said "hi"'] },
    ]);
  });

  it('keeps empty trailing fields', () => {
    expect(parseCsv('a,,\n').rows[0].fields).toEqual(['a', '', '']);
  });

  it('reports an unterminated quote with its line', () => {
    expect(parseCsv('a,b\n"open,2\n').error).toEqual({ line: 2, message: 'Unterminated quoted field' });
  });

  it('reports a quote in the middle of an unquoted field', () => {
    expect(parseCsv('a,b\nx"y,2\n').error?.line).toBe(2);
  });
});

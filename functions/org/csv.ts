// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF, a leading BOM.
// Written here because the import needs line numbers for every record and nothing else.

export interface CsvRow { line: number; fields: string[] }

export function parseCsv(text: string): { rows: CsvRow[]; error?: { line: number; message: string } } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1, rowLine = 1, i = 0, quoted = false, fieldStarted = false;
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) rows.push({ line: rowLine, fields });
    fields = []; field = ''; fieldStarted = false;
  };
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      if (c === '\n') line++;
      field += c; i++; continue;
    }
    if (c === '"') {
      if (field !== '') return { rows, error: { line, message: 'Quote inside an unquoted field' } };
      quoted = true; fieldStarted = true; i++; continue;
    }
    if (c === ',') { fields.push(field); field = ''; fieldStarted = true; i++; continue; }
    if (c === '\r' && src[i + 1] === '\n') { i++; continue; }
    if (c === '\n') { endRow(); line++; rowLine = line; i++; continue; }
    field += c; fieldStarted = true; i++;
  }
  if (quoted) return { rows, error: { line: rowLine, message: 'Unterminated quoted field' } };
  if (field !== '' || fields.length > 0 || fieldStarted) endRow();
  return { rows };
}

// A small A4 layout on pdf-lib with its standard fonts (text stays extractable, nothing is embedded):
// wrapped text, tables whose header repeats after a page break, signature blocks, page numbers.
// Standard fonts encode WinAnsi only, so text is first reduced to what they can print.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const BOTTOM = 50;
const PAD = 3;
const GREY = rgb(0.9, 0.9, 0.9);
const LINE = rgb(0.35, 0.35, 0.35);

// WinAnsi's characters outside Latin-1 (what Helvetica can print besides U+0020–U+00FF).
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACE: Record<string, string> = { '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '×': 'x', '\t': ' ' };

/** Text the standard fonts can draw: known symbols spelled out, accents kept where Latin-1 has them, the rest '?'. */
export function printable(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (REPLACE[ch] !== undefined) out += REPLACE[ch];
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (code === 0x0a || code === 0x0d) out += ' ';
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += /^[\x20-\x7e]+$/.test(base) ? base : '?';
    }
  }
  return out;
}

export interface Column { title: string; /** share of the text width */ width: number; align?: 'left' | 'right' | 'center' }
/** A table row: its cells, or one cell spanning the whole table (a section heading). */
export type Row = string[] | { section: string };

/** A table section without rows shows one '-' row (in its second column). */
export const orDash = (rows: Row[], columns: number): Row[] => (rows.length ? rows : [['', '-', ...Array<string>(columns - 2).fill('')]]);

export interface SignatureBlock { heading: string; role: string; name: string; nip: string }

export class Layout {
  private page!: PDFPage;
  private y = 0;
  private constructor(readonly doc: PDFDocument, private readonly regular: PDFFont, private readonly bold: PDFFont) {
    this.newPage();
  }

  static async create(title: string): Promise<Layout> {
    const doc = await PDFDocument.create();
    doc.setTitle(printable(title));
    doc.setProducer('Kinerja ASN');
    doc.setCreationDate(new Date());
    const [regular, bold] = await Promise.all([doc.embedFont(StandardFonts.Helvetica), doc.embedFont(StandardFonts.HelveticaBold)]);
    return new Layout(doc, regular, bold);
  }

  get textWidth() { return A4[0] - 2 * MARGIN; }

  newPage() {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  private ensure(height: number): boolean {
    if (this.y - height >= BOTTOM) return false;
    this.newPage();
    return true;
  }

  /** Lines of at most `width` points; a word longer than a line is cut. */
  wrap(text: string, width: number, size: number, bold = false): string[] {
    const font = bold ? this.bold : this.regular;
    const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
    const lines: string[] = [];
    let current = '';
    for (const word of printable(text).split(/\s+/).filter(Boolean)) {
      const joined = current ? `${current} ${word}` : word;
      if (fits(joined)) { current = joined; continue; }
      if (current) lines.push(current);
      let rest = word;
      while (!fits(rest)) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      current = rest;
    }
    if (current) lines.push(current);
    return lines.length ? lines : [''];
  }

  private drawLine(text: string, x: number, y: number, size: number, bold: boolean, width?: number, align: Column['align'] = 'left') {
    const font = bold ? this.bold : this.regular;
    let dx = 0;
    if (width !== undefined && align !== 'left') {
      const w = font.widthOfTextAtSize(text, size);
      dx = align === 'right' ? width - w : (width - w) / 2;
    }
    this.page.drawText(text, { x: x + dx, y, size, font });
  }

  /** A paragraph across the text width (or centred). */
  text(text: string, opts: { size?: number; bold?: boolean; align?: Column['align']; gap?: number } = {}) {
    const size = opts.size ?? 10;
    for (const line of this.wrap(text, this.textWidth, size, opts.bold)) {
      this.ensure(size * 1.3);
      this.y -= size * 1.3;
      this.drawLine(line, MARGIN, this.y, size, opts.bold ?? false, this.textWidth, opts.align);
    }
    this.y -= opts.gap ?? 4;
  }

  space(points: number) { this.y -= points; }

  /** Label–value pairs in two columns (an identity block). */
  pairs(title: string, rows: [string, string][], size = 9) {
    this.table([{ title, width: 0.32 }, { title: '', width: 0.68 }], rows, { size, header: false, heading: title });
  }

  /** A bordered table; the header row repeats at the top of each page it continues on. */
  table(columns: Column[], rows: Row[], opts: { size?: number; header?: boolean; heading?: string } = {}) {
    const size = opts.size ?? 8;
    const lineH = size * 1.25;
    const widths = columns.map((c) => c.width * this.textWidth);
    const showHeader = opts.header ?? true;
    const drawRow = (cells: string[], bold: boolean, fill?: boolean) => {
      const wrapped = cells.map((c, i) => this.wrap(c, widths[i]! - 2 * PAD, size, bold));
      const maxLines = Math.floor((A4[1] - MARGIN - BOTTOM - 2 * PAD) / lineH) - 2;
      const lines = Math.min(maxLines, Math.max(...wrapped.map((w) => w.length)));
      const height = lines * lineH + 2 * PAD;
      return { wrapped, lines, height, bold, fill };
    };
    const paint = (r: ReturnType<typeof drawRow>) => {
      let x = MARGIN;
      const top = this.y;
      r.wrapped.forEach((cell, i) => {
        const w = widths[i]!;
        this.page.drawRectangle({ x, y: top - r.height, width: w, height: r.height, borderColor: LINE, borderWidth: 0.5, ...(r.fill ? { color: GREY } : {}) });
        cell.slice(0, r.lines).forEach((line, li) => this.drawLine(line, x + PAD, top - PAD - (li + 1) * lineH + size * 0.25, size, r.bold, w - 2 * PAD, columns[i]!.align));
        x += w;
      });
      this.y -= r.height;
    };
    const header = showHeader ? drawRow(columns.map((c) => c.title), true, true) : undefined;
    const spanning = (title: string) => {
      const lines = this.wrap(title, this.textWidth - 2 * PAD, size, true);
      const height = lines.length * lineH + 2 * PAD;
      return { height, paintSpan: () => {
        this.page.drawRectangle({ x: MARGIN, y: this.y - height, width: this.textWidth, height, borderColor: LINE, borderWidth: 0.5, color: GREY });
        lines.forEach((line, li) => this.drawLine(line, MARGIN + PAD, this.y - PAD - (li + 1) * lineH + size * 0.25, size, true));
        this.y -= height;
      } };
    };
    const headingRow = opts.heading && !showHeader ? spanning(opts.heading) : undefined;
    const start = (header?.height ?? 0) + (headingRow?.height ?? 0);
    this.ensure(start + lineH * 2 + 2 * PAD);
    if (headingRow) headingRow.paintSpan();
    if (header) paint(header);
    for (const row of rows) {
      const r = Array.isArray(row) ? drawRow(row, false) : null;
      const s = Array.isArray(row) ? null : spanning(row.section);
      const height = r?.height ?? s!.height;
      if (this.ensure(height)) {
        if (headingRow) headingRow.paintSpan();
        if (header) paint(header);
      }
      if (r) paint(r); else s!.paintSpan();
    }
    this.y -= 10;
  }

  /** Signature blocks side by side: place and date, role, room to sign, name and NIP. */
  signatures(placeDate: string, blocks: SignatureBlock[]) {
    const size = 9;
    const lineH = size * 1.35;
    this.ensure(lineH * 9);
    const w = this.textWidth / blocks.length;
    blocks.forEach((b, i) => {
      if (!b.name) return; // an empty slot keeps the others' places
      const x = MARGIN + i * w;
      let y = this.y;
      const line = (text: string, bold = false) => { y -= lineH; this.drawLine(printable(text), x, y, size, bold, w - 10, 'center'); };
      line(i === blocks.length - 1 ? placeDate : '');
      line(b.heading, true);
      line(b.role);
      y -= lineH * 3;
      line(b.name, true);
      line(`NIP ${b.nip}`);
    });
    this.y -= lineH * 9;
  }

  /** Page numbers on every page, then the bytes. */
  async finish(label = 'Halaman'): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const text = `${label} ${i + 1} / ${pages.length}`;
      const width = this.regular.widthOfTextAtSize(text, 8);
      page.drawText(text, { x: A4[0] - MARGIN - width, y: 25, size: 8, font: this.regular });
    });
    return this.doc.save({ useObjectStreams: true });
  }
}

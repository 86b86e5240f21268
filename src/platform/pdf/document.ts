import PDFDocument from 'pdfkit';
import { PDF_FONTS, type PdfFont } from './fonts.ts';

export interface TableColumn {
  header: string;
  /** Relative width; columns share the text width in proportion. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface PdfOptions {
  title: string;
  author?: string;
  layout?: 'portrait' | 'landscape';
  /** Printed at the top of every page, above the margin (a draft or incomplete document says so on each page). */
  pageNote?: string;
}

const MARGIN = { top: 42, bottom: 42, left: 56, right: 42 };
const CELL_PADDING = 3;

/** Text in PDFs is NFC: decomposed input (common from Word/Excel on macOS) would render tone marks apart. */
export const nfc = (text: string | number | null | undefined) =>
  text === null || text === undefined ? '' : String(text).normalize('NFC');

/**
 * A thin builder over pdfkit for the documents schools print: the national-motto header, titles, paragraphs,
 * tables that break across pages with repeated headers, and signature blocks.
 */
export class PdfBuilder {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private readonly pageNote: string | undefined;
  /** The running label of each page (index → text), printed in its footer: see `runningLabel`. */
  private readonly pageLabels = new Map<number, string>();
  private currentLabel: string | undefined;

  constructor(options: PdfOptions) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.layout ?? 'portrait',
      margins: MARGIN,
      info: { Title: nfc(options.title), Author: nfc(options.author ?? 'Trường Số'), Creator: 'Trường Số' },
      bufferPages: true,
    });
    this.pageNote = options.pageNote ? nfc(options.pageNote) : undefined;
    for (const [name, file] of Object.entries(PDF_FONTS)) this.doc.registerFont(name, file);
    this.font('regular', 11);
    this.doc.on('pageAdded', () => this.labelCurrentPage());
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  font(font: PdfFont, size?: number): this {
    this.doc.font(font);
    if (size) this.doc.fontSize(size);
    return this;
  }

  /**
   * The header of an official document: the governing body and unit on the left, the national motto on the
   * right (Nghị định 30/2020/NĐ-CP layout), then the place and date line.
   */
  officialHeader(h: {
    governingBody?: string | null;
    unitName: string;
    placeAndDate?: string;
    number?: string;
  }): this {
    const top = this.doc.y;
    const half = this.width / 2;
    const left = MARGIN.left;
    this.font('regular', 10).doc.text(nfc(h.governingBody ?? '').toUpperCase(), left, top, {
      width: half - 10,
      align: 'center',
    });
    this.font('bold', 10).doc.text(nfc(h.unitName).toUpperCase(), { width: half - 10, align: 'center' });
    if (h.number) this.font('regular', 10).doc.text(nfc(h.number), { width: half - 10, align: 'center' });
    const leftBottom = this.doc.y;
    this.font('bold', 10).doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + half, top, {
      width: half,
      align: 'center',
    });
    this.font('bold', 10).doc.text('Độc lập - Tự do - Hạnh phúc', {
      width: half,
      align: 'center',
      underline: true,
    });
    if (h.placeAndDate) {
      this.doc.moveDown(0.6);
      this.font('italic', 10).doc.text(nfc(h.placeAndDate), { width: half, align: 'center' });
    }
    this.doc.x = left;
    this.doc.y = Math.max(leftBottom, this.doc.y) + 14;
    return this.font('regular', 11);
  }

  title(text: string, subtitle?: string): this {
    this.font('bold', 14).doc.text(nfc(text).toUpperCase(), MARGIN.left, this.doc.y, {
      width: this.width,
      align: 'center',
    });
    if (subtitle) this.font('italic', 11).doc.text(nfc(subtitle), { width: this.width, align: 'center' });
    this.doc.moveDown(0.8);
    return this.font('regular', 11);
  }

  heading(text: string): this {
    this.ensureSpace(40);
    this.doc.moveDown(0.4);
    this.font('bold', 12).doc.text(nfc(text), MARGIN.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.2);
    return this.font('regular', 11);
  }

  paragraph(
    text: string,
    options: { font?: PdfFont; size?: number; align?: 'left' | 'justify' | 'center' } = {},
  ): this {
    this.font(options.font ?? 'regular', options.size ?? 11);
    this.doc.text(nfc(text), MARGIN.left, this.doc.y, {
      width: this.width,
      align: options.align ?? 'justify',
    });
    this.doc.moveDown(0.3);
    return this.font('regular', 11);
  }

  /** Label: value lines, e.g. the identity block of a transcript. */
  fields(rows: [string, string | number | null | undefined][], columns = 2): this {
    const colWidth = this.width / columns;
    for (let i = 0; i < rows.length; i += columns) {
      this.ensureSpace(18);
      const y = this.doc.y;
      let bottom = y;
      rows.slice(i, i + columns).forEach(([label, value], c) => {
        const x = MARGIN.left + c * colWidth;
        this.font('regular', 10.5).doc.text(`${nfc(label)}: `, x, y, {
          width: colWidth - 6,
          continued: true,
        });
        this.font('bold', 10.5).doc.text(nfc(value) || '—');
        bottom = Math.max(bottom, this.doc.y);
      });
      this.doc.y = bottom + 2;
    }
    this.doc.x = MARGIN.left;
    return this.font('regular', 11);
  }

  /** A bordered table; rows that do not fit start a new page with the header repeated. */
  table(
    columns: TableColumn[],
    rows: (string | number | null | undefined)[][],
    options: { fontSize?: number } = {},
  ): this {
    const size = options.fontSize ?? 9.5;
    const widths = this.columnWidths(columns);
    const drawRow = (cells: string[], font: PdfFont, fill?: string) => {
      const height = this.rowHeight(cells, widths, font, size);
      if (this.doc.y + height > this.doc.page.height - MARGIN.bottom) return false;
      let x = MARGIN.left;
      const y = this.doc.y;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 0;
        if (fill) this.doc.rect(x, y, w, height).fillAndStroke(fill, '#555');
        else this.doc.rect(x, y, w, height).stroke('#555');
        this.doc.fillColor('#000').text(cell, x + CELL_PADDING, y + CELL_PADDING, {
          width: w - 2 * CELL_PADDING,
          align: columns[i]?.align ?? 'left',
        });
        x += w;
      });
      this.doc.y = y + height;
      return true;
    };
    const header = columns.map((c) => nfc(c.header));
    this.doc.lineWidth(0.5);
    if (!drawRow(header, 'bold', '#eeeeee')) {
      this.doc.addPage();
      drawRow(header, 'bold', '#eeeeee');
    }
    for (const row of rows) {
      const cells = row.map(nfc);
      if (!drawRow(cells, 'regular')) {
        this.doc.addPage();
        drawRow(header, 'bold', '#eeeeee');
        drawRow(cells, 'regular');
      }
    }
    this.doc.x = MARGIN.left;
    this.doc.moveDown(0.5);
    return this.font('regular', 11);
  }

  private columnWidths(columns: TableColumn[]): number[] {
    const total = columns.reduce((s, c) => s + c.width, 0);
    return columns.map((c) => (c.width / total) * this.width);
  }

  private rowHeight(cells: string[], widths: number[], font: PdfFont, size: number): number {
    this.font(font, size);
    const tallest = Math.max(
      ...cells.map((cell, i) =>
        this.doc.heightOfString(cell, { width: (widths[i] ?? 0) - 2 * CELL_PADDING }),
      ),
    );
    return tallest + 2 * CELL_PADDING;
  }

  /**
   * The height `table` would take with these rows when it starts on a fresh stretch of page (header once, the
   * spacing after it), measured with the same fonts and widths: for keeping a closing block together.
   */
  tableHeight(
    columns: TableColumn[],
    rows: (string | number | null | undefined)[][],
    options: { fontSize?: number } = {},
  ): number {
    const size = options.fontSize ?? 9.5;
    const widths = this.columnWidths(columns);
    let height = this.rowHeight(
      columns.map((c) => nfc(c.header)),
      widths,
      'bold',
      size,
    );
    for (const row of rows) height += this.rowHeight(row.map(nfc), widths, 'regular', size);
    this.font('regular', 11);
    return height + this.doc.currentLineHeight(true) * 0.5;
  }

  /** The height `paragraph` would take (with its spacing after). */
  paragraphHeight(text: string, options: { font?: PdfFont; size?: number } = {}): number {
    this.font(options.font ?? 'regular', options.size ?? 11);
    const height = this.doc.heightOfString(nfc(text), { width: this.width });
    const after = this.doc.currentLineHeight(true) * 0.3;
    this.font('regular', 11);
    return height + after;
  }

  /** At most the height `fields` would take: each value measured in bold at its column's width. */
  fieldsHeight(rows: [string, string | number | null | undefined][], columns = 2): number {
    const colWidth = this.width / columns;
    let height = 0;
    this.font('bold', 10.5);
    for (let i = 0; i < rows.length; i += columns) {
      const line = rows
        .slice(i, i + columns)
        .map(([label, value]) =>
          this.doc.heightOfString(`${nfc(label)}: ${nfc(value) || '—'}`, { width: colWidth - 6 }),
        );
      height += Math.max(18, ...line) + 2;
    }
    this.font('regular', 11);
    return height;
  }

  /** What `signatures` takes: the space it asks for. */
  static readonly SIGNATURES_HEIGHT = 110;

  /** Signature blocks side by side: title (e.g. HIỆU TRƯỞNG), a note, space to sign, then the name. */
  signatures(blocks: { title: string; note?: string; name?: string | null }[]): this {
    this.ensureSpace(PdfBuilder.SIGNATURES_HEIGHT);
    const width = this.width / blocks.length;
    const y = this.doc.y + 6;
    blocks.forEach((b, i) => {
      const x = MARGIN.left + i * width;
      this.font('bold', 11).doc.text(nfc(b.title).toUpperCase(), x, y, { width, align: 'center' });
      if (b.note) this.font('italic', 9.5).doc.text(nfc(b.note), x, this.doc.y, { width, align: 'center' });
      this.font('bold', 11).doc.text(nfc(b.name), x, y + 80, { width, align: 'center' });
    });
    this.doc.x = MARGIN.left;
    this.doc.y = y + 100;
    return this.font('regular', 11);
  }

  /**
   * Names what the pages show from here on (e.g. the student and school year of a học bạ), printed at the foot of
   * the current page and of every page added after it, so a loose page can be put back in its place. Undefined
   * stops labelling the pages added after it (the current page keeps its label).
   */
  runningLabel(text: string | undefined): this {
    this.currentLabel = text === undefined ? undefined : nfc(text);
    if (this.currentLabel) this.labelCurrentPage();
    return this;
  }

  private labelCurrentPage(): void {
    const range = this.doc.bufferedPageRange();
    const index = range.start + range.count - 1;
    if (this.currentLabel) this.pageLabels.set(index, this.currentLabel);
  }

  /** Where the text area starts and ends horizontally, for drawings beside the flow (a photo box). */
  get margins(): { left: number; right: number; top: number; bottom: number } {
    return MARGIN;
  }

  ensureSpace(points: number): this {
    if (this.doc.y + points > this.doc.page.height - MARGIN.bottom) this.doc.addPage();
    return this;
  }

  newPage(): this {
    this.doc.addPage();
    return this;
  }

  /** Adds "Trang x/y" to every page and returns the finished file. */
  async toBuffer(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.font('regular', 8).doc.text(
        `Trang ${i + 1}/${range.count}`,
        MARGIN.left,
        this.doc.page.height - 28,
        {
          width: this.width,
          align: 'right',
        },
      );
      const label = this.pageLabels.get(i);
      if (label) {
        this.font('italic', 8).doc.text(label, MARGIN.left, this.doc.page.height - 28, {
          width: this.width * 0.8,
          align: 'left',
          lineBreak: false,
        });
      }
      this.doc.page.margins.bottom = bottom;
      if (this.pageNote) {
        const top = this.doc.page.margins.top;
        this.doc.page.margins.top = 0;
        this.font('regular', 7.5).doc.text(this.pageNote, MARGIN.left, 12, {
          width: this.width,
          align: 'center',
        });
        this.doc.page.margins.top = top;
      }
    }
    this.doc.end();
    return this.done;
  }
}

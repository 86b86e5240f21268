import zlib from 'node:zlib';

/** Zips built in code for the upload-limit tests: no binary fixtures, and no test ever holds the inflated bytes. */

export interface RawEntry {
  name: string;
  /** Deflated (method 8) or stored (method 0) bytes. */
  data: Buffer;
  /** What the directory declares. */
  uncompressedSize: number;
  method?: number;
}

function header(signature: number, size: number, fields: readonly [number, number, 2 | 4][]): Buffer {
  const bytes = Buffer.alloc(size);
  bytes.writeUInt32LE(signature, 0);
  for (const [at, value, width] of fields) {
    if (width === 2) bytes.writeUInt16LE(value, at);
    else bytes.writeUInt32LE(value, at);
  }
  return bytes;
}

/** A zip of the entries exactly as given (CRCs left 0: the readers under test refuse before checking them). */
export function zipOf(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method ?? 8;
    // Version 2.0, UTF-8 names (bit 11); the same fields sit 4 bytes later in the central header.
    const fields = (shift: number): [number, number, 2 | 4][] => [
      [4 + shift, 20, 2],
      [6 + shift, 0x0800, 2],
      [8 + shift, method, 2],
      [18 + shift, entry.data.length, 4],
      [22 + shift, entry.uncompressedSize, 4],
      [26 + shift, name.length, 2],
    ];
    const local = header(0x04034b50, 30, fields(0));
    const central = header(0x02014b50, 46, [...fields(2), [4, 20, 2], [42, offset, 4]]);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * One deflate stream of `head`, then `piece` repeated `times`, then `tail`, built in constant memory: each part is
 * deflated after a full flush, so the bytes of one `piece` are the same every time and are deflated once.
 */
export function repeatedDeflate(head: string, piece: string, times: number, tail: string) {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const pieceBytes = Buffer.from(piece);
  const compressedPiece = zlib.deflateRawSync(pieceBytes, flush);
  const parts = [zlib.deflateRawSync(Buffer.from(head), flush)];
  for (let i = 0; i < times; i++) parts.push(compressedPiece);
  parts.push(zlib.deflateRawSync(Buffer.from(tail)));
  return {
    data: Buffer.concat(parts),
    uncompressedSize: Buffer.byteLength(head) + pieceBytes.length * times + Buffer.byteLength(tail),
  };
}

const deflated = (name: string, xml: string): RawEntry => ({
  name,
  data: zlib.deflateRawSync(Buffer.from(xml)),
  uncompressedSize: Buffer.byteLength(xml),
});

/** The parts around one worksheet, enough for exceljs to read it as the sheet `sheetName`. */
export function xlsxWith(sheetName: string, sheet: RawEntry): Buffer {
  return zipOf([
    deflated(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    deflated(
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    deflated(
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflated(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    sheet,
  ]);
}

export const SHEET_HEAD =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

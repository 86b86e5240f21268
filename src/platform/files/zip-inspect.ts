import zlib from 'node:zlib';

/**
 * Reads a zip's central directory without inflating anything (APPNOTE.TXT 4.3.12, 4.3.16): the entries' names,
 * methods and declared sizes, so that an upload can be refused before a byte of it is inflated. .xlsx, .docx and
 * .pptx are zips. ZIP64 archives and multi-disk archives are refused: no file we accept is near 4 GB.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
const MAX_COMMENT = 0xffff;

export const STORED = 0;
export const DEFLATED = 8;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (the only two methods Office writes). */
  method: number;
  compressedSize: number;
  /** As the central directory declares it; `inflatedSize` checks the truth. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Sum of the declared uncompressed sizes. */
  totalUncompressed: number;
}

/** The file is not a zip we read: its message says why (English, for the log). */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/** True when the content starts like a zip (a local file header). */
export const looksLikeZip = (content: Buffer) =>
  content.length >= 4 && content.readUInt32LE(0) === LOCAL_SIGNATURE;

function findEndOfCentralDirectory(content: Buffer): number {
  const lowest = Math.max(0, content.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = content.length - EOCD_SIZE; at >= lowest; at--) {
    if (content.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new ZipFormatError('no end of central directory record');
}

/** The central directory of a zip, or a ZipFormatError; reads headers only. */
export function readZipDirectory(content: Buffer): ZipDirectory {
  if (content.length < EOCD_SIZE) throw new ZipFormatError('too short for a zip');
  const end = findEndOfCentralDirectory(content);
  const disk = content.readUInt16LE(end + 4);
  const entryCount = content.readUInt16LE(end + 10);
  const directorySize = content.readUInt32LE(end + 12);
  const directoryOffset = content.readUInt32LE(end + 16);
  if (disk !== 0) throw new ZipFormatError('multi-disk zip');
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) throw new ZipFormatError('zip64');
  if (directoryOffset + directorySize > end) throw new ZipFormatError('central directory out of bounds');

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  let totalUncompressed = 0;
  for (let i = 0; i < entryCount; i++) {
    if (at + CENTRAL_HEADER_SIZE > end || content.readUInt32LE(at) !== CENTRAL_SIGNATURE)
      throw new ZipFormatError(`central directory entry ${i} is damaged`);
    const nameLength = content.readUInt16LE(at + 28);
    const extraLength = content.readUInt16LE(at + 30);
    const commentLength = content.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      method: content.readUInt16LE(at + 10),
      compressedSize: content.readUInt32LE(at + 20),
      uncompressedSize: content.readUInt32LE(at + 24),
      localHeaderOffset: content.readUInt32LE(at + 42),
      name: content.toString('utf8', at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength),
    };
    if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff)
      throw new ZipFormatError('zip64');
    totalUncompressed += entry.uncompressedSize;
    entries.push(entry);
    at += CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
  }
  checkLocalHeaders(content, entries, directoryOffset);
  return { entries, totalUncompressed };
}

/**
 * Every entry's local header is where the directory says, and the entries' data do not overlap, so a streaming
 * reader (exceljs reads local headers in order) meets the same entries, with no hidden one in between.
 */
function checkLocalHeaders(content: Buffer, entries: readonly ZipEntry[], directoryOffset: number) {
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let previousEnd = 0;
  for (const entry of byOffset) {
    const start = entry.localHeaderOffset;
    if (start < previousEnd) throw new ZipFormatError(`entry ${entry.name} overlaps the previous one`);
    // A data descriptor (12 or 16 bytes) may follow the previous entry's data; nothing else may.
    if (start - previousEnd > 16) throw new ZipFormatError(`unlisted data before ${entry.name}`);
    if (start + LOCAL_HEADER_SIZE > directoryOffset || content.readUInt32LE(start) !== LOCAL_SIGNATURE)
      throw new ZipFormatError(`local header of ${entry.name} is missing`);
    previousEnd = dataStart(content, entry) + entry.compressedSize;
    if (previousEnd > directoryOffset) throw new ZipFormatError(`data of ${entry.name} out of bounds`);
  }
  if (directoryOffset - previousEnd > 16) throw new ZipFormatError('unlisted data before the directory');
}

function dataStart(content: Buffer, entry: ZipEntry): number {
  const at = entry.localHeaderOffset;
  return at + LOCAL_HEADER_SIZE + content.readUInt16LE(at + 26) + content.readUInt16LE(at + 28);
}

/** The compressed bytes of an entry. */
export function entryData(content: Buffer, entry: ZipEntry): Buffer {
  const start = dataStart(content, entry);
  return content.subarray(start, start + entry.compressedSize);
}

export interface Inflated {
  /** The first `keep` bytes of the entry. */
  head: Buffer;
  /** Bytes inflated before stopping: the whole entry, or just past `stopAfter`. */
  inflatedBytes: number;
  /** True when inflation stopped because the entry is longer than `stopAfter`. */
  exceeded: boolean;
}

/**
 * Inflates an entry in 16 KB pieces, keeping only its first `keep` bytes and stopping as soon as more than
 * `stopAfter` bytes came out: memory stays at `keep` whatever the entry inflates to.
 */
export function inflateEntry(
  content: Buffer,
  entry: ZipEntry,
  options: { keep: number; stopAfter: number },
): Promise<Inflated> {
  const data = entryData(content, entry);
  if (entry.method === STORED) {
    const exceeded = data.length > options.stopAfter;
    return Promise.resolve({ head: data.subarray(0, options.keep), inflatedBytes: data.length, exceeded });
  }
  if (entry.method !== DEFLATED)
    return Promise.reject(new ZipFormatError(`entry ${entry.name} uses method ${entry.method}`));
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw();
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let inflatedBytes = 0;
    let settled = false;
    const finish = (exceeded: boolean) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      resolve({ head: Buffer.concat(kept), inflatedBytes, exceeded });
    };
    inflater.on('data', (chunk: Buffer) => {
      inflatedBytes += chunk.length;
      if (keptBytes < options.keep) {
        const piece = chunk.subarray(0, options.keep - keptBytes);
        kept.push(piece);
        keptBytes += piece.length;
      }
      if (inflatedBytes > options.stopAfter) finish(true);
    });
    inflater.on('end', () => finish(false));
    inflater.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(new ZipFormatError(`entry ${entry.name} does not inflate: ${error.message}`));
    });
    inflater.end(data);
  });
}

/** Rows and columns of a worksheet's used range, from its `<dimension ref="A1:T3000001"/>` (ECMA-376 18.3.1.35). */
export interface SheetDimension {
  rows: number;
  columns: number;
}

const DIMENSION = /<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?"/;

/** Reads the dimension from the first bytes of a worksheet's XML; undefined when the writer left it out. */
export function sheetDimension(head: string): SheetDimension | undefined {
  const match = DIMENSION.exec(head);
  if (!match) return undefined;
  const lastColumn = match[3] ?? match[1] ?? 'A';
  const lastRow = match[4] ?? match[2] ?? '1';
  return { rows: Number(lastRow), columns: columnNumber(lastColumn) };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

/** Worksheet parts of an .xlsx (xl/worksheets/sheetN.xml). */
export const isWorksheetPart = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(name);

import { AppError } from '../errors.ts';
import {
  inflateEntry,
  isWorksheetPart,
  readZipDirectory,
  type SheetDimension,
  sheetDimension,
  type ZipDirectory,
  ZipFormatError,
} from './zip-inspect.ts';

/**
 * What an uploaded file may weigh, checked before anything is inflated or parsed (issue "Hardening" §1): a 402 KB
 * .xlsx can hold a 400 MB cell, and 16 MB of zip can hold three million rows. Figures are generous for real
 * files: the largest template filled with 5,000 students is ~0.5 MB zipped and ~8 MB of XML.
 */
export const SPREADSHEET_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Evidence files (scans, photos, Office documents). The multipart plugin's own cap is the same. */
export const EVIDENCE_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface ZipLimits {
  /** An .xlsx has 10–30 parts. */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalUncompressed: number;
  maxEntryUncompressed: number;
  /** Uncompressed ÷ compressed of one entry; XML of real sheets compresses 5–30×, a bomb 1,000×. */
  maxRatio: number;
  /** Entries smaller than this are not ratio-checked (a 2 KB part of zeros is harmless). */
  ratioCheckedAbove: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 500,
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxEntryUncompressed: 60 * 1024 * 1024,
  maxRatio: 200,
  ratioCheckedAbove: 1024 * 1024,
};

/** Blank but formatted rows a sheet may carry past its data (the templates format 5,000 rows). */
const FORMATTED_ROWS_ALLOWED = 10_000;
/** Bytes of a worksheet inflated to find its `<dimension>` (it comes before the data). */
const SHEET_HEAD_BYTES = 4096;

/** How many data rows one import may hold, and what a row is, for the message ("5.000 dòng học sinh"). */
export interface RowLimit {
  maxRows: number;
  /** Vietnamese, lower case: 'học sinh'. */
  rowNoun: string;
}

export const formatCount = (n: number) => n.toLocaleString('vi-VN');
export const megabytes = (bytes: number) => `${formatCount(Math.round(bytes / 1024 / 1024))} MB`;

export function tooLarge(message: string, fileName: string, details?: Record<string, unknown>): AppError {
  return new AppError('file_too_large', message, { file: fileName }, details);
}

/** The message of a sheet with more data rows than the limit; `found` is exact when known. */
export function tooManyRows(fileName: string, limit: RowLimit, found: number | null): AppError {
  const count = found === null ? `hơn ${formatCount(limit.maxRows)}` : formatCount(found);
  return tooLarge(
    `Tệp quá lớn: tối đa ${formatCount(limit.maxRows)} dòng ${limit.rowNoun} mỗi lần nhập (tệp có ${count} dòng). Hãy chia thành nhiều tệp.`,
    fileName,
    { limit: limit.maxRows, rows: found },
  );
}

export function unreadableZip(fileName: string, expected: string): AppError {
  return new AppError('unreadable_file', `Không đọc được tệp «${fileName}»: cần ${expected}.`, {
    file: fileName,
  });
}

/** Refuses a zip whose directory declares more than the limits allow; reads headers only. */
export function checkZip(
  fileName: string,
  content: Buffer,
  expected: string,
  limits = ZIP_LIMITS,
): ZipDirectory {
  const directory = openZip(fileName, content, expected, limits);
  checkZipSizes(fileName, directory, limits);
  return directory;
}

/** The directory of a well-formed zip with no more entries than allowed. */
function openZip(fileName: string, content: Buffer, expected: string, limits: ZipLimits): ZipDirectory {
  let directory: ZipDirectory;
  try {
    directory = readZipDirectory(content);
  } catch (error) {
    if (error instanceof ZipFormatError) throw unreadableZip(fileName, expected);
    throw error;
  }
  if (directory.entries.length > limits.maxEntries)
    throw tooLarge(
      `Tệp «${fileName}» có ${formatCount(directory.entries.length)} phần nén bên trong; tối đa ${formatCount(limits.maxEntries)}.`,
      fileName,
    );
  return directory;
}

function checkZipSizes(fileName: string, directory: ZipDirectory, limits: ZipLimits) {
  const { entries, totalUncompressed } = directory;
  if (totalUncompressed > limits.maxTotalUncompressed)
    throw tooLarge(
      `Tệp quá lớn: «${fileName}» giải nén ra ${megabytes(totalUncompressed)}; tối đa ${megabytes(limits.maxTotalUncompressed)}.`,
      fileName,
    );
  for (const entry of entries) {
    if (entry.uncompressedSize > limits.maxEntryUncompressed)
      throw tooLarge(
        `Tệp quá lớn: phần «${entry.name}» của «${fileName}» giải nén ra ${megabytes(entry.uncompressedSize)}; tối đa ${megabytes(limits.maxEntryUncompressed)}.`,
        fileName,
      );
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioCheckedAbove && ratio > limits.maxRatio)
      throw tooLarge(
        `Tệp «${fileName}» bị nén bất thường (phần «${entry.name}» nén ${formatCount(Math.round(ratio))} lần; tối đa ${formatCount(limits.maxRatio)} lần). Hãy lưu lại tệp bằng Excel rồi tải lên.`,
        fileName,
      );
  }
}

export const XLSX_EXPECTED = 'tệp Excel .xlsx (theo mẫu tải về)';

/**
 * The checks of an .xlsx before it is parsed: its directory, each worksheet's `<dimension>` (only its first 4 KB
 * are inflated) against the row limit, then the zip size limits. Returns the largest dimension found, for the message of a sheet that
 * turns out too long while it is read.
 */
export async function checkSpreadsheet(
  fileName: string,
  content: Buffer,
  rowLimit: RowLimit,
  expected = XLSX_EXPECTED,
): Promise<{ directory: ZipDirectory; dimension: SheetDimension | undefined }> {
  if (content.length > SPREADSHEET_UPLOAD_BYTES)
    throw tooLarge(
      `Tệp quá lớn: «${fileName}» nặng ${megabytes(content.length)}; tối đa ${megabytes(SPREADSHEET_UPLOAD_BYTES)}.`,
      fileName,
    );
  const directory = openZip(fileName, content, expected, ZIP_LIMITS);
  let largest: SheetDimension | undefined;
  for (const entry of directory.entries.filter((e) => isWorksheetPart(e.name))) {
    let head: Buffer;
    try {
      ({ head } = await inflateEntry(content, entry, {
        keep: SHEET_HEAD_BYTES,
        stopAfter: SHEET_HEAD_BYTES,
      }));
    } catch (error) {
      if (error instanceof ZipFormatError) throw unreadableZip(fileName, expected);
      throw error;
    }
    const dimension = sheetDimension(head.toString('latin1'));
    if (dimension && dimension.rows > (largest?.rows ?? 0)) largest = dimension;
  }
  if (largest && largest.rows - 1 > rowLimit.maxRows + FORMATTED_ROWS_ALLOWED)
    throw tooManyRows(fileName, rowLimit, largest.rows - 1);
  // Sizes after rows: a sheet of three million rows is also too big, but the row limit is what the user can act on.
  checkZipSizes(fileName, directory, ZIP_LIMITS);
  return { directory, dimension: largest };
}

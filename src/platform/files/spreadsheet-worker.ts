import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { inflateEntry, readZipDirectory } from './zip-inspect.ts';

/**
 * Runs in a worker thread with a capped heap (spreadsheet-reader.ts): parses an .xlsx already checked against the
 * zip limits and hands back its rows as plain cells. If a file still blows up, only this thread dies.
 */

/** A cell longer than the bound: its length instead of its text, so the caller reports it on its row. */
export interface TooLongCell {
  tooLong: number;
}

/** A cell as Excel stored it, reduced to a value (rich text, formula results and links to their text). */
export type SheetCell = string | number | boolean | Date | null | TooLongCell;

export interface SheetRow {
  /** Excel row number (1 = headers). */
  number: number;
  /** Cells by column, A first. */
  cells: SheetCell[];
}

export interface SheetData {
  name: string;
  rows: SheetRow[];
}

export interface WorkerRequest {
  content: Uint8Array;
  /** Non-empty rows below row 1 a sheet may have; one more stops the reading. */
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  /** Sheets whose rows are not returned (instructions, lists). */
  skipSheets: string[];
}

export type WorkerReply =
  | { ok: true; sheets: SheetData[] }
  | { ok: false; error: 'too_many_rows'; sheet: string }
  | { ok: false; error: 'size_mismatch'; entry: string }
  | { ok: false; error: 'unreadable'; detail: string };

export const isTooLong = (cell: SheetCell): cell is TooLongCell =>
  typeof cell === 'object' && cell !== null && !(cell instanceof Date);

function reduce(value: unknown, maxChars: number): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.length > maxChars ? { tooLong: value.length } : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText))
    return reduce(value.richText.map((part: { text?: string }) => part.text ?? '').join(''), maxChars);
  if ('result' in value) return reduce(value.result, maxChars);
  if ('text' in value) return reduce(String(value.text), maxChars);
  if ('error' in value) return String(value.error);
  return null;
}

const isEmpty = (cell: SheetCell) => cell === null || (typeof cell === 'string' && cell.trim() === '');

export async function readSheets(request: WorkerRequest): Promise<WorkerReply> {
  const content = Buffer.from(request.content.buffer, request.content.byteOffset, request.content.byteLength);
  // The main thread checked the declared sizes; here every entry must inflate to no more than it declared before
  // exceljs (which trusts the local headers, and spills sheets that come before the shared strings to temporary
  // files) sees it. Inflation stops one 16 KB piece past the declared size.
  for (const entry of readZipDirectory(content).entries) {
    const { exceeded } = await inflateEntry(content, entry, { keep: 0, stopAfter: entry.uncompressedSize });
    if (exceeded) return { ok: false, error: 'size_mismatch', entry: entry.name };
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: SheetData[] = [];
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    const skip = request.skipSheets.includes(name);
    const rows: SheetRow[] = [];
    let dataRows = 0;
    for await (const row of worksheet) {
      if (skip) continue;
      const values = row.values as unknown[];
      const width = Math.min(values.length - 1, request.maxColumns);
      const cells = Array.from({ length: Math.max(0, width) }, (_, i) =>
        reduce(values[i + 1], request.maxCellChars),
      );
      if (cells.every(isEmpty)) continue;
      if (row.number > 1 && ++dataRows > request.maxRows)
        return { ok: false, error: 'too_many_rows', sheet: name };
      rows.push({ number: row.number, cells });
    }
    if (!skip) sheets.push({ name, rows });
  }
  return { ok: true, sheets };
}

if (parentPort) {
  const port = parentPort;
  readSheets(workerData as WorkerRequest).then(
    (reply) => port.postMessage(reply),
    (error: unknown) =>
      port.postMessage({ ok: false, error: 'unreadable', detail: String(error) } satisfies WorkerReply),
  );
}

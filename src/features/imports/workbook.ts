import ExcelJS from 'exceljs';
import { vietnameseDate } from '../../domain/calendar/index.ts';
import { foldVietnamese } from '../../domain/text/fold.ts';
import { AppError } from '../../platform/errors.ts';
import {
  isTooLong,
  readSpreadsheet,
  type SheetCell,
  type SheetData,
} from '../../platform/files/spreadsheet-reader.ts';
import { formatCount } from '../../platform/files/upload-limits.ts';
import {
  type CellValue,
  type ImportColumn,
  type ImportKind,
  importedColumns,
  type RowError,
  type SheetRecord,
} from '../../platform/imports/kinds.ts';

export const INSTRUCTIONS_SHEET = 'Hướng dẫn';
export const LISTS_SHEET = 'Danh mục';
/** Rows of the template that carry the drop-down lists and text formats. */
const TEMPLATE_ROWS = 5000;

const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

const TYPE_NOTE: Record<ImportColumn['type'], string> = {
  text: 'Chữ',
  date: 'Ngày dạng DD/MM/YYYY, ví dụ 05/09/2012',
  enum: 'Chọn trong danh sách',
  boolean: 'Có / Không (để trống là Không)',
  integer: 'Số nguyên',
};

type WithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
};

/**
 * A workbook of the kind's columns: the data sheet first (so the importer finds it), then the instructions and the
 * lists behind the drop-downs. `records` fill the data sheet (exports); the template has none.
 */
export async function writeWorkbook(
  kind: ImportKind,
  records: readonly Record<string, CellValue>[],
  omit: readonly string[] = [],
): Promise<Buffer> {
  const columns = kind.columns.filter((c) => !omit.includes(c.key));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trường Số';
  const sheet = workbook.addWorksheet(kind.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const instructions = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  const lists = workbook.addWorksheet(LISTS_SHEET);

  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18 }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, index) => {
    const cell = header.getCell(index + 1);
    cell.fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    cell.note = c.note ?? TYPE_NOTE[c.type];
    // Text and dates stay text: Excel must not turn a personal ID into 1.2E+11 or 05/09 into September 5th.
    if (c.type === 'text' || c.type === 'date') sheet.getColumn(index + 1).numFmt = '@';
  });
  for (const record of records) sheet.addRow(columns.map((c) => toCell(c, record[c.key] ?? null)));

  const rows = Math.max(TEMPLATE_ROWS, records.length + 1);
  let listColumn = 0;
  columns.forEach((c, index) => {
    const letter = sheet.getColumn(index + 1).letter;
    const range = `${letter}2:${letter}${rows}`;
    if (c.type === 'enum' || c.type === 'boolean') {
      const labels = c.type === 'boolean' ? ['Có', 'Không'] : (c.options ?? []).map((o) => o.label);
      listColumn += 1;
      const listLetter = lists.getColumn(listColumn).letter;
      lists.getCell(1, listColumn).value = c.header;
      lists.getCell(1, listColumn).font = { bold: true };
      labels.forEach((label, i) => {
        lists.getCell(i + 2, listColumn).value = label;
      });
      lists.getColumn(listColumn).width = 24;
      (sheet as WithValidations).dataValidations.add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`'${LISTS_SHEET}'!$${listLetter}$2:$${listLetter}$${labels.length + 1}`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `Chọn một giá trị trong danh sách (trang "${LISTS_SHEET}").`,
      });
    } else if (c.type === 'integer') {
      (sheet as WithValidations).dataValidations.add(range, {
        type: 'whole',
        operator: 'between',
        allowBlank: !c.required,
        formulae: [0, 100000],
        showErrorMessage: true,
        error: 'Nhập một số nguyên.',
      });
    }
  });

  writeInstructions(instructions, kind, columns);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeInstructions(sheet: ExcelJS.Worksheet, kind: ImportKind, columns: readonly ImportColumn[]) {
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 12;
  sheet.getColumn(3).width = 70;
  sheet.addRow([`Mẫu nhập danh sách ${kind.label.toLowerCase()} — Trường Số`]).font = {
    bold: true,
    size: 14,
  };
  for (const line of [
    `Nhập dữ liệu ở trang "${kind.sheetName}", mỗi dòng một bản ghi, giữ nguyên dòng tiêu đề (không đổi tên, không xoá cột bắt buộc).`,
    'Cột tô màu cam là bắt buộc. Ngày ghi theo dạng DD/MM/YYYY (ví dụ 05/09/2012).',
    `Cột có danh sách chọn: chọn một giá trị có sẵn (xem trang "${LISTS_SHEET}").`,
    'Khi tải lên, hệ thống kiểm tra toàn bộ tệp và báo mọi lỗi theo dòng và cột; chỉ khi không còn lỗi mới ghi, và ghi tất cả hoặc không ghi gì.',
    ...kind.instructions,
  ]) {
    sheet.addRow([line]);
  }
  sheet.addRow([]);
  sheet.addRow(['Cột', 'Bắt buộc', 'Cách nhập']).font = { bold: true };
  for (const c of columns) {
    const how = c.exportOnly
      ? 'Chỉ để xem (hệ thống tính), bỏ qua khi nhập.'
      : [c.note ?? TYPE_NOTE[c.type], c.options ? `Giá trị: ${c.options.map((o) => o.label).join('; ')}` : '']
          .filter(Boolean)
          .join('. ');
    sheet.addRow([c.header, c.required ? 'Có' : '', how]);
  }
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
}

/** A record value as written to a cell: labels for codes, DD/MM/YYYY for dates, Có/Không for booleans. */
export function toCell(column: ImportColumn, value: CellValue): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  switch (column.type) {
    case 'date':
      return typeof value === 'string' ? vietnameseDate(value) : String(value);
    case 'enum':
      return column.options?.find((o) => o.value === value)?.label ?? String(value);
    case 'boolean':
      return value ? 'Có' : null;
    default:
      return value;
  }
}

export interface ReadSheet {
  records: SheetRecord[];
  errors: RowError[];
}

/** A cell of an import holds a name, a code or a date: longer text is a wrong paste, reported on its row. */
export const MAX_CELL_CHARS = 2_000;

/**
 * Reads the data sheet of an uploaded workbook: checks the header row against the kind's columns, then converts
 * each non-empty row's cells (dates, enumerations, booleans, integers). Every problem is reported with its row and
 * column; nothing stops at the first one except a file that is not a workbook or has wrong headers. A file past
 * the kind's row limit or the platform's upload limits is refused with a 413 (platform/files/upload-limits.ts).
 */
export async function readWorkbook(
  kind: ImportKind,
  file: { fileName: string; content: Buffer },
): Promise<ReadSheet> {
  let sheets: SheetData[];
  try {
    sheets = await readSpreadsheet(file, {
      rowLimit: { maxRows: kind.maxRows, rowNoun: kind.label.toLowerCase() },
      maxCellChars: MAX_CELL_CHARS,
      skipSheets: [INSTRUCTIONS_SHEET, LISTS_SHEET],
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'unreadable_file')
      return fileError('Không đọc được tệp: cần tệp Excel .xlsx (theo mẫu tải về).');
    throw error;
  }
  const sheet = sheets.find((s) => s.name === kind.sheetName) ?? sheets[0];
  if (!sheet) return fileError(`Tệp không có trang dữ liệu "${kind.sheetName}".`);

  const [header, ...dataRows] = sheet.rows;
  const { positions, errors } = readHeader(kind, header?.number === 1 ? header.cells : []);
  if (errors.length) return { records: [], errors };

  const records: SheetRecord[] = [];
  const rowErrors: RowError[] = [];
  for (const row of header?.number === 1 ? dataRows : sheet.rows) {
    const cells = positions.map(({ index }) => row.cells[index - 1] ?? null);
    const texts = cells.map(cellText);
    if (texts.every((t, i) => t === '' && !isTooLong(cells[i] ?? null))) continue;
    const values: Record<string, CellValue> = {};
    const unreadable = new Set<string>();
    positions.forEach(({ column }, i) => {
      const raw = cells[i] ?? null;
      const read = isTooLong(raw)
        ? { error: `Ô dài ${formatCount(raw.tooLong)} ký tự; tối đa ${formatCount(MAX_CELL_CHARS)}.` }
        : readCell(column, raw, texts[i] ?? '');
      if ('error' in read) {
        unreadable.add(column.key);
        rowErrors.push({ row: row.number, column: column.header, message: read.error });
        values[column.key] = null;
      } else {
        values[column.key] = read.value;
      }
    });
    records.push({ rowNumber: row.number, values, unreadable });
  }
  if (records.length === 0 && rowErrors.length === 0) {
    return fileError(`Trang "${sheet.name}" chưa có dòng dữ liệu nào dưới dòng tiêu đề.`);
  }
  return { records, errors: rowErrors };
}

/** The sheet the importer reads: the kind's sheet by name, else the first that is not instructions or lists. */
export const dataSheetOf = (kind: ImportKind, workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined =>
  workbook.getWorksheet(kind.sheetName) ??
  workbook.worksheets.find((s) => s.name !== INSTRUCTIONS_SHEET && s.name !== LISTS_SHEET);

const fileError = (message: string): ReadSheet => ({
  records: [],
  errors: [{ row: null, column: null, message }],
});

/** Headers compare without diacritics, case, spaces or a trailing "*" (some people mark required columns). */
export const headerKey = (text: string) => foldVietnamese(text.replace(/\*/g, '')).replace(/[^a-z0-9]/g, '');

function readHeader(kind: ImportKind, cells: readonly SheetCell[]) {
  const byKey = new Map(kind.columns.map((c) => [headerKey(c.header), c]));
  const positions: { column: ImportColumn; index: number }[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const expected = importedColumns(kind)
    .map((c) => c.header)
    .join(', ');
  cells.forEach((cell, i) => {
    const index = i + 1;
    const text = cellText(cell);
    if (!text) return;
    const column = byKey.get(headerKey(text));
    if (!column) {
      errors.push({
        row: 1,
        column: text,
        message: `Cột "${text}" không có trong mẫu ${kind.label.toLowerCase()}. Các cột của mẫu: ${expected}.`,
      });
      return;
    }
    if (seen.has(column.key)) {
      errors.push({ row: 1, column: text, message: `Cột "${column.header}" xuất hiện hai lần.` });
      return;
    }
    seen.add(column.key);
    if (!column.exportOnly) positions.push({ column, index });
  });
  for (const column of kind.columns) {
    if (column.required && !seen.has(column.key)) {
      errors.push({
        row: 1,
        column: column.header,
        message: `Thiếu cột bắt buộc "${column.header}" ở dòng tiêu đề; hãy dùng mẫu tải về.`,
      });
    }
  }
  return { positions, errors };
}

/** The text of a cell whatever Excel stored (rich text, formula result, hyperlink, number). */
export function cellText(value: SheetCell): string {
  if (value === null) return '';
  if (value instanceof Date) return isoOfDate(value);
  if (isTooLong(value)) return '';
  return String(value).trim();
}

type Read = { value: CellValue } | { error: string };

function readCell(column: ImportColumn, raw: SheetCell, text: string): Read {
  if (text === '') return { value: null };
  switch (column.type) {
    case 'text':
      return { value: text };
    case 'integer': {
      const n = Number(text.replace(',', '.'));
      return Number.isInteger(n) ? { value: n } : { error: `"${text}" không phải số nguyên.` };
    }
    case 'boolean':
      return readBoolean(text);
    case 'enum':
      return readEnum(column, text);
    case 'date':
      return readDate(raw, text);
  }
}

const TRUE_TEXTS = new Set(['co', 'x', '1', 'true', 'yes', 'dung']);
const FALSE_TEXTS = new Set(['khong', '0', 'false', 'no', 'sai']);

function readBoolean(text: string): Read {
  const key = foldVietnamese(text);
  if (TRUE_TEXTS.has(key)) return { value: true };
  if (FALSE_TEXTS.has(key)) return { value: false };
  return { error: `"${text}" không hợp lệ: ghi Có hoặc Không.` };
}

function readEnum(column: ImportColumn, text: string): Read {
  const key = foldVietnamese(text);
  const option = (column.options ?? []).find(
    (o) => foldVietnamese(o.label) === key || o.value.toLowerCase() === text.toLowerCase(),
  );
  const value = option?.value ?? column.match?.(text);
  if (value) return { value };
  const allowed = (column.options ?? []).map((o) => o.label);
  const hint = allowed.length <= 12 ? `: ${allowed.join(', ')}` : ` (xem trang "${LISTS_SHEET}")`;
  return {
    error: `"${text}" không có trong danh sách ${column.header.toLowerCase()}; chọn một giá trị${hint}.`,
  };
}

/** A date typed DD/MM/YYYY (also D/M/YYYY, with "." or "-"), ISO text, or a real Excel date. */
function readDate(raw: SheetCell, text: string): Read {
  if (raw instanceof Date) return { value: isoOfDate(raw) };
  if (typeof raw === 'number' && raw > 0 && raw < 100000) {
    // An Excel serial day number (1900 date system; day 25569 is 1970-01-01).
    return { value: isoOfDate(new Date(Math.round((raw - 25569) * 86400000))) };
  }
  const vietnamese = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [day, month, year] = vietnamese
    ? [vietnamese[1], vietnamese[2], vietnamese[3]]
    : iso
      ? [iso[3], iso[2], iso[1]]
      : [];
  if (day && month && year) {
    const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && isoOfDate(date) === value) return { value };
    return { error: `Ngày "${text}" không có thật (ngày/tháng sai).` };
  }
  return { error: `Ngày "${text}" không đúng dạng DD/MM/YYYY (ví dụ 05/09/2012).` };
}

/** Excel stores dates without a zone and exceljs reads them as UTC midnight. */
const isoOfDate = (date: Date) => date.toISOString().slice(0, 10);

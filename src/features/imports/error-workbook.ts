import ExcelJS from 'exceljs';
import type { ImportKind, RowError } from '../../platform/imports/kinds.ts';
import { dataSheetOf, headerKey } from './workbook.ts';

/** Excel's "Bad" style: light red fill, dark red text. */
export const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const ERROR_FONT_COLOR = { argb: 'FF9C0006' };
export const ERRORS_SHEET = 'Danh sách lỗi';

/**
 * The uploaded workbook itself with each error on its cell: the cell filled red and the message in its comment, so
 * the user corrects the file they know instead of copying row numbers from the screen. An error that names no cell
 * of the sheet (a missing header, the whole file) goes to a comment on the first row; an error of a whole row to its
 * first cell. A last sheet lists every error, for the file whose data sheet could not be found.
 */
export async function markErrors(
  kind: ImportKind,
  content: Buffer,
  errors: readonly RowError[],
): Promise<Buffer | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = dataSheetOf(kind, workbook);
  if (sheet) {
    const columnOf = headerColumns(sheet);
    const messages = new Map<string, { row: number; column: number; texts: string[] }>();
    for (const error of errors) {
      const cell = cellOf(error, columnOf);
      const key = `${cell.row}:${cell.column}`;
      const known = messages.get(key) ?? { ...cell, texts: [] };
      known.texts.push(cell.named ? error.message : describe(error));
      messages.set(key, known);
    }
    for (const { row, column, texts } of messages.values()) {
      const cell = sheet.getCell(row, column);
      cell.fill = ERROR_FILL;
      cell.font = { ...cell.font, color: ERROR_FONT_COLOR };
      cell.note = texts.join('\n');
    }
  }
  listErrors(workbook.addWorksheet(uniqueName(workbook, ERRORS_SHEET)), errors);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Column number of each header of the sheet's first row, by its folded text (as the importer matches them). */
function headerColumns(sheet: ExcelJS.Worksheet): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, index) => {
    const key = headerKey(cell.text ?? '');
    if (key && !columns.has(key)) columns.set(key, index);
  });
  return columns;
}

/** The cell an error belongs to; `named` is false when it named none and was moved to the row's first cell. */
function cellOf(error: RowError, columnOf: ReadonlyMap<string, number>) {
  const column = error.column === null ? undefined : columnOf.get(headerKey(error.column));
  if (error.row !== null && column !== undefined) return { row: error.row, column, named: true };
  return { row: error.row ?? 1, column: 1, named: false };
}

/** A message moved off its own cell keeps the name of the column it was about. */
const describe = (error: RowError) => (error.column ? `${error.column}: ${error.message}` : error.message);

function listErrors(sheet: ExcelJS.Worksheet, errors: readonly RowError[]) {
  sheet.columns = [
    { header: 'Dòng', width: 8 },
    { header: 'Cột', width: 28 },
    { header: 'Lỗi', width: 90 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const e of errors) sheet.addRow([e.row ?? 'Cả tệp', e.column ?? '', e.message]);
}

function uniqueName(workbook: ExcelJS.Workbook, name: string): string {
  let candidate = name;
  for (let n = 2; workbook.getWorksheet(candidate); n++) candidate = `${name} ${n}`;
  return candidate;
}

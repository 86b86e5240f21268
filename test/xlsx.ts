import ExcelJS from 'exceljs';

/** A downloaded .xlsx, loaded for reading its cells back. */
export async function workbookOf(raw: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(raw as unknown as ArrayBuffer);
  return workbook;
}

/** A row's cell values from column 1, empty cells as null (exceljs leaves holes). */
export const rowValues = (sheet: ExcelJS.Worksheet, n: number) =>
  Array.from({ length: sheet.getRow(n).cellCount }, (_, i) => sheet.getRow(n).getCell(i + 1).value ?? null);

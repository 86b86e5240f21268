import ExcelJS from 'exceljs';

/** A workbook with one data sheet: the header row, then the rows (cells as typed by a person). */
export async function buildWorkbook(
  sheetName: string,
  headers: readonly string[],
  rows: readonly (readonly (string | number | Date | null)[])[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function loadWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook;
}

/** Rows of a sheet as arrays of cell texts, header first. */
export function sheetRows(workbook: ExcelJS.Workbook, name: string): string[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cell.value === null || cell.value === undefined ? '' : String(cell.value);
    });
    rows.push(values);
  });
  return rows;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Quang', 'Thanh'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Khánh',
  'Lan',
  'Mai',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Uyên',
  'Vy',
];

/** The n-th of many distinct Vietnamese names (no digits: names may not contain them). */
export function studentName(n: number): string {
  const given = GIVEN[n % GIVEN.length];
  const middle = MIDDLE[Math.floor(n / GIVEN.length) % MIDDLE.length];
  const family = FAMILY[Math.floor(n / (GIVEN.length * MIDDLE.length)) % FAMILY.length];
  const second = GIVEN[Math.floor(n / (GIVEN.length * MIDDLE.length * FAMILY.length)) % GIVEN.length];
  return `${family} ${middle} ${second} ${given}`;
}

/**
 * A well-formed 12-digit personal ID of a child born in 20xx: place code 001 (Hà Nội), century-and-sex digit 2
 * (male) or 3 (female), two digits of the birth year, then a serial.
 */
export function childNationalId(serial: number, birthYear = 2013, female = false): string {
  return `001${female ? 3 : 2}${String(birthYear).slice(2)}${String(serial).padStart(6, '0')}`;
}

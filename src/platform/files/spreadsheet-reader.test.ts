import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from './spreadsheet-reader.ts';

describe('đọc tệp Excel', () => {
  it('chữ tiếng Việt nằm vắt qua hai đoạn giải nén vẫn đọc đúng (không thành "Chuy��n")', async () => {
    // Thousands of distinct Vietnamese strings: the shared strings and the sheet inflate in many 16 KB pieces, and
    // some multi-byte letters fall on the boundaries.
    const texts = Array.from({ length: 4000 }, (_, i) => `Học sinh số ${i} chuyển đến từ Hưng Yên, Đắk Lắk`);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Học sinh');
    for (const text of texts) sheet.addRow([text, 'Chuyển đến']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const [read] = await readSpreadsheet(
      { fileName: 'dai.xlsx', content },
      { rowLimit: { maxRows: 5_000, rowNoun: 'học sinh' }, maxCellChars: 2_000 },
    );
    const cells = read?.rows.map((r) => r.cells) ?? [];
    expect(cells.length).toBe(texts.length);
    expect(cells.filter((c, i) => c[0] !== texts[i] || c[1] !== 'Chuyển đến')).toEqual([]);
  });
});

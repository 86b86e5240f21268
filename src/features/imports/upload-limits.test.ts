import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '#contracts/common.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts } from '../../../test/factories.ts';
import { buildWorkbook } from '../../../test/factories-imports.ts';
import { repeatedDeflate, SHEET_HEAD, xlsxWith } from '../../../test/zip-bombs.ts';
import { studentsImportKind } from '../students/import-kind.ts';

const MB = 1024 * 1024;
/** The whole process (this test, the app, PGlite, the parsing threads) stays under this while bombs are posted. */
const RSS_BOUND = 1.5 * 1024 * MB;
const HEADERS = studentsImportKind.columns.map((c) => c.header);
const SHEET = 'xl/worksheets/sheet1.xml';

describe.each(STORAGES)('tệp tải lên không làm sập máy chủ (%s)', (storage) => {
  let t: TestApp;
  let principal: TestClient;
  let schoolId: string;
  let peakRss = 0;
  let sampler: NodeJS.Timeout;

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    schoolId = u.schoolA.id;
    principal = await t.as('ht.a');
    sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
  });
  afterAll(async () => {
    clearInterval(sampler);
    console.log(`[upload limits ${storage}] peak rss ${Math.round(peakRss / MB)} MB`);
    expect(peakRss).toBeLessThan(RSS_BOUND);
    await t.close();
  });

  const preview = (content: Buffer) =>
    principal.upload(`/api/v1/imports/preview?unitId=${schoolId}&kind=students`, 'file', {
      name: 'bom.xlsx',
      content,
      type: XLSX_MIME,
    });
  const stillServing = async () => {
    expect((await principal.get('/api/v1/imports/kinds')).status).toBe(200);
    expect(process.memoryUsage().rss).toBeLessThan(RSS_BOUND);
  };

  it('ô 400 MB nén còn ~400 KB: 413 trước khi giải nén, máy chủ vẫn trả lời', async () => {
    const cell = repeatedDeflate(
      `${SHEET_HEAD}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`,
      'A'.repeat(MB),
      400,
      '</t></is></c></row></sheetData></worksheet>',
    );
    const content = xlsxWith('Học sinh', { name: SHEET, ...cell });
    expect(content.length).toBeLessThan(500 * 1024);
    const res = await preview(content);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('file_too_large');
    expect(res.body.error.message).toBe('Tệp quá lớn: «bom.xlsx» giải nén ra 400 MB; tối đa 100 MB.');
    await stillServing();
  });

  it('3.000.000 dòng: 413 "tối đa 5.000 dòng học sinh … (tệp có 3.000.000 dòng)" từ <dimension>', async () => {
    const rows = repeatedDeflate(
      `${SHEET_HEAD}<dimension ref="A1:A3000001"/><sheetData>`,
      '<row><c><v>1</v></c></row>'.repeat(1000),
      3000,
      '</sheetData></worksheet>',
    );
    const res = await preview(xlsxWith('Học sinh', { name: SHEET, ...rows }));
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe(
      'Tệp quá lớn: tối đa 5.000 dòng học sinh mỗi lần nhập (tệp có 3.000.000 dòng). Hãy chia thành nhiều tệp.',
    );
    await stillServing();
  });

  it('phần khai 2 KB mà giải nén ra 300 MB: luồng đọc dừng ở 2 KB, 413, máy chủ vẫn trả lời', async () => {
    const lie = repeatedDeflate(
      `${SHEET_HEAD}<sheetData>`,
      '<row><c><v>1</v></c></row>'.repeat(40_000),
      300,
      '',
    );
    const res = await preview(xlsxWith('Học sinh', { name: SHEET, data: lie.data, uncompressedSize: 2048 }));
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain('khai sai kích thước');
    await stillServing();
  });

  it('6.000 học sinh (trong giới hạn nén): đọc dừng ở dòng 5.001, 413 nêu 5.000 và 6.000', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => [`Học sinh ${i}`]);
    const res = await preview(await buildWorkbook('Học sinh', HEADERS, rows));
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe(
      'Tệp quá lớn: tối đa 5.000 dòng học sinh mỗi lần nhập (tệp có 6.000 dòng). Hãy chia thành nhiều tệp.',
    );
  });

  it('một ô 3.000 ký tự là lỗi của dòng đó, không phải lỗi máy chủ', async () => {
    const res = await preview(await buildWorkbook('Học sinh', HEADERS, [['x'.repeat(3000)]]));
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.errors).toContainEqual({
      row: 2,
      column: 'Họ và tên',
      message: 'Ô dài 3.000 ký tự; tối đa 2.000.',
    });
  });

  it('tệp quá 10 MB bị từ chối khi đang nhận, nêu tên tệp và giới hạn', async () => {
    const res = await preview(Buffer.alloc(11 * MB, 1));
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe(
      'Tệp quá lớn: «bom.xlsx» vượt quá 10 MB, mức tối đa cho loại tệp này.',
    );
    await stillServing();
  });
});

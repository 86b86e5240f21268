import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildWorkbook } from '../../../test/factories-imports.ts';
import { repeatedDeflate, SHEET_HEAD, zipOf } from '../../../test/zip-bombs.ts';
import { AppError } from '../errors.ts';
import { sniffType } from './file-types.ts';
import { checkZip } from './upload-limits.ts';
import { inflateEntry, readZipDirectory, sheetDimension, ZipFormatError } from './zip-inspect.ts';

const MB = 1024 * 1024;
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('đọc danh mục zip (không giải nén)', () => {
  it('một tệp .xlsx của exceljs: tên phần, kích thước khai báo, tổng', async () => {
    const content = await buildWorkbook('Học sinh', ['Họ và tên'], [['Nguyễn Văn An']]);
    const { entries, totalUncompressed } = readZipDirectory(content);
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    expect(totalUncompressed).toBe(entries.reduce((sum, e) => sum + e.uncompressedSize, 0));
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet');
    const { head, inflatedBytes } = await inflateEntry(content, sheet, { keep: 4096, stopAfter: 1e9 });
    expect(inflatedBytes).toBe(sheet.uncompressedSize);
    expect(sheetDimension(head.toString('latin1'))).toEqual({ rows: 2, columns: 1 });
  });

  it('không phải zip, zip cụt, dữ liệu giấu giữa các phần: ZipFormatError', () => {
    expect(() => readZipDirectory(Buffer.from('%PDF-1.7 không phải zip'))).toThrow(ZipFormatError);
    const zip = zipOf([{ name: 'a.txt', data: Buffer.from('abc'), uncompressedSize: 3, method: 0 }]);
    expect(() => readZipDirectory(zip.subarray(0, zip.length - 30))).toThrow(ZipFormatError);
    // 100 bytes no directory entry accounts for, in front of the first local header.
    const hidden = zipOf([{ name: 'a.txt', data: Buffer.from('abc'), uncompressedSize: 3, method: 0 }]);
    const shifted = Buffer.concat([Buffer.alloc(100), hidden]);
    expect(() => readZipDirectory(shifted)).toThrow(ZipFormatError);
  });

  it('phần khai 1 KB mà giải nén ra 50 MB: dừng ngay sau 1 KB, không giữ dữ liệu', async () => {
    const bomb = repeatedDeflate('', 'A'.repeat(MB), 50, '');
    const zip = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: bomb.data, uncompressedSize: 1024 }]);
    const [entry] = readZipDirectory(zip).entries;
    if (!entry) throw new Error('no entry');
    const result = await inflateEntry(zip, entry, { keep: 0, stopAfter: 1024 });
    expect(result.exceeded).toBe(true);
    expect(result.inflatedBytes).toBeLessThan(MB);
  });

  it('dimension: A1:T3000001 là 3.000.000 dòng dữ liệu và 20 cột; không có thì undefined', () => {
    expect(sheetDimension(`${SHEET_HEAD}<dimension ref="A1:T3000001"/>`)).toEqual({
      rows: 3_000_001,
      columns: 20,
    });
    expect(sheetDimension(`${SHEET_HEAD}<sheetData>`)).toBeUndefined();
  });
});

describe('giới hạn zip trước khi giải nén', () => {
  it('bom số phần: 10.000 phần rỗng → 413 nêu giới hạn 500', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => ({
      name: `x/${i}`,
      data: Buffer.alloc(0),
      uncompressedSize: 0,
      method: 0,
    }));
    const error = refusal(() => checkZip('bom.xlsx', zipOf(entries), 'tệp Excel'));
    expect(error.code).toBe('file_too_large');
    expect(error.message).toContain('10.000 phần');
    expect(error.message).toContain('tối đa 500');
  });

  it('bom tỉ lệ nén: 50 MB nén còn ~50 KB (1.000 lần) → 413; tổng khai báo 400 MB → 413', () => {
    const ratio = repeatedDeflate('', 'A'.repeat(MB), 50, '');
    const zip = zipOf([{ name: 'xl/sharedStrings.xml', ...ratio }]);
    const error = refusal(() => checkZip('bom.xlsx', zip, 'tệp Excel'));
    expect(error.message).toMatch(/nén [\d.]+ lần; tối đa 200 lần/);
    const huge = repeatedDeflate('', 'A'.repeat(MB), 400, '');
    const big = refusal(() => checkZip('to.xlsx', zipOf([{ name: 'a.xml', ...huge }]), 'tệp Excel'));
    expect(big.message).toBe('Tệp quá lớn: «to.xlsx» giải nén ra 400 MB; tối đa 100 MB.');
  });
});

describe('loại tệp theo nội dung, không theo tên hay Content-Type', () => {
  it('PDF, PNG, JPEG, GIF, WebP, .docx, văn bản được nhận (HTML là văn bản thuần); tệp chạy được và zip không phải Office thì không', async () => {
    const type = (content: Buffer) => sniffType('t', content)?.mimeType;
    expect(type(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(type(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(type(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(type(Buffer.from('GIF89a...'))).toBe('image/gif');
    expect(type(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    const docx = zipOf(
      ['[Content_Types].xml', 'word/document.xml'].map((name) => ({
        name,
        data: zlib.deflateRawSync('<x/>'),
        uncompressedSize: 4,
      })),
    );
    expect(type(docx)).toMatch(/wordprocessingml/);
    expect(type(await buildWorkbook('A', ['x'], []))).toMatch(/spreadsheetml/);
    expect(type(Buffer.from('Biên bản họp hội đồng\r\n'))).toBe('text/plain; charset=utf-8');
    expect(type(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBeUndefined(); // MZ: a Windows program
    expect(
      type(zipOf([{ name: 'a.js', data: Buffer.from('x'), uncompressedSize: 1, method: 0 }])),
    ).toBeUndefined();
  });
});

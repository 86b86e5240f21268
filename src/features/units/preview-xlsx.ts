import ExcelJS from 'exceljs';
import type { ServiceContext } from '../../platform/context.ts';
import type { DownloadFile } from '../../platform/http/downloads.ts';
import type { Movers } from './movers.ts';
import { mergeLists } from './reorganise.ts';

/** Sheet names and the column that says more about each row, in the order the preview shows the groups. */
const GROUPS: readonly [keyof Movers, string, string][] = [
  ['students', 'Học sinh', 'Lớp'],
  ['staff', 'Cán bộ', 'Chức vụ'],
  ['classes', 'Lớp', 'Năm học'],
  ['accounts', 'Tài khoản', 'Tên đăng nhập'],
  ['roles', 'Vai trò chuyển', 'Vai trò'],
  ['endingRoles', 'Vai trò kết thúc', 'Vai trò'],
  ['units', 'Đơn vị trực thuộc', 'Mã'],
];

/**
 * Every name a merger's preview counts (the page lists the first 300 of each group): one sheet per group that is
 * not empty, with the merger named on top, for the office to check against its decision.
 */
export async function mergePreviewXlsx(
  ctx: ServiceContext,
  id: string,
  intoUnitId: string,
): Promise<DownloadFile> {
  const { preview, movers } = await mergeLists(ctx, id, intoUnitId);
  const book = new ExcelJS.Workbook();
  for (const [group, title, detail] of GROUPS) {
    const items = movers[group];
    if (items.length === 0) continue;
    const sheet = book.addWorksheet(title);
    sheet.columns = [{ width: 6 }, { width: 34 }, { width: 24 }];
    sheet.addRow([`Sáp nhập ${preview.unit.name} vào ${preview.target.name} — ${title} (${items.length})`]);
    sheet.getRow(1).font = { bold: true };
    const header = sheet.addRow(['STT', 'Họ tên / Tên', detail]);
    header.font = { bold: true };
    items.forEach((item, i) => {
      sheet.addRow([i + 1, item.name, item.detail ?? '']);
    });
  }
  if (book.worksheets.length === 0) book.addWorksheet('Trống').addRow(['Không có gì phải chuyển.']);
  const content = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `Danh sách sáp nhập ${preview.unit.name}.xlsx`, content };
}

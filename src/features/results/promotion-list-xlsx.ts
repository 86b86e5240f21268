import ExcelJS from 'exceljs';
import {
  PROMOTION_COUNT_KEYS,
  type PromotionCounts,
  type PromotionList,
  type PromotionListQuery,
} from '#contracts/results.ts';
import { vietnameseDate } from '../../domain/calendar/index.ts';
import {
  formatAverage,
  LEVEL4_LABEL_VI,
  PASS_FAIL_LABEL_VI,
  PROMOTION_LABEL_VI,
} from '../../domain/grading/index.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { promotionList } from './promotion-list.ts';

/**
 * The promotion list as schools file it after the year close: one sheet, the school's name and the school year on
 * top, the counts per grade and for the school, then the students who re-test, train in the summer or are
 * retained, with the subjects to re-test and the outcome after the summer. Same filters as the page.
 */

const BOLD = { bold: true } as const;
const CENTER = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;

/** Vietnamese column titles of the counts, in the order of PROMOTION_COUNT_KEYS. */
const COUNT_TITLES: Readonly<Record<keyof PromotionCounts, string>> = {
  students: 'Số HS đã tổng kết',
  promoted: 'Lên lớp',
  retest: 'Kiểm tra lại',
  summerConduct: 'Rèn luyện trong hè',
  retained: 'Ở lại lớp',
  principalDecision: 'Hiệu trưởng quyết định (KHGD cá nhân)',
  notClassified: 'Chưa xếp loại (thiếu điểm)',
  finalPromoted: 'Tổng lên lớp (sau hè)',
  finalRetained: 'Tổng ở lại lớp (sau hè)',
  pending: 'Chờ kết quả hè / quyết định của Hiệu trưởng',
};

const STUDENT_COLUMNS: [string, number][] = [
  ['STT', 5],
  ['Họ và tên', 28],
  ['Ngày sinh', 12],
  ['Lớp', 7],
  ['Kết quả học tập', 12],
  ['Kết quả rèn luyện', 12],
  ['Số buổi nghỉ', 9],
  ['Diện', 18],
  ['Môn kiểm tra lại (ĐTBmcn)', 34],
  ['Kết quả kiểm tra lại', 26],
  ['Học tập sau kiểm tra lại', 12],
  ['Rèn luyện sau hè', 12],
  ['Kết quả sau hè', 14],
];

type Student = PromotionList['students'][number];

const dateVi = (iso: string | null) => (iso ? vietnameseDate(iso) : '');
const level = (value: Student['learningResult']) => (value ? LEVEL4_LABEL_VI[value] : '');

/** "Toán (3,0); GDTC (CĐ)" — the year result the re-test replaces. */
function retestSubjectsCell(s: Student): string {
  return s.retestSubjects
    .map(
      (r) =>
        `${r.name} (${r.yearAverage !== null ? formatAverage(r.yearAverage) : r.yearResult ? PASS_FAIL_LABEL_VI[r.yearResult] : ''})`,
    )
    .join('; ');
}

function retestResultsCell(s: Student): string {
  return s.retestSubjects
    .flatMap((r) => {
      if (r.retestScore !== null) return [`${r.name}: ${formatAverage(r.retestScore)}`];
      if (r.retestResult) return [`${r.name}: ${PASS_FAIL_LABEL_VI[r.retestResult]}`];
      return [];
    })
    .join('; ');
}

function studentRow(s: Student, index: number): ExcelJS.CellValue[] {
  return [
    index + 1,
    s.fullName,
    dateVi(s.birthDate),
    s.className,
    level(s.learningResult),
    level(s.conductResult),
    s.absentSessions,
    PROMOTION_LABEL_VI[s.promotion],
    retestSubjectsCell(s),
    retestResultsCell(s),
    level(s.learningAfterRetest),
    level(s.summerConductResult),
    s.finalPromotion ? PROMOTION_LABEL_VI[s.finalPromotion] : 'Chờ kết quả',
  ];
}

function header(sheet: ExcelJS.Worksheet, values: string[]) {
  const row = sheet.addRow(values);
  row.font = BOLD;
  row.alignment = CENTER;
}

function writeCounts(sheet: ExcelJS.Worksheet, list: PromotionList) {
  header(sheet, ['Khối', ...PROMOTION_COUNT_KEYS.map((key) => COUNT_TITLES[key])]);
  const counts = (row: PromotionCounts) => PROMOTION_COUNT_KEYS.map((key) => row[key]);
  for (const g of list.grades) sheet.addRow([`Khối ${g.grade}`, ...counts(g)]);
  sheet.addRow(['Toàn trường', ...counts(list.total)]).font = BOLD;
}

export async function promotionListXlsx(ctx: ServiceContext, query: PromotionListQuery) {
  const list = await promotionList(ctx, query);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trường Số';
  const sheet = workbook.addWorksheet('Danh sách lên lớp');
  const width = STUDENT_COLUMNS.length;
  sheet.addRow([list.school.name.toUpperCase()]).font = BOLD;
  const title = sheet.addRow(['DANH SÁCH HỌC SINH LÊN LỚP, KIỂM TRA LẠI, RÈN LUYỆN TRONG HÈ, Ở LẠI LỚP']);
  title.font = { bold: true, size: 13 };
  title.alignment = CENTER;
  sheet.addRow([`Năm học ${list.schoolYear}`]).alignment = CENTER;
  for (const r of [1, 2, 3]) sheet.mergeCells(r, 1, r, width);
  sheet.addRow([]);
  writeCounts(sheet, list);
  sheet.addRow([]);
  header(
    sheet,
    STUDENT_COLUMNS.map(([name]) => name),
  );
  list.students.forEach((s, i) => {
    sheet.addRow(studentRow(s, i));
  });
  STUDENT_COLUMNS.forEach(([, w], i) => {
    sheet.getColumn(i + 1).width = w;
  });
  return {
    fileName: `Danh sách lên lớp ${list.schoolYear} - ${list.school.name}.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

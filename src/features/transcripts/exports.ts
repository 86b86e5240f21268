import ExcelJS from 'exceljs';
import { subjectByCode, subjectsForGrade } from '../../domain/curriculum/index.ts';
import { LEVEL4_LABEL_VI, PASS_FAIL_SHORT_VI, regularAssessmentCount } from '../../domain/grading/index.ts';
import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { classesOf } from '../classes/queries.ts';
import { assignmentsOfClasses, type Level4, scoresOfClasses, type TermScoreRow } from '../gradebook/reads.ts';
import { resultsOfStudents } from '../results/reads.ts';
import { classMembers } from '../roster/queries.ts';

import { requireClassReader } from './class-access.ts';

/**
 * Spreadsheets schools hand in or keep: the class gradebook (one sheet per subject as the paper sổ điểm: STT, họ
 * tên, ĐĐGtx 1..n, ĐĐGgk, ĐĐGck, ĐTBmhk per term, ĐTBmcn) with a summary sheet, and the school's statistics per
 * grade (counts and percentages per learning and conduct level, per-subject averages).
 */

const LEVELS: readonly Level4[] = ['excellent', 'good', 'pass', 'fail'];
const BOLD = { bold: true } as const;
const CENTER = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;

interface SubjectColumn {
  code: string;
  name: string;
  shortName: string;
  kind: 'score' | 'comment';
  regularCount: number;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string, used: Set<string>) => {
  const base = name.replace(/[:\\/?*[\]]/g, '-').slice(0, 28);
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base} ${n}`;
  used.add(candidate);
  return candidate;
};

export function subjectColumns(grade: number, scores: TermScoreRow[], periods: Map<string, number>) {
  const taught = new Set(scores.map((s) => s.subjectCode));
  for (const code of periods.keys()) taught.add(code);
  const list = subjectsForGrade(grade).filter((s) => s.status === 'compulsory' || taught.has(s.code));
  const columns: SubjectColumn[] = list.map((s) => {
    const kind = (s.assessment ?? 'score') as 'score' | 'comment';
    const entered = Math.max(
      0,
      ...scores.filter((r) => r.subjectCode === s.code).map((r) => r.regular.length),
    );
    const plan = periods.get(s.code) ?? s.periodsPerYear;
    return {
      code: s.code,
      name: s.name,
      shortName: s.shortName,
      kind,
      // TT22 Điều 7 khoản 1: the number of ĐĐGtx follows the periods per year; comment-only subjects have 2.
      regularCount: Math.max(entered, kind === 'comment' ? 2 : regularAssessmentCount(plan)),
    };
  });
  for (const code of taught) {
    if (columns.some((c) => c.code === code)) continue;
    const s = subjectByCode(code);
    columns.push({
      code,
      name: s?.name ?? code,
      shortName: s?.shortName ?? code,
      kind: (s?.assessment ?? 'score') as 'score' | 'comment',
      regularCount: 2,
    });
  }
  return columns;
}

const scoreCell = (kind: SubjectColumn['kind'], value: number | null, result: 'pass' | 'fail' | null) =>
  kind === 'comment' ? (result ? PASS_FAIL_SHORT_VI[result] : null) : value;

export async function classGradebookXlsx(ctx: ServiceContext, classId: string) {
  const { cls } = await requireClassReader(ctx, classId);
  const students = (await classMembers(ctx.db, cls.unit_id, cls.id)).sort((a, b) =>
    compareVietnameseNames(a.full_name, b.full_name),
  );
  const [scores, assignments, results] = await Promise.all([
    scoresOfClasses(ctx.db, cls.unit_id, cls.school_year, [cls.id]),
    assignmentsOfClasses(ctx.db, cls.unit_id, cls.school_year, [cls.id]),
    resultsOfStudents(
      ctx.db,
      cls.unit_id,
      cls.school_year,
      students.map((s) => s.student_id),
    ),
  ]);
  const periods = new Map(assignments.map((a) => [a.subjectCode, a.periodsPerYear]));
  const subjects = subjectColumns(cls.grade, scores, periods);
  const yearOf = (studentId: string, code: string) =>
    results.subjects.find((r) => r.studentId === studentId && r.subjectCode === code);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trường Số';
  const used = new Set<string>(['Tổng hợp']);
  const summary = workbook.addWorksheet('Tổng hợp');
  const grid: ClassGrid = { cls, students, scores, yearOf };
  for (const subject of subjects) {
    writeSubjectSheet(workbook.addWorksheet(sheetName(subject.shortName, used)), grid, subject);
  }
  writeSummarySheet(summary, grid, subjects, results.terms);
  return {
    fileName: `Sổ điểm ${cls.school_year} - Lớp ${cls.name}.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

/** What every sheet of the class gradebook reads: the class, its students in roster order, scores, year results. */
interface ClassGrid {
  cls: { name: string; school_year: string };
  students: readonly { student_id: string; full_name: string }[];
  scores: readonly TermScoreRow[];
  yearOf: (studentId: string, code: string) => YearSubjectResult | undefined;
}

type StudentResults = Awaited<ReturnType<typeof resultsOfStudents>>;
type YearSubjectResult = StudentResults['subjects'][number];

/** One subject's sheet as the paper sổ điểm: ĐĐGtx 1..n, GK, CK, ĐTBmhk for each term, then ĐTBmcn. */
function writeSubjectSheet(sheet: ExcelJS.Worksheet, grid: ClassGrid, subject: SubjectColumn) {
  const { cls, students, scores, yearOf } = grid;
  const n = subject.regularCount;
  const termHeaders = [...Array.from({ length: n }, (_, i) => `TX${i + 1}`), 'GK', 'CK', 'ĐTBmhk'];
  const width = termHeaders.length;
  sheet.getCell(1, 1).value =
    `SỔ ĐIỂM LỚP ${cls.name} — ${subject.name.toUpperCase()} — NĂM HỌC ${cls.school_year}`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, 3 + 2 * width);
  sheet.getRow(2).values = ['STT', 'Họ và tên', 'Học kì I', ...Array(width - 1).fill(null), 'Học kì II'];
  sheet.getCell(2, 3 + 2 * width).value = 'Cả năm';
  sheet.getRow(3).values = [null, null, ...termHeaders, ...termHeaders, 'ĐTBmcn'];
  sheet.mergeCells(2, 1, 3, 1);
  sheet.mergeCells(2, 2, 3, 2);
  sheet.mergeCells(2, 3, 2, 2 + width);
  sheet.mergeCells(2, 3 + width, 2, 2 + 2 * width);
  for (const r of [2, 3]) {
    sheet.getRow(r).font = BOLD;
    sheet.getRow(r).alignment = CENTER;
  }
  students.forEach((student, i) => {
    const term = (t: 1 | 2) =>
      scores.find(
        (s) => s.studentId === student.student_id && s.subjectCode === subject.code && s.term === t,
      );
    const termCells = (row: TermScoreRow | undefined) => [
      ...Array.from({ length: n }, (_, k) =>
        scoreCell(subject.kind, row?.regular[k] ?? null, row?.regularResults[k] ?? null),
      ),
      scoreCell(subject.kind, row?.midterm ?? null, row?.midtermResult ?? null),
      scoreCell(subject.kind, row?.final ?? null, row?.finalResult ?? null),
      scoreCell(subject.kind, row?.termAverage ?? null, row?.termResult ?? null),
    ];
    const year = yearOf(student.student_id, subject.code);
    sheet.addRow([
      i + 1,
      student.full_name,
      ...termCells(term(1)),
      ...termCells(term(2)),
      scoreCell(subject.kind, year?.yearAverage ?? null, year?.yearResult ?? null),
    ]);
  });
  sheet.getColumn(1).width = 5;
  sheet.getColumn(2).width = 28;
  for (let c = 3; c <= 3 + 2 * width; c++) {
    sheet.getColumn(c).width = 7;
    sheet.getColumn(c).alignment = { horizontal: 'center' };
  }
  // Averages print with one decimal (8 → 8,0), as in the paper gradebook.
  for (const c of [2 + width, 2 + 2 * width, 3 + 2 * width]) sheet.getColumn(c).numFmt = '0.0';
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 3 }];
}

/** The summary's columns after the subjects: learning and conduct per term and year, absences. */
export const RESULT_HEADERS = [
  'KQHT HK I',
  'KQHT HK II',
  'KQHT cả năm',
  'KQRL HK I',
  'KQRL HK II',
  'KQRL cả năm',
  'Số buổi nghỉ',
] as const;

/** The summary sheet: each subject's ĐTBmcn (or Đ/CĐ), learning and conduct results per term and year, absences. */
function writeSummarySheet(
  summary: ExcelJS.Worksheet,
  grid: ClassGrid,
  subjects: readonly SubjectColumn[],
  termResults: StudentResults['terms'],
) {
  const { cls, students, yearOf } = grid;
  summary.getCell(1, 1).value = `TỔNG HỢP KẾT QUẢ LỚP ${cls.name} — NĂM HỌC ${cls.school_year}`;
  summary.getCell(1, 1).font = { bold: true, size: 13 };
  summary.getRow(2).values = ['STT', 'Họ và tên', ...subjects.map((s) => s.shortName), ...RESULT_HEADERS];
  summary.getRow(2).font = BOLD;
  summary.getRow(2).alignment = CENTER;
  students.forEach((student, i) => {
    const terms = termResults.filter((r) => r.studentId === student.student_id);
    const t = (term: 0 | 1 | 2) => terms.find((r) => r.term === term);
    const lv = (v: Level4 | null | undefined) => (v ? LEVEL4_LABEL_VI[v] : null);
    summary.addRow([
      i + 1,
      student.full_name,
      ...subjects.map((s) => {
        const y = yearOf(student.student_id, s.code);
        return scoreCell(s.kind, y?.yearAverage ?? null, y?.yearResult ?? null);
      }),
      lv(t(1)?.learningResult),
      lv(t(2)?.learningResult),
      lv(t(0)?.learningResult),
      lv(t(1)?.conductResult),
      lv(t(2)?.conductResult),
      lv(t(0)?.conductResult),
      t(0)?.absentSessions ?? null,
    ]);
  });
  summary.getColumn(2).width = 28;
  for (let c = 3; c < 3 + subjects.length; c++) summary.getColumn(c).numFmt = '0.0';
}

/** Mean of averages given in one decimal, to two decimals (a statistic, not a grading value). */
const meanOf = (values: number[]) =>
  values.length === 0
    ? null
    : Math.round((values.reduce((s, v) => s + Math.round(v * 10), 0) * 10) / values.length) / 100;
const percent = (n: number, total: number) => (total === 0 ? 0 : Math.round((n * 10000) / total) / 100);

/**
 * The school's year (or term) results per grade: students counted, then for learning and conduct the number and the
 * percentage at Tốt / Khá / Đạt / Chưa đạt (of the students counted), and the mean ĐTBmcn of each scored subject.
 */
export async function gradeStatisticsXlsx(
  ctx: ServiceContext,
  query: { unitId: string; schoolYear: string; term: number },
) {
  const { unitId, schoolYear, term } = query;
  const school = await requireSchool(ctx, 'gradebook.read', unitId);
  const classes = await classesOf(ctx.db, unitId, schoolYear);
  const byGrade = new Map<number, string[]>();
  for (const cls of classes) {
    const ids = (await classMembers(ctx.db, unitId, cls.id)).map((s) => s.student_id);
    byGrade.set(cls.grade, [...(byGrade.get(cls.grade) ?? []), ...ids]);
  }
  const allIds = [...byGrade.values()].flat();
  const results = await resultsOfStudents(ctx.db, unitId, schoolYear, allIds);
  const yearRow = new Map(results.terms.filter((r) => r.term === term).map((r) => [r.studentId, r]));

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trường Số';
  const sheet = workbook.addWorksheet('Xếp loại');
  const period = term === 0 ? 'CẢ NĂM' : `HỌC KÌ ${term === 1 ? 'I' : 'II'}`;
  sheet.getCell(1, 1).value =
    `THỐNG KÊ KẾT QUẢ ${period} — ${school.name.toUpperCase()} — NĂM HỌC ${schoolYear}`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const levelHeaders = (group: string) =>
    LEVELS.flatMap((l) => [`${group} ${LEVEL4_LABEL_VI[l]} (SL)`, `${group} ${LEVEL4_LABEL_VI[l]} (%)`]);
  sheet.getRow(2).values = ['Khối', 'Sĩ số', ...levelHeaders('KQHT'), ...levelHeaders('KQRL')];
  sheet.getRow(2).font = BOLD;
  sheet.getRow(2).alignment = CENTER;
  const levelCells = (ids: string[], pick: 'learningResult' | 'conductResult') =>
    LEVELS.flatMap((level) => {
      const n = ids.filter((id) => yearRow.get(id)?.[pick] === level).length;
      return [n, percent(n, ids.length)];
    });
  const grades = [...byGrade.keys()].sort((a, b) => a - b);
  for (const grade of grades) {
    const ids = byGrade.get(grade) ?? [];
    sheet.addRow([
      `Khối ${grade}`,
      ids.length,
      ...levelCells(ids, 'learningResult'),
      ...levelCells(ids, 'conductResult'),
    ]);
  }
  sheet.addRow([
    'Toàn trường',
    allIds.length,
    ...levelCells(allIds, 'learningResult'),
    ...levelCells(allIds, 'conductResult'),
  ]).font = BOLD;
  sheet.getColumn(1).width = 14;

  const averages = workbook.addWorksheet('Điểm TB môn');
  averages.getCell(1, 1).value = `ĐIỂM TRUNG BÌNH CẢ NĂM (ĐTBmcn) THEO MÔN — NĂM HỌC ${schoolYear}`;
  averages.getCell(1, 1).font = { bold: true, size: 13 };
  const codes = [
    ...new Set(results.subjects.filter((s) => s.yearAverage !== null).map((s) => s.subjectCode)),
  ];
  const order = (code: string) => {
    const i = [...byGrade.keys()]
      .flatMap((g) => subjectsForGrade(g).map((s) => s.code as string))
      .indexOf(code);
    return i < 0 ? 999 : i;
  };
  codes.sort((a, b) => order(a) - order(b));
  averages.getRow(2).values = ['Khối', ...codes.map((c) => subjectByCode(c)?.name ?? c)];
  averages.getRow(2).font = BOLD;
  averages.getRow(2).alignment = CENTER;
  for (const grade of grades) {
    const ids = new Set(byGrade.get(grade));
    averages.addRow([
      `Khối ${grade}`,
      ...codes.map((code) =>
        meanOf(
          results.subjects
            .filter((s) => ids.has(s.studentId) && s.subjectCode === code && s.yearAverage !== null)
            .map((s) => s.yearAverage as number),
        ),
      ),
    ]);
  }
  averages.getColumn(1).width = 14;
  return {
    fileName: `Thống kê kết quả ${schoolYear} - ${school.name}.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

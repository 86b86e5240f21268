import ExcelJS from 'exceljs';
import type { RecordBookPeriod } from '#contracts/transcripts.ts';
import {
  combinedContentResult,
  combinedSubjectOf,
  formatAverage,
  LEVEL4_LABEL_VI,
  PASS_FAIL_SHORT_VI,
  subjectGroups,
  transcriptDecision,
  transcriptDecisionLabels,
} from '../../domain/grading/index.ts';
import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { logPersonalDataAccess } from '../../platform/audit/access-log.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { unitHeader } from '../dx-assessments/pdfs.ts';
import { assignmentsOfClasses, type Level4, scoresOfClasses, type TermScoreRow } from '../gradebook/reads.ts';
import { resultsOfStudents } from '../results/reads.ts';
import { classMembers } from '../roster/queries.ts';
import { classRole } from './class-access.ts';
import { RESULT_HEADERS, subjectColumns } from './exports.ts';

/**
 * The class record book — "Sổ theo dõi và đánh giá học sinh" of the TT22 appendix (issue 12 §2): per subject, each
 * student's ĐĐGtx, ĐĐGgk, ĐĐGck and ĐTBmhk of both terms and the ĐTBmcn (or Đ/CĐ); then the class summary with each
 * subject's year result, learning and conduct per term and year, absences and the decision. One model, printed as
 * PDF (`record-book-pdf.ts`) and .xlsx (here), values formatted as on paper ("7,3", "Đ").
 */

export interface RecordBookSubject {
  name: string;
  regularCount: number;
  /** Per student: term I cells (TX…, GK, CK, ĐTBmhk), term II cells, and the year value (both empty for term I). */
  rows: { name: string; term1: string[]; term2: string[]; year: string }[];
}

export interface RecordBook {
  schoolName: string;
  governingBody: string | null;
  className: string;
  schoolYear: string;
  /** 1: the book of term I only (closed at mid-year); 0: the whole year. */
  period: RecordBookPeriod;
  homeroomTeacherName: string | null;
  subjects: RecordBookSubject[];
  /** How many of the summary's columns after STT and name are subjects (Nghệ thuật counted once at THCS). */
  summarySubjectCount: number;
  summaryHeader: string[];
  /**
   * Per student: STT, name, each subject's value (year, or term I), then for the year KQHT I/II/CN, KQRL I/II/CN,
   * absences and the decision; for term I KQHT, KQRL and absences of term I.
   */
  summary: string[][];
}

/** The book's period in words, for titles and file names. */
export const recordBookPeriodLabel = (period: RecordBookPeriod) => (period === 1 ? 'Học kì I' : 'Cả năm');

const TERM1_RESULT_HEADERS = ['KQHT HK I', 'KQRL HK I', 'Số buổi nghỉ HK I'];

const pf = (v: 'pass' | 'fail' | null | undefined) => (v ? PASS_FAIL_SHORT_VI[v] : '');
const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : formatAverage(v));
const level = (v: Level4 | null | undefined) => (v ? LEVEL4_LABEL_VI[v] : '');

/** The homeroom teacher and the principal keep the book (TT22 Điều 16 khoản 3 and 4: record and confirm results). */
async function requireBookKeeper(ctx: ServiceContext, classId: string) {
  const role = await classRole(ctx, classId);
  if (!role.homeroom && !role.approver) throw forbidden();
  return role;
}

/**
 * The book of a class for term I only (`period` 1) or the whole year (0). At THCS Âm nhạc and Mĩ thuật are the two
 * contents of Nghệ thuật (TT22 Điều 5 khoản 1, `combined-subjects.ts`): each content keeps its page of ĐĐGtx, named
 * "Nghệ thuật — Âm nhạc", and the summary has one column Nghệ thuật with the subject's one result (Đạt when both
 * contents are Đạt), as the học bạ prints one row and the learning result counts one subject.
 */
export async function recordBook(
  ctx: ServiceContext,
  classId: string,
  period: RecordBookPeriod = 0,
): Promise<RecordBook> {
  const { cls } = await requireBookKeeper(ctx, classId);
  const students = (await classMembers(ctx.db, cls.unit_id, cls.id)).sort((a, b) =>
    compareVietnameseNames(a.full_name, b.full_name),
  );
  const ids = students.map((s) => s.student_id);
  await logPersonalDataAccess(ctx, {
    unitId: cls.unit_id,
    subjectKind: 'student',
    subjectIds: ids,
    action: 'list_export',
    detail: 'record_book',
  });
  const [header, scores, assignments, results] = await Promise.all([
    unitHeader(ctx, cls.unit_id),
    scoresOfClasses(ctx.db, cls.unit_id, cls.school_year, [cls.id]),
    assignmentsOfClasses(ctx.db, cls.unit_id, cls.school_year, [cls.id]),
    resultsOfStudents(ctx.db, cls.unit_id, cls.school_year, ids),
  ]);
  const columns = subjectColumns(
    cls.grade,
    scores,
    new Map(assignments.map((a) => [a.subjectCode, a.periodsPerYear])),
  );
  const groups = subjectGroups(columns, cls.grade);
  const scoreRow = (studentId: string, code: string, t: 1 | 2) =>
    scores.find((r) => r.studentId === studentId && r.subjectCode === code && r.term === t);
  const yearOf = (studentId: string, code: string) =>
    results.subjects.find((r) => r.studentId === studentId && r.subjectCode === code);
  const yearValue = (studentId: string, code: string, kind: 'score' | 'comment') => {
    const y = yearOf(studentId, code);
    return kind === 'comment' ? pf(y?.yearResult) : num(y?.yearAverage);
  };
  const term1Value = (studentId: string, code: string, kind: 'score' | 'comment') => {
    const row = scoreRow(studentId, code, 1);
    return kind === 'comment' ? pf(row?.termResult) : num(row?.termAverage);
  };
  /** A summary cell: a subject's value, or a combined subject's one result from its contents' stored results. */
  const groupValue = (studentId: string, group: (typeof groups)[number]) => {
    const only = group.members[0];
    if (!group.combinedName && only) {
      return period === 1
        ? term1Value(studentId, only.code, only.kind)
        : yearValue(studentId, only.code, only.kind);
    }
    const contents = group.members.map((m) =>
      period === 1 ? scoreRow(studentId, m.code, 1)?.termResult : yearOf(studentId, m.code)?.yearResult,
    );
    return pf(combinedContentResult(contents));
  };
  const subjects = columns.map((c) => {
    const combined = combinedSubjectOf(c.code, cls.grade);
    return {
      name: combined ? `${combined.name} — ${c.name}` : c.name,
      regularCount: c.regularCount,
      rows: students.map((s) => {
        const term = (t: 1 | 2) => termCells(scoreRow(s.student_id, c.code, t), c.kind, c.regularCount);
        return {
          name: s.full_name,
          term1: term(1),
          term2: period === 1 ? [] : term(2),
          year: period === 1 ? '' : yearValue(s.student_id, c.code, c.kind),
        };
      }),
    };
  });
  const labels = transcriptDecisionLabels(cls.grade);
  const summary = students.map((s, i) => {
    const row = (t: 0 | 1 | 2) => results.terms.find((r) => r.studentId === s.student_id && r.term === t);
    const values = [String(i + 1), s.full_name, ...groups.map((g) => groupValue(s.student_id, g))];
    if (period === 1) {
      const term1 = row(1);
      return [
        ...values,
        level(term1?.learningResult),
        level(term1?.conductResult),
        term1 ? String(term1.absentSessions) : '',
      ];
    }
    const year = row(0);
    const decision = year
      ? transcriptDecision({ promotion: year.promotion, finalPromotion: year.finalPromotion })
      : null;
    return [
      ...values,
      level(row(1)?.learningResult),
      level(row(2)?.learningResult),
      level(year?.learningAfterRetest ?? year?.learningResult),
      level(row(1)?.conductResult),
      level(row(2)?.conductResult),
      level(year?.summerConductResult ?? year?.conductResult),
      year ? String(year.absentSessions) : '',
      decision ? labels[decision] : '',
    ];
  });
  return {
    schoolName: header.name,
    governingBody: header.parentName,
    className: cls.name,
    schoolYear: cls.school_year,
    period,
    homeroomTeacherName: cls.homeroom_teacher_name,
    subjects,
    summarySubjectCount: groups.length,
    summaryHeader: [
      'STT',
      'Họ và tên',
      ...groups.map((g) => g.combinedName ?? g.members[0]?.shortName ?? g.code),
      ...(period === 1 ? TERM1_RESULT_HEADERS : [...RESULT_HEADERS, 'Lên lớp / không lên lớp']),
    ],
    summary,
  };
}

/** A subject's term cells: the ĐĐGtx (scores or Đ/CĐ), ĐĐGgk, ĐĐGck and ĐTBmhk (or the term's Đ/CĐ). */
function termCells(row: TermScoreRow | undefined, kind: 'score' | 'comment', regularCount: number): string[] {
  const cell = (value: number | null | undefined, result: 'pass' | 'fail' | null | undefined) =>
    kind === 'comment' ? pf(result) : num(value);
  return [
    ...Array.from({ length: regularCount }, (_, k) => cell(row?.regular[k], row?.regularResults[k])),
    cell(row?.midterm, row?.midtermResult),
    cell(row?.final, row?.finalResult),
    cell(row?.termAverage, row?.termResult),
  ];
}

/** The header of a subject's page: TX1…TXn, GK, CK, ĐTBmhk for a term. */
export const termHeaders = (regularCount: number) => [
  ...Array.from({ length: regularCount }, (_, i) => `TX${i + 1}`),
  'GK',
  'CK',
  'ĐTBmhk',
];

const BOLD = { bold: true } as const;
const CENTER = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;

export async function recordBookXlsx(ctx: ServiceContext, classId: string, period: RecordBookPeriod = 0) {
  const book = await recordBook(ctx, classId, period);
  const term1Only = book.period === 1;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trường Số';
  const used = new Set<string>();
  for (const subject of book.subjects) {
    const name = subject.name.replace(/[:\\/?*[\]]/g, '-').slice(0, 28);
    const sheetTitle = used.has(name) ? `${name.slice(0, 25)} ${used.size}` : name;
    used.add(sheetTitle);
    const sheet = workbook.addWorksheet(sheetTitle);
    const headers = termHeaders(subject.regularCount);
    sheet.addRow([`SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH — ${subject.name.toUpperCase()}`]);
    sheet.addRow([`Lớp ${book.className} — Năm học ${book.schoolYear} — ${book.schoolName}`]);
    const blanks = Array(headers.length - 1).fill(null);
    sheet.addRow(
      term1Only
        ? ['STT', 'Họ và tên', 'Học kì I', ...blanks]
        : ['STT', 'Họ và tên', 'Học kì I', ...blanks, 'Học kì II', ...blanks, 'Cả năm'],
    );
    sheet.addRow(term1Only ? [null, null, ...headers] : [null, null, ...headers, ...headers, 'ĐTBmcn']);
    sheet.mergeCells(3, 3, 3, 2 + headers.length);
    if (!term1Only) sheet.mergeCells(3, 3 + headers.length, 3, 2 + 2 * headers.length);
    for (const r of [1, 3, 4]) sheet.getRow(r).font = BOLD;
    for (const r of [3, 4]) sheet.getRow(r).alignment = CENTER;
    subject.rows.forEach((row, i) => {
      sheet.addRow(
        term1Only ? [i + 1, row.name, ...row.term1] : [i + 1, row.name, ...row.term1, ...row.term2, row.year],
      );
    });
    sheet.getColumn(2).width = 28;
  }
  const summary = workbook.addWorksheet('Tổng hợp');
  const what = term1Only ? 'HỌC KÌ I' : 'CẢ NĂM';
  summary.addRow([`TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ ${what} — LỚP ${book.className} — NĂM HỌC ${book.schoolYear}`]);
  summary.addRow(book.summaryHeader);
  summary.getRow(1).font = BOLD;
  summary.getRow(2).font = BOLD;
  summary.getRow(2).alignment = CENTER;
  for (const row of book.summary) summary.addRow(row);
  summary.getColumn(2).width = 28;
  return {
    fileName: `${recordBookTitle(book)}.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

/** The book's title and file name: "Sổ theo dõi và đánh giá học sinh 2025-2026 - Lớp 7B" (+ " - Học kì I"). */
export function recordBookTitle(book: Pick<RecordBook, 'schoolYear' | 'className' | 'period'>) {
  const base = `Sổ theo dõi và đánh giá học sinh ${book.schoolYear} - Lớp ${book.className}`;
  return book.period === 1 ? `${base} - ${recordBookPeriodLabel(1)}` : base;
}

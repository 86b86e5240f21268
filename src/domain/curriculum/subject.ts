/**
 * Types of the subjects catalogue of the 2018 general-education programme (Chương trình GDPT 2018, Thông tư
 * 32/2018/TT-BGDĐT, amended by Thông tư 13/2022/TT-BGDĐT).
 */

export type Grade = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** glossary.md: Tiểu học / THCS / THPT. */
export type SchoolLevel = 'primary' | 'lower_secondary' | 'upper_secondary';

export type SubjectCode =
  | 'vietnamese'
  | 'literature'
  | 'math'
  | 'foreign-language-1'
  | 'ethics'
  | 'nature-society'
  | 'history-geography'
  | 'science'
  | 'informatics-technology'
  | 'natural-science'
  | 'civic-education'
  | 'history'
  | 'geography'
  | 'economics-law'
  | 'physics'
  | 'chemistry'
  | 'biology'
  | 'technology'
  | 'informatics'
  | 'physical-education'
  | 'arts-music'
  | 'arts-fine-arts'
  | 'national-defence'
  | 'experiential-activities'
  | 'local-education'
  | 'ethnic-minority-language'
  | 'foreign-language-2';

/**
 * - compulsory: môn học / hoạt động giáo dục bắt buộc;
 * - elective: môn học lựa chọn (upper secondary: each student chooses 4 of the 9, TT 13/2022);
 * - optional: môn học tự chọn (Tiếng dân tộc thiểu số, Ngoại ngữ 2, and Ngoại ngữ 1 in grades 1–2).
 */
export type OfferingStatus = 'compulsory' | 'elective' | 'optional';

/** TT 22/2021 Điều 5: assessed by comments only (Đạt / Chưa đạt), or by comments and a 10-point score. */
export type AssessmentKind = 'score' | 'comment';

export interface GradeOffering {
  status: OfferingStatus;
  /** Periods (tiết) per school year of 35 weeks, from the programme's education plan (kế hoạch giáo dục). */
  periodsPerYear: number;
  /** False when the value was not checked against a transcription of the official table; see `note`. */
  confirmed: boolean;
  note?: string;
}

export interface SubjectName {
  name: string;
  shortName: string;
}

export interface Subject extends SubjectName {
  code: SubjectCode;
  /** Name used at a level where it differs from `name` (Hoạt động trải nghiệm in primary). */
  nameByLevel?: Partial<Record<SchoolLevel, SubjectName>>;
  grades: Partial<Record<Grade, GradeOffering>>;
  /** TT 22/2021 Điều 5, for grades 6–12 only. */
  assessment?: AssessmentKind;
  /**
   * TT 27/2020 Điều 7, primary only: grades with periodic tests (bài kiểm tra định kì) at the end of term 1 and the
   * end of the year, and grades that also have them at mid-term 1 and mid-term 2.
   */
  primaryTests?: { endOfTermGrades: readonly Grade[]; midTermGrades: readonly Grade[] };
  /**
   * The programme's combined subject this one belongs to in some grades: in grades 1–9 Nghệ thuật (70 periods) is
   * taught as Âm nhạc and Mĩ thuật; in grades 10–12 they are separate elective subjects.
   */
  partOf?: { name: string; grades: readonly Grade[] };
  /** False when the name, assessment kind or tests were not confirmed; see `note`. */
  confirmed: boolean;
  note?: string;
}

/** One subject as taught in one grade, with the values for that grade resolved. */
export interface GradeSubject extends SubjectName {
  code: SubjectCode;
  grade: Grade;
  level: SchoolLevel;
  status: OfferingStatus;
  periodsPerYear: number;
  /** TT 22/2021 kind for grades 6–12; null in primary, which TT 27/2020 governs. */
  assessment: AssessmentKind | null;
  /** TT 27/2020 periodic tests for grades 1–5; null in secondary. */
  periodicTests: { endOfTerm: boolean; midTerm: boolean } | null;
  /** True only when both the subject entry and this grade's offering are confirmed. */
  confirmed: boolean;
  subject: Subject;
}

export function levelOfGrade(grade: Grade): SchoolLevel {
  if (grade <= 5) return 'primary';
  if (grade <= 9) return 'lower_secondary';
  return 'upper_secondary';
}

export function isGrade(value: number): value is Grade {
  return Number.isInteger(value) && value >= 1 && value <= 12;
}

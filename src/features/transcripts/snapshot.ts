import { subjectByCode, subjectsForGrade } from '../../domain/curriculum/index.ts';
import {
  combinedContentResult,
  combinedSubjectOf,
  completesGrade,
  PRIMARY_COMPETENCIES,
  PRIMARY_QUALITIES,
} from '../../domain/grading/index.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { ClassRow } from '../classes/queries.ts';
import { unitHeader } from '../dx-assessments/pdfs.ts';
import {
  absenceTotals,
  conductOfClasses,
  type Level4,
  type PassFail,
  scoresOfStudents,
} from '../gradebook/reads.ts';
import { type PrimaryEvaluationRow, resultsOfStudents, type StudentResultRow } from '../results/reads.ts';
import { findStudent, guardiansOf } from '../students/queries.ts';

/**
 * The data a transcript (học bạ) prints, copied out of the student record, the gradebook and the results at one
 * moment. A signed or approved version keeps its copy, so later score changes never alter what was signed; a
 * correction makes a new version (grading.md, "Corrections … a new version with old value, new value").
 */
export interface TranscriptSnapshot {
  /** tt22: secondary (grades 6–12); tt27: primary (grades 1–5). Each has its own layout. */
  layout: 'tt22' | 'tt27';
  schoolYear: string;
  school: { name: string; governingBody: string | null; place: string | null };
  class: { id: string; name: string; grade: number; homeroomTeacherName: string | null };
  student: {
    id: string;
    fullName: string;
    birthDate: string | null;
    gender: 'male' | 'female' | null;
    ethnicity: string | null;
    moetStudentCode: string | null;
    address: string | null;
    /** Nơi sinh and số đăng bộ (migration 0096); absent in snapshots made before them. */
    birthPlace?: string | null;
    registrationNumber?: string | null;
    guardians: { relationship: string; fullName: string; occupation?: string | null }[];
    /** Policy groups, printed as "Đối tượng" on the TT22 identity page; absent in snapshots made before it. */
    policyFlags?: string[];
  };
  subjects: SubjectLine[];
  /** Term 1, term 2 and the year (TT22: learning and conduct results). */
  results: { term: 0 | 1 | 2; learning: Level4 | null; conduct: Level4 | null }[];
  absentSessions: number;
  promotion: StudentResultRow['promotion'];
  finalPromotion: StudentResultRow['finalPromotion'];
  /** Year conduct re-assessed after summer training (TT22 Điều 13 khoản 3). */
  summerConduct: Level4 | null;
  /** Year learning result after the summer re-test (TT22 Điều 14). */
  learningAfterRetest: Level4 | null;
  /**
   * The principal's reason for the decision on a student assessed against an individual plan (TT22 Điều 12
   * khoản 4); absent in snapshots made before migration 0090.
   */
  principalDecisionReason?: string | null;
  award: StudentResultRow['award'];
  homeroomComment: string | null;
  primary: PrimarySection | null;
  builtAt: string;
}

export interface SubjectLine {
  code: string;
  name: string;
  kind: 'score' | 'comment';
  term1: number | null;
  term2: number | null;
  year: number | null;
  term1Result: PassFail | null;
  term2Result: PassFail | null;
  yearResult: PassFail | null;
  retestScore: number | null;
  retestResult: PassFail | null;
  comment: string | null;
}

export interface PrimarySection {
  subjects: { code: string; name: string; end1: PrimaryMark | null; end2: PrimaryMark | null }[];
  /** `comment`: the teacher's comment of the year (end of year, else end of term 1); absent in older snapshots. */
  qualities: { name: string; end1: string | null; end2: string | null; comment?: string | null }[];
  competences: { name: string; end1: string | null; end2: string | null; comment?: string | null }[];
  outcome: StudentResultRow['primaryOutcome'];
  /**
   * The outcome after the further assessment of a pupil who did not complete (TT27 Điều 11 khoản 1 điểm b); absent
   * in snapshots made before migration 0094.
   */
  outcomeAfterSupport?: StudentResultRow['primaryOutcome'];
  /** What the class recognised for "Học sinh Tiêu biểu" (TT27 Điều 13); absent in older snapshots. */
  recognition?: string | null;
  completesProgramme: boolean;
}

export interface PrimaryMark {
  level: string;
  testScore: number | null;
  comment: string | null;
}

/** Builds the snapshots of these students of one class, reading every source once for the whole batch. */
export async function buildSnapshots(
  ctx: ServiceContext,
  cls: ClassRow,
  studentIds: readonly string[],
): Promise<Map<string, TranscriptSnapshot>> {
  const unitId = cls.unit_id;
  const year = cls.school_year;
  const [header, scores, results, absences, conduct] = await Promise.all([
    unitHeader(ctx, unitId),
    scoresOfStudents(ctx.db, unitId, year, studentIds),
    resultsOfStudents(ctx.db, unitId, year, studentIds),
    absenceTotals(ctx.db, unitId, year, [cls.id]),
    conductOfClasses(ctx.db, unitId, year, [cls.id]),
  ]);
  const out = new Map<string, TranscriptSnapshot>();
  const builtAt = new Date().toISOString();
  for (const studentId of studentIds) {
    const student = await findStudent(ctx.db, studentId);
    if (!student || student.unit_id !== unitId) continue;
    const guardians = await guardiansOf(ctx.db, unitId, studentId);
    const terms = results.terms.filter((r) => r.studentId === studentId);
    const termRow = (term: 0 | 1 | 2) => terms.find((r) => r.term === term);
    const year0 = termRow(0);
    const absent = absences.get(studentId);
    const conductOf = (term: 1 | 2) =>
      conduct.find((c) => c.studentId === studentId && c.term === term)?.level ?? null;
    out.set(studentId, {
      layout: cls.grade <= 5 ? 'tt27' : 'tt22',
      schoolYear: year,
      school: { name: header.name, governingBody: header.parentName, place: header.place },
      class: {
        id: cls.id,
        name: cls.name,
        grade: cls.grade,
        homeroomTeacherName: cls.homeroom_teacher_name,
      },
      student: {
        id: student.id,
        fullName: student.full_name,
        birthDate: student.birth_date,
        gender: student.gender,
        ethnicity: student.ethnicity,
        moetStudentCode: student.moet_student_code,
        address: student.address,
        birthPlace: student.birth_place,
        registrationNumber: student.registration_number,
        guardians: guardians.map((g) => ({
          relationship: g.relationship,
          fullName: g.full_name,
          occupation: g.occupation,
        })),
        policyFlags: student.policy_flags ?? [],
      },
      subjects: cls.grade <= 5 ? [] : subjectLines(cls.grade, studentId, scores, results.subjects),
      results: ([1, 2, 0] as const).map((term) => ({
        term,
        learning: termRow(term)?.learningResult ?? null,
        conduct: termRow(term)?.conductResult ?? (term === 0 ? null : conductOf(term)),
      })),
      absentSessions: year0?.absentSessions ?? (absent ? absent.excused + absent.unexcused : 0),
      promotion: year0?.promotion ?? null,
      finalPromotion: year0?.finalPromotion ?? null,
      summerConduct: year0?.summerConductResult ?? null,
      learningAfterRetest: year0?.learningAfterRetest ?? null,
      principalDecisionReason: year0?.principalDecisionReason ?? null,
      award: year0?.award ?? null,
      homeroomComment: year0?.homeroomComment ?? null,
      primary:
        cls.grade <= 5
          ? primarySection(
              cls.grade,
              results.primary.filter((p) => p.studentId === studentId),
              year0,
            )
          : null,
      builtAt,
    });
  }
  return out;
}

type ScoreRows = Awaited<ReturnType<typeof scoresOfStudents>>;
type YearRows = Awaited<ReturnType<typeof resultsOfStudents>>['subjects'];

/** The grade's subjects in programme order, plus any other subject the student has scores in. */
function subjectLines(grade: number, studentId: string, scores: ScoreRows, years: YearRows): SubjectLine[] {
  const mine = scores.filter((s) => s.studentId === studentId);
  const myYears = years.filter((y) => y.studentId === studentId);
  const taught = new Set([...mine.map((s) => s.subjectCode), ...myYears.map((y) => y.subjectCode)]);
  const gradeSubjects = subjectsForGrade(grade).filter(
    (s) => s.status === 'compulsory' || taught.has(s.code),
  );
  const codes = [...gradeSubjects.map((s) => s.code as string)];
  for (const code of taught) if (!codes.includes(code)) codes.push(code);
  const lines = codes.map((code) => {
    const gs = gradeSubjects.find((s) => s.code === code);
    const t1 = mine.find((s) => s.subjectCode === code && s.term === 1);
    const t2 = mine.find((s) => s.subjectCode === code && s.term === 2);
    const y = myYears.find((s) => s.subjectCode === code);
    return {
      code,
      name: gs?.name ?? subjectByCode(code)?.name ?? code,
      kind: (gs?.assessment ?? subjectByCode(code)?.assessment ?? 'score') as 'score' | 'comment',
      term1: t1?.termAverage ?? null,
      term2: t2?.termAverage ?? null,
      year: y?.yearAverage ?? null,
      term1Result: t1?.termResult ?? null,
      term2Result: t2?.termResult ?? null,
      yearResult: y?.yearResult ?? null,
      retestScore: y?.retestScore ?? null,
      retestResult: y?.retestResult ?? null,
      comment: t2?.teacherComment ?? t1?.teacherComment ?? null,
    };
  });
  return withCombinedLines(lines, grade);
}

/**
 * At THCS the học bạ has one row for Nghệ thuật (TT22 Điều 5 khoản 1: one subject assessed by comment), its
 * results from both contents (`combinedContentResult`: Đạt when Âm nhạc and Mĩ thuật are both Đạt) and both
 * teachers' comments, each named by its content.
 */
export function withCombinedLines(lines: SubjectLine[], grade: number): SubjectLine[] {
  const out: SubjectLine[] = [];
  for (const line of lines) {
    const combined = combinedSubjectOf(line.code, grade);
    if (!combined) {
      out.push(line);
      continue;
    }
    if (out.some((l) => l.code === combined.code)) continue;
    const parts = lines.filter((l) => (combined.contents as readonly string[]).includes(l.code));
    const of = (pick: (l: SubjectLine) => PassFail | null) => combinedContentResult(parts.map(pick));
    const retested = parts.some((l) => l.retestResult !== null);
    out.push({
      code: combined.code,
      name: combined.printedName,
      kind: 'comment',
      term1: null,
      term2: null,
      year: null,
      term1Result: of((l) => l.term1Result),
      term2Result: of((l) => l.term2Result),
      yearResult: of((l) => l.yearResult),
      retestScore: null,
      retestResult: retested ? of((l) => l.retestResult ?? l.yearResult) : null,
      comment:
        parts
          .filter((l) => l.comment)
          .map((l) => `${l.name}: ${l.comment}`)
          .join('; ') || null,
    });
  }
  return out;
}

const aspectName = (aspect: string) => aspect.slice(aspect.indexOf(':') + 1);

/** TT27 Phụ lục học bạ: per subject the level and test score at the end of term 1 and of the year. */
function primarySection(
  grade: number,
  rows: PrimaryEvaluationRow[],
  year: StudentResultRow | undefined,
): PrimarySection {
  const at = (aspect: string, checkpoint: 'end1' | 'end2') =>
    rows.find((r) => r.aspect === aspect && r.checkpoint === checkpoint);
  const mark = (aspect: string, checkpoint: 'end1' | 'end2'): PrimaryMark | null => {
    const r = at(aspect, checkpoint);
    return r ? { level: r.level, testScore: r.testScore, comment: r.comment } : null;
  };
  const aspects = (prefix: string, defaults: readonly string[]) => {
    // The names the school recorded, or the circular's list before anything is recorded.
    const recorded = [
      ...new Set(rows.filter((r) => r.aspect.startsWith(`${prefix}:`)).map((r) => aspectName(r.aspect))),
    ];
    const names = recorded.length > 0 ? recorded : defaults;
    return names.map((name) => ({
      name,
      end1: at(`${prefix}:${name}`, 'end1')?.level ?? null,
      end2: at(`${prefix}:${name}`, 'end2')?.level ?? null,
      comment: at(`${prefix}:${name}`, 'end2')?.comment ?? at(`${prefix}:${name}`, 'end1')?.comment ?? null,
    }));
  };
  const subjects = subjectsForGrade(grade).filter(
    (s) => s.status === 'compulsory' || rows.some((r) => r.aspect === `subject:${s.code}`),
  );
  return {
    subjects: subjects.map((s) => ({
      code: s.code,
      name: s.name,
      end1: mark(`subject:${s.code}`, 'end1'),
      end2: mark(`subject:${s.code}`, 'end2'),
    })),
    qualities: aspects('quality', PRIMARY_QUALITY_NAMES),
    competences: aspects('competence', PRIMARY_COMPETENCE_NAMES),
    outcome: year?.primaryOutcome ?? null,
    outcomeAfterSupport: year?.primaryOutcomeAfterSupport ?? null,
    recognition: year?.primaryRecognition ?? null,
    // TT27 Điều 11 khoản 2: a pupil who completes grade 5 — at the year close or after the further assessment.
    completesProgramme: grade === 5 && completes(year),
  };
}

const PRIMARY_QUALITY_NAMES: readonly string[] = PRIMARY_QUALITIES;
const PRIMARY_COMPETENCE_NAMES: readonly string[] = PRIMARY_COMPETENCIES;

const completes = (year: StudentResultRow | undefined) =>
  [year?.primaryOutcome, year?.primaryOutcomeAfterSupport].some((o) => o != null && completesGrade(o));

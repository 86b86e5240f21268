import { subjectByCode, subjectsForGrade } from '../../domain/curriculum/index.ts';
import {
  applyRetestResults,
  award,
  COMMENT_SUBJECT_REGULAR_ASSESSMENTS,
  commentSubjectTermResult,
  commentSubjectYearResult,
  decisionAfterSummer,
  type Level4,
  learningResult,
  type PassFail,
  type Promotion,
  regularAssessmentCount,
  retestDue,
  type SubjectResult,
  subjectsToRetest,
  termAverage,
  withCombinedSubjects,
  yearAverage,
  yearConduct,
  yearDecision,
} from '../../domain/grading/index.ts';
import type { AssignmentRow, ScoreInputRow } from '../gradebook/reads.ts';

// Term and year results of one student from the gradebook rows, with the rules of src/domain/grading (TT22).
// Pure: the close job loads the rows per batch of classes and writes what this returns.

export interface ClassSubject {
  code: string;
  name: string;
  kind: 'score' | 'comment';
  periodsPerYear: number;
  /** Chuyên đề học tập in this subject (THPT): one more ĐĐGtx per term. */
  learningTopics: boolean;
}

/**
 * The subjects a class is assessed in: its teaching assignments (the school's timetable) when there are any,
 * otherwise the compulsory subjects of the grade in the curriculum. The assessment kind always comes from the
 * curriculum (TT22 Điều 5 khoản 3), never from the assignment.
 */
export function classSubjects(grade: number, assignments: readonly AssignmentRow[]): ClassSubject[] {
  const curriculum = subjectsForGrade(grade);
  if (assignments.length === 0) {
    return curriculum
      .filter((s) => s.status === 'compulsory' && s.assessment)
      .map((s) => ({
        code: s.code,
        name: s.name,
        kind: s.assessment as 'score' | 'comment',
        periodsPerYear: s.periodsPerYear,
        learningTopics: false,
      }));
  }
  const byCode = new Map(curriculum.map((s) => [s.code as string, s]));
  return assignments.map((a) => {
    const s = byCode.get(a.subjectCode);
    return {
      code: a.subjectCode,
      name: s?.name ?? subjectByCode(a.subjectCode)?.name ?? a.subjectCode,
      kind: (s?.assessment ?? 'score') as 'score' | 'comment',
      periodsPerYear: a.periodsPerYear,
      learningTopics: a.learningTopics,
    };
  });
}

export type Scope = 'term1' | 'term2' | 'year';

export interface StudentInput {
  studentId: string;
  /** The class's grade: at THCS Âm nhạc and Mĩ thuật count as the one subject Nghệ thuật (TT22 Điều 5, 9). */
  grade: number;
  scores: readonly ScoreInputRow[];
  conduct: Partial<Record<1 | 2, Level4>>;
  absentSessions: number;
  /** Summer re-test results already entered (kept across re-runs of the year close). */
  retests: ReadonlyMap<string, { score: number | null; result: PassFail | null }>;
  summerConduct: Level4 | null;
  /**
   * Assessed against an individual education plan (TT22 Điều 11): the principal decides (Điều 12 khoản 4); the
   * value is the decision recorded so far, kept across re-runs. Absent: the ordinary rules apply.
   */
  individualPlan?: { decision: 'promoted' | 'retained' | null };
}

export interface TermOutcome {
  term: 1 | 2;
  learning: Level4 | null;
  conduct: Level4 | null;
}

export interface SubjectYearOutcome {
  subjectCode: string;
  yearAverage: number | null;
  yearResult: PassFail | null;
}

export interface YearOutcome {
  learning: Level4 | null;
  conduct: Level4 | null;
  absentSessions: number;
  promotion: Promotion | null;
  award: 'outstanding' | 'excellent' | null;
  finalPromotion: 'promoted' | 'retained' | null;
  /** The year learning result after the summer re-test (Điều 14), once every due re-test is entered. */
  learningAfterRetest: Level4 | null;
}

export interface StudentOutcome {
  studentId: string;
  terms: TermOutcome[];
  subjects: SubjectYearOutcome[];
  year: YearOutcome | null;
  /** What is missing, in Vietnamese ("Toán HK I: thiếu ĐĐGck"); a student with anything missing is not classified. */
  missing: string[];
}

const TERM_LABEL = { 1: 'HK I', 2: 'HK II' } as const;

/** "Toán HK I"; built only when something is missing (the year close computes millions of complete results). */
function labelOf(subject: ClassSubject, term: 1 | 2): string {
  return `${subject.name} ${TERM_LABEL[term]}`;
}

/** One subject's term result, or what is missing (TT22 Điều 6–7: every required assessment must be there). */
export function subjectTermResult(
  subject: ClassSubject,
  row: ScoreInputRow | undefined,
  term: 1 | 2,
): { result: SubjectResult } | { missing: string } {
  if (!row) return { missing: `${labelOf(subject, term)}: chưa có điểm` };
  if (subject.kind === 'score') {
    const regular = row.regular.filter((v): v is number => v !== null && v !== undefined).map(Number);
    const learningTopics = subject.learningTopics;
    const required = regularAssessmentCount(subject.periodsPerYear, { learningTopics });
    const gaps: string[] = [];
    if (regular.length < required) gaps.push(`ĐĐGtx ${regular.length}/${required}`);
    if (row.midterm === null) gaps.push('ĐĐGgk');
    if (row.final === null) gaps.push('ĐĐGck');
    if (gaps.length > 0) return { missing: `${labelOf(subject, term)}: thiếu ${gaps.join(', ')}` };
    const average = termAverage({
      regular,
      midterm: Number(row.midterm),
      final: Number(row.final),
      learningTopics,
    });
    return { result: { subject: subject.code, kind: 'score', average } };
  }
  const regular = row.regularResults.filter((v): v is PassFail => v === 'pass' || v === 'fail');
  const gaps: string[] = [];
  if (regular.length < COMMENT_SUBJECT_REGULAR_ASSESSMENTS) {
    gaps.push(`đánh giá thường xuyên ${regular.length}/${COMMENT_SUBJECT_REGULAR_ASSESSMENTS}`);
  }
  if (!row.midtermResult) gaps.push('giữa kì');
  if (!row.finalResult) gaps.push('cuối kì');
  if (gaps.length > 0) return { missing: `${labelOf(subject, term)}: thiếu ${gaps.join(', ')}` };
  const assessments = [...regular, row.midtermResult as PassFail, row.finalResult as PassFail];
  const result = commentSubjectTermResult({ assessments, required: assessments.length });
  return { result: { subject: subject.code, kind: 'comment', result } };
}

function termResults(
  subjects: readonly ClassSubject[],
  scores: ReadonlyMap<string, ScoreInputRow>,
  term: 1 | 2,
) {
  const results = new Map<string, SubjectResult>();
  const missing: string[] = [];
  for (const subject of subjects) {
    const row = scores.get(`${term}:${subject.code}`);
    const r = subjectTermResult(subject, row, term);
    if ('missing' in r) missing.push(r.missing);
    else results.set(subject.code, r.result);
  }
  return { results, missing };
}

/** The year result of a subject: ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII)/3, or the term-2 Đạt/Chưa đạt (TT22 Điều 9). */
function subjectYear(t1: SubjectResult, t2: SubjectResult): SubjectResult {
  if (t1.kind === 'score' && t2.kind === 'score') {
    return { subject: t1.subject, kind: 'score', average: yearAverage(t1.average, t2.average) };
  }
  if (t1.kind === 'comment' && t2.kind === 'comment') {
    return {
      subject: t1.subject,
      kind: 'comment',
      result: commentSubjectYearResult({ term1: t1.result, term2: t2.result }),
    };
  }
  throw new Error(`subject ${t1.subject} changed kind between terms`);
}

/**
 * The decision after the summer (TT22 Điều 12–14, `decisionAfterSummer`): promoted/retained at once, or — for
 * conduct training, a re-test, or training then re-test — once each step the student owes has its result; null
 * while still pending. `learningAfterRetest` is the year learning result recomputed with the re-tests in place
 * (Điều 14), stored as a result of its own; null when no re-test is due or one is still missing.
 */
export function finalPromotionOf(s: {
  learning: Level4;
  conduct: Level4;
  absentSessions: number;
  yearSubjects: readonly SubjectResult[];
  retests: StudentInput['retests'];
  summerConduct: Level4 | null;
  grade: number;
}): { finalPromotion: 'promoted' | 'retained' | null; learningAfterRetest: Level4 | null } {
  const standing = { learning: s.learning, conduct: s.conduct, absentSessions: s.absentSessions };
  const learningAfterRetest = retestDue(standing, s.summerConduct)
    ? learningAfterRetestOf(s.yearSubjects, s.retests, s.grade)
    : null;
  const finalPromotion = decisionAfterSummer({
    ...standing,
    conductAfterSummer: s.summerConduct,
    learningAfterRetest,
  });
  return { finalPromotion, learningAfterRetest };
}

/** The year learning result with every due re-test in place (Điều 14); null while one is missing. */
function learningAfterRetestOf(
  yearSubjects: readonly SubjectResult[],
  entered: StudentInput['retests'],
  grade: number,
): Level4 | null {
  const retests: SubjectResult[] = [];
  for (const code of subjectsToRetest(yearSubjects)) {
    const original = yearSubjects.find((x) => x.subject === code);
    const result = entered.get(code);
    if (!original || !result) return null;
    if (original.kind === 'score') {
      if (result.score === null) return null;
      retests.push({ subject: code, kind: 'score', average: result.score });
    } else {
      if (!result.result) return null;
      retests.push({ subject: code, kind: 'comment', result: result.result });
    }
  }
  return learningResult(withCombinedSubjects(applyRetestResults(yearSubjects, retests), grade));
}

/** Term (and, for the year close, year) results of one student; nothing is classified when data are missing. */
export function computeStudent(
  subjects: readonly ClassSubject[],
  student: StudentInput,
  scope: Scope,
): StudentOutcome {
  const termsWanted: (1 | 2)[] = scope === 'term1' ? [1] : scope === 'term2' ? [2] : [1, 2];
  const missing: string[] = [];
  const byTerm = new Map<1 | 2, Map<string, SubjectResult>>();
  const terms: TermOutcome[] = [];
  const scores = new Map(student.scores.map((row) => [`${row.term}:${row.subjectCode}`, row]));
  for (const term of termsWanted) {
    const r = termResults(subjects, scores, term);
    byTerm.set(term, r.results);
    const conduct = student.conduct[term] ?? null;
    if (!conduct) r.missing.push(`Kết quả rèn luyện ${TERM_LABEL[term]}: chưa đánh giá`);
    missing.push(...r.missing);
    // A term with any subject missing is not classified (the student is reported instead).
    const complete = r.results.size === subjects.length && subjects.length > 0;
    const learning = complete
      ? learningResult(withCombinedSubjects([...r.results.values()], student.grade))
      : null;
    terms.push({ term, learning, conduct });
  }
  const subjectOutcomes: SubjectYearOutcome[] = [];
  if (scope !== 'year')
    return { studentId: student.studentId, terms, subjects: subjectOutcomes, year: null, missing };

  const yearSubjects: SubjectResult[] = [];
  for (const subject of subjects) {
    const t1 = byTerm.get(1)?.get(subject.code);
    const t2 = byTerm.get(2)?.get(subject.code);
    if (!t1 || !t2) continue;
    const y = subjectYear(t1, t2);
    yearSubjects.push(y);
    subjectOutcomes.push({
      subjectCode: subject.code,
      yearAverage: y.kind === 'score' ? y.average : null,
      yearResult: y.kind === 'comment' ? y.result : null,
    });
  }
  const c1 = student.conduct[1];
  const c2 = student.conduct[2];
  const conduct = c1 && c2 ? yearConduct(c1, c2) : null;
  if (missing.length > 0 || !conduct) {
    const year: YearOutcome = {
      learning: null,
      conduct,
      absentSessions: student.absentSessions,
      promotion: null,
      award: null,
      finalPromotion: null,
      learningAfterRetest: null,
    };
    return { studentId: student.studentId, terms, subjects: subjectOutcomes, year, missing };
  }
  // Điều 9 counts subjects: at THCS the two contents of Nghệ thuật are one subject with one result.
  const learning = learningResult(withCombinedSubjects(yearSubjects, student.grade));
  const decision = yearDecision({
    learning,
    conduct,
    absentSessions: student.absentSessions,
    individualPlan: student.individualPlan !== undefined,
  });
  const yearAverages = yearSubjects.flatMap((s) => (s.kind === 'score' ? [s.average] : []));
  const final = student.individualPlan
    ? { finalPromotion: student.individualPlan.decision, learningAfterRetest: null }
    : finalPromotionOf({
        learning,
        conduct,
        absentSessions: student.absentSessions,
        yearSubjects,
        retests: student.retests,
        summerConduct: student.summerConduct,
        grade: student.grade,
      });
  return {
    studentId: student.studentId,
    terms,
    subjects: subjectOutcomes,
    year: {
      learning,
      conduct,
      absentSessions: student.absentSessions,
      promotion: decision,
      award: award({ learning, conduct, yearAverages }),
      finalPromotion: final.finalPromotion,
      learningAfterRetest: final.learningAfterRetest,
    },
    missing,
  };
}

import { periodsPerYear, subjectByCode, subjectsForGrade } from '../../domain/curriculum/index.ts';
import { logPersonalDataAccess } from '../../platform/audit/access-log.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import {
  type AssignmentRow,
  absencesOfStudents,
  assignmentsOfClasses,
  conductOfClasses,
  scoresOfStudents,
  type TermScoreRow,
} from '../gradebook/reads.ts';
import type { ClassSubject } from '../results/compute.ts';
import { resultsOfStudents } from '../results/reads.ts';
import { readStudentAccess } from '../students/access.ts';
import { listMyStudents } from '../students/mine.ts';
import { enrolmentsOf } from '../students/queries.ts';
import { requireClassReader } from '../transcripts/class-access.ts';
import { notesForFamily } from './notes.ts';
import { provisionalTerm } from './provisional.ts';

/**
 * Sổ liên lạc: what a family (or the student) follows during the year — scores as they are entered with the term
 * and year averages, absences, teacher comments, term and year results and the class's notes. A guardian reaches
 * only their own children and a student only themself (students.read_own, the students feature's "mine" rule);
 * staff reach it when they may read the class's gradebook. Every read is written to the personal-data log.
 */

/** The children (or the student themself) the caller can open the contact book of. */
export function myChildren(ctx: ServiceContext) {
  return listMyStudents(ctx);
}

/**
 * One transaction around the whole read: on the embedded database each statement outside a transaction waits its
 * turn for the one connection (about a dozen turns for this page, behind every grid save of the evening), inside
 * it the page takes one turn. On PostgreSQL it costs the parallelism of six small reads on one connection.
 */
export function contactBook(ctx: ServiceContext, studentId: string, schoolYear?: string) {
  return inTransaction(ctx, (trx) => readContactBook(trx, studentId, schoolYear));
}

async function readContactBook(ctx: ServiceContext, studentId: string, schoolYear?: string) {
  const access = await readStudentAccess(ctx, studentId);
  const { student } = access;
  const enrolments = (await enrolmentsOf(ctx.db, studentId)).filter((e) => e.unit_id === student.unit_id);
  const enrolment =
    (schoolYear ? enrolments.find((e) => e.school_year === schoolYear) : undefined) ??
    enrolments.find((e) => e.left_on === null) ??
    enrolments[0];
  if (!enrolment) throw notFound('lớp của học sinh');
  // Staff see a student's contact book only where they may read the class's gradebook.
  if (access.view === 'staff') await requireClassReader(ctx, enrolment.class_id);
  const unitId = student.unit_id;
  const year = enrolment.school_year;
  const [scores, results, absences, conduct, notes, assignments] = await Promise.all([
    scoresOfStudents(ctx.db, unitId, year, [studentId]),
    resultsOfStudents(ctx.db, unitId, year, [studentId]),
    absencesOfStudents(ctx.db, unitId, year, [studentId]),
    conductOfClasses(ctx.db, unitId, year, [enrolment.class_id]),
    notesForFamily(ctx, unitId, enrolment.class_id, studentId),
    assignmentsOfClasses(ctx.db, unitId, year, [enrolment.class_id]),
  ]);
  await logPersonalDataAccess(ctx, {
    unitId,
    subjectKind: 'student',
    subjectIds: [studentId],
    action: 'view',
    detail: access.view === 'own' ? 'contact_book_own' : 'contact_book',
  });
  const termRow = (t: 0 | 1 | 2) => results.terms.find((r) => r.term === t);
  const myConduct = conduct.filter((c) => c.studentId === studentId);
  return {
    student: {
      id: student.id,
      fullName: student.full_name,
      unitName: student.unit_name,
      classId: enrolment.class_id,
      className: enrolment.class_name,
      grade: enrolment.grade,
      schoolYear: year,
    },
    schoolYears: [...new Set(enrolments.map((e) => e.school_year))],
    subjects: subjectsOf(enrolment.grade, scores, results, assignments),
    results: ([1, 2, 0] as const).map((term) => ({
      term,
      learning: termRow(term)?.learningResult ?? null,
      conduct:
        termRow(term)?.conductResult ??
        (term === 0 ? null : (myConduct.find((c) => c.term === term)?.level ?? null)),
      conductComment: term === 0 ? null : (myConduct.find((c) => c.term === term)?.comment ?? null),
      award: termRow(term)?.award ?? null,
      promotion: termRow(term)?.promotion ?? null,
      homeroomComment: termRow(term)?.homeroomComment ?? null,
    })),
    absences: absences.map((a) => ({ date: a.date, session: a.session, excused: a.excused, note: a.note })),
    notes,
    canAcknowledge: access.view === 'own',
  };
}

type Results = Awaited<ReturnType<typeof resultsOfStudents>>;

/**
 * The subject as the class is assessed in it, for the provisional average: the periods per year (which fix the
 * number of ĐĐGtx) come from the class's teaching assignment, else from the curriculum for the grade.
 */
function assessedSubject(
  grade: number,
  code: string,
  name: string,
  kind: ClassSubject['kind'],
  assignments: readonly AssignmentRow[],
): ClassSubject | undefined {
  const assignment = assignments.find((a) => a.subjectCode === code);
  const periods = assignment?.periodsPerYear ?? periodsPerYear(code, grade);
  const learningTopics = assignment?.learningTopics ?? false;
  return periods === undefined ? undefined : { code, name, kind, periodsPerYear: periods, learningTopics };
}

function subjectsOf(grade: number, scores: TermScoreRow[], results: Results, assignments: AssignmentRow[]) {
  const years = results.subjects;
  // A term is closed for the student once the close job has stored its result; until then averages are provisional.
  const closedTerms = new Set(results.terms.map((r) => r.term));
  const codes = [...new Set([...scores.map((s) => s.subjectCode), ...years.map((y) => y.subjectCode)])];
  const order = subjectsForGrade(grade).map((s) => s.code as string);
  codes.sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999));
  return codes.map((code) => {
    const gs = subjectsForGrade(grade).find((s) => s.code === code);
    const subject = subjectByCode(code);
    const year = years.find((y) => y.subjectCode === code);
    const name = gs?.name ?? subject?.name ?? code;
    const kind = (gs?.assessment ?? subject?.assessment ?? 'score') as 'score' | 'comment';
    const assessed = assessedSubject(grade, code, name, kind, assignments);
    return {
      code,
      name,
      kind,
      terms: scores
        .filter((s) => s.subjectCode === code)
        .sort((a, b) => a.term - b.term)
        .map((s) => ({
          term: s.term,
          regular: s.regular,
          midterm: s.midterm,
          final: s.final,
          regularResults: s.regularResults,
          midtermResult: s.midtermResult,
          finalResult: s.finalResult,
          termAverage: s.termAverage,
          termResult: s.termResult,
          ...provisionalTerm(assessed, s),
          closed: closedTerms.has(s.term),
          comment: s.teacherComment,
          updatedAt: s.updatedAt.toISOString(),
        })),
      yearAverage: year?.yearAverage ?? null,
      yearResult: year?.yearResult ?? null,
      retestScore: year?.retestScore ?? null,
    };
  });
}

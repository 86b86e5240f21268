import { periodsPerYear, subjectByCode, subjectsForGrade } from '../../domain/curriculum/index.ts';
import { logPersonalDataAccess } from '../../platform/audit/access-log.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { TermScoreRow } from '../gradebook/reads.ts';
import type { ClassSubject } from '../results/compute.ts';
import { listMyStudents } from '../students/mine.ts';
import { requireClassReader } from '../transcripts/class-access.ts';
import { type ContactBookPage, type PageEnrolment, readContactBookPage } from './page-read.ts';
import { provisionalTerm } from './provisional.ts';

type PageAssignment = ContactBookPage['assignments'][number];

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
 * One SQL statement reads the whole page and, for a family, writes its personal-data log row (page-read.ts): under
 * load the page's cost was its fifteen round trips, not its queries. Staff pass one more check, the class's
 * gradebook, before their read is logged.
 */
export async function contactBook(ctx: ServiceContext, studentId: string, schoolYear?: string) {
  const page = await readContactBookPage(ctx, studentId, schoolYear, { own: 'contact_book_own' });
  if (!page) throw notFound('học sinh');
  if (!page.view) throw forbidden();
  const { enrolment } = page;
  if (!enrolment) throw notFound('lớp của học sinh');
  if (page.view === 'staff') {
    // Staff see a student's contact book only where they may read the class's gradebook.
    await inTransaction(ctx, async (trx) => {
      await requireClassReader(trx, enrolment.classId);
      await logPersonalDataAccess(trx, {
        unitId: page.student.unitId,
        subjectKind: 'student',
        subjectIds: [studentId],
        action: 'view',
        detail: 'contact_book',
      });
    });
  }
  return shapePage(page, enrolment, studentId);
}

function shapePage(page: ContactBookPage, enrolment: PageEnrolment, studentId: string) {
  const termRow = (t: 0 | 1 | 2) => page.terms.find((r) => r.term === t);
  const myConduct = page.conduct;
  return {
    student: {
      id: studentId,
      fullName: page.student.fullName,
      unitName: page.student.unitName,
      classId: enrolment.classId,
      className: enrolment.className,
      grade: enrolment.grade,
      schoolYear: enrolment.schoolYear,
    },
    schoolYears: page.schoolYears,
    subjects: subjectsOf(enrolment.grade, page.scores, page, page.assignments),
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
    absences: page.absences,
    notes: page.notes,
    canAcknowledge: page.view === 'own',
  };
}

type Results = Pick<ContactBookPage, 'terms' | 'subjects'>;

/**
 * The subject as the class is assessed in it, for the provisional average: the periods per year (which fix the
 * number of ĐĐGtx) come from the class's teaching assignment, else from the curriculum for the grade.
 */
function assessedSubject(
  grade: number,
  code: string,
  name: string,
  kind: ClassSubject['kind'],
  assignments: readonly PageAssignment[],
): ClassSubject | undefined {
  const assignment = assignments.find((a) => a.subjectCode === code);
  const periods = assignment?.periodsPerYear ?? periodsPerYear(code, grade);
  const learningTopics = assignment?.learningTopics ?? false;
  return periods === undefined ? undefined : { code, name, kind, periodsPerYear: periods, learningTopics };
}

function subjectsOf(grade: number, scores: TermScoreRow[], results: Results, assignments: PageAssignment[]) {
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

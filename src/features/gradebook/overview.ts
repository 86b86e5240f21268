import { subjectsForGrade } from '../../domain/curriculum/index.ts';
import { requiredRegularAssessments } from '../../domain/grading/index.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { loadClassGradebook, refusePrimaryClass, rosterOf } from './access.ts';
import { scoresOfClasses, type TermScoreRow } from './reads.ts';

// Tổng hợp điểm của lớp: the homeroom teacher's (and the leaders') view of every subject of a class for one term —
// ĐTBmhk of scored subjects, Đạt / Chưa đạt of comment subjects (TT 22/2021 Điều 7, 9), and how many required
// assessments are still missing where the term is not complete. Read only: scores are entered in each subject's
// grid by its teacher.

export interface OverviewCell {
  /** ĐTBmhk (scored subjects), stored once the term's assessments are complete. */
  average: number | null;
  /** Đạt / Chưa đạt (comment subjects). */
  result: 'pass' | 'fail' | null;
  /** Required assessments (ĐĐGtx, ĐĐGgk, ĐĐGck) not entered yet; 0 when the term is complete. */
  missing: number;
}

export async function classOverview(ctx: ServiceContext, classId: string, term: 1 | 2) {
  const g = await loadClassGradebook(ctx, classId);
  // Leaders read every class; a teacher only the class they lead (subject teachers use their own grids).
  if (!g.readAll && !g.homeroom) throw forbidden();
  const cls = g.cls;
  refusePrimaryClass(cls, 'bảng tổng hợp điểm');
  const [roster, scores, assignments] = await Promise.all([
    rosterOf(ctx, cls),
    scoresOfClasses(ctx.db, cls.unit_id, cls.school_year, [cls.id], term),
    ctx.db
      .selectFrom('teaching_assignments as a')
      .innerJoin('staff', 'staff.id', 'a.teacher_id')
      .select(['a.subject_code', 'a.periods_per_year', 'staff.full_name'])
      .where('a.unit_id', '=', cls.unit_id)
      .where('a.class_id', '=', cls.id)
      .execute(),
  ]);
  const assigned = new Map(assignments.map((a) => [a.subject_code, a]));
  const scored = new Set(scores.map((s) => s.subjectCode));
  // Electives and optional subjects appear only where the class takes them (assigned or already scored).
  const subjects = subjectsForGrade(cls.grade)
    .filter((s) => s.status === 'compulsory' || assigned.has(s.code) || scored.has(s.code))
    .map((s) => {
      const kind = s.assessment ?? 'score';
      const a = assigned.get(s.code);
      const periodsPerYear = a?.periods_per_year ?? s.periodsPerYear;
      return {
        code: s.code,
        name: s.name,
        shortName: s.shortName,
        kind,
        teacherName: a?.full_name ?? null,
        regularCount: requiredRegularAssessments({ periodsPerYear, kind }),
      };
    });
  const byKey = new Map(scores.map((s) => [`${s.studentId}/${s.subjectCode}`, s]));
  const rows = roster.map((student) => ({
    studentId: student.studentId,
    fullName: student.fullName,
    cells: Object.fromEntries(
      subjects.map((s) => [
        s.code,
        cellOf(byKey.get(`${student.studentId}/${s.code}`), s.kind, s.regularCount),
      ]),
    ) as Record<string, OverviewCell>,
  }));
  return {
    class: { id: cls.id, name: cls.name, grade: cls.grade, schoolYear: cls.school_year },
    term,
    subjects: subjects.map((s) => ({
      ...s,
      // Students whose term is complete in this subject, for the header ("32/45").
      complete: rows.filter((r) => r.cells[s.code]?.missing === 0).length,
    })),
    rows,
  };
}

function cellOf(
  row: TermScoreRow | undefined,
  kind: 'score' | 'comment',
  regularCount: number,
): OverviewCell {
  const regular: unknown[] = (kind === 'score' ? row?.regular : row?.regularResults) ?? [];
  const midterm = kind === 'score' ? row?.midterm : row?.midtermResult;
  const final = kind === 'score' ? row?.final : row?.finalResult;
  let missing = (midterm == null ? 1 : 0) + (final == null ? 1 : 0);
  for (let i = 0; i < regularCount; i++) if (regular[i] == null) missing++;
  return {
    average: kind === 'score' ? (row?.termAverage ?? null) : null,
    result: kind === 'comment' ? (row?.termResult ?? null) : null,
    missing,
  };
}

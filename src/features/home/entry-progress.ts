import { type Kysely, sql } from 'kysely';
import type { EntryProgress } from '#contracts/home.ts';
import { subjectsForGrade } from '../../domain/curriculum/index.ts';
import { requiredRegularAssessments } from '../../domain/grading/index.ts';
import type { DB } from '../../platform/db/schema.ts';

// Score-entry progress of class × subject pairs for one term, in two statements however many pairs: the teaching
// assignments, then every pair's counts over the current class members at once. A cell is "required" as the score
// grid counts it (gradebook/overview.ts): the first N ĐĐGtx the subject's periods require (TT22 Điều 7 khoản 1),
// one ĐĐGgk and one ĐĐGck; a comment-assessed subject counts its Đ/CĐ marks the same way (Điều 9).

interface AssignmentRow {
  unit_id: string;
  class_id: string;
  class_name: string;
  grade: number;
  subject_code: string;
  periods_per_year: number;
  learning_topics: boolean;
  teacher_name: string | null;
}

export interface EntryFilter {
  unitId: string;
  schoolYear: string;
  term: number;
  /** Only these teachers' assignments (a teacher's home page); all of the school's when absent. */
  teacherIds?: readonly string[];
}

export async function entryProgress(db: Kysely<DB>, filter: EntryFilter): Promise<EntryProgress[]> {
  if (filter.teacherIds && filter.teacherIds.length === 0) return [];
  let query = db
    .selectFrom('teaching_assignments as a')
    .innerJoin('classes as c', 'c.id', 'a.class_id')
    .leftJoin('staff as s', 's.id', 'a.teacher_id')
    .select([
      'a.unit_id',
      'a.class_id',
      'c.name as class_name',
      'c.grade',
      'a.subject_code',
      'a.periods_per_year',
      'a.learning_topics',
      's.full_name as teacher_name',
    ])
    .where('a.unit_id', '=', filter.unitId)
    .where('a.school_year', '=', filter.schoolYear)
    // TT22 grids are for grades 6–12; primary classes are evaluated under TT27 (results/primary.ts).
    .where('c.grade', '>=', 6);
  if (filter.teacherIds) query = query.where('a.teacher_id', 'in', filter.teacherIds);
  const pairs = (await query.execute()).flatMap((a) => describePair(a));
  if (pairs.length === 0) return [];
  const counts = await pairCounts(db, filter, pairs);
  return pairs
    .map((p) => {
      const c = counts.get(`${p.classId}/${p.subjectCode}`);
      return { ...p, students: c?.students ?? 0, complete: c?.complete ?? 0, missingCells: c?.missing ?? 0 };
    })
    .map(({ regularCount: _r, kind: _k, ...rest }) => rest);
}

function describePair(a: AssignmentRow) {
  const subject = subjectsForGrade(a.grade).find((s) => s.code === a.subject_code);
  if (!subject) return [];
  const kind = subject.assessment ?? 'score';
  let regularCount: number;
  try {
    regularCount = requiredRegularAssessments({
      periodsPerYear: a.periods_per_year,
      kind,
      learningTopics: a.learning_topics,
    });
  } catch {
    // A period count outside the table cannot be graded yet; the grid itself shows why.
    return [];
  }
  return [
    {
      classId: a.class_id,
      className: a.class_name,
      grade: a.grade,
      subjectCode: a.subject_code,
      subjectName: subject.name,
      teacherName: a.teacher_name,
      kind,
      regularCount,
    },
  ];
}

async function pairCounts(
  db: Kysely<DB>,
  filter: EntryFilter,
  pairs: { classId: string; subjectCode: string; regularCount: number; kind: 'score' | 'comment' }[],
) {
  // students: current members; complete: a stored ĐTBmhk or Đ/CĐ of the term (stored once every required
  // assessment is in); missing: required cells still empty, summed over the members.
  const result = await sql<{
    class_id: string;
    subject_code: string;
    students: number;
    complete: number;
    missing: number;
  }>`
    with wanted (class_id, subject_code, regular_count, kind) as (
      select * from unnest(${pairs.map((p) => p.classId)}::uuid[], ${pairs.map((p) => p.subjectCode)}::text[],
                           ${pairs.map((p) => p.regularCount)}::int[], ${pairs.map((p) => p.kind)}::text[])
    )
    select w.class_id, w.subject_code,
      count(e.student_id)::int as students,
      count(*) filter (where ss.term_average is not null or ss.term_result is not null)::int as complete,
      coalesce(sum(
        w.regular_count - (
          select count(*) from unnest(case when w.kind = 'score' then ss.regular::text[] else ss.regular_results::text[] end)
            with ordinality as r(v, i)
          where r.v is not null and r.i <= w.regular_count
        )
        + case when (case when w.kind = 'score' then ss.midterm::text else ss.midterm_result end) is null then 1 else 0 end
        + case when (case when w.kind = 'score' then ss.final::text else ss.final_result end) is null then 1 else 0 end
      ), 0)::int as missing
    from wanted w
    join enrolments e on e.class_id = w.class_id and e.unit_id = ${filter.unitId} and e.left_on is null
    left join subject_scores ss on ss.unit_id = ${filter.unitId} and ss.class_id = w.class_id
      and ss.student_id = e.student_id and ss.subject_code = w.subject_code and ss.term = ${filter.term}
    group by w.class_id, w.subject_code`.execute(db);
  return new Map(result.rows.map((r) => [`${r.class_id}/${r.subject_code}`, r]));
}

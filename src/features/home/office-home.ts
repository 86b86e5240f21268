import { sql } from 'kysely';
import type { OfficeHome } from '#contracts/home.ts';
import { type AssessmentStatus, isSubmitted } from '../../domain/dx-index/workflow.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { startsWithPattern } from '../../platform/db/sql-helpers.ts';
import { yearAndTerm } from './calendar.ts';

type SchoolRow = {
  id: string;
  name: string;
  students: number;
  entry_expected: number;
  entry_complete: number;
  entry_deadline: string | null;
  year_closed: number;
  dx_status: AssessmentStatus | null;
  dx_deadline: string | null;
};

/**
 * An office's schools and how far each is: score entry of the current term, the year close and the DX
 * self-assessment, late ones first. One statement for every school below the office. The term and the year's end
 * come from the office's calendar (a school with its own calendar differs by days at most).
 */
export async function officeHome(
  ctx: ServiceContext,
  input: { unitId: string; schoolYear?: string },
): Promise<OfficeHome> {
  const office = await requireUnitAccess(ctx, 'gradebook.read', input.unitId);
  const { today, schoolYear, term, calendar } = await yearAndTerm(ctx.db, office.path, input.schoolYear);
  if (!schoolYear || !term) return { unitName: office.name, schoolYear, today, schools: [] };
  // Per school below the office: students = current members of the year's classes; entry_expected = member ×
  // assigned subject of grades 6–12 (TT22), entry_complete = those with a stored ĐTBmhk or Đ/CĐ of the term;
  // year_closed = students with a year result (term 0); dx = the self-assessment of the year's latest campaign.
  const rows = await sql<SchoolRow>`
    with schools as (
      select u.id, u.name from units u join unit_kinds k on k.code = u.kind
      where u.path like ${startsWithPattern(office.path)} and k.category = 'school' and u.status = 'active'
    ), members as (
      select e.unit_id, e.class_id, e.student_id from enrolments e
      join classes c on c.id = e.class_id and c.unit_id = e.unit_id
      where e.unit_id in (select id from schools) and e.left_on is null and c.school_year = ${schoolYear}
    ), entry as (
      select a.unit_id, count(*)::int as expected,
        count(*) filter (where ss.term_average is not null or ss.term_result is not null)::int as complete
      from teaching_assignments a
      join classes c on c.id = a.class_id and c.grade >= 6
      join members m on m.unit_id = a.unit_id and m.class_id = a.class_id
      left join subject_scores ss on ss.unit_id = a.unit_id and ss.class_id = a.class_id
        and ss.student_id = m.student_id and ss.subject_code = a.subject_code and ss.term = ${term}
      where a.unit_id in (select id from schools) and a.school_year = ${schoolYear}
      group by a.unit_id
    ), closed as (
      select r.unit_id, count(*)::int as n from student_results r
      where r.unit_id in (select id from schools) and r.school_year = ${schoolYear} and r.term = 0
      group by r.unit_id
    ), dx as (
      select distinct on (a.unit_id) a.unit_id, a.status, c.submission_deadline
      from assessments a join assessment_campaigns c on c.id = a.campaign_id
      where a.unit_id in (select id from schools) and c.school_year = ${schoolYear} and c.status <> 'draft'
      order by a.unit_id, c.submission_deadline desc
    )
    select s.id, s.name,
      (select count(*)::int from members m where m.unit_id = s.id) as students,
      coalesce(entry.expected, 0) as entry_expected, coalesce(entry.complete, 0) as entry_complete,
      t.entry_deadline, coalesce(closed.n, 0) as year_closed,
      dx.status as dx_status, dx.submission_deadline as dx_deadline
    from schools s
    left join entry on entry.unit_id = s.id
    left join closed on closed.unit_id = s.id
    left join dx on dx.unit_id = s.id
    left join gradebook_terms t on t.unit_id = s.id and t.school_year = ${schoolYear} and t.term = ${term}`.execute(
    ctx.db,
  );
  const yearOver = calendar !== null && today > calendar.endsOn;
  const schools = rows.rows.map((r) => ({
    unitId: r.id,
    name: r.name,
    students: r.students,
    entryComplete: r.entry_complete,
    entryExpected: r.entry_expected,
    entryDeadline: r.entry_deadline,
    yearClosed: r.year_closed,
    dxStatus: r.dx_status,
    dxDeadline: r.dx_deadline,
    late: lateReasons(r, term, today, yearOver),
  }));
  const share = (s: { entryComplete: number; entryExpected: number }) =>
    s.entryExpected === 0 ? 1 : s.entryComplete / s.entryExpected;
  schools.sort(
    (a, b) => b.late.length - a.late.length || share(a) - share(b) || a.name.localeCompare(b.name, 'vi'),
  );
  return { unitName: office.name, schoolYear, today, schools };
}

/** Why a school is late today, in the words of the office's page. */
export function lateReasons(r: SchoolRow, term: number, today: string, yearOver: boolean): string[] {
  const late: string[] = [];
  if (r.entry_deadline && today > r.entry_deadline && r.entry_complete < r.entry_expected)
    late.push(`Quá hạn nhập điểm học kì ${term === 1 ? 'I' : 'II'}`);
  if (r.dx_status && r.dx_deadline && today > r.dx_deadline && !isSubmitted(r.dx_status))
    late.push('Quá hạn nộp tự đánh giá chuyển đổi số');
  if (yearOver && r.year_closed < r.students) late.push('Chưa xét kết quả cả năm');
  return late;
}

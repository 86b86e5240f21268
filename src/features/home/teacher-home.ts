import { sql } from 'kysely';
import type { TeacherHome } from '#contracts/home.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { callerStaffIds } from '../gradebook/access.ts';
import { termState, yearAndTerm } from './calendar.ts';
import { entryProgress } from './entry-progress.ts';

/** Latest notes the teacher sent, with how many families acknowledged them. */
const NOTE_ROWS = 10;

/**
 * A teacher's day: the classes they lead or teach this year (no timetable is kept, so every class of their
 * teaching assignments), the empty required cells of each of their grids, today's register of their homeroom class,
 * and the notes they sent that families have not acknowledged yet.
 */
export async function teacherHome(
  ctx: ServiceContext,
  input: { unitId: string; schoolYear?: string },
): Promise<TeacherHome> {
  const school = await requireSchool(ctx, 'gradebook.enter', input.unitId);
  const { today, schoolYear, term } = await yearAndTerm(ctx.db, school.path, input.schoolYear);
  const staffIds = await callerStaffIds(ctx, school.id);
  if (!schoolYear || !term || staffIds.length === 0) {
    return { today, schoolYear, term: null, classes: [], notes: [] };
  }
  const [homeroom, entry, state, notes] = await Promise.all([
    homeroomClasses(ctx, school.id, schoolYear, staffIds, today),
    entryProgress(ctx.db, { unitId: school.id, schoolYear, term, teacherIds: staffIds }),
    termState(ctx.db, school.id, schoolYear, term, today),
    sentNotes(ctx, school.id),
  ]);
  const classes = new Map<string, TeacherHome['classes'][number]>();
  for (const h of homeroom) {
    classes.set(h.id, {
      classId: h.id,
      className: h.name,
      grade: h.grade,
      homeroom: true,
      attendanceTaken: Boolean(h.taken),
      subjects: [],
    });
  }
  for (const e of entry) {
    const cls = classes.get(e.classId) ?? {
      classId: e.classId,
      className: e.className,
      grade: e.grade,
      homeroom: false,
      attendanceTaken: null,
      subjects: [],
    };
    cls.subjects.push({
      subjectCode: e.subjectCode,
      subjectName: e.subjectName,
      students: e.students,
      missingCells: e.missingCells,
    });
    classes.set(e.classId, cls);
  }
  const ordered = [...classes.values()].sort(
    (a, b) =>
      Number(b.homeroom) - Number(a.homeroom) ||
      a.grade - b.grade ||
      a.className.localeCompare(b.className, 'vi'),
  );
  return { today, schoolYear, term: state, classes: ordered, notes };
}

async function homeroomClasses(
  ctx: ServiceContext,
  unitId: string,
  schoolYear: string,
  staffIds: string[],
  today: string,
) {
  return ctx.db
    .selectFrom('classes as c')
    .select(['c.id', 'c.name', 'c.grade'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('attendance_taken as t')
            .select('t.class_id')
            .whereRef('t.class_id', '=', 'c.id')
            .where('t.unit_id', '=', unitId)
            .where('t.date', '=', today),
        )
        .as('taken'),
    )
    .where('c.unit_id', '=', unitId)
    .where('c.school_year', '=', schoolYear)
    .where('c.homeroom_teacher_id', 'in', staffIds)
    .execute();
}

/**
 * The caller's latest notes: recipients are the guardians with an account of the class's current members (or of
 * the chosen students), as the contact book sends them; acknowledged, those of them who confirmed.
 */
async function sentNotes(ctx: ServiceContext, unitId: string) {
  const rows = await sql<{
    id: string;
    class_id: string;
    class_name: string;
    title: string;
    created_at: Date;
    recipients: number;
    acknowledged: number;
  }>`
    with mine as (
      select n.id, n.class_id, n.title, n.created_at, n.student_ids from class_notes n
      where n.unit_id = ${unitId} and n.author_user_id = ${ctx.actor.userId}
      order by n.created_at desc limit ${NOTE_ROWS}
    ), recipients as (
      select distinct m.id as note_id, g.user_id from mine m
      join enrolments e on e.unit_id = ${unitId} and e.class_id = m.class_id and e.left_on is null
        and (m.student_ids is null or e.student_id = any(m.student_ids))
      join student_guardians g on g.unit_id = ${unitId} and g.student_id = e.student_id and g.user_id is not null
    )
    select m.id, m.class_id, c.name as class_name, m.title, m.created_at,
      (select count(*)::int from recipients r where r.note_id = m.id) as recipients,
      (select count(*)::int from recipients r join class_note_acks a
        on a.unit_id = ${unitId} and a.note_id = r.note_id and a.user_id = r.user_id
        where r.note_id = m.id) as acknowledged
    from mine m join classes c on c.id = m.class_id
    order by m.created_at desc`.execute(ctx.db);
  return rows.rows.map((r) => ({
    id: r.id,
    classId: r.class_id,
    className: r.class_name,
    title: r.title,
    createdAt: new Date(r.created_at).toISOString(),
    recipients: r.recipients,
    acknowledged: r.acknowledged,
  }));
}

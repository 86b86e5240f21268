import { sql } from 'kysely';
import type { EntryProgress, SchoolHome } from '#contracts/home.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import { can } from '../../platform/authz/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { termState, yearAndTerm } from './calendar.ts';
import { entryProgress } from './entry-progress.ts';

/** Pairs listed on the principal's page: the ones with something missing first; the totals count them all. */
const ENTRY_ROWS = 60;

/**
 * The principal's "what now?": pupils and classes, today's register, score entry of the term against its
 * deadline, open unlocks, the DX self-assessment and running jobs. Leaders and office staff who read the school's
 * gradebook may open it.
 */
export async function schoolHome(
  ctx: ServiceContext,
  input: { unitId: string; schoolYear?: string },
): Promise<SchoolHome> {
  const school = await requireSchool(ctx, 'gradebook.read', input.unitId);
  const { today, schoolYear, term } = await yearAndTerm(ctx.db, school.path, input.schoolYear);
  const empty = { absentStudents: 0, classesTaken: 0, classesNotTaken: [] };
  if (!schoolYear || !term) {
    return {
      unitName: school.name,
      schoolYear,
      today,
      students: 0,
      classes: 0,
      attendance: empty,
      term: null,
      entry: [],
      entryTotals: { pairs: 0, completePairs: 0, missingCells: 0 },
      openUnlocks: 0,
      dx: [],
      jobs: [],
    };
  }
  const [classes, absent, state, entry, unlocks, dx, jobs] = await Promise.all([
    classesWithRegister(ctx, school.id, schoolYear, today),
    absentToday(ctx, school.id, today),
    termState(ctx.db, school.id, schoolYear, term, today),
    entryProgress(ctx.db, { unitId: school.id, schoolYear, term }),
    openUnlocks(ctx, school.id, schoolYear),
    dxOf(ctx, school.id, schoolYear),
    can(ctx.actor, 'jobs.read', school) ? activeJobs(ctx, school.id) : Promise.resolve([]),
  ]);
  const withMembers = classes.filter((c) => c.members > 0);
  return {
    unitName: school.name,
    schoolYear,
    today,
    students: withMembers.reduce((sum, c) => sum + c.members, 0),
    classes: classes.length,
    attendance: {
      absentStudents: absent,
      classesTaken: withMembers.filter((c) => c.taken).length,
      classesNotTaken: withMembers.filter((c) => !c.taken).map((c) => ({ id: c.id, name: c.name })),
    },
    term: state,
    entry: sortEntry(entry).slice(0, ENTRY_ROWS),
    entryTotals: {
      pairs: entry.length,
      completePairs: entry.filter((e) => e.students > 0 && e.complete === e.students).length,
      missingCells: entry.reduce((sum, e) => sum + e.missingCells, 0),
    },
    openUnlocks: unlocks,
    dx,
    jobs,
  };
}

/** Most missing first, then by class and subject name. */
export function sortEntry(rows: EntryProgress[]): EntryProgress[] {
  return [...rows].sort(
    (a, b) =>
      b.missingCells - a.missingCells ||
      a.className.localeCompare(b.className, 'vi') ||
      a.subjectName.localeCompare(b.subjectName, 'vi'),
  );
}

/** Each class of the year with its current members and whether a register of today was saved. */
async function classesWithRegister(ctx: ServiceContext, unitId: string, schoolYear: string, today: string) {
  const rows = await sql<{ id: string; name: string; members: number; taken: boolean }>`
    select c.id, c.name,
      (select count(*)::int from enrolments e
        where e.unit_id = c.unit_id and e.class_id = c.id and e.left_on is null) as members,
      exists (select 1 from attendance_taken t
        where t.unit_id = c.unit_id and t.class_id = c.id and t.date = ${today}) as taken
    from classes c
    where c.unit_id = ${unitId} and c.school_year = ${schoolYear}
    order by c.grade, c.name`.execute(ctx.db);
  return rows.rows;
}

/** Students absent in at least one session today (excused or not). */
async function absentToday(ctx: ServiceContext, unitId: string, today: string) {
  const row = await ctx.db
    .selectFrom('attendance')
    .select((eb) => eb.fn.count<number>('student_id').distinct().as('n'))
    .where('unit_id', '=', unitId)
    .where('date', '=', today)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function openUnlocks(ctx: ServiceContext, unitId: string, schoolYear: string) {
  const row = await ctx.db
    .selectFrom('gradebook_unlocks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear)
    .where('relocked_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The school's self-assessments in the year's DX campaigns that are not drafts. */
async function dxOf(ctx: ServiceContext, unitId: string, schoolYear: string) {
  const rows = await ctx.db
    .selectFrom('assessments as a')
    .innerJoin('assessment_campaigns as c', 'c.id', 'a.campaign_id')
    .select(['a.id', 'a.status', 'c.id as campaign_id', 'c.title', 'c.submission_deadline'])
    .where('a.unit_id', '=', unitId)
    .where('c.school_year', '=', schoolYear)
    .where('c.status', '!=', 'draft')
    .orderBy('c.submission_deadline')
    .execute();
  return rows.map((r) => ({
    campaignId: r.campaign_id,
    title: r.title,
    submissionDeadline: r.submission_deadline,
    status: r.status,
    assessmentId: r.id,
  }));
}

async function activeJobs(ctx: ServiceContext, unitId: string) {
  const rows = await ctx.db
    .selectFrom('jobs')
    .select(['id', 'kind', 'status', 'progress_done', 'progress_total'])
    .where('unit_id', '=', unitId)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at')
    .limit(10)
    .execute();
  return rows.map((j) => ({
    id: j.id,
    kind: j.kind,
    status: j.status as 'queued' | 'running',
    progressDone: j.progress_done,
    progressTotal: j.progress_total,
  }));
}

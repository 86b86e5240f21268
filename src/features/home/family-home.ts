import { sql } from 'kysely';
import type { FamilyHome } from '#contracts/home.ts';
import { subjectByCode } from '../../domain/curriculum/index.ts';
import { unitsInScope } from '../../platform/authz/access.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { listMyStudents } from '../students/mine.ts';

/** Subjects shown per child: the ones whose scores changed last. */
const LATEST_SUBJECTS = 4;

/**
 * A guardian's (or a student's) home: per child, the subjects whose scores changed last, the absences of the
 * current class's school year and the class notes not yet acknowledged by the caller. Only the students linked to the
 * account are read (listMyStudents); every query below is limited to them and to units where the caller holds
 * students.read_own.
 */
export async function familyHome(ctx: ServiceContext): Promise<FamilyHome> {
  const children = await listMyStudents(ctx);
  if (children.length === 0) return { children: [] };
  const ids = children.map((c) => c.id);
  const scope = unitsInScope(ctx, 'students.read_own');
  const [scores, absences, unread] = await Promise.all([
    latestScores(ctx, ids, scope),
    absenceCounts(ctx, ids, scope),
    unreadNotes(ctx, ids, scope),
  ]);
  return {
    children: children.map((c) => ({
      studentId: c.id,
      fullName: c.fullName,
      className: c.className,
      unitName: c.unitName,
      schoolYear: c.schoolYear,
      latestScores: (scores.get(c.id) ?? []).map((s) => ({
        subjectCode: s.subject_code,
        subjectName: subjectByCode(s.subject_code)?.name ?? s.subject_code,
        term: s.term,
        regular: s.regular,
        midterm: s.midterm,
        final: s.final,
        regularResults: s.regular_results,
        midtermResult: s.midterm_result,
        finalResult: s.final_result,
        updatedAt: s.updated_at.toISOString(),
      })),
      absences: absences.get(c.id) ?? { excused: 0, unexcused: 0, last: null },
      unreadNotes: unread.get(c.id) ?? 0,
    })),
  };
}

type Scope = ReturnType<typeof unitsInScope>;

/** Each child's score rows of their open class, most recently changed first, LATEST_SUBJECTS per child. */
async function latestScores(ctx: ServiceContext, ids: string[], scope: Scope) {
  const rows = await ctx.db
    .with('ranked', (db) =>
      db
        .selectFrom('subject_scores as s')
        .innerJoin('enrolments as e', (join) =>
          join.onRef('e.class_id', '=', 's.class_id').onRef('e.student_id', '=', 's.student_id'),
        )
        .selectAll('s')
        .select(
          sql<number>`row_number() over (partition by s.student_id order by s.updated_at desc)`.as('rank'),
        )
        .where('s.unit_id', 'in', scope)
        .where('e.left_on', 'is', null)
        .where('s.student_id', 'in', ids),
    )
    .selectFrom('ranked')
    .selectAll()
    .where('rank', '<=', LATEST_SUBJECTS)
    .orderBy('updated_at', 'desc')
    .execute();
  return groupBy(rows, (r) => r.student_id);
}

/** Sessions missed in the school year of the child's open class (TT22 Điều 12 counts them for promotion). */
async function absenceCounts(ctx: ServiceContext, ids: string[], scope: Scope) {
  const rows = await ctx.db
    .selectFrom('attendance as a')
    .innerJoin('enrolments as e', (join) =>
      join.onRef('e.class_id', '=', 'a.class_id').onRef('e.student_id', '=', 'a.student_id'),
    )
    .select(['a.student_id'])
    .select((eb) => [
      eb.fn.count<number>('a.id').filterWhere('a.excused', '=', true).as('excused'),
      eb.fn.count<number>('a.id').filterWhere('a.excused', '=', false).as('unexcused'),
      eb.fn.max('a.date').as('last'),
    ])
    .where('a.unit_id', 'in', scope)
    .where('e.left_on', 'is', null)
    .where('a.student_id', 'in', ids)
    .groupBy('a.student_id')
    .execute();
  return new Map(
    rows.map((r) => [
      r.student_id,
      { excused: Number(r.excused), unexcused: Number(r.unexcused), last: (r.last as string | null) ?? null },
    ]),
  );
}

/** Notes to each child's open class (or to the child) the caller has not acknowledged. */
async function unreadNotes(ctx: ServiceContext, ids: string[], scope: Scope) {
  const rows = await ctx.db
    .selectFrom('class_notes as n')
    .innerJoin('enrolments as e', 'e.class_id', 'n.class_id')
    .leftJoin('class_note_acks as k', (join) =>
      join.onRef('k.note_id', '=', 'n.id').on('k.user_id', '=', ctx.actor.userId),
    )
    .select(['e.student_id'])
    .select((eb) => eb.fn.count<number>('n.id').as('n'))
    .where('n.unit_id', 'in', scope)
    .where('e.left_on', 'is', null)
    .where('e.student_id', 'in', ids)
    // A note to chosen students counts only for them.
    .where((eb) =>
      eb.or([eb('n.student_ids', 'is', null), eb('e.student_id', '=', eb.fn.any('n.student_ids'))]),
    )
    .where('k.id', 'is', null)
    .groupBy('e.student_id')
    .execute();
  return new Map(rows.map((r) => [r.student_id, Number(r.n)]));
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

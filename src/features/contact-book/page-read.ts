import { sql } from 'kysely';
import { scopePrefixes } from '../../platform/authz/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { AssignmentRow, Level4, TermScoreRow } from '../gradebook/reads.ts';
import type { StudentResultRow, SubjectYearRow } from '../results/reads.ts';

/**
 * The whole contact-book page in one SQL statement (CTEs aggregated to JSON), for the read under load: fifteen round
 * trips became one (docs/performance.md). The access rule is the one of `readStudentAccess` written as SQL:
 * `students.read` on the student's unit (staff), else `students.read_own` there and the caller is the student or a
 * linked guardian (own); the path prefixes come from the actor's roles (`scopePrefixes`, same test as `can`).
 * A family's read writes its personal-data log row in the same statement (a data-modifying CTE, run only when the
 * rule passed and the class was found); a staff read is logged by the caller after the class check.
 *
 * That statement's own commit does not wait for the WAL flush (`set_config('synchronous_commit', 'off', true)`,
 * local to the statement's implicit transaction, so nothing else on the connection changes): under load the flush
 * per read halved the throughput (pgbench on the same database: 3,215 statements/s without the log row, 1,218 with
 * it). No corruption is possible; an operating-system crash may lose the log rows of the last moments (at most
 * 3 × wal_writer_delay, 0.6 s by default) — docs/privacy.md says so. Batching rows in memory was the other choice;
 * it would lose up to the batch on any process crash, not only an OS crash, and the row would no longer be written
 * if and only if the page was read.
 */

export interface PageEnrolment {
  classId: string;
  className: string;
  grade: number;
  schoolYear: string;
}

export interface ContactBookPage {
  view: 'staff' | 'own' | null;
  student: { id: string; fullName: string; unitId: string; unitName: string };
  enrolment: PageEnrolment | null;
  schoolYears: string[];
  scores: TermScoreRow[];
  terms: Pick<
    StudentResultRow,
    'term' | 'learningResult' | 'conductResult' | 'award' | 'promotion' | 'homeroomComment'
  >[];
  subjects: Pick<SubjectYearRow, 'subjectCode' | 'yearAverage' | 'yearResult' | 'retestScore'>[];
  absences: { date: string; session: 'morning' | 'afternoon'; excused: boolean; note: string | null }[];
  conduct: { term: 1 | 2; level: Level4; comment: string | null }[];
  notes: {
    id: string;
    title: string;
    body: string;
    authorName: string | null;
    createdAt: string;
    acknowledgedAt: string | null;
  }[];
  assignments: Pick<AssignmentRow, 'subjectCode' | 'periodsPerYear' | 'learningTopics'>[];
}

interface RawScore extends Omit<TermScoreRow, 'updatedAt' | 'makeup' | 'studentId'> {
  updatedAt: string;
}

interface RawPage extends Omit<ContactBookPage, 'scores' | 'notes'> {
  scores: RawScore[];
  notes: (Omit<ContactBookPage['notes'][number], 'createdAt' | 'acknowledgedAt'> & {
    createdAt: string;
    acknowledgedAt: string | null;
  })[];
}

/** Undefined when the student does not exist; `view` null when the caller may not read them. */
export async function readContactBookPage(
  ctx: ServiceContext,
  studentId: string,
  schoolYear: string | undefined,
  detail: { own: string },
): Promise<ContactBookPage | undefined> {
  const actorId = ctx.actor.userId;
  const readPrefixes = JSON.stringify(scopePrefixes(ctx.actor, 'students.read'));
  const ownPrefixes = JSON.stringify(scopePrefixes(ctx.actor, 'students.read_own'));
  const args = [studentId, schoolYear ?? null, actorId, readPrefixes, ownPrefixes, detail.own];
  const rows = await executePrepared(ctx, args);
  const page = rows[0]?.page;
  return page && toPage(page, studentId);
}

/** JSON carries timestamps as text: back to the Date and ISO forms the separate reads gave. */
function toPage(raw: RawPage, studentId: string): ContactBookPage {
  return {
    ...raw,
    scores: raw.scores.map((s) => ({ ...s, studentId, makeup: [], updatedAt: new Date(s.updatedAt) })),
    notes: raw.notes.map((n) => ({
      ...n,
      createdAt: new Date(n.createdAt).toISOString(),
      acknowledgedAt: n.acknowledgedAt === null ? null : new Date(n.acknowledgedAt).toISOString(),
    })),
  };
}

/**
 * Planning this statement took longer than running it (3 ms against 0.3 ms once cached), so it is prepared once per
 * connection (SQL PREPARE, which both PostgreSQL and PGlite keep for the session) and then only executed. The
 * arguments go in as quoted literals: EXECUTE takes expressions, not bind parameters; every one is text or null.
 */
const PREPARED = 'contact_book_page_v3';
const PAGE_SQL = `
    WITH st AS (
      -- scope: loaded by id; the access rule below decides on its unit before anything else is read.
      SELECT s.id, s.unit_id, s.full_name, s.user_id, u.path AS unit_path, u.name AS unit_name
      FROM students s JOIN units u ON u.id = s.unit_id
      WHERE s.id = $1
    ), acc AS (
      SELECT st.*, CASE
        WHEN EXISTS (SELECT 1 FROM jsonb_array_elements_text($4) p(prefix)
                     WHERE starts_with(st.unit_path, p.prefix)) THEN 'staff'
        WHEN EXISTS (SELECT 1 FROM jsonb_array_elements_text($5) p(prefix)
                     WHERE starts_with(st.unit_path, p.prefix))
          AND (st.user_id::text = $3 OR EXISTS (
            SELECT 1 FROM student_guardians g
            WHERE g.unit_id = st.unit_id AND g.student_id = st.id AND g.user_id::text = $3))
          THEN 'own'
      END AS view
      FROM st
    ), enr AS (
      SELECT e.class_id, c.name AS class_name, c.grade, e.school_year, e.enrolled_on, e.left_on
      FROM enrolments e JOIN classes c ON c.id = e.class_id JOIN acc ON acc.view IS NOT NULL
      WHERE e.student_id = $1 AND e.unit_id = acc.unit_id
    ), cur AS (
      -- The year asked for, else the class the student is in now, else the latest.
      SELECT enr.*, acc.unit_id FROM enr, acc
      ORDER BY enr.school_year = $2 DESC NULLS LAST, (enr.left_on IS NULL) DESC,
        enr.school_year DESC, enr.enrolled_on DESC
      LIMIT 1
    ), logged AS (
      INSERT INTO data_access_log (actor_user_id, unit_id, subject_kind, subject_id, action, detail)
      SELECT nullif($3, '')::uuid, acc.unit_id, 'student', acc.id, 'view', $6
      FROM acc WHERE acc.view = 'own' AND EXISTS (SELECT 1 FROM cur)
      RETURNING 1
    )
    SELECT json_build_object(
      'view', acc.view,
      'student', json_build_object('id', acc.id, 'fullName', acc.full_name, 'unitId', acc.unit_id,
        'unitName', acc.unit_name),
      'enrolment', (SELECT json_build_object('classId', class_id, 'className', class_name, 'grade', grade,
        'schoolYear', school_year) FROM cur),
      'schoolYears', (SELECT coalesce(json_agg(y.school_year ORDER BY y.school_year DESC), '[]')
        FROM (SELECT DISTINCT school_year FROM enr) y),
      'scores', (SELECT coalesce(json_agg(json_build_object('classId', x.class_id, 'subjectCode', x.subject_code,
          'term', x.term,
          'regular', x.regular, 'midterm', x.midterm, 'final', x.final, 'regularResults', x.regular_results,
          'midtermResult', x.midterm_result, 'finalResult', x.final_result, 'termAverage', x.term_average,
          'termResult', x.term_result, 'teacherComment', x.teacher_comment, 'updatedAt', x.updated_at)), '[]')
        FROM subject_scores x, cur
        WHERE x.unit_id = cur.unit_id AND x.school_year = cur.school_year AND x.student_id = $1),
      'terms', (SELECT coalesce(json_agg(json_build_object('term', r.term, 'learningResult', r.learning_result,
          'conductResult', r.conduct_result, 'award', r.award, 'promotion', r.promotion,
          'homeroomComment', r.homeroom_comment) ORDER BY r.term), '[]')
        FROM student_results r, cur
        WHERE r.unit_id = cur.unit_id AND r.school_year = cur.school_year AND r.student_id = $1),
      'subjects', (SELECT coalesce(json_agg(json_build_object('subjectCode', y.subject_code,
          'yearAverage', y.year_average, 'yearResult', y.year_result, 'retestScore', y.retest_score)), '[]')
        FROM subject_year_results y, cur
        WHERE y.unit_id = cur.unit_id AND y.school_year = cur.school_year AND y.student_id = $1),
      'absences', (SELECT coalesce(json_agg(json_build_object('date', a.date, 'session', a.session,
          'excused', a.excused, 'note', a.note) ORDER BY a.date DESC, a.session), '[]')
        FROM attendance a, cur
        WHERE a.unit_id = cur.unit_id AND a.school_year = cur.school_year AND a.student_id = $1),
      'conduct', (SELECT coalesce(json_agg(json_build_object('term', k.term, 'level', k.level,
          'comment', k.comment)), '[]')
        FROM conduct_assessments k, cur
        WHERE k.unit_id = cur.unit_id AND k.school_year = cur.school_year AND k.class_id = cur.class_id
          AND k.student_id = $1),
      'notes', (SELECT coalesce(json_agg(json_build_object('id', n.id, 'title', n.title, 'body', n.body,
          'authorName', n.author_name, 'createdAt', n.created_at, 'acknowledgedAt', n.acknowledged_at)
          ORDER BY n.created_at DESC), '[]')
        FROM (SELECT n.id, n.title, n.body, n.created_at, au.full_name AS author_name, ack.acknowledged_at
              FROM class_notes n JOIN cur ON n.unit_id = cur.unit_id AND n.class_id = cur.class_id
              LEFT JOIN class_note_acks ack ON ack.note_id = n.id AND ack.user_id::text = $3
              LEFT JOIN users au ON au.id = n.author_user_id
              -- A note to chosen students reaches only their families (class_notes.student_ids, migration 0092).
              WHERE n.student_ids IS NULL OR $1 = ANY(n.student_ids)
              ORDER BY n.created_at DESC LIMIT 50) n),
      'assignments', (SELECT coalesce(json_agg(json_build_object('subjectCode', t.subject_code,
          'periodsPerYear', t.periods_per_year, 'learningTopics', t.learning_topics)), '[]')
        FROM teaching_assignments t JOIN staff ON staff.id = t.teacher_id, cur
        WHERE t.unit_id = cur.unit_id AND t.school_year = cur.school_year AND t.class_id = cur.class_id)
    ) AS page
    -- The commit of this statement only: see the comment at the top. A volatile function in FROM runs once.
    FROM acc, (SELECT set_config('synchronous_commit', 'off', true)) durability`;

async function executePrepared(ctx: ServiceContext, args: (string | null)[]) {
  const execute = sql.raw<{ page: RawPage }>(`EXECUTE ${PREPARED}(${args.map(literal).join(', ')})`);
  // One connection for the try and the PREPARE: prepared statements belong to a session. Not for use inside a
  // transaction (a failed EXECUTE would abort it); the route calls it on its own.
  return ctx.db.connection().execute(async (db) => {
    try {
      return (await execute.execute(db)).rows;
    } catch (error) {
      if ((error as { code?: string }).code !== UNDEFINED_PREPARED_STATEMENT) throw error;
      await sql
        .raw(`PREPARE ${PREPARED}(uuid, text, text, jsonb, jsonb, text) AS ${PAGE_SQL}`)
        .execute(db)
        .catch((prepareError: { code?: string }) => {
          // Another caller on this session prepared it first: theirs is the same statement.
          if (prepareError.code !== DUPLICATE_PREPARED_STATEMENT) throw prepareError;
        });
      return (await execute.execute(db)).rows;
    }
  });
}

const UNDEFINED_PREPARED_STATEMENT = '26000';
const DUPLICATE_PREPARED_STATEMENT = '42P05';

/** A SQL string literal (standard_conforming_strings, the default of both engines: only the quote is doubled). */
function literal(value: string | null): string {
  return value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`;
}

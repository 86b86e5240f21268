import type { Kysely } from 'kysely';
import type { DB, Row } from '../src/platform/db/schema.ts';
import { buildEnrolment, buildHomeroomTeacher, buildStudent, buildUser } from './factories.ts';

// Factories of the metrics and dashboards tests (helper "dxdash").

export type AccountState = 'active' | 'disabled' | 'locked_out' | 'none';

/** A user in one of the states a metric distinguishes: active, disabled (is_active false), locked out for now. */
export async function buildAccount(
  db: Kysely<DB>,
  unit: Pick<Row<'units'>, 'id'>,
  state: AccountState,
): Promise<Row<'users'> | undefined> {
  if (state === 'none') return undefined;
  const user = await buildUser(db, { unit });
  if (state === 'active') return user;
  return db
    .updateTable('users')
    .set(
      state === 'disabled'
        ? { is_active: false }
        : { locked_until: new Date(Date.now() + 3_600_000), failed_login_count: 5 },
    )
    .where('id', '=', user.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A staff member of the school with an account in `state`. */
export async function buildStaffWithAccount(
  db: Kysely<DB>,
  unit: Pick<Row<'units'>, 'id'>,
  state: AccountState,
  employment: Row<'staff'>['employment_status'] = 'official',
) {
  const staff = await buildHomeroomTeacher(db, { unit });
  const user = await buildAccount(db, unit, state);
  return db
    .updateTable('staff')
    .set({ user_id: user?.id ?? null, employment_status: employment })
    .where('id', '=', staff.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A student enrolled in the class with one guardian whose account is in `guardian`. */
export async function buildPupil(
  db: Kysely<DB>,
  cls: Pick<Row<'classes'>, 'id' | 'unit_id' | 'school_year'>,
  guardian: AccountState,
  fullName?: string,
) {
  const student = await buildStudent(db, { unit: { id: cls.unit_id }, fullName });
  await buildEnrolment(db, { student, cls });
  const user = await buildAccount(db, { id: cls.unit_id }, guardian);
  await db
    .insertInto('student_guardians')
    .values({
      unit_id: cls.unit_id,
      student_id: student.id,
      full_name: `Phụ huynh ${student.full_name}`,
      relationship: 'mother',
      user_id: user?.id ?? null,
    })
    .execute();
  return student;
}

/** A transcript row of the student for the class's school year, at `status`. */
export async function buildTranscript(
  db: Kysely<DB>,
  cls: Pick<Row<'classes'>, 'id' | 'unit_id' | 'school_year'>,
  student: Pick<Row<'students'>, 'id'>,
  status: Row<'transcripts'>['status'],
  version = 1,
) {
  return db
    .insertInto('transcripts')
    .values({
      unit_id: cls.unit_id,
      school_year: cls.school_year,
      class_id: cls.id,
      student_id: student.id,
      version,
      status,
      snapshot: JSON.stringify({}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A term score row of the student (midterm entered, or an empty row when `midterm` is null). */
export async function buildScoreRow(
  db: Kysely<DB>,
  cls: Pick<Row<'classes'>, 'id' | 'unit_id' | 'school_year'>,
  student: Pick<Row<'students'>, 'id'>,
  midterm: number | null,
  subjectCode = 'math',
) {
  await db
    .insertInto('subject_scores')
    .values({
      unit_id: cls.unit_id,
      school_year: cls.school_year,
      term: 1,
      class_id: cls.id,
      student_id: student.id,
      subject_code: subjectCode,
      midterm,
    })
    .execute();
}

/** Sets an assessment's status and recognised level directly (dashboard and 3806 tests). */
export async function setAssessmentOutcome(
  db: Kysely<DB>,
  assessment: Pick<Row<'assessments'>, 'id'>,
  outcome: {
    status: Row<'assessments'>['status'];
    recognisedLevel?: number | null;
    submittedAt?: Date | null;
    selfResult?: unknown;
    externalResult?: unknown;
  },
) {
  await db
    .updateTable('assessments')
    .set({
      status: outcome.status,
      recognised_level: outcome.recognisedLevel ?? null,
      submitted_at: outcome.submittedAt ?? null,
      self_result: outcome.selfResult === undefined ? null : JSON.stringify(outcome.selfResult),
      external_result: outcome.externalResult === undefined ? null : JSON.stringify(outcome.externalResult),
    })
    .where('id', '=', assessment.id)
    .execute();
}

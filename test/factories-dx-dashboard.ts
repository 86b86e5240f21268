import type { Kysely } from 'kysely';
import { type AssessmentAnswers, scoreAssessment } from '../src/domain/assessment-catalogue/index.ts';
import {
  NATIONAL_OFFICE_CATALOGUE_3806,
  NATIONAL_SCHOOL_CATALOGUE_4725,
} from '../src/domain/dx-index/index.ts';
import type { DB, Row } from '../src/platform/db/schema.ts';
import {
  answers4725,
  buildAssessmentCampaign,
  buildAssessmentPeople,
  buildEnrolment,
  buildHomeroomTeacher,
  buildStudent,
  buildUnit,
  buildUser,
} from './factories.ts';

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

/**
 * A hand-built province for the dashboard: office A runs a campaign (past its deadline) over Lê Quý Đôn
 * (recognised at Mức 2, Mức 1 last year; the office cut I.4 from 85 % to 30 %) and Hòa Bình (not started: late);
 * office B's school has submitted (self Mức 2); the province's own high school is still working, before its
 * deadline. The province also runs the offices' own index (QĐ 3806) over offices A and B. Adds province accounts
 * so.cv (specialist) and so.admin to those of buildAssessmentPeople.
 */
export async function buildDashboardProvince(db: Kysely<DB>) {
  const selfResult = scoreAssessment(NATIONAL_SCHOOL_CATALOGUE_4725, answers4725() as AssessmentAnswers);
  const externalResult = scoreAssessment(NATIONAL_SCHOOL_CATALOGUE_4725, {
    ...(answers4725() as AssessmentAnswers),
    'I.4': { ratio: 0.3 },
  });
  const w = await buildAssessmentPeople(db);
  const schoolA2 = await buildUnit(db, {
    parent: w.officeA,
    level: 'primary',
    name: 'Trường Tiểu học Hòa Bình',
  });
  await buildUser(db, { unit: w.province, username: 'so.cv', roles: [{ role: 'office_specialist' }] });
  await buildUser(db, { unit: w.province, username: 'so.admin', roles: [{ role: 'office_admin' }] });
  const catalogue = NATIONAL_SCHOOL_CATALOGUE_4725;
  const a = await buildAssessmentCampaign(db, {
    office: w.officeA,
    units: [w.schoolA, schoolA2],
    catalogue,
    deadlineInDays: -5,
  });
  const b = await buildAssessmentCampaign(db, { office: w.officeB, units: [w.schoolB], catalogue });
  const p = await buildAssessmentCampaign(db, { office: w.province, units: [w.highSchool], catalogue });
  const last = await buildAssessmentCampaign(db, {
    office: w.officeA,
    units: [w.schoolA],
    catalogue,
    schoolYear: '2024-2025',
    deadlineInDays: -365,
  });
  const get = (built: typeof a, unitId: string) => built.byUnit.get(unitId) as { id: string };
  await setAssessmentOutcome(db, get(a, w.schoolA.id), {
    status: 'recognised',
    recognisedLevel: 2,
    submittedAt: new Date(),
    selfResult,
    externalResult,
  });
  await setAssessmentOutcome(db, get(b, w.schoolB.id), {
    status: 'submitted',
    submittedAt: new Date(),
    selfResult,
  });
  await setAssessmentOutcome(db, get(p, w.highSchool.id), { status: 'in_progress' });
  await setAssessmentOutcome(db, get(last, w.schoolA.id), { status: 'recognised', recognisedLevel: 1 });
  const offices = await buildAssessmentCampaign(db, {
    office: w.province,
    units: [w.officeA, w.officeB],
    catalogue: NATIONAL_OFFICE_CATALOGUE_3806,
  });
  return {
    w,
    schoolA2,
    selfResult,
    externalResult,
    schoolAssessmentA: get(a, w.schoolA.id).id,
    officeAssessmentA: get(offices, w.officeA.id).id,
  };
}

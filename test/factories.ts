import { type Kysely, sql } from 'kysely';
import type { Role } from '#contracts/roles.ts';
import type { Catalogue } from '../src/domain/assessment-catalogue/index.ts';
import { foldVietnamese } from '../src/domain/text/index.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import type { DB, Row, SchoolLevel } from '../src/platform/db/schema.ts';

/** Every user the factories make has this password. */
export const TEST_PASSWORD = 'mat-khau-thu-nghiem';
let passwordHash: Promise<string> | undefined;
const testHash = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

let counter = 0;
const next = () => ++counter;

export interface UnitSpec {
  parent?: Pick<Row<'units'>, 'id' | 'path'>;
  kind?: string;
  name?: string;
  code?: string;
  level?: SchoolLevel;
  currentSchoolYear?: string;
}

/** Inserts a unit directly (tests only), keeping the materialised path right. */
export async function buildUnit(db: Kysely<DB>, spec: UnitSpec = {}): Promise<Row<'units'>> {
  const n = next();
  const kind = spec.kind ?? (spec.level ? 'school' : spec.parent ? 'local_office' : 'ministry');
  const row = await db
    .insertInto('units')
    .values({
      parent_id: spec.parent?.id ?? null,
      kind,
      code: spec.code ?? `U${n}-${Math.random().toString(36).slice(2, 7)}`,
      name: spec.name ?? `Đơn vị ${n}`,
      path: 'pending',
      level: spec.level ?? null,
      grade_from:
        spec.level === 'lower_secondary' ? 6 : spec.level === 'primary' ? 1 : spec.level ? 10 : null,
      grade_to: spec.level === 'lower_secondary' ? 9 : spec.level === 'primary' ? 5 : spec.level ? 12 : null,
      current_school_year: spec.currentSchoolYear ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('unit_parent_history')
    .values({ unit_id: row.id, parent_id: spec.parent?.id ?? null, valid_from: '2020-01-01' })
    .execute();
  return db
    .updateTable('units')
    .set({ path: `${spec.parent?.path ?? '/'}${row.id}/` })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface UserSpec {
  unit: Pick<Row<'units'>, 'id'>;
  roles?: { role: Role; unit?: Pick<Row<'units'>, 'id'> }[];
  username?: string;
  fullName?: string;
  email?: string;
  phone?: string;
}

export async function buildUser(db: Kysely<DB>, spec: UserSpec): Promise<Row<'users'>> {
  const n = next();
  const user = await db
    .insertInto('users')
    .values({
      unit_id: spec.unit.id,
      username: spec.username ?? `user${n}`,
      full_name: spec.fullName ?? `Người dùng ${n}`,
      email: spec.email ?? null,
      phone: spec.phone ?? null,
      password_hash: await testHash(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const r of spec.roles ?? []) {
    await db
      .insertInto('role_assignments')
      .values({ user_id: user.id, role: r.role, unit_id: (r.unit ?? spec.unit).id })
      .execute();
  }
  return user;
}

/** A small province: ministry → province office → two local offices → one school each, plus a school under the province. */
export async function buildProvince(db: Kysely<DB>) {
  const ministry = await buildUnit(db, { kind: 'ministry', name: 'Bộ GD&ĐT' });
  const province = await buildUnit(db, {
    parent: ministry,
    kind: 'province_office',
    name: 'Sở GD&ĐT Thử nghiệm',
    currentSchoolYear: '2025-2026',
  });
  const officeA = await buildUnit(db, { parent: province, kind: 'local_office', name: 'Phòng GD&ĐT A' });
  const officeB = await buildUnit(db, { parent: province, kind: 'local_office', name: 'Phòng GD&ĐT B' });
  const schoolA = await buildUnit(db, { parent: officeA, level: 'lower_secondary', name: 'Trường THCS A' });
  const schoolB = await buildUnit(db, { parent: officeB, level: 'lower_secondary', name: 'Trường THCS B' });
  const highSchool = await buildUnit(db, {
    parent: province,
    level: 'upper_secondary',
    name: 'Trường THPT C',
  });
  await db
    .insertInto('school_years')
    .values({
      unit_id: province.id,
      code: '2025-2026',
      starts_on: '2025-09-05',
      term1_ends_on: '2026-01-17',
      term2_starts_on: '2026-01-19',
      ends_on: '2026-05-31',
    })
    .execute();
  return { ministry, province, officeA, officeB, schoolA, schoolB, highSchool };
}

export interface StaffSpec {
  unit: Pick<Row<'units'>, 'id'>;
  fullName?: string;
  position?: Row<'staff'>['position'];
  staffRole?: Row<'staff'>['staff_role'];
  mainSubject?: string | null;
  qualification?: Row<'staff'>['qualification'];
  employmentStatus?: Row<'staff'>['employment_status'];
  department?: Pick<Row<'departments'>, 'id'>;
  nationalId?: string;
  birthDate?: string;
  gender?: Row<'staff'>['gender'];
  phone?: string;
  user?: Pick<Row<'users'>, 'id'>;
}

/** Inserts a staff record directly (tests only); search_text is folded the way the service folds it. */
export async function buildStaff(db: Kysely<DB>, spec: StaffSpec): Promise<Row<'staff'>> {
  const n = next();
  const fullName = spec.fullName ?? `Cán Bộ Số ${n}`;
  return db
    .insertInto('staff')
    .values({
      unit_id: spec.unit.id,
      full_name: fullName,
      search_text: foldVietnamese(`${fullName} ${spec.phone ?? ''}`),
      position: spec.position ?? 'teacher',
      staff_role: spec.staffRole ?? null,
      main_subject: spec.mainSubject === undefined ? 'math' : spec.mainSubject,
      qualification: spec.qualification ?? 'bachelor',
      employment_status: spec.employmentStatus ?? 'official',
      department_id: spec.department?.id ?? null,
      national_id: spec.nationalId ?? null,
      birth_date: spec.birthDate ?? null,
      gender: spec.gender ?? null,
      phone: spec.phone ?? null,
      user_id: spec.user?.id ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildDepartment(
  db: Kysely<DB>,
  spec: { unit: Pick<Row<'units'>, 'id'>; name?: string; head?: Pick<Row<'staff'>, 'id'> },
): Promise<Row<'departments'>> {
  return db
    .insertInto('departments')
    .values({
      unit_id: spec.unit.id,
      name: spec.name ?? `Tổ ${next()}`,
      head_staff_id: spec.head?.id ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface StudentSpec {
  unit: Pick<Row<'units'>, 'id'>;
  fullName?: string;
  birthDate?: string | null;
  gender?: 'male' | 'female' | null;
  nationalId?: string | null;
  moetStudentCode?: string | null;
  ethnicity?: string | null;
  address?: string | null;
  disability?: Row<'students'>['disability'];
  poorHousehold?: boolean;
  /** Status on `statusSince`, written as the first status-history entry too. */
  status?: Row<'students'>['status'];
  statusSince?: string;
  user?: Pick<Row<'users'>, 'id'>;
}

/** Inserts a student directly (tests only) with a first status-history entry. */
export async function buildStudent(db: Kysely<DB>, spec: StudentSpec): Promise<Row<'students'>> {
  const n = next();
  const fullName = spec.fullName ?? `Học Sinh Số ${n}`;
  const status = spec.status ?? 'enrolled';
  const statusSince = spec.statusSince ?? '2025-09-05';
  const student = await db
    .insertInto('students')
    .values({
      unit_id: spec.unit.id,
      full_name: fullName,
      search_text: foldVietnamese(`${fullName} ${spec.moetStudentCode ?? ''}`),
      birth_date: spec.birthDate === undefined ? '2013-05-20' : spec.birthDate,
      gender: spec.gender === undefined ? 'male' : spec.gender,
      national_id: spec.nationalId ?? null,
      moet_student_code: spec.moetStudentCode ?? null,
      ethnicity: spec.ethnicity ?? 'kinh',
      address: spec.address ?? null,
      disability: spec.disability ?? null,
      poor_household: spec.poorHousehold ?? false,
      status,
      status_since: statusSince,
      user_id: spec.user?.id ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('student_status_history')
    .values({ unit_id: spec.unit.id, student_id: student.id, status, effective_on: statusSince })
    .execute();
  return student;
}

export async function buildGuardian(
  db: Kysely<DB>,
  spec: {
    student: Pick<Row<'students'>, 'id' | 'unit_id'>;
    fullName?: string;
    relationship?: Row<'student_guardians'>['relationship'];
    phone?: string | null;
    user?: Pick<Row<'users'>, 'id'>;
  },
): Promise<Row<'student_guardians'>> {
  return db
    .insertInto('student_guardians')
    .values({
      unit_id: spec.student.unit_id,
      student_id: spec.student.id,
      full_name: spec.fullName ?? `Phụ Huynh Số ${next()}`,
      relationship: spec.relationship ?? 'mother',
      phone: spec.phone === undefined ? null : spec.phone,
      user_id: spec.user?.id ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A teacher on a school's staff (only what a class needs: a homeroom teacher). */
export async function buildHomeroomTeacher(
  db: Kysely<DB>,
  spec: { unit: Pick<Row<'units'>, 'id'>; fullName?: string },
): Promise<Row<'staff'>> {
  const fullName = spec.fullName ?? `Giáo Viên Số ${next()}`;
  return db
    .insertInto('staff')
    .values({
      unit_id: spec.unit.id,
      full_name: fullName,
      search_text: foldVietnamese(fullName),
      position: 'teacher',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildClass(
  db: Kysely<DB>,
  spec: {
    unit: Pick<Row<'units'>, 'id'>;
    name?: string;
    grade?: number;
    schoolYear?: string;
    homeroomTeacher?: Pick<Row<'staff'>, 'id'>;
  },
): Promise<Row<'classes'>> {
  return db
    .insertInto('classes')
    .values({
      unit_id: spec.unit.id,
      school_year: spec.schoolYear ?? '2025-2026',
      grade: spec.grade ?? 6,
      name: spec.name ?? `6A${next()}`,
      homeroom_teacher_id: spec.homeroomTeacher?.id ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildEnrolment(
  db: Kysely<DB>,
  spec: {
    student: Pick<Row<'students'>, 'id'>;
    cls: Pick<Row<'classes'>, 'id' | 'unit_id' | 'school_year'>;
    enrolledOn?: string;
    leftOn?: string | null;
  },
): Promise<Row<'enrolments'>> {
  return db
    .insertInto('enrolments')
    .values({
      unit_id: spec.cls.unit_id,
      class_id: spec.cls.id,
      student_id: spec.student.id,
      school_year: spec.cls.school_year,
      enrolled_on: spec.enrolledOn ?? '2025-09-05',
      left_on: spec.leftOn ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Puts `count` placeholder students straight into a class, in one statement (tests of the class size limit). */
export async function fillClass(
  db: Kysely<DB>,
  cls: Pick<Row<'classes'>, 'id' | 'unit_id' | 'school_year'>,
  count: number,
): Promise<void> {
  await sql`
    with s as (
      insert into students (unit_id, full_name, search_text, status_since)
      select ${cls.unit_id}, 'Học Sinh Có Sẵn', 'hoc sinh co san', '2025-09-05' from generate_series(1, ${count})
      returning id
    )
    insert into enrolments (unit_id, class_id, student_id, school_year, enrolled_on)
    select ${cls.unit_id}, ${cls.id}, id, ${cls.school_year}, '2025-09-05' from s
  `.execute(db);
}

/**
 * The province of `buildProvince` with the accounts the student and class tests log in as: principals (ht.a,
 * ht.b), a vice principal (pht.a), teachers (gv.a, gv.b) and office specialists (phong.a, phong.b).
 */
export async function buildSchoolAccounts(db: Kysely<DB>) {
  const units = await buildProvince(db);
  const accounts: [string, Role, Pick<Row<'units'>, 'id'>][] = [
    ['ht.a', 'principal', units.schoolA],
    ['pht.a', 'vice_principal', units.schoolA],
    ['gv.a', 'teacher', units.schoolA],
    ['ht.b', 'principal', units.schoolB],
    ['gv.b', 'teacher', units.schoolB],
    ['phong.a', 'office_specialist', units.officeA],
    ['phong.b', 'office_specialist', units.officeB],
  ];
  for (const [username, role, unit] of accounts) await buildUser(db, { unit, username, roles: [{ role }] });
  return units;
}

// ---- Criteria-based assessments (DX index) ----

export { answers4725 } from '../src/demo/dx-campaigns.ts';

export interface CampaignSpec {
  office: Pick<Row<'units'>, 'id' | 'path'>;
  units: Pick<Row<'units'>, 'id'>[];
  /** Stored under the top unit, as a national default is on first use. */
  catalogue: Catalogue;
  schoolYear?: string;
  title?: string;
  /** Days from today of the submission deadline (default 20); the other dates follow it. */
  deadlineInDays?: number;
}

const isoInDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** An open campaign with one assessment per unit, inserted directly (tests of later workflow steps). */
export async function buildAssessmentCampaign(db: Kysely<DB>, spec: CampaignSpec) {
  const rootId = spec.office.path.split('/').filter(Boolean)[0] as string;
  await db
    .insertInto('assessment_catalogues')
    .values({
      unit_id: rootId,
      code: spec.catalogue.code,
      version: spec.catalogue.version,
      title: spec.catalogue.title,
      subject_kind: spec.catalogue.subjectKind,
      content: JSON.stringify(spec.catalogue),
      source: 'national',
    })
    .onConflict((oc) => oc.columns(['unit_id', 'code', 'version']).doNothing())
    .execute();
  const catalogue = await db
    .selectFrom('assessment_catalogues')
    .select('id')
    .where('unit_id', '=', rootId)
    .where('code', '=', spec.catalogue.code)
    .where('version', '=', spec.catalogue.version)
    .executeTakeFirstOrThrow();
  const deadline = spec.deadlineInDays ?? 20;
  const campaign = await db
    .insertInto('assessment_campaigns')
    .values({
      unit_id: spec.office.id,
      catalogue_id: catalogue.id,
      school_year: spec.schoolYear ?? '2025-2026',
      title: spec.title ?? 'Đánh giá mức độ chuyển đổi số năm học 2025-2026',
      self_assessment_starts_on: isoInDays(deadline - 30),
      submission_deadline: isoInDays(deadline),
      external_starts_on: isoInDays(deadline + 1),
      external_ends_on: isoInDays(deadline + 30),
      publication_on: isoInDays(deadline + 45),
      status: 'open',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const assessments = await db
    .insertInto('assessments')
    .values(spec.units.map((u) => ({ unit_id: u.id, campaign_id: campaign.id })))
    .returningAll()
    .execute();
  return { campaign, assessments, byUnit: new Map(assessments.map((a) => [a.unit_id, a])) };
}

/** Stores claims for an assessment directly (progress done), e.g. every criterion but the ones a test fills. */
export async function fillAssessment(
  db: Kysely<DB>,
  assessment: Pick<Row<'assessments'>, 'id' | 'unit_id'>,
  answers: Record<string, unknown>,
) {
  for (const [itemId, answer] of Object.entries(answers)) {
    await db
      .insertInto('assessment_items')
      .values({
        unit_id: assessment.unit_id,
        assessment_id: assessment.id,
        item_id: itemId,
        answer: JSON.stringify(answer),
        progress: 'done',
      })
      .onConflict((oc) =>
        oc
          .columns(['assessment_id', 'item_id'])
          .doUpdateSet({ answer: JSON.stringify(answer), progress: 'done' }),
      )
      .execute();
  }
  await db
    .updateTable('assessments')
    .set({ status: 'in_progress' })
    .where('id', '=', assessment.id)
    .where('status', '=', 'not_started')
    .execute();
}

/**
 * buildProvince plus the people of an assessment campaign: office A's admin (phong.a) and specialist
 * (phong.a.cv), office B's admin (phong.b), and at school A (renamed "Trường THCS Lê Quý Đôn") the principal
 * (ht.a), a vice-principal (pht.a) and two teachers (gv.a, gv.a2); school B's principal (ht.b).
 */
export async function buildAssessmentPeople(db: Kysely<DB>) {
  const units = await buildProvince(db);
  const schoolA = await db
    .updateTable('units')
    .set({ name: 'Trường THCS Lê Quý Đôn', commune: 'Phường Hòa Bình' })
    .where('id', '=', units.schoolA.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const user = (unit: Pick<Row<'units'>, 'id'>, username: string, fullName: string, role: Role) =>
    buildUser(db, { unit, username, fullName, roles: [{ role }] });
  const people = {
    officeAdmin: await user(units.officeA, 'phong.a', 'Trần Thị Phương', 'office_admin'),
    officeSpecialist: await user(units.officeA, 'phong.a.cv', 'Lê Văn Chuyên', 'office_specialist'),
    officeB: await user(units.officeB, 'phong.b', 'Phạm Văn Bình', 'office_admin'),
    principal: await user(units.schoolA, 'ht.a', 'Nguyễn Thị Hạnh', 'principal'),
    vicePrincipal: await user(units.schoolA, 'pht.a', 'Đỗ Văn Phó', 'vice_principal'),
    teacher: await user(units.schoolA, 'gv.a', 'Hoàng Thị Giang', 'teacher'),
    teacher2: await user(units.schoolA, 'gv.a2', 'Vũ Văn Hai', 'teacher'),
    principalB: await user(units.schoolB, 'ht.b', 'Bùi Thị Bích', 'principal'),
  };
  return { ...units, schoolA, people };
}

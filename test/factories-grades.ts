import type { Kysely } from 'kysely';
import type { DB, Row } from '../src/platform/db/schema.ts';
import {
  buildClass,
  buildEnrolment,
  buildSchoolAccounts,
  buildStaff,
  buildStudent,
  buildUser,
} from './factories.ts';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Đức'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Khoa',
  'Lan',
  'Mai',
  'Nam',
  'Oanh',
  'Phúc',
  'Quân',
  'Sơn',
  'Thảo',
];

/** Vietnamese full names, deterministic, varied enough to test name order. */
export function studentNames(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
  );
}

/** A teacher with a login, on the staff of the school. */
export async function buildTeacherAccount(
  db: Kysely<DB>,
  spec: { unit: Pick<Row<'units'>, 'id'>; username: string; fullName: string },
) {
  const user = await buildUser(db, {
    unit: spec.unit,
    username: spec.username,
    fullName: spec.fullName,
    roles: [{ role: 'teacher' }],
  });
  const staff = await buildStaff(db, { unit: spec.unit, fullName: spec.fullName, user });
  return { user, staff };
}

/**
 * The gradebook test school: the province accounts of `buildSchoolAccounts`, plus in school A class 6A1 with
 * `students` students, its homeroom teacher (gv.cn), the math teacher assigned to it (gv.toan), another teacher
 * (gv.van, literature), and in school B class 6B1 with its own math teacher (gv.toan.b).
 */
export async function buildGradebookSchool(db: Kysely<DB>, options: { students?: number } = {}) {
  const units = await buildSchoolAccounts(db);
  const math = await buildTeacherAccount(db, {
    unit: units.schoolA,
    username: 'gv.toan',
    fullName: 'Lê Văn Toán',
  });
  const literature = await buildTeacherAccount(db, {
    unit: units.schoolA,
    username: 'gv.van',
    fullName: 'Phạm Thị Văn',
  });
  const homeroom = await buildTeacherAccount(db, {
    unit: units.schoolA,
    username: 'gv.cn',
    fullName: 'Trần Thị Chủ Nhiệm',
  });
  const mathB = await buildTeacherAccount(db, {
    unit: units.schoolB,
    username: 'gv.toan.b',
    fullName: 'Đỗ Văn Bê',
  });
  const cls = await buildClass(db, {
    unit: units.schoolA,
    name: '6A1',
    grade: 6,
    homeroomTeacher: homeroom.staff,
  });
  const clsB = await buildClass(db, {
    unit: units.schoolB,
    name: '6B1',
    grade: 6,
    homeroomTeacher: mathB.staff,
  });
  const students: Row<'students'>[] = [];
  for (const fullName of studentNames(options.students ?? 5)) {
    const student = await buildStudent(db, { unit: units.schoolA, fullName });
    await buildEnrolment(db, { student, cls });
    students.push(student);
  }
  const studentB = await buildStudent(db, { unit: units.schoolB, fullName: 'Hà Thị Bê' });
  await buildEnrolment(db, { student: studentB, cls: clsB });
  const assign = (
    c: Pick<Row<'classes'>, 'id' | 'unit_id'>,
    subjectCode: string,
    teacher: Pick<Row<'staff'>, 'id'>,
    periods: number,
  ) =>
    db
      .insertInto('teaching_assignments')
      .values({
        unit_id: c.unit_id,
        school_year: '2025-2026',
        class_id: c.id,
        subject_code: subjectCode,
        teacher_id: teacher.id,
        periods_per_year: periods,
      })
      .execute();
  await assign(cls, 'math', math.staff, 140);
  await assign(cls, 'literature', literature.staff, 140);
  await assign(cls, 'physical-education', math.staff, 70);
  await assign(clsB, 'math', mathB.staff, 140);
  return { ...units, cls, clsB, students, studentB, math, literature, homeroom, mathB };
}

import type { Kysely } from 'kysely';
import type { DB, Row } from '../src/platform/db/schema.ts';
import {
  buildClass,
  buildEnrolment,
  buildHomeroomTeacher,
  buildProvince,
  buildStudent,
  buildUser,
} from '../test/factories.ts';
import { buildAssignments } from '../test/factories-results.ts';

/** The seeds the E2E files share: the test province with the principal of school A, login `hieutruong`. */
export async function seedSchoolWithPrincipal(db: Kysely<DB>, principal: { fullName?: string } = {}) {
  const units = await buildProvince(db);
  await buildUser(db, {
    unit: units.schoolA,
    username: 'hieutruong',
    ...(principal.fullName ? { fullName: principal.fullName } : {}),
    roles: [{ role: 'principal' }],
  });
  return units;
}

/**
 * School A with its principal `hieutruong` and class 6A (grade 6) of 2025-2026: a homeroom teacher teaching every
 * subject, and the named students enrolled, in that order.
 */
export async function seedClass6A<const Names extends readonly string[]>(
  db: Kysely<DB>,
  studentNames: Names,
) {
  const units = await seedSchoolWithPrincipal(db);
  const teacher = await buildHomeroomTeacher(db, { unit: units.schoolA });
  const cls = await buildClass(db, { unit: units.schoolA, name: '6A', grade: 6, homeroomTeacher: teacher });
  await buildAssignments(db, cls, teacher);
  const students: Row<'students'>[] = [];
  for (const fullName of studentNames) {
    const student = await buildStudent(db, { unit: units.schoolA, fullName });
    await buildEnrolment(db, { student, cls });
    students.push(student);
  }
  return { units, teacher, cls, students: students as { [K in keyof Names]: Row<'students'> } };
}

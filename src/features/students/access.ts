import type { Permission } from '#contracts/roles.ts';
import { can } from '../../platform/authz/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { findStudent, type StudentRow } from './queries.ts';

/**
 * How the caller sees a student: as school or office staff (`students.read`), or as the student or one of their
 * guardians (`students.read_own`, only for linked accounts).
 */
export interface StudentAccess {
  student: StudentRow;
  view: 'staff' | 'own';
  /** National ID, ethnicity, address, disability, household and policy flags. */
  sensitive: boolean;
}

const unitOf = (student: StudentRow) => ({ id: student.unit_id, path: student.unit_path });

/** Loads a student the caller may read, or refuses (404 unknown, 403 another school's or another family's). */
export async function readStudentAccess(ctx: ServiceContext, studentId: string): Promise<StudentAccess> {
  const student = await findStudent(ctx.db, studentId);
  if (!student) throw notFound('học sinh');
  const unit = unitOf(student);
  if (can(ctx.actor, 'students.read', unit)) {
    return { student, view: 'staff', sensitive: can(ctx.actor, 'students.sensitive', unit) };
  }
  if (can(ctx.actor, 'students.read_own', unit) && (await isLinkedAccount(ctx, student))) {
    // The family sees its own child's record in full: it is their data (right of access, Law 91/2025).
    return { student, view: 'own', sensitive: true };
  }
  throw forbidden();
}

/** Loads a student the caller may act on with `permission` (staff roles only). */
export async function requireStudentPermission(
  ctx: ServiceContext,
  studentId: string,
  permission: Permission,
): Promise<StudentRow> {
  const student = await findStudent(ctx.db, studentId);
  if (!student) throw notFound('học sinh');
  if (!can(ctx.actor, permission, unitOf(student))) throw forbidden();
  return student;
}

/** Refuses changes to a record whose personal data was erased: only its statistical remainder is kept. */
export function assertNotErased(student: StudentRow): void {
  if (student.erased_at) {
    throw new AppError('conflict', 'Dữ liệu cá nhân của học sinh này đã bị xoá theo yêu cầu; không thể sửa.');
  }
}

async function isLinkedAccount(ctx: ServiceContext, student: StudentRow): Promise<boolean> {
  if (student.user_id === ctx.actor.userId) return true;
  const guardian = await ctx.db
    .selectFrom('student_guardians')
    .select('id')
    .where('unit_id', '=', student.unit_id)
    .where('student_id', '=', student.id)
    .where('user_id', '=', ctx.actor.userId)
    .executeTakeFirst();
  return guardian !== undefined;
}

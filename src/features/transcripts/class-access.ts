import { can } from '../../platform/authz/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import type { ClassRow } from '../classes/queries.ts';
import { requireClass } from '../classes/service.ts';
import { callerStaffIds } from '../gradebook/access.ts';
import { assignmentsOfClasses } from '../gradebook/reads.ts';

/** How the caller relates to a class: school leaders and readers, its homeroom teacher, a subject teacher. */
export interface ClassRole {
  cls: ClassRow;
  /** gradebook.read on the school (leaders, office specialists, IT officers). */
  reader: boolean;
  homeroom: boolean;
  teaches: boolean;
  /** transcripts.approve on the school (the principal). */
  approver: boolean;
}

/** Loads a class and the caller's duties in it; 404 unknown, 403 another school's. */
export async function classRole(ctx: ServiceContext, classId: string): Promise<ClassRole> {
  const cls = await requireClass(ctx, classId, ['classes.read']);
  const unit = { id: cls.unit_id, path: cls.unit_path };
  const staffIds = await callerStaffIds(ctx, cls.unit_id);
  const homeroom = cls.homeroom_teacher_id !== null && staffIds.includes(cls.homeroom_teacher_id);
  const teaches =
    staffIds.length > 0 &&
    (await assignmentsOfClasses(ctx.db, cls.unit_id, cls.school_year, [cls.id])).some((a) =>
      staffIds.includes(a.teacherId),
    );
  return {
    cls,
    reader: can(ctx.actor, 'gradebook.read', unit),
    homeroom,
    teaches,
    approver: can(ctx.actor, 'transcripts.approve', unit),
  };
}

/**
 * A class whose gradebook the caller may read: school leaders (gradebook.read), the homeroom teacher and the
 * teachers assigned to it (the gradebook permission note in roles.ts).
 */
export async function requireClassReader(ctx: ServiceContext, classId: string): Promise<ClassRole> {
  const role = await classRole(ctx, classId);
  if (!role.reader && !role.homeroom && !role.teaches) throw forbidden();
  return role;
}

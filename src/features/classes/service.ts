import { sql } from 'kysely';
import { type ClassInput, classInput, type UpdateClassInput, updateClassBody } from '#contracts/classes.ts';
import type { Permission } from '#contracts/roles.ts';
import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { audit, auditMany, changedFields } from '../../platform/audit/audit.ts';
import { requireSchool, requireUnitAccess } from '../../platform/authz/access.ts';
import { can, permissionsOn } from '../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/constraint-errors.ts';
import { unnestInsert } from '../../platform/db/unnest-insert.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { parseInput } from '../../platform/http/parse-input.ts';
import { classMembers } from '../roster/queries.ts';
import { currentSchoolYearOf } from '../school-years/service.ts';
import { assertYearOpen, finishedYearReason } from './finished-year.ts';
import { type ClassRow, classesOf, findClass, toClass } from './queries.ts';

/** Loads a class the caller may use with every one of `permissions` (404 unknown, 403 another school's). */
export async function requireClass(
  ctx: ServiceContext,
  classId: string,
  permissions: readonly Permission[],
): Promise<ClassRow> {
  const row = await findClass(ctx.db, classId);
  if (!row) throw notFound('lớp');
  const unit = { id: row.unit_id, path: row.unit_path };
  if (!permissions.every((p) => can(ctx.actor, p, unit))) throw forbidden();
  return row;
}

export async function listClasses(ctx: ServiceContext, filter: { unitId: string; schoolYear?: string }) {
  const unit = await requireUnitAccess(ctx, 'classes.read', filter.unitId);
  const schoolYear = filter.schoolYear ?? (await currentSchoolYearOf(ctx.db, unit.path));
  const classes = schoolYear ? await classesOf(ctx.db, unit.id, schoolYear) : [];
  return { schoolYear, classes: classes.map(toClass) };
}

const CLASS_ACTIONS: readonly Permission[] = ['classes.write', 'students.write'];

export async function getClass(ctx: ServiceContext, id: string) {
  const row = await requireClass(ctx, id, ['classes.read', 'students.read']);
  const students = await classMembers(ctx.db, row.unit_id, row.id);
  students.sort((a, b) => compareVietnameseNames(a.full_name, b.full_name));
  return {
    ...toClass(row),
    students: students.map((s) => ({
      enrolmentId: s.enrolment_id,
      studentId: s.student_id,
      fullName: s.full_name,
      birthDate: s.birth_date,
      gender: s.gender,
      status: s.status,
      enrolledOn: s.enrolled_on,
    })),
    permissions: permissionsOn(ctx.actor, { id: row.unit_id, path: row.unit_path }, CLASS_ACTIONS),
    lockedReason: await finishedYearReason(ctx.db, row),
  };
}

/** Creates a class in a school; the Excel import calls it inside its own transaction. */
export async function createClass(ctx: ServiceContext, unitId: string, input: ClassInput) {
  const values = parseInput(classInput, input);
  const school = await requireSchool(ctx, 'classes.write', unitId);
  assertGradeTaught(school, values.grade);
  return inTransaction(ctx, async (trx) => {
    await assertHomeroomTeacher(trx, unitId, values.homeroomTeacherId);
    const inserted = await insertOrConflict(values.name, values.schoolYear, () =>
      trx.db
        .insertInto('classes')
        .values({
          unit_id: unitId,
          school_year: values.schoolYear,
          grade: values.grade,
          name: values.name,
          homeroom_teacher_id: values.homeroomTeacherId ?? null,
          room: values.room ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    const row = (await findClass(trx.db, inserted.id)) as ClassRow;
    await audit(trx, { unitId, entity: 'class', entityId: row.id, action: 'create', after: toClass(row) });
    return toClass(row);
  });
}

/** One class of createClassesOfYear. */
export interface NewClass {
  name: string;
  grade: number;
  homeroomTeacherId: string | null;
  room: string | null;
}

/**
 * createClass for many classes of one school year in one statement (the rollover): the caller has checked the school
 * (classes.write) and the teachers. Names already taken that year are skipped, so a re-run creates nothing; the
 * classes created are returned (id by name) and audited like createClass.
 */
export async function createClassesOfYear(
  trx: ServiceContext,
  unitId: string,
  schoolYear: string,
  classes: readonly NewClass[],
): Promise<Map<string, string>> {
  if (classes.length === 0) return new Map();
  const school = await requireSchool(trx, 'classes.write', unitId);
  for (const c of classes) assertGradeTaught(school, c.grade);
  const rows = classes.map((c) => ({
    unit_id: unitId,
    school_year: schoolYear,
    grade: c.grade,
    name: c.name,
    homeroom_teacher_id: c.homeroomTeacherId,
    room: c.room,
  }));
  const inserted = await sql<{ id: string; name: string }>`${unnestInsert('classes', CLASS_COLUMNS, rows)}
    on conflict (unit_id, school_year, name) do nothing
    returning id, name`.execute(trx.db);
  const created = new Map(inserted.rows.map((r) => [r.name, r.id]));
  await auditMany(
    trx,
    rows
      .filter((r) => created.has(r.name))
      .map((r) => ({
        unitId,
        entity: 'class',
        entityId: created.get(r.name) ?? null,
        action: 'create',
        after: {
          schoolYear,
          grade: r.grade,
          name: r.name,
          homeroomTeacherId: r.homeroom_teacher_id,
          room: r.room,
        },
      })),
  );
  return created;
}

const CLASS_COLUMNS = {
  unit_id: 'uuid',
  school_year: 'text',
  grade: 'int',
  name: 'text',
  homeroom_teacher_id: 'uuid',
  room: 'text',
} as const;

export async function updateClass(ctx: ServiceContext, id: string, input: UpdateClassInput) {
  const values = parseInput(updateClassBody, input);
  const before = await requireClass(ctx, id, ['classes.write']);
  const school = await requireSchool(ctx, 'classes.write', before.unit_id);
  await assertYearOpen(ctx.db, before);
  if (values.grade !== undefined) assertGradeTaught(school, values.grade);
  return inTransaction(ctx, async (trx) => {
    await assertHomeroomTeacher(trx, before.unit_id, values.homeroomTeacherId);
    const patch = {
      grade: values.grade,
      name: values.name,
      homeroom_teacher_id: values.homeroomTeacherId,
      room: values.room,
    };
    await insertOrConflict(values.name ?? before.name, before.school_year, () =>
      trx.db
        .updateTable('classes')
        .set(patch)
        .where('unit_id', '=', before.unit_id)
        .where('id', '=', id)
        .execute(),
    );
    await audit(trx, {
      unitId: before.unit_id,
      entity: 'class',
      entityId: id,
      action: 'update',
      ...changedFields(before, patch),
    });
    return toClass((await findClass(trx.db, id)) as ClassRow);
  });
}

/** Deletes a class created by mistake; a class that ever had students keeps its history and cannot go. */
export async function deleteClass(ctx: ServiceContext, id: string): Promise<void> {
  const row = await requireClass(ctx, id, ['classes.write']);
  await assertYearOpen(ctx.db, row);
  await inTransaction(ctx, async (trx) => {
    const used = await trx.db
      .selectFrom('enrolments')
      .select('id')
      .where('unit_id', '=', row.unit_id)
      .where('class_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (used) {
      throw new AppError(
        'conflict',
        `Lớp ${row.name} đã có học sinh nên không xoá được; hãy giữ lại để lưu lịch sử.`,
      );
    }
    await trx.db.deleteFrom('classes').where('unit_id', '=', row.unit_id).where('id', '=', id).execute();
    await audit(trx, {
      unitId: row.unit_id,
      entity: 'class',
      entityId: id,
      action: 'delete',
      before: toClass(row),
    });
  });
}

/** Staff of the school who may be a homeroom teacher (teachers and school leaders still working there). */
export async function homeroomCandidates(ctx: ServiceContext, unitId: string) {
  await requireUnitAccess(ctx, 'classes.write', unitId);
  const rows = await ctx.db
    .selectFrom('staff')
    .select(['id', 'full_name', 'position'])
    .where('unit_id', '=', unitId)
    .where('position', 'in', ['teacher', 'principal', 'vice_principal'])
    .where('employment_status', 'not in', ['retired', 'left'])
    .execute();
  return rows
    .sort((a, b) => compareVietnameseNames(a.full_name, b.full_name))
    .map((r) => ({ id: r.id, fullName: r.full_name, position: r.position }));
}

export function assertGradeTaught(
  school: { gradeFrom: number | null; gradeTo: number | null },
  grade: number,
) {
  const { gradeFrom, gradeTo } = school;
  if (gradeFrom === null || gradeTo === null || (grade >= gradeFrom && grade <= gradeTo)) return;
  const message = `Trường dạy khối ${gradeFrom}–${gradeTo}; khối ${grade} không thuộc trường.`;
  throw new AppError('validation_failed', message, { grade: message });
}

async function assertHomeroomTeacher(
  trx: ServiceContext,
  unitId: string,
  staffId: string | null | undefined,
) {
  if (!staffId) return;
  const teacher = await trx.db
    .selectFrom('staff')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!teacher) throw homeroomTeacherRefused();
}

/** A homeroom teacher who is not on the school's staff. */
export function homeroomTeacherRefused(): AppError {
  const message = 'Giáo viên chủ nhiệm phải là cán bộ, giáo viên của trường.';
  return new AppError('validation_failed', message, { homeroomTeacherId: message });
}

/** Runs a write that may hit the "one name per school year" key and reports it on the name field. */
async function insertOrConflict<T>(name: string, schoolYear: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      const message = `Lớp ${name} đã có trong năm học ${schoolYear}.`;
      throw new AppError('conflict', message, { name: message });
    }
    throw error;
  }
}

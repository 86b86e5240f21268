import type { CreateDepartmentInput, Department, UpdateDepartmentInput } from '#contracts/departments.ts';
import { compareVietnameseText } from '../../domain/text/index.ts';
import { audit, changedFields } from '../../platform/audit/audit.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/constraint-errors.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { departmentsHeadedByActor } from './headed.ts';

export async function listDepartments(ctx: ServiceContext, unitId: string): Promise<Department[]> {
  await requireUnitAccess(ctx, 'staff.read', unitId);
  return loadDepartments(ctx, unitId);
}

export async function createDepartment(
  ctx: ServiceContext,
  input: CreateDepartmentInput,
): Promise<Department> {
  await requireUnitAccess(ctx, 'staff.write', input.unitId);
  return inTransaction(ctx, async (trx) => {
    const row = await guardWrite(input.name, () =>
      trx.db
        .insertInto('departments')
        .values({ unit_id: input.unitId, name: input.name, head_staff_id: input.headStaffId ?? null })
        .returning(['id', 'name', 'head_staff_id'])
        .executeTakeFirstOrThrow(),
    );
    await audit(trx, {
      unitId: input.unitId,
      entity: 'department',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    return findDepartment(trx, input.unitId, row.id);
  });
}

/** Renames a department or changes its head (a staff member of the same school; the database enforces it). */
export async function updateDepartment(
  ctx: ServiceContext,
  id: string,
  input: UpdateDepartmentInput,
): Promise<Department> {
  const before = await loadForWrite(ctx, id);
  const patch = { name: input.name, head_staff_id: input.headStaffId };
  return inTransaction(ctx, async (trx) => {
    await guardWrite(input.name ?? before.name, () =>
      trx.db
        .updateTable('departments')
        .set({ ...patch, updated_at: new Date() })
        .where('id', '=', id)
        .where('unit_id', '=', before.unit_id)
        .execute(),
    );
    await audit(trx, {
      unitId: before.unit_id,
      entity: 'department',
      entityId: id,
      action: 'update',
      ...changedFields({ name: before.name, head_staff_id: before.head_staff_id }, patch),
    });
    return findDepartment(trx, before.unit_id, id);
  });
}

/** Deletes an empty department; the (unit_id, department_id) foreign key of staff guards against a race. */
export async function deleteDepartment(ctx: ServiceContext, id: string): Promise<void> {
  const before = await loadForWrite(ctx, id);
  const members = await ctx.db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('unit_id', '=', before.unit_id)
    .where('department_id', '=', id)
    .executeTakeFirstOrThrow();
  if (Number(members.count) > 0) throw notEmpty(before.name, Number(members.count));
  await inTransaction(ctx, async (trx) => {
    try {
      await trx.db
        .deleteFrom('departments')
        .where('id', '=', id)
        .where('unit_id', '=', before.unit_id)
        .execute();
    } catch (error) {
      if (isForeignKeyViolation(error)) throw notEmpty(before.name);
      throw error;
    }
    await audit(trx, {
      unitId: before.unit_id,
      entity: 'department',
      entityId: id,
      action: 'delete',
      before: { name: before.name, head_staff_id: before.head_staff_id },
    });
  });
}

async function loadForWrite(ctx: ServiceContext, id: string) {
  // scope: looked up by id, then access to its unit is required before anything else.
  const row = await ctx.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('tổ chuyên môn');
  await requireUnitAccess(ctx, 'staff.write', row.unit_id);
  return row;
}

async function loadDepartments(ctx: ServiceContext, unitId: string, id?: string): Promise<Department[]> {
  let query = ctx.db
    .selectFrom('departments')
    .leftJoin('staff as head', 'head.id', 'departments.head_staff_id')
    .select((eb) => [
      'departments.id',
      'departments.unit_id',
      'departments.name',
      'departments.head_staff_id',
      'head.full_name as head_name',
      eb
        .selectFrom('staff')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('staff.department_id', '=', 'departments.id')
        .whereRef('staff.unit_id', '=', 'departments.unit_id')
        .as('member_count'),
    ])
    .where('departments.unit_id', '=', unitId);
  if (id) query = query.where('departments.id', '=', id);
  const [rows, mine] = await Promise.all([query.execute(), departmentsHeadedByActor(ctx)]);
  return rows
    .map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      name: r.name,
      headStaffId: r.head_staff_id,
      headName: r.head_name,
      memberCount: Number(r.member_count ?? 0),
      isMine: mine.has(r.id),
    }))
    .sort((a, b) => compareVietnameseText(a.name, b.name));
}

async function findDepartment(ctx: ServiceContext, unitId: string, id: string): Promise<Department> {
  const [department] = await loadDepartments(ctx, unitId, id);
  if (!department) throw notFound('tổ chuyên môn');
  return department;
}

async function guardWrite<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `Đơn vị đã có tổ "${name}".`, { name: 'Tên tổ đã được dùng.' });
    }
    if (isForeignKeyViolation(error)) {
      throw new AppError('validation_failed', 'Tổ trưởng phải là cán bộ của đơn vị này.', {
        headStaffId: 'Chọn một cán bộ của đơn vị.',
      });
    }
    throw error;
  }
}

const notEmpty = (name: string, count?: number) =>
  new AppError(
    'conflict',
    `${name} còn ${count ?? 'một số'} cán bộ. Chuyển họ sang tổ khác trước khi xoá tổ.`,
  );

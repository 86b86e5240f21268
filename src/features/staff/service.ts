import {
  type ListStaffQuery,
  type Staff,
  type StaffInput,
  type StaffPage,
  staffInput,
  type UpdateStaffInput,
} from '#contracts/staff.ts';
import { compareVietnameseNames, normaliseName } from '../../domain/text/index.ts';
import { logPersonalDataAccess } from '../../platform/audit/access-log.ts';
import { audit, changedFields } from '../../platform/audit/audit.ts';
import { requireUnitAccess, unitsUnderPaths } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { isForeignKeyViolation } from '../../platform/db/constraint-errors.ts';
import type { NewRow, Row } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { parseInput } from '../../platform/http/parse-input.ts';
import { personalDataCheck, toStaff } from './personal-data.ts';
import {
  findStaff,
  type StaffFilter,
  type StaffRow,
  selectStaff,
  staffFilter,
  staffSearchText,
} from './queries.ts';

/**
 * A page of the staff of a unit and the units below it, in Vietnamese name order (given name, middle, family —
 * compareVietnameseNames). The order is computed here rather than in SQL because neither engine ships a
 * Vietnamese collation we can rely on (PGlite has no ICU): the filter runs in SQL and returns only (id, name)
 * keys, which are sorted, and then only the requested page is loaded.
 */
export async function listStaff(ctx: ServiceContext, query: ListStaffQuery): Promise<StaffPage> {
  const unit = await requireUnitAccess(ctx, 'staff.read', query.unitId);
  const keys = await ctx.db
    .selectFrom('staff')
    .innerJoin('units as staff_unit', 'staff_unit.id', 'staff.unit_id')
    .select(['staff.id', 'staff.full_name'])
    .where('staff.unit_id', 'in', unitsUnderPaths(ctx, [unit.path]))
    .where(staffFilter(query))
    .orderBy('staff.id')
    .execute();
  keys.sort((a, b) => compareVietnameseNames(a.full_name, b.full_name));
  const start = (query.page - 1) * query.pageSize;
  const ids = keys.slice(start, start + query.pageSize).map((k) => k.id);
  const rows = ids.length ? await selectStaff(ctx.db).where('staff.id', 'in', ids).execute() : [];
  const order = new Map(ids.map((id, index) => [id, index]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const visible = await personalDataCheck(ctx);
  return {
    items: rows.map((row) => toStaff(row, visible(row), false)),
    total: keys.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One record; birth date and national ID only for those who may see them, and each such view is logged. */
export async function getStaff(ctx: ServiceContext, id: string): Promise<Staff> {
  const row = await loadInScope(ctx, id, 'read');
  const visible = (await personalDataCheck(ctx))(row);
  if (visible) {
    await logPersonalDataAccess(ctx, {
      unitId: row.unit_id,
      subjectKind: 'staff',
      subjectIds: [id],
      action: 'view',
    });
  }
  return toStaff(row, visible, true);
}

/**
 * Every staff record of a unit (and the units below it) in name order, with personal data where the actor may
 * see it — for the Excel export. The export is logged as personal-data access.
 */
export async function listStaffForExport(
  ctx: ServiceContext,
  unitId: string,
  filter: StaffFilter = {},
): Promise<Staff[]> {
  const unit = await requireUnitAccess(ctx, 'staff.read', unitId);
  const rows = await selectStaff(ctx.db)
    .where('staff.unit_id', 'in', unitsUnderPaths(ctx, [unit.path]))
    .where(staffFilter(filter))
    .execute();
  rows.sort((a, b) => compareVietnameseNames(a.full_name, b.full_name));
  const visible = await personalDataCheck(ctx);
  const staff = rows.map((row) => toStaff(row, visible(row), true));
  const exported = staff.filter((s) => s.personalDataVisible).map((s) => s.id);
  await logPersonalDataAccess(ctx, {
    unitId,
    subjectKind: 'staff',
    subjectIds: exported,
    action: 'list_export',
  });
  return staff;
}

/**
 * Creates a staff record. Safe to call inside the caller's transaction (the Excel import runs every row in one):
 * the audit row joins it.
 */
export async function createStaff(ctx: ServiceContext, unitId: string, input: StaffInput): Promise<Staff> {
  await requireUnitAccess(ctx, 'staff.write', unitId);
  const columns = staffColumns(input);
  return inTransaction(ctx, async (trx) => {
    const inserted = await withDepartmentCheck(() =>
      trx.db
        .insertInto('staff')
        .values({ unit_id: unitId, ...columns })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    await audit(trx, {
      unitId,
      entity: 'staff',
      entityId: inserted.id,
      action: 'create',
      after: forAudit(columns),
    });
    return toStaff((await findStaff(trx.db, inserted.id)) as StaffRow, true, true);
  });
}

export async function updateStaff(ctx: ServiceContext, id: string, patch: UpdateStaffInput): Promise<Staff> {
  const before = await loadInScope(ctx, id, 'write');
  const columns = staffColumns({ ...inputOf(before), ...definedOnly(patch) });
  return inTransaction(ctx, async (trx) => {
    await withDepartmentCheck(() =>
      trx.db
        .updateTable('staff')
        .set({ ...columns, updated_at: new Date() })
        .where('id', '=', id)
        .where('unit_id', '=', before.unit_id)
        .execute(),
    );
    await audit(trx, {
      unitId: before.unit_id,
      entity: 'staff',
      entityId: id,
      action: 'update',
      ...changedFields(forAudit(before), forAudit(columns)),
    });
    return toStaff((await findStaff(trx.db, id)) as StaffRow, true, true);
  });
}

/** Deletes a record entered by mistake; staff who leave keep their record with status "left". */
export async function deleteStaff(ctx: ServiceContext, id: string): Promise<void> {
  const before = await loadInScope(ctx, id, 'write');
  await inTransaction(ctx, async (trx) => {
    try {
      await trx.db.deleteFrom('staff').where('id', '=', id).where('unit_id', '=', before.unit_id).execute();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError(
        'conflict',
        `Hồ sơ của ${before.full_name} đang được dùng (chủ nhiệm lớp, phân công…). Hãy đổi tình trạng công tác thay vì xoá.`,
      );
    }
    await audit(trx, {
      unitId: before.unit_id,
      entity: 'staff',
      entityId: id,
      action: 'delete',
      before: forAudit(before),
    });
  });
}

async function loadInScope(ctx: ServiceContext, id: string, mode: 'read' | 'write'): Promise<StaffRow> {
  const row = await findStaff(ctx.db, id);
  if (!row) throw notFound('cán bộ');
  await requireUnitAccess(ctx, mode === 'read' ? 'staff.read' : 'staff.write', row.unit_id);
  return row;
}

type StaffColumns = Omit<NewRow<'staff'>, 'unit_id' | 'id' | 'created_at' | 'updated_at' | 'user_id'>;

/**
 * Columns of a record from the form input, parsed again with staffInput: the one check of a staff record (the form,
 * the import's preview and its commit all use it), so a national ID the preview accepted is never refused here.
 * A mismatch of the national ID with birth date or gender is stored and reported as a warning.
 */
export function staffColumns(raw: StaffInput): StaffColumns & { search_text: string } {
  const input = parseInput(staffInput, raw);
  const fullName = normaliseName(input.fullName);
  const nationalId = input.nationalId ?? null;
  return {
    full_name: fullName,
    search_text: staffSearchText({ fullName, phone: input.phone, email: input.email }),
    birth_date: input.birthDate ?? null,
    gender: input.gender ?? null,
    national_id: nationalId,
    phone: input.phone ?? null,
    email: input.email ? input.email.toLowerCase() : null,
    position: input.position,
    staff_role: input.staffRole ?? null,
    qualification: input.qualification ?? null,
    main_subject: input.mainSubject ?? null,
    department_id: input.departmentId ?? null,
    employment_status: input.employmentStatus ?? 'official',
    start_date: input.startDate ?? null,
  };
}

function inputOf(row: Row<'staff'>): StaffInput {
  return {
    fullName: row.full_name,
    birthDate: row.birth_date,
    gender: row.gender,
    nationalId: row.national_id,
    phone: row.phone,
    email: row.email,
    position: row.position,
    staffRole: row.staff_role,
    qualification: row.qualification,
    mainSubject: row.main_subject,
    departmentId: row.department_id,
    employmentStatus: row.employment_status,
    startDate: row.start_date,
  };
}

/** A PATCH leaves out what it does not change; explicit nulls clear a field. */
function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The audit row keeps what a person would compare, not the derived search text or timestamps. */
export function forAudit(columns: StaffColumns | Row<'staff'>) {
  return {
    full_name: columns.full_name,
    birth_date: columns.birth_date ?? null,
    gender: columns.gender ?? null,
    national_id: columns.national_id ?? null,
    phone: columns.phone ?? null,
    email: columns.email ?? null,
    position: columns.position,
    staff_role: columns.staff_role ?? null,
    qualification: columns.qualification ?? null,
    main_subject: columns.main_subject ?? null,
    department_id: columns.department_id ?? null,
    employment_status: columns.employment_status ?? 'official',
    start_date: columns.start_date ?? null,
  };
}

/** The (unit_id, department_id) foreign key refuses a department of another school. */
export async function withDepartmentCheck<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
    throw new AppError('validation_failed', 'Tổ chuyên môn không thuộc đơn vị này.', {
      departmentId: 'Chọn một tổ chuyên môn của đơn vị.',
    });
  }
}

import { PERMISSIONS } from '#contracts/roles.ts';
import type { CreateUnitInput, Unit, UpdateUnitInput } from '#contracts/units.ts';
import { foldVietnamese } from '../../domain/text/index.ts';
import { audit, changedFields } from '../../platform/audit/audit.ts';
import { forgetAllSessions } from '../../platform/auth/sessions.ts';
import { requireUnitAccess, unitsInScope } from '../../platform/authz/access.ts';
import { permissionsOn } from '../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/constraint-errors.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { DEFAULT_GRADES, findUnit, openParentHistory, selectUnits, toUnit, type UnitRow } from './queries.ts';

export async function listUnits(
  ctx: ServiceContext,
  filter: { under?: string; category?: string; q?: string; includeInactive?: boolean },
): Promise<Unit[]> {
  let query = selectUnits(ctx.db).where('units.id', 'in', unitsInScope(ctx, 'units.read'));
  if (filter.under) {
    const root = await requireUnitAccess(ctx, 'units.read', filter.under);
    query = query.where('units.path', 'like', `${root.path}%`);
  }
  if (filter.category)
    query = query.where('unit_kinds.category', '=', filter.category as UnitRow['category']);
  if (!filter.includeInactive) query = query.where('units.status', '=', 'active');
  const rows = await query.orderBy('units.path').execute();
  const units = rows.map(toUnit);
  if (!filter.q) return units;
  const words = foldVietnamese(filter.q).split(' ');
  return units.filter((u) => {
    const text = foldVietnamese(`${u.name} ${u.code} ${u.commune ?? ''} ${u.province ?? ''}`);
    return words.every((w) => text.includes(w));
  });
}

export async function getUnit(ctx: ServiceContext, id: string) {
  const scoped = await requireUnitAccess(ctx, 'units.read', id);
  const row = await findUnit(ctx.db, id);
  if (!row) throw notFound('đơn vị');
  const ancestorIds = scoped.path.split('/').filter((p) => p && p !== id);
  const ancestors = ancestorIds.length
    ? await ctx.db.selectFrom('units').select(['id', 'name', 'kind']).where('id', 'in', ancestorIds).execute()
    : [];
  ancestors.sort((a, b) => ancestorIds.indexOf(a.id) - ancestorIds.indexOf(b.id));
  return { ...toUnit(row), permissions: permissionsOn(ctx.actor, scoped, PERMISSIONS), ancestors };
}

export async function createUnit(ctx: ServiceContext, input: CreateUnitInput): Promise<Unit> {
  const parent = await requireUnitAccess(ctx, 'units.manage', input.parentId);
  const kind = await ctx.db
    .selectFrom('unit_kinds')
    .selectAll()
    .where('code', '=', input.kind)
    .executeTakeFirst();
  if (!kind)
    throw new AppError('validation_failed', 'Loại đơn vị không hợp lệ.', {
      kind: 'Loại đơn vị không hợp lệ.',
    });
  await assertParentTakesChildren(ctx, parent.kind);
  const school = schoolFields(kind.category, input);
  return inTransaction(ctx, async (trx) => {
    try {
      const inserted = await trx.db
        .insertInto('units')
        .values({
          parent_id: parent.id,
          kind: input.kind,
          code: input.code,
          name: input.name,
          short_name: input.shortName ?? null,
          path: `${parent.path}pending/`,
          ...school,
          ownership: input.ownership ?? null,
          province: input.province ?? null,
          district: input.district ?? null,
          commune: input.commune ?? null,
          address: input.address ?? null,
          phone: input.phone ?? null,
          email: input.email ?? null,
          website: input.website ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.db
        .updateTable('units')
        .set({ path: `${parent.path}${inserted.id}/` })
        .where('id', '=', inserted.id)
        .execute();
      await openParentHistory(trx.db, { unitId: inserted.id, parentId: parent.id, validFrom: today() });
      const row = (await findUnit(trx.db, inserted.id)) as UnitRow;
      await audit(trx, {
        unitId: row.id,
        entity: 'unit',
        entityId: row.id,
        action: 'create',
        after: toUnit(row),
      });
      return toUnit(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateCode(input.code);
      throw error;
    }
  });
}

export async function updateUnit(ctx: ServiceContext, id: string, input: UpdateUnitInput): Promise<Unit> {
  await requireUnitAccess(ctx, 'units.manage', id);
  return inTransaction(ctx, async (trx) => {
    const before = await findUnit(trx.db, id);
    if (!before) throw notFound('đơn vị');
    if (before.status !== 'active') {
      // A merged or closed unit is history: its record reads as it was on the decision.
      throw new AppError('conflict', `${before.name} đã sáp nhập hoặc giải thể; hồ sơ chỉ còn để xem.`);
    }
    const patch = {
      code: input.code,
      name: input.name,
      short_name: input.shortName,
      level: input.level,
      grade_from: input.gradeFrom,
      grade_to: input.gradeTo,
      ownership: input.ownership,
      province: input.province,
      district: input.district,
      commune: input.commune,
      address: input.address,
      phone: input.phone,
      email: input.email,
      website: input.website,
    };
    // The unit's name and kind are in the session of everyone with a role there.
    forgetAllSessions();
    try {
      await trx.db
        .updateTable('units')
        .set({ ...patch, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateCode(input.code ?? '');
      throw error;
    }
    const after = (await findUnit(trx.db, id)) as UnitRow;
    await audit(trx, {
      unitId: id,
      entity: 'unit',
      entityId: id,
      action: 'update',
      ...changedFields(before, patch),
    });
    return toUnit(after);
  });
}

export async function unitHistory(ctx: ServiceContext, id: string) {
  await requireUnitAccess(ctx, 'units.read', id);
  const rows = await ctx.db
    .selectFrom('unit_parent_history as h')
    .leftJoin('units as p', 'p.id', 'h.parent_id')
    .select(['h.parent_id', 'p.name as parent_name', 'h.valid_from', 'h.valid_to', 'h.reason'])
    .where('h.unit_id', '=', id)
    .orderBy('h.valid_from')
    .execute();
  return rows.map((r) => ({
    parentId: r.parent_id,
    parentName: r.parent_name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    reason: r.reason,
  }));
}

export async function listUnitKinds(ctx: ServiceContext) {
  const rows = await ctx.db.selectFrom('unit_kinds').selectAll().orderBy('sort_order').execute();
  return rows.map((r) => ({ code: r.code, nameVi: r.name_vi, category: r.category }));
}

async function assertParentTakesChildren(ctx: ServiceContext, parentKind: string) {
  const kind = await ctx.db
    .selectFrom('unit_kinds')
    .select('category')
    .where('code', '=', parentKind)
    .executeTakeFirst();
  if (kind?.category === 'school') {
    throw new AppError('validation_failed', 'Trường học không thể có đơn vị cấp dưới.', {
      parentId: 'Chọn một cơ quan quản lý làm đơn vị cấp trên.',
    });
  }
}

function schoolFields(category: string, input: CreateUnitInput) {
  if (category !== 'school') return { level: null, grade_from: null, grade_to: null };
  if (!input.level) {
    throw new AppError('validation_failed', 'Trường học cần có cấp học.', {
      level: 'Chọn cấp học của trường.',
    });
  }
  const [from, to] = DEFAULT_GRADES[input.level] ?? [1, 12];
  return { level: input.level, grade_from: input.gradeFrom ?? from, grade_to: input.gradeTo ?? to };
}

const duplicateCode = (code: string) =>
  new AppError('conflict', `Mã đơn vị "${code}" đã được dùng.`, { code: 'Mã đơn vị đã tồn tại.' });

const today = () => new Date().toISOString().slice(0, 10);

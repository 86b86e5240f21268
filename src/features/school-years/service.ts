import type { Kysely } from 'kysely';
import type { SchoolYear, UpsertSchoolYearInput } from '#contracts/school-years.ts';
import { schoolYearStartYear } from '../../domain/calendar/index.ts';
import { audit } from '../../platform/audit/audit.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';

const ancestorsOf = (path: string) => path.split('/').filter(Boolean);

/**
 * The calendars that apply to a unit: for each school year, the one set by the nearest unit at or above it
 * (a province sets the calendar for all its schools; a school may set its own).
 */
export async function effectiveSchoolYears(
  db: Kysely<DB>,
  unitPath: string,
): Promise<Omit<SchoolYear, 'isCurrent'>[]> {
  const chain = ancestorsOf(unitPath);
  const rows = await db
    .selectFrom('school_years as sy')
    .innerJoin('units as u', 'u.id', 'sy.unit_id')
    .select([
      'sy.code',
      'sy.starts_on',
      'sy.term1_ends_on',
      'sy.term2_starts_on',
      'sy.ends_on',
      'u.id',
      'u.name',
    ])
    .where('sy.unit_id', 'in', chain)
    .execute();
  const byCode = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const held = byCode.get(row.code);
    if (!held || chain.indexOf(row.id) > chain.indexOf(held.id)) byCode.set(row.code, row);
  }
  return [...byCode.values()]
    .sort((a, b) => b.code.localeCompare(a.code))
    .map((r) => ({
      code: r.code,
      startsOn: r.starts_on,
      term1EndsOn: r.term1_ends_on,
      term2StartsOn: r.term2_starts_on,
      endsOn: r.ends_on,
      definedByUnitId: r.id,
      definedByUnitName: r.name,
    }));
}

/** The current school year of a unit: its own setting, else the nearest office's above it. */
export async function currentSchoolYearOf(db: Kysely<DB>, unitPath: string): Promise<string | null> {
  const chain = ancestorsOf(unitPath);
  const rows = await db
    .selectFrom('units')
    .select(['id', 'current_school_year'])
    .where('id', 'in', chain)
    .where('current_school_year', 'is not', null)
    .execute();
  rows.sort((a, b) => chain.indexOf(b.id) - chain.indexOf(a.id));
  return rows[0]?.current_school_year ?? null;
}

export async function listSchoolYears(ctx: ServiceContext, unitId: string) {
  const unit = await requireUnitAccess(ctx, 'units.read', unitId);
  const [years, current] = await Promise.all([
    effectiveSchoolYears(ctx.db, unit.path),
    currentSchoolYearOf(ctx.db, unit.path),
  ]);
  return { current, years: years.map((y) => ({ ...y, isCurrent: y.code === current })) };
}

export async function upsertSchoolYear(ctx: ServiceContext, input: UpsertSchoolYearInput) {
  await requireUnitAccess(ctx, 'school_years.manage', input.unitId);
  const startYear = schoolYearStartYear(input.code);
  if (!input.startsOn.startsWith(String(startYear)) || !input.endsOn.startsWith(String(startYear + 1))) {
    throw new AppError(
      'validation_failed',
      `Ngày của năm học ${input.code} phải nằm trong ${startYear}–${startYear + 1}.`,
      {
        startsOn: `Năm học ${input.code} bắt đầu trong năm ${startYear}.`,
      },
    );
  }
  const values = {
    starts_on: input.startsOn,
    term1_ends_on: input.term1EndsOn,
    term2_starts_on: input.term2StartsOn,
    ends_on: input.endsOn,
  };
  await inTransaction(ctx, async (trx) => {
    const before = await trx.db
      .selectFrom('school_years')
      .selectAll()
      .where('unit_id', '=', input.unitId)
      .where('code', '=', input.code)
      .executeTakeFirst();
    await trx.db
      .insertInto('school_years')
      .values({ unit_id: input.unitId, code: input.code, ...values })
      .onConflict((oc) => oc.columns(['unit_id', 'code']).doUpdateSet(values))
      .execute();
    await audit(trx, {
      unitId: input.unitId,
      entity: 'school_year',
      entityId: input.code,
      action: before ? 'update' : 'create',
      before,
      after: values,
    });
  });
  return listSchoolYears(ctx, input.unitId);
}

export async function setCurrentSchoolYear(ctx: ServiceContext, unitId: string, code: string) {
  const unit = await requireUnitAccess(ctx, 'school_years.manage', unitId);
  const years = await effectiveSchoolYears(ctx.db, unit.path);
  if (!years.some((y) => y.code === code)) {
    throw new AppError('validation_failed', `Năm học ${code} chưa có lịch. Hãy khai báo năm học trước.`, {
      code: 'Năm học chưa được khai báo.',
    });
  }
  await inTransaction(ctx, async (trx) => {
    const before = await trx.db
      .selectFrom('units')
      .select('current_school_year')
      .where('id', '=', unitId)
      .executeTakeFirst();
    await trx.db.updateTable('units').set({ current_school_year: code }).where('id', '=', unitId).execute();
    await audit(trx, {
      unitId,
      entity: 'unit',
      entityId: unitId,
      action: 'set_current_school_year',
      before,
      after: { current_school_year: code },
    });
  });
  return listSchoolYears(ctx, unitId);
}

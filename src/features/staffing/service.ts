import { ACTIVE_EMPLOYMENT_STATUSES } from '#contracts/staff.ts';
import {
  type QualificationCounts,
  type SetQuotasInput,
  STAFFING_SECTION_LABEL_VI,
  STAFFING_SECTIONS,
  type StaffingRow,
  type StaffingTable,
} from '#contracts/staffing.ts';
import { isKnownGroup, labelOf, orderOf, sectionOf } from '#contracts/staffing-groups.ts';
import { audit } from '../../platform/audit/audit.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import { can } from '../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { groupOf } from './groups.ts';

/**
 * The staffing table (bảng biên chế) of a unit for a school year: per staffing group the quota assigned for that
 * year, the staff employed now (official, contract or probation), surplus and shortage, and the qualification
 * breakdown. Counts cover the unit's own staff only, not the units below it. Exported as is by the Excel export.
 */
export async function staffingTable(
  ctx: ServiceContext,
  unitId: string,
  schoolYear: string,
): Promise<StaffingTable> {
  const unit = await requireUnitAccess(ctx, 'staff.read', unitId);
  const [counts, quotas] = await Promise.all([
    ctx.db
      .selectFrom('staff')
      .select(['position', 'main_subject', 'staff_role', 'qualification', 'employment_status'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_id', '=', unitId)
      .where('employment_status', 'in', ACTIVE_EMPLOYMENT_STATUSES)
      .groupBy(['position', 'main_subject', 'staff_role', 'qualification', 'employment_status'])
      .execute(),
    ctx.db
      .selectFrom('staffing_quotas')
      .select(['staffing_group', 'quota'])
      .where('unit_id', '=', unitId)
      .where('school_year', '=', schoolYear)
      .execute(),
  ]);
  const rows = new Map<string, StaffingRow>();
  const rowOf = (group: string) => {
    let row = rows.get(group);
    if (!row) {
      row = { group, section: sectionOf(group), label: labelOf(group), ...emptyCounts() };
      rows.set(group, row);
    }
    return row;
  };
  for (const q of quotas) rowOf(q.staffing_group).quota = q.quota;
  for (const c of counts) {
    const row = rowOf(groupOf(c));
    const n = Number(c.n);
    row.current += n;
    row[c.employment_status as 'official' | 'contract' | 'probation'] += n;
    row.qualifications[c.qualification ?? 'unknown'] += n;
  }
  const ordered = [...rows.values()].map(withBalance).sort((a, b) => orderOf(a.group) - orderOf(b.group));
  return {
    unitId,
    unitName: unit.name,
    schoolYear,
    rows: ordered,
    sections: STAFFING_SECTIONS.map((section) => ({
      section,
      ...sum(
        STAFFING_SECTION_LABEL_VI[section],
        ordered.filter((r) => r.section === section),
      ),
    })).filter((s) => ordered.some((r) => r.section === s.section)),
    total: sum('Tổng cộng', ordered),
  };
}

/**
 * Records the quotas (biên chế được giao) of a school year. The quota is assigned by the managing office and
 * entered by it or by the school's leadership: staff.write on the school, or units.manage from the office above.
 */
export async function setStaffingQuotas(ctx: ServiceContext, input: SetQuotasInput): Promise<StaffingTable> {
  const unit = await requireUnitAccess(ctx, 'units.read', input.unitId);
  if (!can(ctx.actor, 'staff.write', unit) && !can(ctx.actor, 'units.manage', unit)) throw forbidden();
  input.quotas.forEach((q, i) => {
    if (!isKnownGroup(q.group)) {
      throw new AppError('validation_failed', `Nhóm biên chế "${q.group}" không có trong danh mục.`, {
        [`quotas.${i}.group`]: 'Nhóm biên chế không có trong danh mục.',
      });
    }
  });
  await inTransaction(ctx, async (trx) => {
    const existing = await trx.db
      .selectFrom('staffing_quotas')
      .select(['staffing_group', 'quota'])
      .where('unit_id', '=', input.unitId)
      .where('school_year', '=', input.schoolYear)
      .execute();
    const before = new Map(existing.map((q) => [q.staffing_group, q.quota]));
    const changed = input.quotas.filter((q) => (before.get(q.group) ?? null) !== q.quota);
    if (changed.length === 0) return;
    for (const q of changed) {
      if (q.quota === null) {
        await trx.db
          .deleteFrom('staffing_quotas')
          .where('unit_id', '=', input.unitId)
          .where('school_year', '=', input.schoolYear)
          .where('staffing_group', '=', q.group)
          .execute();
        continue;
      }
      await trx.db
        .insertInto('staffing_quotas')
        .values({
          unit_id: input.unitId,
          school_year: input.schoolYear,
          staffing_group: q.group,
          quota: q.quota,
        })
        .onConflict((oc) =>
          oc
            .columns(['unit_id', 'school_year', 'staffing_group'])
            .doUpdateSet({ quota: q.quota as number, updated_at: new Date() }),
        )
        .execute();
    }
    await audit(trx, {
      unitId: input.unitId,
      entity: 'staffing_quota',
      entityId: input.schoolYear,
      action: 'update',
      before: Object.fromEntries(changed.map((q) => [q.group, before.get(q.group) ?? null])),
      after: Object.fromEntries(changed.map((q) => [q.group, q.quota])),
    });
  });
  return staffingTable(ctx, input.unitId, input.schoolYear);
}

type Counts = Omit<StaffingRow, 'group' | 'section' | 'label'>;

function emptyCounts(): Counts {
  const qualifications: QualificationCounts = {
    below_intermediate: 0,
    intermediate: 0,
    college: 0,
    bachelor: 0,
    master: 0,
    doctorate: 0,
    unknown: 0,
  };
  return {
    quota: null,
    current: 0,
    official: 0,
    contract: 0,
    probation: 0,
    surplus: null,
    shortage: null,
    qualifications,
  };
}

function withBalance(row: StaffingRow): StaffingRow {
  if (row.quota === null) return row;
  return {
    ...row,
    surplus: Math.max(row.current - row.quota, 0),
    shortage: Math.max(row.quota - row.current, 0),
  };
}

/**
 * Totals of a section or of the table. Surplus and shortage are summed row by row, not netted: a school short of
 * two English teachers and with one surplus maths teacher reports both. Without any quota they stay null.
 */
function sum(label: string, rows: readonly StaffingRow[]): Counts & { label: string } {
  const total = { label, ...emptyCounts() };
  const add = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);
  for (const row of rows) {
    total.quota = add(total.quota, row.quota);
    total.surplus = add(total.surplus, row.surplus);
    total.shortage = add(total.shortage, row.shortage);
    total.current += row.current;
    total.official += row.official;
    total.contract += row.contract;
    total.probation += row.probation;
    for (const key of Object.keys(total.qualifications) as (keyof QualificationCounts)[]) {
      total.qualifications[key] += row.qualifications[key];
    }
  }
  return total;
}

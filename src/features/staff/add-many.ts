import { randomUUID } from 'node:crypto';
import type { StaffInput } from '#contracts/staff.ts';
import { auditMany } from '../../platform/audit/audit.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { STAFF_COLUMNS } from '../../platform/db/column-types.ts';
import { insertRows } from '../../platform/db/unnest-insert.ts';
import { AppError } from '../../platform/errors.ts';
import { InputRefused } from '../../platform/imports/kinds.ts';
import { forAudit, staffColumns, withDepartmentCheck } from './service.ts';

/**
 * createStaff for a whole list, set-based (the Excel import): the same records and audit rows as createStaff for
 * each input in turn, in one insert and one audit insert per thousand. Each input goes through staffColumns, the
 * form's one check (issue 11 §6); a refused input throws InputRefused with its index.
 */
export async function addStaff(
  ctx: ServiceContext,
  unitId: string,
  inputs: readonly StaffInput[],
): Promise<void> {
  await requireUnitAccess(ctx, 'staff.write', unitId);
  const rows = inputs.map((input, index) => {
    try {
      return { id: randomUUID(), unit_id: unitId, ...staffColumns(input) };
    } catch (error) {
      throw error instanceof AppError ? new InputRefused(index, error) : error;
    }
  });
  await inTransaction(ctx, async (trx) => {
    await withDepartmentCheck(() => insertRows(trx.db, 'staff', STAFF_COLUMNS, rows));
    await auditMany(
      trx,
      rows.map((row) => ({
        unitId,
        entity: 'staff',
        entityId: row.id,
        action: 'create',
        after: forAudit(row),
      })),
    );
  });
}

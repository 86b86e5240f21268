import { randomUUID } from 'node:crypto';
import { type ClassInput, classInput } from '#contracts/classes.ts';
import { auditMany } from '../../platform/audit/audit.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { CLASS_COLUMNS } from '../../platform/db/column-types.ts';
import { isUniqueViolation } from '../../platform/db/constraint-errors.ts';
import { insertRows } from '../../platform/db/unnest-insert.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/http/parse-input.ts';
import { InputRefused } from '../../platform/imports/kinds.ts';
import { classesByIds, toClass } from './queries.ts';
import { assertGradeTaught, homeroomTeacherRefused } from './service.ts';

/**
 * createClass for a whole list, set-based (the Excel import): the same checks (input, grade taught by the school,
 * homeroom teacher on its staff — looked up once for all rows), records and audit rows as createClass for each
 * input in turn, in one insert and one audit insert. A refused input throws InputRefused with its index.
 */
export async function addClasses(ctx: ServiceContext, unitId: string, inputs: readonly ClassInput[]) {
  const school = await requireSchool(ctx, 'classes.write', unitId);
  const refusedAt = <T>(index: number, check: () => T): T => {
    try {
      return check();
    } catch (error) {
      throw error instanceof AppError ? new InputRefused(index, error) : error;
    }
  };
  const rows = inputs.map((input, index) =>
    refusedAt(index, () => {
      const values = parseInput(classInput, input);
      assertGradeTaught(school, values.grade);
      return {
        id: randomUUID(),
        unit_id: unitId,
        school_year: values.schoolYear,
        grade: values.grade,
        name: values.name,
        homeroom_teacher_id: values.homeroomTeacherId ?? null,
        room: values.room ?? null,
      };
    }),
  );
  await inTransaction(ctx, async (trx) => {
    const teacherIds = [
      ...new Set(rows.flatMap((r) => (r.homeroom_teacher_id ? [r.homeroom_teacher_id] : []))),
    ];
    const staff = teacherIds.length
      ? await trx.db
          .selectFrom('staff')
          .select('id')
          .where('unit_id', '=', unitId)
          .where('id', 'in', teacherIds)
          .execute()
      : [];
    const onStaff = new Set(staff.map((s) => s.id));
    rows.forEach((row, index) => {
      if (row.homeroom_teacher_id && !onStaff.has(row.homeroom_teacher_id)) {
        throw new InputRefused(index, homeroomTeacherRefused());
      }
    });
    try {
      await insertRows(trx.db, 'classes', CLASS_COLUMNS, rows);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The import checked the names against the year's classes: a clash here is a class created meanwhile.
      const message = 'Một lớp trong tệp vừa được tạo trong năm học (ở trang khác); hãy kiểm tra lại tệp.';
      throw new AppError('conflict', message, { name: message });
    }
    const stored = new Map(
      (
        await classesByIds(
          trx.db,
          unitId,
          rows.map((r) => r.id),
        )
      ).map((c) => [c.id, c]),
    );
    await auditMany(
      trx,
      rows.flatMap((row) => {
        const created = stored.get(row.id);
        return created
          ? [{ unitId, entity: 'class', entityId: row.id, action: 'create', after: toClass(created) }]
          : [];
      }),
    );
  });
}

import { sql } from 'kysely';
import { type ParsedStudentInput, SENSITIVE_INPUTS } from '#contracts/students.ts';
import { todayInVietnam } from '../../domain/calendar/index.ts';
import { type AuditEntry, auditMany, changedFields } from '../../platform/audit/audit.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import { can } from '../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import type { Row } from '../../platform/db/schema.ts';
import { insertRows, updateRows } from '../../platform/db/unnest-insert.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { FieldChange } from '../../platform/imports/kinds.ts';
import { enrolNewStudents } from '../classes/enrolments.ts';
import { placesInClasses, STUDENT_COLUMNS, StudentRefused } from './add-many.ts';
import { RECORD_COLUMN } from './import-match.ts';
import { firstGuardians, searchTextOf } from './queries.ts';
import { writeOrConflict } from './service.ts';

/** One matched student and what the import changes on it (import-match.ts). */
export interface StudentUpdate {
  id: string;
  value: ParsedStudentInput;
  changes: readonly FieldChange[];
}

/** The columns an import row may change (import-match.ts), with the search text and confirmation that follow. */
const STUDENT_UPDATE_COLUMNS = Object.fromEntries(
  (
    [
      'id',
      'full_name',
      'search_text',
      'birth_date',
      'gender',
      'ethnicity',
      'national_id',
      'national_id_confirmed',
      'moet_student_code',
      'birth_place',
      'registration_number',
      'address',
      'disability',
      'poor_household',
      'near_poor_household',
    ] as const
  ).map((name) => [name, STUDENT_COLUMNS[name]]),
);

const GUARDIAN_UPDATE_COLUMNS = {
  id: 'uuid',
  full_name: 'text',
  relationship: 'text',
  phone: 'text',
  occupation: 'text',
} as const;

const GUARDIAN_INSERT_COLUMNS = {
  unit_id: 'uuid',
  student_id: 'uuid',
  position: 'int',
  full_name: 'text',
  relationship: 'text',
  phone: 'text',
  occupation: 'text',
} as const;

const GUARDIAN_KEYS = new Set([
  'guardianName',
  'guardianRelationship',
  'guardianPhone',
  'guardianOccupation',
]);

/**
 * updateStudent for the students an import row matched (update mode, issue 10 §4), set-based: the changed records
 * in one `update … from unnest` per thousand, the first guardians in one more (or inserted when the student had
 * none), the students without a class enrolled like new ones, and one audit row per changed student with the
 * before/after of its changed columns, its guardians and its class, as updateStudent writes them. The records are
 * locked first and the changes applied to them as they are now, inside the import's transaction. Students without
 * changes are not given. A refused input throws StudentRefused with its index.
 */
export async function updateStudents(
  ctx: ServiceContext,
  unitId: string,
  updates: readonly StudentUpdate[],
): Promise<void> {
  if (updates.length === 0) return;
  const school = await requireSchool(ctx, 'students.write', unitId);
  const sensitive = updates.some((u) =>
    u.changes.some((c) => (SENSITIVE_INPUTS as readonly string[]).includes(c.key)),
  );
  if (sensitive && !can(ctx.actor, 'students.sensitive', school)) {
    throw forbidden('Bạn không có quyền sửa các thông tin cá nhân nhạy cảm của học sinh.');
  }
  await inTransaction(ctx, async (trx) => {
    const ids = updates.map((u) => u.id);
    const stored = new Map(
      (
        await trx.db
          .selectFrom('students')
          .selectAll()
          .where('unit_id', '=', unitId)
          .where('id', '=', sql<string>`any(${ids}::uuid[])`)
          .forUpdate()
          .execute()
      ).map((s) => [s.id, s]),
    );
    const guardiansBefore = await firstGuardians(trx.db, unitId, ids);
    const audits: AuditEntry[] = [];
    const records: Record<string, unknown>[] = [];
    const guardianUpdates: Record<string, unknown>[] = [];
    const guardianInserts: Record<string, unknown>[] = [];
    for (const [index, update] of updates.entries()) {
      const before = stored.get(update.id);
      if (!before) {
        const message = 'Học sinh này vừa bị xoá khỏi trường trong lúc nhập; hãy kiểm tra lại tệp.';
        throw new StudentRefused(index, new AppError('conflict', message));
      }
      // As updateStudent (assertNotErased): an erased record is not edited.
      if (before.erased_at) {
        const message = 'Dữ liệu cá nhân của học sinh này đã bị xoá theo yêu cầu; không thể sửa.';
        throw new StudentRefused(index, new AppError('conflict', message));
      }
      const patch = patchOf(before, update.changes);
      const changes = changedFields(before, patch);
      if (Object.keys(changes.after).length) records.push({ ...before, ...patch });
      const entry = { before: { ...changes.before } as Record<string, unknown>, after: { ...changes.after } };
      const guardian = update.value.guardians?.[0];
      if (guardian && update.changes.some((c) => GUARDIAN_KEYS.has(c.key))) {
        const current = guardiansBefore.get(update.id);
        const written = {
          full_name: guardian.fullName,
          relationship: guardian.relationship,
          phone: guardian.phone ?? null,
          occupation: guardian.occupation ?? null,
        };
        if (current) guardianUpdates.push({ id: current.id, ...written });
        else guardianInserts.push({ unit_id: unitId, student_id: update.id, position: 0, ...written });
        entry.before = { ...entry.before, guardian: current ? guardianView(current) : null };
        Object.assign(entry.after, { guardian: guardianView(written) });
      }
      const className = update.changes.find((c) => c.key === 'className');
      if (className) {
        entry.before = { ...entry.before, className: null };
        Object.assign(entry.after, { className: className.after });
      }
      audits.push({ unitId, entity: 'student', entityId: update.id, action: 'update', ...entry });
    }
    await writeOrConflict(() =>
      updateRows(
        trx.db,
        'students',
        { unitId, key: 'id', touch: 'updated_at' },
        STUDENT_UPDATE_COLUMNS,
        records,
      ),
    );
    await updateRows(
      trx.db,
      'student_guardians',
      { unitId, key: 'id' },
      GUARDIAN_UPDATE_COLUMNS,
      guardianUpdates,
    );
    await insertRows(trx.db, 'student_guardians', GUARDIAN_INSERT_COLUMNS, guardianInserts);
    await enrol(trx, school.path, unitId, updates);
    await auditMany(trx, audits);
  });
}

/** The columns a row's changes set, with the search text and the national ID's confirmation that follow them. */
function patchOf(before: Row<'students'>, changes: readonly FieldChange[]): Partial<Row<'students'>> {
  const patch: Record<string, unknown> = {};
  for (const change of changes) {
    const column = RECORD_COLUMN[change.key];
    if (column) patch[column] = change.after;
  }
  const next = { ...before, ...patch } as Row<'students'>;
  if (patch.full_name !== undefined || patch.moet_student_code !== undefined) {
    patch.search_text = searchTextOf(next.full_name, next.moet_student_code);
  }
  // As updateStudent: a confirmation holds for the number, birth date and sex it was given for.
  if (patch.national_id !== undefined || patch.birth_date !== undefined || patch.gender !== undefined) {
    patch.national_id_confirmed = false;
  }
  return patch as Partial<Row<'students'>>;
}

const guardianView = (g: {
  full_name: string;
  relationship: string;
  phone: string | null;
  occupation: string | null;
}) => ({
  fullName: g.full_name,
  relationship: g.relationship,
  phone: g.phone,
  occupation: g.occupation,
});

/** Students without a class this year that a row puts in one: enrolled as new students are (addStudents). */
async function enrol(
  trx: ServiceContext,
  schoolPath: string,
  unitId: string,
  updates: readonly StudentUpdate[],
) {
  const placed = updates.filter((u) => u.changes.some((c) => c.key === 'className'));
  if (placed.length === 0) return;
  const today = todayInVietnam();
  // Positions in `placed` as positions in `updates`, for the row a refusal is reported on.
  const refused = (index: number, error: AppError) =>
    new StudentRefused(updates.indexOf(placed[index] as StudentUpdate), error);
  const enrolments = await placesInClasses(
    trx,
    schoolPath,
    unitId,
    placed.map((u) => ({ values: u.value, joinedOn: today, row: { id: u.id } })),
  ).catch((error: unknown) => {
    throw error instanceof StudentRefused ? refused(error.index, error.error) : error;
  });
  try {
    await enrolNewStudents(trx, unitId, enrolments.entries, 'className');
  } catch (error) {
    const index = (error as AppError).details as { index?: number } | undefined;
    if (error instanceof AppError && index?.index !== undefined) {
      throw refused(enrolments.inputIndex[index.index] ?? 0, error);
    }
    throw error;
  }
}

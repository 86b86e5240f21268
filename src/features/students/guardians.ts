import type { GuardianInput } from '#contracts/students.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { guardiansOf } from './queries.ts';

/**
 * Makes a student's guardians exactly `wanted`: entries with an id update that guardian, entries without one are
 * added, and guardians left out are removed (with their account link to this child). Runs inside the caller's
 * transaction. Returns the guardians before and after, for the audit row.
 */
export async function saveGuardians(
  trx: ServiceContext,
  unitId: string,
  studentId: string,
  wanted: readonly GuardianInput[],
) {
  const before = await guardiansOf(trx.db, unitId, studentId);
  const known = new Set(before.map((g) => g.id));
  wanted.forEach((guardian, index) => {
    if (guardian.id && !known.has(guardian.id)) {
      throw new AppError('validation_failed', 'Người giám hộ không thuộc hồ sơ học sinh này.', {
        [`guardians.${index}.id`]: 'Người giám hộ không thuộc hồ sơ học sinh này.',
      });
    }
  });
  const kept = new Set(wanted.flatMap((g) => (g.id ? [g.id] : [])));
  const removed = before.filter((g) => !kept.has(g.id)).map((g) => g.id);
  if (removed.length) {
    await trx.db
      .deleteFrom('student_guardians')
      .where('unit_id', '=', unitId)
      .where('id', 'in', removed)
      .execute();
  }
  for (const [position, guardian] of wanted.entries()) {
    const values = {
      position,
      full_name: guardian.fullName,
      relationship: guardian.relationship,
      phone: guardian.phone ?? null,
      email: guardian.email ?? null,
      occupation: guardian.occupation ?? null,
    };
    if (guardian.id) {
      await trx.db
        .updateTable('student_guardians')
        .set(values)
        .where('unit_id', '=', unitId)
        .where('id', '=', guardian.id)
        .execute();
    } else {
      await trx.db
        .insertInto('student_guardians')
        .values({ ...values, unit_id: unitId, student_id: studentId })
        .execute();
    }
  }
  const after = await guardiansOf(trx.db, unitId, studentId);
  return { before: before.map(guardianAuditView), after: after.map(guardianAuditView) };
}

/** A guardian as the audit log shows it (also built from freshly inserted rows by add-many). */
export const guardianAuditView = (g: {
  id: string;
  full_name: string;
  relationship: string;
  phone: string | null;
  occupation: string | null;
}) => ({
  id: g.id,
  fullName: g.full_name,
  relationship: g.relationship,
  phone: g.phone,
  occupation: g.occupation,
});

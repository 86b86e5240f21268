import { eraseBody, isActiveStatus } from '#contracts/students.ts';
import { todayInVietnam } from '../../domain/calendar/index.ts';
import { erasurePlan } from '../../domain/privacy/index.ts';
import { logPersonalDataAccess } from '../../platform/audit/access-log.ts';
import { audit } from '../../platform/audit/audit.ts';
import { deleteSessionsOfUser } from '../../platform/auth/sessions.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/http/parse-input.ts';
import { requireStudentPermission } from './access.ts';
import { studentDetail } from './detail.ts';
import { findStudent, guardiansOf, type StudentRow } from './queries.ts';
import { recordStatusChange } from './status.ts';

/** The name left on the student's own login account, which is closed. */
export const ERASED_NAME = 'Đã xoá dữ liệu cá nhân';

/** What an erasure of this student would do, for the confirmation screen (domain/privacy decides the split). */
export async function erasurePreview(ctx: ServiceContext, id: string) {
  const student = await requireStudentPermission(ctx, id, 'students.personal_data');
  const guardians = await guardiansOf(ctx.db, student.unit_id, id);
  const { erased, restricted } = erasurePlan();
  const view = (k: (typeof erased)[number]) => ({ key: k.key, label: k.label, basis: k.basis });
  return {
    alreadyErased: student.erased_at !== null,
    /** An enrolled student is withdrawn (Bỏ học, with the reason) in the same transaction as the erasure. */
    withdrawsFirst: isActiveStatus(student.status),
    guardians: guardians.length,
    hasAccount: student.user_id !== null,
    erased: erased.map(view),
    restricted: restricted.map(view),
  };
}

/**
 * Erases a student's personal data on request (Law 91/2025/QH15 Điều 14) as domain/privacy classifies it: contact
 * data, personal ID, household and policy flags, guardians and account links, attendance notes and the audit values
 * go; the identity the học bạ and the evaluation records print (name, birth date, student code) stays, restricted:
 * the record can no longer be edited, searched or linked. A student still attending is withdrawn first, in the same
 * transaction, so no record is left "Đang học" yet erased.
 */
export async function erasePersonalData(
  ctx: ServiceContext,
  id: string,
  input: { reason?: string | null; withdrawnOn?: string | null },
) {
  const values = parseInput(eraseBody, input);
  const student = await requireStudentPermission(ctx, id, 'students.personal_data');
  if (student.erased_at) throw alreadyErased();
  const withdraws = isActiveStatus(student.status);
  const withdrawnOn = values.withdrawnOn ?? todayInVietnam();
  assertWithdrawal(withdraws, values.reason ?? null, withdrawnOn);
  return inTransaction(ctx, async (trx) => {
    const guardians = await guardiansOf(trx.db, student.unit_id, id);
    await clearStudentRow(trx, student);
    await trx.db
      .updateTable('student_guardians')
      .set({ full_name: '', phone: null, email: null, occupation: null, user_id: null })
      .where('unit_id', '=', student.unit_id)
      .where('student_id', '=', id)
      .execute();
    await trx.db
      .updateTable('attendance')
      .set({ note: null })
      .where('unit_id', '=', student.unit_id)
      .where('student_id', '=', id)
      .where('note', 'is not', null)
      .execute();
    await closeStudentAccount(trx, student);
    await scrubAuditRows(trx, [id, ...guardians.map((g) => g.id)]);
    // After the scrub: the withdrawal's own audit row (status, date, reason) is a school record, not erased data.
    if (withdraws) {
      const reason = `Thôi học, xoá dữ liệu cá nhân theo yêu cầu: ${values.reason}`;
      await recordStatusChange(trx, student, { status: 'dropped_out', effectiveOn: withdrawnOn, reason });
    }
    await logPersonalDataAccess(trx, {
      unitId: student.unit_id,
      subjectKind: 'student',
      subjectIds: [id],
      action: 'erase',
      detail: values.reason ?? undefined,
    });
    await audit(trx, {
      unitId: student.unit_id,
      entity: 'student',
      entityId: id,
      action: 'erase',
      after: {
        reason: values.reason ?? null,
        withdrawnOn: withdraws ? withdrawnOn : null,
        erased: erasurePlan().erased.map((k) => k.key),
        guardians: guardians.length,
      },
    });
    const after = (await findStudent(trx.db, id)) as StudentRow;
    return studentDetail(trx, { student: after, view: 'staff', sensitive: true });
  });
}

/** A student still attending leaves the school first: that needs its reason and a date not in the future. */
function assertWithdrawal(withdraws: boolean, reason: string | null, withdrawnOn: string) {
  if (!withdraws) return;
  if (!reason) {
    const message =
      'Học sinh đang học: xoá dữ liệu sẽ cho học sinh thôi học. Nhập lý do (ví dụ: yêu cầu của cha mẹ học sinh).';
    throw new AppError('conflict', message, { reason: message });
  }
  if (withdrawnOn > todayInVietnam()) {
    const message = 'Ngày thôi học không được ở tương lai.';
    throw new AppError('validation_failed', message, { withdrawnOn: message });
  }
}

/** Clears the erasable columns (STUDENT_COLUMNS.erase); the identity the học bạ prints stays, restricted. */
async function clearStudentRow(trx: ServiceContext, student: StudentRow) {
  const result = await trx.db
    .updateTable('students')
    .set({
      // Empty search text: the record is no longer found by name (restricted processing).
      search_text: '',
      national_id: null,
      national_id_confirmed: false,
      address: null,
      poor_household: false,
      near_poor_household: false,
      policy_flags: [],
      user_id: null,
      erased_at: new Date(),
      updated_at: new Date(),
    })
    .where('unit_id', '=', student.unit_id)
    .where('id', '=', student.id)
    // Two erasures at once: the second finds the row already erased and stops (its transaction rolls back).
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw alreadyErased();
}

const alreadyErased = () =>
  new AppError('already_done', 'Dữ liệu cá nhân của học sinh này đã được xoá trước đây.');

/** The student's own login carries their name and contacts: it is deactivated and cleared. */
async function closeStudentAccount(trx: ServiceContext, student: StudentRow) {
  if (!student.user_id) return;
  await trx.db
    // scope: the one account linked to this student, whichever unit manages it.
    .updateTable('users')
    .set({ is_active: false, full_name: ERASED_NAME, email: null, phone: null, updated_at: new Date() })
    .where('id', '=', student.user_id)
    .execute();
  await deleteSessionsOfUser(trx.db, student.user_id);
}

async function scrubAuditRows(trx: ServiceContext, entityIds: readonly string[]) {
  await trx.db
    // scope: rows about this person at any unit; only their before/after values are cleared.
    .updateTable('audit_log')
    .set({ before: null, after: JSON.stringify({ erased: true }) })
    .where('entity', 'in', ['student', 'guardian'])
    .where('entity_id', 'in', entityIds)
    .execute();
}

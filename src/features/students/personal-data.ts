import { isActiveStatus } from '#contracts/students.ts';
import { todayInVietnam } from '../../domain/calendar/index.ts';
import { foldVietnamese } from '../../domain/text/fold.ts';
import { logPersonalDataAccess } from '../../platform/audit/access-log.ts';
import { audit } from '../../platform/audit/audit.ts';
import { deleteSessionsOfUser } from '../../platform/auth/sessions.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireStudentPermission } from './access.ts';
import { studentDetail } from './detail.ts';
import {
  enrolmentsOf,
  findStudent,
  guardiansOf,
  type StudentRow,
  statusHistoryOf,
  toGuardian,
} from './queries.ts';
import { auditView } from './service.ts';

const LEGAL_BASIS = 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15; Nghị định 356/2025/NĐ-CP';

/**
 * Everything the platform holds about one student, for a request to see or take away their data: the record,
 * guardians, status history, classes and the log of who viewed or exported it. The export is itself logged first,
 * so it appears in its own log.
 */
export async function exportPersonalData(ctx: ServiceContext, id: string) {
  const student = await requireStudentPermission(ctx, id, 'students.personal_data');
  return inTransaction(ctx, async (trx) => {
    const guardians = await guardiansOf(trx.db, student.unit_id, id);
    await logPersonalDataAccess(trx, {
      unitId: student.unit_id,
      subjectKind: 'student',
      subjectIds: [id],
      action: 'export',
    });
    await logPersonalDataAccess(trx, {
      unitId: student.unit_id,
      subjectKind: 'guardian',
      subjectIds: guardians.map((g) => g.id),
      action: 'export',
      detail: `student:${id}`,
    });
    const history = await statusHistoryOf(trx.db, id);
    const enrolments = await enrolmentsOf(trx.db, id);
    const accessLog = await accessLogAbout(trx, [id, ...guardians.map((g) => g.id)]);
    const fileName = `du-lieu-ca-nhan-${foldVietnamese(student.full_name).replace(/[^a-z0-9]+/g, '-')}-${todayInVietnam()}.json`;
    const content = {
      exportedAt: new Date().toISOString(),
      exportedBy: ctx.actor.fullName,
      legalBasis: LEGAL_BASIS,
      school: student.unit_name,
      student: {
        id: student.id,
        ...auditView(student),
        nationalIdConfirmed: student.national_id_confirmed,
        erasedAt: student.erased_at?.toISOString() ?? null,
        createdAt: student.created_at.toISOString(),
      },
      guardians: guardians.map(toGuardian),
      statusHistory: history.map((h) => ({
        status: h.status,
        effectiveOn: h.effective_on,
        reason: h.reason,
        recordedAt: h.recorded_at.toISOString(),
        recordedBy: h.recorded_by_name,
      })),
      enrolments: enrolments.map((e) => ({
        schoolYear: e.school_year,
        className: e.class_name,
        grade: e.grade,
        enrolledOn: e.enrolled_on,
        leftOn: e.left_on,
      })),
      accessLog,
    };
    return { fileName, content };
  });
}

async function accessLogAbout(ctx: ServiceContext, subjectIds: readonly string[]) {
  const rows = await ctx.db
    // scope: everything logged about this person, at any unit: the person is entitled to all of it.
    .selectFrom('data_access_log as l')
    .leftJoin('users as u', 'u.id', 'l.actor_user_id')
    .select(['l.occurred_at', 'l.subject_kind', 'l.action', 'l.detail', 'u.full_name as actor_name'])
    .where('l.subject_id', 'in', subjectIds)
    .orderBy('l.occurred_at')
    .execute();
  return rows.map((r) => ({
    occurredAt: r.occurred_at.toISOString(),
    subject: r.subject_kind,
    action: r.action,
    detail: r.detail,
    actor: r.actor_name,
  }));
}

/** Personal fields cleared on erasure; the statistics dimensions (sex, birth year, ethnicity, disability) stay. */
const ERASED_FIELDS = [
  'full_name',
  'birth_date (kept as 1 January of the birth year)',
  'national_id',
  'moet_student_code',
  'address',
  'poor_household',
  'near_poor_household',
  'policy_flags',
  'user_id',
  'guardians',
] as const;

export const ERASED_NAME = 'Đã xoá dữ liệu cá nhân';

/**
 * Erases a student's personal data on request (Law 91/2025/QH15) while keeping the row for statistics: the
 * head counts of past reports must not change. Kept: sex, birth year, ethnicity, disability kind, status history
 * and classes — the dimensions the sector statistics count (statistics.md). Cleared: name, exact birth date,
 * personal ID, sector code, address, household and policy flags, guardians' names and contacts, and the account
 * links. Earlier audit rows about the student held the same values, so their before/after are cleared too.
 *
 * A student still attending the school is refused unless a reason is given: the school normally needs the record
 * while the child studies there, so erasing it then must be a deliberate, explained decision.
 */
export async function erasePersonalData(ctx: ServiceContext, id: string, input: { reason?: string | null }) {
  const student = await requireStudentPermission(ctx, id, 'students.personal_data');
  if (student.erased_at) {
    throw new AppError('already_done', 'Dữ liệu cá nhân của học sinh này đã được xoá trước đây.');
  }
  if (isActiveStatus(student.status) && !input.reason) {
    const message =
      'Học sinh vẫn đang học ở trường. Nhập lý do xoá dữ liệu (ví dụ: yêu cầu của cha mẹ học sinh) để tiếp tục.';
    throw new AppError('conflict', message, { reason: message });
  }
  return inTransaction(ctx, async (trx) => {
    const guardians = await guardiansOf(trx.db, student.unit_id, id);
    await trx.db
      .updateTable('students')
      .set({
        full_name: ERASED_NAME,
        search_text: '',
        birth_date: student.birth_date ? `${student.birth_date.slice(0, 4)}-01-01` : null,
        national_id: null,
        national_id_confirmed: false,
        moet_student_code: null,
        address: null,
        poor_household: false,
        near_poor_household: false,
        policy_flags: [],
        user_id: null,
        erased_at: new Date(),
        updated_at: new Date(),
      })
      .where('unit_id', '=', student.unit_id)
      .where('id', '=', id)
      .execute();
    await trx.db
      .updateTable('student_guardians')
      .set({ full_name: '', phone: null, email: null, user_id: null })
      .where('unit_id', '=', student.unit_id)
      .where('student_id', '=', id)
      .execute();
    await closeStudentAccount(trx, student);
    await scrubAuditRows(trx, [id, ...guardians.map((g) => g.id)]);
    await logPersonalDataAccess(trx, {
      unitId: student.unit_id,
      subjectKind: 'student',
      subjectIds: [id],
      action: 'erase',
      detail: input.reason ?? undefined,
    });
    await audit(trx, {
      unitId: student.unit_id,
      entity: 'student',
      entityId: id,
      action: 'erase',
      after: { reason: input.reason ?? null, erasedFields: ERASED_FIELDS, guardians: guardians.length },
    });
    const after = (await findStudent(trx.db, id)) as StudentRow;
    return studentDetail(trx, { student: after, view: 'staff', sensitive: true });
  });
}

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

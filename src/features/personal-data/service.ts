import type { PersonalDataExport } from '#contracts/students.ts';
import { todayInVietnam } from '../../domain/calendar/index.ts';
import { foldVietnamese } from '../../domain/text/fold.ts';
import { logPersonalDataAccess } from '../../platform/audit/access-log.ts';
import { can } from '../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { readStudentAccess } from '../students/access.ts';
import {
  enrolmentsOf,
  guardiansOf,
  type StudentRow,
  statusHistoryOf,
  toGuardian,
} from '../students/queries.ts';
import { auditView } from '../students/service.ts';
import {
  accountsOf,
  attendanceOf,
  conductOf,
  contactBookNotesOf,
  primaryEvaluationsOf,
  resultsOf,
  scoresOf,
  subjectYearResultsOf,
  transcriptsOf,
} from './records.ts';

const LEGAL_BASIS = 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15; Nghị định 356/2025/NĐ-CP';

/**
 * The school's authorised staff (students.personal_data: the principal) and the person themself — the student's
 * own account or a linked guardian's — may take the export (right of access, Law 91/2025/QH15 Điều 4).
 */
async function requireExportAccess(ctx: ServiceContext, studentId: string): Promise<StudentRow> {
  const access = await readStudentAccess(ctx, studentId);
  if (access.view === 'own') return access.student;
  const unit = { id: access.student.unit_id, path: access.student.unit_path };
  if (!can(ctx.actor, 'students.personal_data', unit)) throw forbidden();
  return access.student;
}

/**
 * Everything the platform holds about one student: the record, guardians, status history, classes, scores,
 * results, attendance, conduct, contact-book notes, every học bạ version, the linked accounts and the log of who
 * viewed or exported it. The export is logged first, so it appears in its own log.
 */
export async function collectPersonalData(
  ctx: ServiceContext,
  id: string,
  format: 'json' | 'pdf',
): Promise<{ fileName: string; content: PersonalDataExport }> {
  const student = await requireExportAccess(ctx, id);
  return inTransaction(ctx, async (trx) => {
    const db = trx.db;
    const unitId = student.unit_id;
    const guardians = await guardiansOf(db, unitId, id);
    await logExport(trx, student, guardians, format);
    const links = [
      ...(student.user_id ? [{ userId: student.user_id, link: 'student' }] : []),
      ...guardians.flatMap((g) => (g.user_id ? [{ userId: g.user_id, link: 'guardian' }] : [])),
    ];
    const content: PersonalDataExport = {
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
      guardians: guardians.map((g) => {
        const { id: _, ...view } = toGuardian(g);
        return view;
      }),
      statusHistory: (await statusHistoryOf(db, id)).map((h) => ({
        status: h.status,
        effectiveOn: h.effective_on,
        reason: h.reason,
        recordedAt: h.recorded_at.toISOString(),
        recordedBy: h.recorded_by_name,
      })),
      enrolments: (await enrolmentsOf(db, id)).map((e) => ({
        schoolYear: e.school_year,
        className: e.class_name,
        grade: e.grade,
        enrolledOn: e.enrolled_on,
        leftOn: e.left_on,
      })),
      scores: await scoresOf(db, unitId, id),
      results: await resultsOf(db, unitId, id),
      subjectYearResults: await subjectYearResultsOf(db, unitId, id),
      primaryEvaluations: await primaryEvaluationsOf(db, unitId, id),
      attendance: await attendanceOf(db, unitId, id),
      conduct: await conductOf(db, unitId, id),
      contactBookNotes: await contactBookNotesOf(db, unitId, id),
      transcripts: await transcriptsOf(db, unitId, id),
      accounts: await accountsOf(db, links),
      accessLog: await accessLogAbout(trx, [id, ...guardians.map((g) => g.id)]),
    };
    const base = `du-lieu-ca-nhan-${foldVietnamese(student.full_name).replace(/[^a-z0-9]+/g, '-')}-${todayInVietnam()}`;
    return { fileName: `${base}.${format}`, content };
  });
}

async function logExport(
  trx: ServiceContext,
  student: StudentRow,
  guardians: readonly { id: string }[],
  format: 'json' | 'pdf',
) {
  await logPersonalDataAccess(trx, {
    unitId: student.unit_id,
    subjectKind: 'student',
    subjectIds: [student.id],
    action: 'export',
    detail: format === 'pdf' ? 'personal_data_pdf' : undefined,
  });
  await logPersonalDataAccess(trx, {
    unitId: student.unit_id,
    subjectKind: 'guardian',
    subjectIds: guardians.map((g) => g.id),
    action: 'export',
    detail: `student:${student.id}`,
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
    // The guardian rows name the student by id: the reader knows whose export it was.
    detail: r.detail?.startsWith('student:') ? 'student' : r.detail,
    actor: r.actor_name,
  }));
}

import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { logPersonalDataAccess } from '../../platform/audit/access-log.ts';
import { audit } from '../../platform/audit/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/constraint-errors.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { classMembers } from '../roster/queries.ts';
import { type ClassRole, classRole, requireClassReader } from './class-access.ts';
import { staleVersions } from './correction.ts';
import { classTranscriptsPdf, type TranscriptPrint, transcriptPdf } from './pdf.ts';
import { hocbaContexts } from './print-context.ts';
import { currentVersions, type TranscriptRow, transcriptsOfClass, userNames } from './queries.ts';
import { buildSnapshots, type TranscriptSnapshot } from './snapshot.ts';

/**
 * Transcripts (học bạ) of a class: draft (live data) → homeroom_signed (the homeroom teacher signs the class; the
 * data is copied) → approved (the principal approves the class; frozen). A correction of an approved transcript
 * makes a new version with its reason and supersedes the old one (grading.md, "Transcript … corrections").
 */

async function students(ctx: ServiceContext, role: ClassRole) {
  const rows = await classMembers(ctx.db, role.cls.unit_id, role.cls.id);
  return rows.sort((a, b) => compareVietnameseNames(a.full_name, b.full_name));
}

async function currentOfClass(ctx: ServiceContext, role: ClassRole) {
  const { cls } = role;
  const all = await transcriptsOfClass(ctx.db, cls.unit_id, cls.id, cls.school_year);
  return { all, current: currentVersions(all) };
}

export async function listClassTranscripts(ctx: ServiceContext, classId: string) {
  const role = await requireClassReader(ctx, classId);
  const list = await students(ctx, role);
  const { all, current } = await currentOfClass(ctx, role);
  const names = await userNames(
    ctx.db,
    all.flatMap((t) => [t.homeroom_signed_by, t.approved_by]),
  );
  return {
    classId: role.cls.id,
    className: role.cls.name,
    grade: role.cls.grade,
    schoolYear: role.cls.school_year,
    homeroomTeacherName: role.cls.homeroom_teacher_name,
    permissions: {
      sign: role.homeroom,
      approve: role.approver,
      correct: role.approver || role.homeroom,
      /** Notes to the class's families: its homeroom and subject teachers (contact-book/notes.ts). */
      postNotes: role.homeroom || role.teaches,
    },
    students: list.map((s) => {
      const t = current.get(s.student_id);
      return {
        studentId: s.student_id,
        fullName: s.full_name,
        transcriptId: t?.id ?? null,
        status: t?.status ?? 'draft',
        version: t?.version ?? 1,
        homeroomSignedBy: t?.homeroom_signed_by ? (names.get(t.homeroom_signed_by) ?? null) : null,
        approvedBy: t?.approved_by ? (names.get(t.approved_by) ?? null) : null,
        approvedAt: t?.approved_at?.toISOString() ?? null,
        versions: all
          .filter((v) => v.student_id === s.student_id)
          .map((v) => ({
            id: v.id,
            version: v.version,
            status: v.status,
            correctionReason: v.correction_reason,
            createdAt: v.created_at.toISOString(),
          })),
      };
    }),
  };
}

/**
 * The homeroom teacher signs the class: every student's draft gets the data of this moment. Approved versions are
 * left alone; a signed one is signed again with fresh data (scores may have been corrected before approval).
 */
export async function signClass(ctx: ServiceContext, classId: string) {
  const role = await classRole(ctx, classId);
  if (!role.homeroom) throw forbidden('Chỉ giáo viên chủ nhiệm của lớp ký học bạ của lớp.');
  const { cls } = role;
  const list = await students(ctx, role);
  if (list.length === 0) throw new AppError('conflict', `Lớp ${cls.name} chưa có học sinh.`);
  return signingOnce(cls.name, () =>
    inTransaction(ctx, async (trx) => {
      const { current } = await currentOfClass(trx, role);
      const toSign = list.filter((s) => current.get(s.student_id)?.status !== 'approved');
      const snapshots = await buildSnapshots(
        trx,
        cls,
        toSign.map((s) => s.student_id),
      );
      const now = new Date();
      for (const s of toSign) {
        const snapshot = JSON.stringify(snapshots.get(s.student_id));
        const existing = current.get(s.student_id);
        const signed = { snapshot, homeroom_signed_by: ctx.actor.userId, homeroom_signed_at: now };
        const row = existing
          ? await trx.db
              .updateTable('transcripts')
              .set({ ...signed, status: 'homeroom_signed' })
              .where('unit_id', '=', cls.unit_id)
              .where('id', '=', existing.id)
              .returning(['id', 'version'])
              .executeTakeFirstOrThrow()
          : await trx.db
              .insertInto('transcripts')
              .values({
                ...signed,
                unit_id: cls.unit_id,
                school_year: cls.school_year,
                class_id: cls.id,
                student_id: s.student_id,
                status: 'homeroom_signed',
              })
              .returning(['id', 'version'])
              .executeTakeFirstOrThrow();
        await audit(trx, {
          unitId: cls.unit_id,
          entity: 'transcript',
          entityId: row.id,
          action: 'sign_homeroom',
          after: { studentId: s.student_id, version: row.version },
        });
      }
      return { signed: toSign.length, alreadyApproved: list.length - toSign.length };
    }),
  );
}

/** Two signings of one class at once both insert version 1; the database key refuses the second. */
async function signingOnce<T>(className: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `Học bạ lớp ${className} vừa được ký ở nơi khác; tải lại trang.`);
    }
    throw error;
  }
}

/** The principal approves the whole class in one action; every student must have been signed by the homeroom. */
export async function approveClass(ctx: ServiceContext, classId: string) {
  const role = await classRole(ctx, classId);
  if (!role.approver) throw forbidden('Chỉ Hiệu trưởng phê duyệt học bạ.');
  const { cls } = role;
  const list = await students(ctx, role);
  return inTransaction(ctx, async (trx) => {
    const { current } = await currentOfClass(trx, role);
    const unsigned = list.filter((s) => {
      const status = current.get(s.student_id)?.status;
      return status !== 'homeroom_signed' && status !== 'approved';
    });
    if (unsigned.length > 0) {
      const names = unsigned.map((s) => s.full_name).join(', ');
      throw new AppError(
        'conflict',
        `Giáo viên chủ nhiệm chưa ký học bạ của ${unsigned.length} học sinh lớp ${cls.name}: ${names}. Ký trước rồi phê duyệt.`,
      );
    }
    const toApprove = list
      .map((s) => current.get(s.student_id) as TranscriptRow)
      .filter((t) => t.status === 'homeroom_signed');
    if (toApprove.length === 0) {
      throw new AppError('already_done', `Học bạ lớp ${cls.name} đã được phê duyệt.`);
    }
    const names = new Map(list.map((s) => [s.student_id, s.full_name]));
    const stale = await staleVersions(trx, role, toApprove, (id) => names.get(id) ?? id);
    if (stale.length > 0) {
      throw new AppError(
        'conflict',
        `Học bạ lớp ${cls.name} chưa phê duyệt được: kết quả tính từ điểm chưa được tính lại sau khi sửa điểm — ${stale.join('; ')}. Hãy tính lại kết quả (điều chỉnh học bạ hoặc tổng kết lại năm học của lớp), giáo viên chủ nhiệm ký lại rồi phê duyệt.`,
      );
    }
    const now = new Date();
    await trx.db
      .updateTable('transcripts')
      .set({ status: 'approved', approved_by: ctx.actor.userId, approved_at: now })
      .where('unit_id', '=', cls.unit_id)
      .where(
        'id',
        'in',
        toApprove.map((t) => t.id),
      )
      .where('status', '=', 'homeroom_signed')
      .execute();
    for (const t of toApprove) {
      await audit(trx, {
        unitId: cls.unit_id,
        entity: 'transcript',
        entityId: t.id,
        action: 'approve',
        after: { studentId: t.student_id, version: t.version, approvedAt: now.toISOString() },
      });
    }
    return { approved: toApprove.length };
  });
}

/** What to print for each student: the stored copy of a signed or approved version, else the live data. */
async function printsOf(ctx: ServiceContext, role: ClassRole, studentIds: readonly string[]) {
  const { all, current } = await currentOfClass(ctx, role);
  const live = studentIds.filter((id) => !current.get(id)?.snapshot);
  const [snapshots, contexts] = await Promise.all([
    buildSnapshots(ctx, role.cls, live),
    hocbaContexts(ctx.db, role.cls, studentIds),
  ]);
  const names = await userNames(
    ctx.db,
    all.flatMap((t) => [t.homeroom_signed_by, t.approved_by]),
  );
  const prints: TranscriptPrint[] = [];
  for (const id of studentIds) {
    const t = current.get(id);
    const snapshot = (t?.snapshot as TranscriptSnapshot | null) ?? snapshots.get(id);
    if (!snapshot) continue;
    prints.push({
      snapshot,
      status: t?.status ?? 'draft',
      version: t?.version ?? 1,
      correctionReason: t?.correction_reason ?? null,
      homeroomSignedBy: t?.homeroom_signed_by ? (names.get(t.homeroom_signed_by) ?? null) : null,
      homeroomSignedAt: t?.homeroom_signed_at ?? null,
      approvedBy: t?.approved_by ? (names.get(t.approved_by) ?? null) : null,
      approvedAt: t?.approved_at ?? null,
      context: contexts.get(id),
    });
  }
  return prints;
}

/** One student's transcript as a PDF; every copy is logged (grading.md: every exported copy is logged). */
export async function studentTranscriptPdf(ctx: ServiceContext, classId: string, studentId: string) {
  const role = await requireClassReader(ctx, classId);
  const inClass = (await students(ctx, role)).find((s) => s.student_id === studentId);
  if (!inClass) throw notFound('học sinh trong lớp');
  const [print] = await printsOf(ctx, role, [studentId]);
  if (!print) throw notFound('học sinh');
  await logPersonalDataAccess(ctx, {
    unitId: role.cls.unit_id,
    subjectKind: 'student',
    subjectIds: [studentId],
    action: 'export',
    detail: 'transcript',
  });
  return {
    fileName: `Học bạ ${role.cls.school_year} - ${role.cls.name} - ${inClass.full_name}.pdf`,
    content: await transcriptPdf(print),
  };
}

/** The whole class in one PDF, in name order. */
export async function classTranscriptPdf(
  ctx: ServiceContext,
  classId: string,
  onProgress?: (done: number, total: number) => Promise<void>,
) {
  const role = await requireClassReader(ctx, classId);
  const ids = (await students(ctx, role)).map((s) => s.student_id);
  const prints = await printsOf(ctx, role, ids);
  await logPersonalDataAccess(ctx, {
    unitId: role.cls.unit_id,
    subjectKind: 'student',
    subjectIds: ids,
    action: 'list_export',
    detail: 'transcript',
  });
  const title = `Học bạ ${role.cls.school_year} - Lớp ${role.cls.name}`;
  return { fileName: `${title}.pdf`, content: await classTranscriptsPdf(title, prints, onProgress) };
}

import type { StudentTranscripts } from '#contracts/transcripts.ts';
import { logPersonalDataAccess } from '../../platform/audit/access-log.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { findClass } from '../classes/queries.ts';
import { readStudentAccess } from '../students/access.ts';
import { requireClassReader } from './class-access.ts';
import { transcriptPdf } from './pdf.ts';
import { hocbaContexts } from './print-context.ts';
import { findTranscript, type TranscriptRow, userNames } from './queries.ts';
import { buildSnapshots, type TranscriptSnapshot } from './snapshot.ts';

/**
 * One student's học bạ across years, for the family and for staff. A guardian (or the student) reaches only their
 * own child (students.read_own, the students feature's rule) and sees the approved version in force of each year:
 * the school's official record, not drafts or superseded versions. Staff reach it when they may read the class's
 * gradebook (requireClassReader) and see every version: who signed, approved or corrected it, when and why. Every
 * PDF is written to the personal-data log.
 */

async function readableClasses(ctx: ServiceContext, classIds: readonly string[]) {
  const allowed = new Set<string>();
  for (const classId of new Set(classIds)) {
    try {
      await requireClassReader(ctx, classId);
      allowed.add(classId);
    } catch {
      // Another class of the student's history the caller does not teach or lead: left out of the list.
    }
  }
  return allowed;
}

/** Who made each correction version (the audit row of the correction). */
async function correctors(ctx: ServiceContext, unitId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string | null>();
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['entity_id', 'actor_user_id'])
    .where('unit_id', '=', unitId)
    .where('entity', '=', 'transcript')
    .where('action', '=', 'correct')
    .where('entity_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.entity_id as string, r.actor_user_id]));
}

export async function studentTranscripts(
  ctx: ServiceContext,
  studentId: string,
): Promise<StudentTranscripts> {
  const { student, view } = await readStudentAccess(ctx, studentId);
  const rows = await ctx.db
    .selectFrom('transcripts as t')
    .innerJoin('classes as c', 'c.id', 't.class_id')
    .selectAll('t')
    .select('c.name as class_name')
    .where('t.unit_id', '=', student.unit_id)
    .where('t.student_id', '=', student.id)
    .orderBy('t.school_year', 'desc')
    .orderBy('t.version', 'desc')
    .execute();
  const visible =
    view === 'own'
      ? rows.filter((r) => r.status === 'approved')
      : await (async () => {
          const allowed = await readableClasses(
            ctx,
            rows.map((r) => r.class_id),
          );
          return rows.filter((r) => allowed.has(r.class_id));
        })();
  const corrected = await correctors(
    ctx,
    student.unit_id,
    visible.filter((r) => r.correction_reason !== null).map((r) => r.id),
  );
  const names = await userNames(ctx.db, [
    ...visible.flatMap((r) => [r.homeroom_signed_by, r.approved_by]),
    ...corrected.values(),
  ]);
  const name = (userId: string | null | undefined) => (userId ? (names.get(userId) ?? null) : null);
  return {
    student: { id: student.id, fullName: student.full_name },
    view,
    transcripts: visible.map((r) => ({
      id: r.id,
      schoolYear: r.school_year,
      classId: r.class_id,
      className: r.class_name,
      version: r.version,
      status: r.status,
      correctionReason: r.correction_reason,
      correctedByName: name(corrected.get(r.id)),
      createdAt: r.created_at.toISOString(),
      homeroomSignedByName: name(r.homeroom_signed_by),
      homeroomSignedAt: r.homeroom_signed_at?.toISOString() ?? null,
      approvedByName: name(r.approved_by),
      approvedAt: r.approved_at?.toISOString() ?? null,
    })),
  };
}

/**
 * One version of a học bạ as a PDF: its stored copy (a draft correction, not yet signed, prints the live data). The
 * family may open only an approved version in force of its own child; anything else is "not found" to them.
 */
export async function transcriptVersionPdf(ctx: ServiceContext, transcriptId: string) {
  const row = await findTranscript(ctx.db, transcriptId);
  if (!row) throw notFound('học bạ');
  const { student, view } = await readStudentAccess(ctx, row.student_id);
  if (row.unit_id !== student.unit_id) throw notFound('học bạ');
  let snapshot = row.snapshot as TranscriptSnapshot | null;
  if (view === 'own') {
    if (row.status !== 'approved' || !snapshot) throw notFound('học bạ đã phê duyệt');
  } else {
    const role = await requireClassReader(ctx, row.class_id);
    snapshot ??= (await buildSnapshots(ctx, role.cls, [row.student_id])).get(row.student_id) ?? null;
  }
  if (!snapshot) throw notFound('dữ liệu học bạ');
  const names = await userNames(ctx.db, [row.homeroom_signed_by, row.approved_by]);
  const cls = await findClass(ctx.db, row.class_id);
  const context = cls ? (await hocbaContexts(ctx.db, cls, [row.student_id])).get(row.student_id) : undefined;
  await logPersonalDataAccess(ctx, {
    unitId: row.unit_id,
    subjectKind: 'student',
    subjectIds: [row.student_id],
    action: 'export',
    detail: view === 'own' ? 'transcript_own' : 'transcript_version',
  });
  return {
    fileName: `Học bạ ${row.school_year} - ${student.full_name} - phiên bản ${row.version}.pdf`,
    content: await transcriptPdf({ ...printOf(row, snapshot, names), context }),
  };
}

function printOf(row: TranscriptRow, snapshot: TranscriptSnapshot, names: Map<string, string>) {
  return {
    snapshot,
    status: row.status,
    version: row.version,
    correctionReason: row.correction_reason,
    homeroomSignedBy: row.homeroom_signed_by ? (names.get(row.homeroom_signed_by) ?? null) : null,
    homeroomSignedAt: row.homeroom_signed_at,
    approvedBy: row.approved_by ? (names.get(row.approved_by) ?? null) : null,
    approvedAt: row.approved_at,
  };
}

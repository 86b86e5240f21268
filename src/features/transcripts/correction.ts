import { yearAverage } from '../../domain/grading/index.ts';
import { audit } from '../../platform/audit/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { recomputeYearResults, storeRecomputedYearResults } from '../results/recompute.ts';
import { type ClassRole, classRole } from './class-access.ts';
import { diffSnapshots, type SnapshotDiff, staleValues, withRecomputed } from './derived-values.ts';
import { findTranscript, type TranscriptRow } from './queries.ts';
import { buildSnapshots, type SubjectLine, type TranscriptSnapshot } from './snapshot.ts';

/**
 * Correcting an approved transcript (học bạ) — issue 11 §2 "Corrections propagate". A corrected term score changes
 * what derives from it: the subject's year average, the learning results, the award and the promotion. They are
 * recomputed by the year close's own code (`results/recompute.ts`), stored (so the contact book and the results
 * pages read the same numbers) and shown before and after, first as a preview, then in the correction's answer.
 */

async function approvedForCorrection(ctx: ServiceContext, transcriptId: string) {
  const old = await findTranscript(ctx.db, transcriptId);
  if (!old) throw notFound('học bạ');
  const role = await classRole(ctx, old.class_id);
  if (!role.approver && !role.homeroom) throw forbidden();
  if (old.status !== 'approved') {
    throw new AppError(
      'conflict',
      'Chỉ điều chỉnh học bạ đã phê duyệt; học bạ chưa phê duyệt thì giáo viên chủ nhiệm ký lại.',
    );
  }
  return { old, role };
}

/** The approved version's values against today's data with every derived value recomputed. Nothing is written. */
export async function previewCorrection(ctx: ServiceContext, transcriptId: string) {
  const { old, role } = await approvedForCorrection(ctx, transcriptId);
  const live = (await buildSnapshots(ctx, role.cls, [old.student_id])).get(old.student_id);
  if (!live) throw notFound('học sinh');
  const recomputed = (await recomputeYearResults(ctx.db, role.cls, [old.student_id])).get(old.student_id);
  return {
    transcriptId: old.id,
    version: old.version,
    ...diffSnapshots(old.snapshot as TranscriptSnapshot | null, withRecomputed(live, recomputed)),
    missing: recomputed?.missing ?? [],
  };
}

/**
 * Corrects an approved transcript: the derived results are recomputed and stored, then a new version (draft, the
 * current data) is made with the reason; the old version is superseded and kept. The audit row holds every value
 * that differs (old value, new value, who, when, why).
 */
export async function correctTranscript(ctx: ServiceContext, transcriptId: string, reason: string) {
  const { old, role } = await approvedForCorrection(ctx, transcriptId);
  const text = reason.trim();
  if (text.length < 5) {
    throw new AppError('validation_failed', 'Ghi rõ lý do điều chỉnh.', {
      reason: 'Ghi rõ lý do điều chỉnh.',
    });
  }
  return inTransaction(ctx, async (trx) => {
    const superseded = await trx.db
      .updateTable('transcripts')
      .set({ status: 'superseded' })
      .where('unit_id', '=', old.unit_id)
      .where('id', '=', old.id)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (Number(superseded.numUpdatedRows) === 0) {
      throw new AppError('conflict', 'Học bạ vừa được người khác điều chỉnh; tải lại trang.');
    }
    const recomputed = (await storeRecomputedYearResults(trx.db, role.cls, [old.student_id])).get(
      old.student_id,
    );
    const fresh = (await buildSnapshots(trx, role.cls, [old.student_id])).get(old.student_id);
    const diff: SnapshotDiff = fresh
      ? diffSnapshots(old.snapshot as TranscriptSnapshot | null, fresh)
      : { inputs: [], derived: [] };
    const row = await trx.db
      .insertInto('transcripts')
      .values({
        unit_id: old.unit_id,
        school_year: old.school_year,
        class_id: old.class_id,
        student_id: old.student_id,
        version: old.version + 1,
        status: 'draft',
        correction_reason: text,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, {
      unitId: old.unit_id,
      entity: 'transcript',
      entityId: row.id,
      action: 'correct',
      before: { id: old.id, version: old.version },
      after: {
        version: row.version,
        reason: text,
        changes: fresh ? subjectChanges(old.snapshot as TranscriptSnapshot | null, fresh) : [],
        derived: diff.derived.filter((c) => c.changed),
      },
    });
    return {
      id: row.id,
      version: row.version,
      status: row.status,
      supersedes: old.id,
      ...diff,
      missing: recomputed?.missing ?? [],
    };
  });
}

/** The subject values that differ between two snapshots, for the correction's audit row. */
function subjectChanges(before: TranscriptSnapshot | null, after: TranscriptSnapshot) {
  const fields: (keyof SubjectLine)[] = [
    'term1',
    'term2',
    'year',
    'term1Result',
    'term2Result',
    'yearResult',
    'retestScore',
    'retestResult',
  ];
  const changes: { subject: string; field: string; old: unknown; new: unknown }[] = [];
  for (const line of after.subjects) {
    const was = before?.subjects.find((l) => l.code === line.code);
    for (const field of fields) {
      if ((was?.[field] ?? null) !== line[field]) {
        changes.push({ subject: line.code, field, old: was?.[field] ?? null, new: line[field] });
      }
    }
  }
  return changes;
}

/**
 * The versions about to be approved whose derived values are stale, as one Vietnamese sentence per student (empty
 * when all are current): a signed copy printing a year average that its term averages do not give, or derived
 * values that differ from what the close's rules give for today's gradebook.
 */
export async function staleVersions(
  ctx: ServiceContext,
  role: ClassRole,
  versions: readonly TranscriptRow[],
  nameOf: (studentId: string) => string,
): Promise<string[]> {
  const withCopy = versions.filter((v) => v.snapshot);
  const recomputed = await recomputeYearResults(
    ctx.db,
    role.cls,
    withCopy.map((v) => v.student_id),
  );
  const out: string[] = [];
  for (const v of withCopy) {
    const problems = staleValues(v.snapshot as TranscriptSnapshot, recomputed.get(v.student_id), yearAverage);
    if (problems.length > 0) out.push(`${nameOf(v.student_id)} (${problems.join('; ')})`);
  }
  return out;
}

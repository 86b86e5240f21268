import type { AuditAction } from '#contracts/audit-labels.ts';
import { type AssessmentStatus, findTransition } from '../../domain/dx-index/workflow.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { RowUpdate } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { AssessmentRow } from './queries.ts';

export interface EventEntry {
  action: AuditAction;
  to?: AssessmentStatus;
  comment?: string | null;
  snapshot?: unknown;
}

/** Appends to the assessment's history (assessment_events), inside the caller's transaction. */
export async function recordEvent(trx: ServiceContext, assessment: AssessmentRow, entry: EventEntry) {
  await trx.db
    .insertInto('assessment_events')
    .values({
      unit_id: assessment.unit_id,
      assessment_id: assessment.id,
      action: entry.action,
      from_status: assessment.status,
      to_status: entry.to ?? assessment.status,
      comment: entry.comment ?? null,
      snapshot: entry.snapshot === undefined ? null : JSON.stringify(entry.snapshot),
      actor_user_id: trx.actor.userId || null,
    })
    .execute();
}

/**
 * Moves an assessment to another status: a conditional update (it must still be in the status the caller saw,
 * so two people approving or returning at once cannot both succeed), its history event and its audit row.
 */
export async function transition(
  trx: ServiceContext,
  assessment: AssessmentRow,
  entry: EventEntry & { to: AssessmentStatus; set?: RowUpdate<'assessments'> },
): Promise<void> {
  // The callers check the status first with a message for the user; this keeps every move inside the workflow.
  if (!findTransition(assessment.status, entry.to))
    throw new AppError('conflict', 'Hồ sơ không ở trạng thái cho phép thao tác này. Hãy tải lại trang.');
  const result = await trx.db
    .updateTable('assessments')
    .set({ ...entry.set, status: entry.to, updated_at: new Date() })
    .where('id', '=', assessment.id)
    .where('unit_id', '=', assessment.unit_id)
    .where('status', '=', assessment.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new AppError('conflict', 'Hồ sơ vừa được người khác chuyển trạng thái. Hãy tải lại trang.');
  }
  await recordEvent(trx, assessment, entry);
  await audit(trx, {
    unitId: assessment.unit_id,
    entity: 'assessment',
    entityId: assessment.id,
    action: entry.action,
    before: { status: assessment.status },
    after: { status: entry.to, ...(entry.comment ? { comment: entry.comment } : {}) },
  });
}

type ItemChanges = Omit<RowUpdate<'assessment_items'>, 'id' | 'unit_id' | 'assessment_id' | 'item_id'>;

/** Creates or changes the row of one criterion (rows exist only for criteria someone has touched). */
export async function upsertItem(
  trx: ServiceContext,
  assessment: Pick<AssessmentRow, 'id' | 'unit_id'>,
  itemId: string,
  changes: ItemChanges,
) {
  return trx.db
    .insertInto('assessment_items')
    .values({ unit_id: assessment.unit_id, assessment_id: assessment.id, item_id: itemId, ...changes })
    .onConflict((oc) => oc.columns(['assessment_id', 'item_id']).doUpdateSet(changes))
    .returningAll()
    .executeTakeFirstOrThrow();
}

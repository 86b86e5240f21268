import type { ItemConflict, SaveItemInput } from '#contracts/dx-assessments/assessment.ts';
import {
  type Catalogue,
  type CatalogueItem,
  type ItemAnswer,
  scoreAssessment,
} from '../../../domain/assessment-catalogue/index.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { type AssessmentRow, userNames } from '../queries.ts';

// Two people editing one criterion (the principal and the teacher it is assigned to, one person in two tabs) never
// silently overwrite each other. The claim of a criterion (answer, note, progress) carries a version raised by every
// change; a save names the version it loaded. Inside the write transaction the row is locked and:
// - same version: nobody changed it since, the save is written;
// - another version but the save changes nothing of what is stored now: nothing to overwrite, it is written (a no-op
//   for the values, so two people typing the same claim do not fight);
// - another version and a different claim: a 409 naming the criterion and its claim now; nothing is written.

const PROGRESS_LABEL_VI = { todo: 'chưa làm', in_progress: 'đang làm', done: 'xong' } as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The stored row of one criterion, locked until the transaction ends. A criterion nobody touched gets its empty row
 * first (insert … on conflict do nothing), so two first saves of it also serialise on PostgreSQL.
 */
export async function lockItemRow(trx: ServiceContext, assessment: AssessmentRow, itemId: string) {
  await trx.db
    .insertInto('assessment_items')
    .values({ unit_id: assessment.unit_id, assessment_id: assessment.id, item_id: itemId })
    .onConflict((oc) => oc.columns(['assessment_id', 'item_id']).doNothing())
    .execute();
  return trx.db
    .selectFrom('assessment_items')
    .selectAll()
    .where('unit_id', '=', assessment.unit_id)
    .where('assessment_id', '=', assessment.id)
    .where('item_id', '=', itemId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

type StoredClaim = Awaited<ReturnType<typeof lockItemRow>>;

/** The conflict this save would cause, or undefined when it may be written. */
export async function claimConflict(
  trx: ServiceContext,
  item: CatalogueItem,
  stored: StoredClaim,
  input: SaveItemInput,
  mine: { answer: SaveItemInput['answer']; note?: string | null; progress: string },
): Promise<ItemConflict | undefined> {
  if (stored.version === input.version) return undefined;
  const unchanged =
    same(mine.answer, stored.answer) &&
    (mine.note === undefined || same(mine.note, stored.note)) &&
    mine.progress === stored.progress;
  if (unchanged) return undefined;
  const names = await userNames(trx.db, [stored.updated_by]);
  return {
    itemId: item.id,
    itemTitle: item.title,
    version: stored.version,
    answer: (stored.answer as ItemConflict['answer']) ?? null,
    note: stored.note,
    progress: stored.progress,
    updatedByName: stored.updated_by ? (names.get(stored.updated_by) ?? null) : null,
    updatedAt: stored.updated_at.toISOString(),
  };
}

/** A claim as the message shows it: "Đạt" / "Chưa đạt" for a condition, the points the engine gives otherwise. */
export function describeClaim(catalogue: Catalogue, conflict: ItemConflict): string {
  const answer = conflict.answer as ItemAnswer | null;
  const progress = PROGRESS_LABEL_VI[conflict.progress];
  if (!answer) return `chưa đánh giá, ${progress}`;
  const result = scoreAssessment(catalogue, { [conflict.itemId]: answer }).items.find(
    (i) => i.id === conflict.itemId,
  );
  if (result?.kind === 'mandatory') return `${result.met ? 'Đạt' : 'Chưa đạt'}, ${progress}`;
  const points = String(result?.points ?? 0).replace('.', ',');
  return `${points}/${String(result?.maxPoints ?? 0).replace('.', ',')} điểm, ${progress}`;
}

/** The 409 for a claim someone else changed after the client loaded it. */
export function claimConflictError(catalogue: Catalogue, conflicts: readonly ItemConflict[]): AppError {
  const listed = conflicts
    .map((c) => {
      const by = c.updatedByName ? ` — ${c.updatedByName} sửa` : '';
      return `${c.itemId} ${c.itemTitle} (hiện tại: ${describeClaim(catalogue, c)}${by})`;
    })
    .join('; ');
  return new AppError(
    'conflict',
    `Tiêu chí đã được người khác sửa sau khi bạn mở trang: ${listed}. Chưa lưu gì; chọn dùng giá trị mới hoặc giữ giá trị của bạn rồi lưu lại.`,
    undefined,
    { conflicts },
  );
}

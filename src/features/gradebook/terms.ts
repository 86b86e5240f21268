import type { SetTermInput, UnlockInput } from '#contracts/gradebook.ts';
import { audit } from '../../platform/audit/audit.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/constraint-errors.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { currentSchoolYearOf } from '../school-years/service.ts';
import { loadClassGradebook, lockState, subjectOfClass } from './access.ts';

// Entry deadlines and term locks set by the principal, and unlocks with a reason of one class × subject (scores)
// or of one class's homeroom records, conduct and attendance (grading.md "Records": corrections keep who, when and
// why).

export async function listTerms(ctx: ServiceContext, filter: { unitId: string; schoolYear?: string }) {
  const unit = await requireUnitAccess(ctx, 'gradebook.read', filter.unitId);
  const schoolYear = filter.schoolYear ?? (await currentSchoolYearOf(ctx.db, unit.path));
  if (!schoolYear) return { schoolYear, terms: [], unlocks: [], classLocks: [] };
  const rows = await ctx.db
    .selectFrom('gradebook_terms')
    .select(['term', 'entry_deadline', 'locked_at'])
    .where('unit_id', '=', unit.id)
    .where('school_year', '=', schoolYear)
    .execute();
  const unlocks = await ctx.db
    .selectFrom('gradebook_unlocks as u')
    .innerJoin('classes as c', 'c.id', 'u.class_id')
    .select([
      'u.id',
      'u.term',
      'u.class_id',
      'c.name',
      'u.kind',
      'u.subject_code',
      'u.reason',
      'u.unlocked_at',
    ])
    .where('u.unit_id', '=', unit.id)
    .where('u.school_year', '=', schoolYear)
    .where('u.relocked_at', 'is', null)
    .orderBy('u.unlocked_at', 'desc')
    .execute();
  const classLocks = await ctx.db
    .selectFrom('gradebook_class_locks as l')
    .innerJoin('classes as c', 'c.id', 'l.class_id')
    .select(['l.term', 'l.class_id', 'c.name', 'l.reason', 'l.locked_at'])
    .where('l.unit_id', '=', unit.id)
    .where('l.school_year', '=', schoolYear)
    .orderBy('l.term')
    .orderBy('c.name')
    .execute();
  return {
    schoolYear,
    terms: [1, 2].map((term) => {
      const row = rows.find((r) => r.term === term);
      return {
        term,
        entryDeadline: row?.entry_deadline ?? null,
        locked: Boolean(row?.locked_at),
        lockedAt: row?.locked_at ?? null,
      };
    }),
    unlocks: unlocks.map((u) => ({
      id: u.id,
      term: u.term,
      classId: u.class_id,
      className: u.name,
      kind: u.kind,
      subjectCode: u.subject_code,
      reason: u.reason,
      unlockedAt: u.unlocked_at,
    })),
    classLocks: classLocks.map((l) => ({
      term: l.term,
      classId: l.class_id,
      className: l.name,
      reason: l.reason,
      lockedAt: l.locked_at,
    })),
  };
}

/** Sets a term's entry deadline and lock for the whole school. */
export async function setTerm(ctx: ServiceContext, term: number, input: SetTermInput) {
  const unit = await requireUnitAccess(ctx, 'gradebook.manage', input.unitId);
  await inTransaction(ctx, async (trx) => {
    const before = await trx.db
      .selectFrom('gradebook_terms')
      .select(['entry_deadline', 'locked_at'])
      .where('unit_id', '=', unit.id)
      .where('school_year', '=', input.schoolYear)
      .where('term', '=', term)
      .executeTakeFirst();
    const lockedAt = input.locked ? (before?.locked_at ?? new Date()) : null;
    const row = await trx.db
      .insertInto('gradebook_terms')
      .values({
        unit_id: unit.id,
        school_year: input.schoolYear,
        term,
        entry_deadline: input.entryDeadline,
        locked_at: lockedAt,
        locked_by: input.locked ? ctx.actor.userId : null,
      })
      .onConflict((oc) =>
        oc.columns(['unit_id', 'school_year', 'term']).doUpdateSet({
          entry_deadline: input.entryDeadline,
          locked_at: lockedAt,
          locked_by: input.locked ? ctx.actor.userId : null,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    const action =
      !before?.locked_at && input.locked ? 'lock' : before?.locked_at && !input.locked ? 'unlock' : 'update';
    await audit(trx, {
      unitId: unit.id,
      entity: 'gradebook_term',
      entityId: row.id,
      action,
      before: before
        ? { entryDeadline: before.entry_deadline, locked: Boolean(before.locked_at) }
        : undefined,
      after: { schoolYear: input.schoolYear, term, entryDeadline: input.entryDeadline, locked: input.locked },
    });
  });
  return listTerms(ctx, { unitId: unit.id, schoolYear: input.schoolYear });
}

/**
 * Reopens a closed term for one class × subject, or for the class's conduct and attendance (kind 'homeroom');
 * the reason is required and audited.
 */
export async function unlock(ctx: ServiceContext, input: UnlockInput) {
  const g = await loadClassGradebook(ctx, input.classId);
  if (!g.manage) throw forbidden();
  const subjectCode =
    input.kind === 'subject' ? subjectOfClass(g.cls, input.subjectCode as string).code : null;
  const already = subjectCode
    ? 'Môn này của lớp đã được mở khoá.'
    : 'Rèn luyện và điểm danh của lớp đã được mở khoá cho học kì này.';
  return inTransaction(ctx, async (trx) => {
    const state = await lockState(trx, g.cls, input.term, subjectCode);
    if (state.unlock) throw new AppError('conflict', already);
    if (state.open) {
      throw new AppError('conflict', 'Học kì chưa khoá và chưa quá hạn nhập điểm; không cần mở khoá.');
    }
    const target = { classId: g.cls.id, kind: input.kind, subjectCode, term: input.term };
    const row = await trx.db
      .insertInto('gradebook_unlocks')
      .values({
        unit_id: g.cls.unit_id,
        school_year: g.cls.school_year,
        term: input.term,
        class_id: g.cls.id,
        kind: input.kind,
        subject_code: subjectCode,
        reason: input.reason,
        unlocked_by: ctx.actor.userId,
      })
      .returning(['id', 'unlocked_at'])
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        // Another manager unlocked the same target since the check above (gradebook_unlocks_active_key).
        throw isUniqueViolation(error, 'gradebook_unlocks_active_key')
          ? new AppError('conflict', already)
          : error;
      });
    await audit(trx, {
      unitId: g.cls.unit_id,
      entity: 'gradebook_unlock',
      entityId: row.id,
      action: 'unlock',
      before: { ...target, open: false },
      after: { ...target, open: true, reason: input.reason },
    });
    return { id: row.id, reason: input.reason, unlockedAt: row.unlocked_at };
  });
}

/** Closes an unlock again: the class × subject (or the class's conduct and attendance) follows the term's lock. */
export async function relock(ctx: ServiceContext, unlockId: string): Promise<void> {
  const row = await ctx.db
    // scope: loaded by id to find its unit; access to that unit is checked right after.
    .selectFrom('gradebook_unlocks')
    .selectAll()
    .where('id', '=', unlockId)
    .executeTakeFirst();
  if (!row) throw notFound('lần mở khoá');
  const g = await loadClassGradebook(ctx, row.class_id);
  if (!g.manage) throw forbidden();
  if (row.relocked_at) throw new AppError('conflict', 'Lần mở khoá này đã được khoá lại.');
  await inTransaction(ctx, async (trx) => {
    const relocked = await trx.db
      .updateTable('gradebook_unlocks')
      .set({ relocked_at: new Date() })
      .where('unit_id', '=', row.unit_id)
      .where('id', '=', row.id)
      .where('relocked_at', 'is', null)
      .executeTakeFirst();
    // Re-locked by someone else between the read above and this update.
    if (relocked.numUpdatedRows === 0n) throw new AppError('conflict', 'Lần mở khoá này đã được khoá lại.');
    const target = { classId: row.class_id, kind: row.kind, subjectCode: row.subject_code, term: row.term };
    await audit(trx, {
      unitId: row.unit_id,
      entity: 'gradebook_unlock',
      entityId: row.id,
      action: 'relock',
      before: { ...target, open: true, reason: row.reason },
      after: { ...target, open: false },
    });
  });
}

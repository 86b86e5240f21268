import { audit } from '../../platform/audit/audit.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { currentSchoolYearOf } from '../school-years/service.ts';
import { loadClassGradebook, lockState, subjectOfClass } from './access.ts';
import type { SetTermInput, UnlockInput } from './schemas.ts';

// Entry deadlines and term locks set by the principal, and unlocks of one class × subject with a reason
// (grading.md "Records": corrections keep who, when and why).

export async function listTerms(ctx: ServiceContext, filter: { unitId: string; schoolYear?: string }) {
  const unit = await requireUnitAccess(ctx, 'gradebook.read', filter.unitId);
  const schoolYear = filter.schoolYear ?? (await currentSchoolYearOf(ctx.db, unit.path));
  if (!schoolYear) return { schoolYear, terms: [], unlocks: [] };
  const rows = await ctx.db
    .selectFrom('gradebook_terms')
    .select(['term', 'entry_deadline', 'locked_at'])
    .where('unit_id', '=', unit.id)
    .where('school_year', '=', schoolYear)
    .execute();
  const unlocks = await ctx.db
    .selectFrom('gradebook_unlocks as u')
    .innerJoin('classes as c', 'c.id', 'u.class_id')
    .select(['u.id', 'u.term', 'u.class_id', 'c.name', 'u.subject_code', 'u.reason', 'u.unlocked_at'])
    .where('u.unit_id', '=', unit.id)
    .where('u.school_year', '=', schoolYear)
    .where('u.relocked_at', 'is', null)
    .orderBy('u.unlocked_at', 'desc')
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
      subjectCode: u.subject_code,
      reason: u.reason,
      unlockedAt: u.unlocked_at,
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

/** Reopens a closed term for one class × subject; the reason is required and audited. */
export async function unlockSubject(ctx: ServiceContext, input: UnlockInput) {
  const g = await loadClassGradebook(ctx, input.classId);
  if (!g.manage) throw forbidden();
  const subject = subjectOfClass(g.cls, input.subjectCode);
  return inTransaction(ctx, async (trx) => {
    const state = await lockState(trx, g.cls, input.term, subject.code);
    if (state.unlock) throw new AppError('conflict', 'Môn này của lớp đã được mở khoá.');
    if (state.open) {
      throw new AppError('conflict', 'Học kì chưa khoá và chưa quá hạn nhập điểm; không cần mở khoá.');
    }
    const row = await trx.db
      .insertInto('gradebook_unlocks')
      .values({
        unit_id: g.cls.unit_id,
        school_year: g.cls.school_year,
        term: input.term,
        class_id: g.cls.id,
        subject_code: subject.code,
        reason: input.reason,
        unlocked_by: ctx.actor.userId,
      })
      .returning(['id', 'unlocked_at'])
      .executeTakeFirstOrThrow();
    await audit(trx, {
      unitId: g.cls.unit_id,
      entity: 'gradebook_unlock',
      entityId: row.id,
      action: 'unlock',
      after: { classId: g.cls.id, subjectCode: subject.code, term: input.term, reason: input.reason },
    });
    return { id: row.id, reason: input.reason, unlockedAt: row.unlocked_at };
  });
}

/** Closes an unlock again: the class × subject follows the term's lock and deadline. */
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
    await trx.db
      .updateTable('gradebook_unlocks')
      .set({ relocked_at: new Date() })
      .where('unit_id', '=', row.unit_id)
      .where('id', '=', row.id)
      .execute();
    await audit(trx, {
      unitId: row.unit_id,
      entity: 'gradebook_unlock',
      entityId: row.id,
      action: 'relock',
      before: { classId: row.class_id, subjectCode: row.subject_code, term: row.term, reason: row.reason },
    });
  });
}

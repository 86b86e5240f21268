import type { EditConflict, SaveConductInput } from '#contracts/gradebook.ts';
import { LEVEL4_LABEL_VI, type Level4, yearConduct } from '../../domain/grading/index.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import {
  auditCells,
  type CellAudit,
  loadClassGradebook,
  lockState,
  refusePrimaryClass,
  rosterOf,
} from './access.ts';
import { conflictError, lockGrid, mergeCells } from './merge.ts';
import { conductOfClasses } from './reads.ts';

// Kết quả rèn luyện per term, set by the homeroom teacher with a comment (TT22 Điều 8); the year level follows
// from the two terms by the table of Điều 8 khoản 2 (yearConduct).

export async function getConduct(ctx: ServiceContext, classId: string) {
  const g = await loadClassGradebook(ctx, classId);
  if (!g.readAll && !g.homeroom) throw forbidden();
  refusePrimaryClass(g.cls, 'đánh giá rèn luyện');
  const [roster, rows, lock1, lock2] = await Promise.all([
    rosterOf(ctx, g.cls),
    conductOfClasses(ctx.db, g.cls.unit_id, g.cls.school_year, [g.cls.id]),
    lockState(ctx, g.cls, 1, null),
    lockState(ctx, g.cls, 2, null),
  ]);
  const of = (studentId: string, term: number) => {
    const row = rows.find((r) => r.studentId === studentId && r.term === term);
    return row ? { level: row.level, comment: row.comment } : null;
  };
  return {
    class: { id: g.cls.id, name: g.cls.name, schoolYear: g.cls.school_year },
    canEdit: g.homeroom,
    canManage: g.manage,
    lock: { term1: lock1, term2: lock2 },
    students: roster.map((s) => {
      const term1 = of(s.studentId, 1);
      const term2 = of(s.studentId, 2);
      return {
        studentId: s.studentId,
        fullName: s.fullName,
        term1,
        term2,
        year: term1 && term2 ? yearConduct(term1.level, term2.level) : null,
      };
    }),
  };
}

/**
 * Saves a term's conduct for the rows given; a row with no level clears it. The term lock and entry deadline
 * apply, unless the principal unlocked the class's conduct and attendance for the term. Level and comment are
 * merged with what is stored through the row's base like the score grid's cells (merge.ts): a change to one
 * someone else changed since is a 409 naming it, and nothing is written.
 */
export async function saveConduct(ctx: ServiceContext, classId: string, input: SaveConductInput) {
  const g = await loadClassGradebook(ctx, classId);
  if (!g.homeroom) throw forbidden('Chỉ giáo viên chủ nhiệm của lớp mới đánh giá rèn luyện.');
  refusePrimaryClass(g.cls, 'đánh giá rèn luyện');
  const roster = await rosterOf(ctx, g.cls);
  const position = new Map(roster.map((s, i) => [s.studentId, i + 1]));
  const fields: Record<string, string> = {};
  input.rows.forEach((r, i) => {
    if (!position.has(r.studentId))
      fields[`rows.${i}`] = `Học sinh ở dòng dữ liệu ${i + 1} không thuộc lớp ${g.cls.name}.`;
    else if (!r.level && r.comment) {
      const row = position.get(r.studentId);
      fields[`rows.${row}.level`] = `Dòng ${row}: có nhận xét nhưng chưa chọn mức rèn luyện.`;
    }
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError('validation_failed', 'Có dòng không hợp lệ; chưa lưu gì.', fields);
  }
  return inTransaction(ctx, async (trx) => {
    const lock = await lockState(trx, g.cls, input.term, null);
    if (!lock.open) throw new AppError('conflict', lock.message as string);
    await lockGrid(trx, `${g.cls.id}:conduct:${input.term}`);
    const stored = await trx.db
      .selectFrom('conduct_assessments')
      .select(['student_id', 'level', 'comment'])
      .where('unit_id', '=', g.cls.unit_id)
      .where('class_id', '=', g.cls.id)
      .where('school_year', '=', g.cls.school_year)
      .where('term', '=', input.term)
      .forUpdate()
      .execute();
    const old = new Map(stored.map((r) => [r.student_id, r]));
    const names = new Map(roster.map((s) => [s.studentId, s.fullName]));
    const audits: CellAudit[] = [];
    const upserts: { studentId: string; level: Level4; comment: string | null }[] = [];
    const clears: string[] = [];
    const conflicts: EditConflict[] = [];
    for (const r of input.rows) {
      const stale = old.get(r.studentId);
      const before = { level: stale?.level ?? null, comment: stale?.comment ?? null };
      const base = { level: r.base?.level ?? null, comment: r.base?.comment || null };
      const merge = mergeCells({ level: r.level, comment: r.comment || null }, base, before);
      for (const column of merge.conflicts) {
        const current = before[column as keyof typeof before];
        conflicts.push({
          studentId: r.studentId,
          studentName: names.get(r.studentId) ?? '',
          column,
          current,
        });
      }
      if (merge.changed.length === 0) continue;
      const after = merge.merged as typeof before;
      if (after.level) upserts.push({ studentId: r.studentId, level: after.level, comment: after.comment });
      else clears.push(r.studentId);
      const context = { classId: g.cls.id, term: input.term, schoolYear: g.cls.school_year };
      audits.push({
        unitId: g.cls.unit_id,
        entity: 'conduct',
        entityId: r.studentId,
        action: 'update',
        before: { ...context, ...before },
        after: { ...context, level: after.level, comment: after.level ? after.comment : null },
      });
    }
    if (conflicts.length > 0) {
      throw conflictError('Rèn luyện', conflicts, (c) => {
        const value = c.current === null ? '(trống)' : String(c.current);
        const shown = c.column === 'level' ? (LEVEL4_LABEL_VI[c.current as Level4] ?? value) : value;
        return `${c.studentName} (${c.column === 'level' ? 'mức' : 'nhận xét'}: ${shown})`;
      });
    }
    if (upserts.length > 0) {
      await trx.db
        .insertInto('conduct_assessments')
        .values(
          upserts.map((u) => ({
            unit_id: g.cls.unit_id,
            school_year: g.cls.school_year,
            term: input.term,
            class_id: g.cls.id,
            student_id: u.studentId,
            level: u.level,
            comment: u.comment,
            assessed_by: ctx.actor.userId,
            updated_at: new Date(),
          })),
        )
        .onConflict((oc) =>
          oc.columns(['student_id', 'school_year', 'term']).doUpdateSet((eb) => ({
            class_id: eb.ref('excluded.class_id'),
            level: eb.ref('excluded.level'),
            comment: eb.ref('excluded.comment'),
            assessed_by: eb.ref('excluded.assessed_by'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    if (clears.length > 0) {
      await trx.db
        .deleteFrom('conduct_assessments')
        .where('unit_id', '=', g.cls.unit_id)
        .where('school_year', '=', g.cls.school_year)
        .where('term', '=', input.term)
        .where('student_id', 'in', clears)
        .execute();
    }
    await auditCells(trx, audits);
    return getConduct(trx, classId);
  });
}

import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/http/errors.ts';
import { auditCells, type CellAudit, loadClassGradebook, rosterOf, todayInVietnam } from './access.ts';
import { absenceTotals } from './reads.ts';
import type { SaveAttendanceInput } from './schemas.ts';

// Daily attendance by session (buổi sáng / buổi chiều), kept by the homeroom teacher. Only absences are stored;
// the year's total counts towards promotion (TT22 Điều 12 khoản 1 điểm c: at most 45 sessions).

type Mark = 'excused' | 'unexcused' | null;

export async function getAttendance(ctx: ServiceContext, classId: string, date: string) {
  const g = await loadClassGradebook(ctx, classId);
  if (!g.readAll && !g.homeroom) throw forbidden();
  const [roster, rows, totals] = await Promise.all([
    rosterOf(ctx, g.cls),
    ctx.db
      .selectFrom('attendance')
      .select(['student_id', 'session', 'excused'])
      .where('unit_id', '=', g.cls.unit_id)
      .where('class_id', '=', g.cls.id)
      .where('date', '=', date)
      .execute(),
    absenceTotals(ctx.db, g.cls.unit_id, g.cls.school_year, [g.cls.id]),
  ]);
  const mark = (studentId: string, session: string): Mark => {
    const row = rows.find((r) => r.student_id === studentId && r.session === session);
    return row ? (row.excused ? 'excused' : 'unexcused') : null;
  };
  return {
    class: { id: g.cls.id, name: g.cls.name, schoolYear: g.cls.school_year },
    date,
    canEdit: g.homeroom,
    students: roster.map((s) => ({
      studentId: s.studentId,
      fullName: s.fullName,
      morning: mark(s.studentId, 'morning'),
      afternoon: mark(s.studentId, 'afternoon'),
      totals: totals.get(s.studentId) ?? { excused: 0, unexcused: 0 },
    })),
  };
}

/** Replaces the absences of one date and session with the list given (the others were present). */
export async function saveAttendance(ctx: ServiceContext, classId: string, input: SaveAttendanceInput) {
  const g = await loadClassGradebook(ctx, classId);
  if (!g.homeroom) throw forbidden('Chỉ giáo viên chủ nhiệm của lớp mới điểm danh.');
  if (input.date > todayInVietnam()) {
    const message = 'Không điểm danh trước cho một ngày chưa tới.';
    throw new AppError('validation_failed', message, { date: message });
  }
  const roster = await rosterOf(ctx, g.cls);
  const inClass = new Set(roster.map((s) => s.studentId));
  const fields: Record<string, string> = {};
  input.absences.forEach((a, i) => {
    if (!inClass.has(a.studentId))
      fields[`absences.${i}`] = `Học sinh thứ ${i + 1} không thuộc lớp ${g.cls.name}.`;
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError('validation_failed', 'Danh sách vắng có học sinh không thuộc lớp.', fields);
  }
  return inTransaction(ctx, async (trx) => {
    const before = await trx.db
      .selectFrom('attendance')
      .select(['id', 'student_id', 'excused'])
      .where('unit_id', '=', g.cls.unit_id)
      .where('class_id', '=', g.cls.id)
      .where('date', '=', input.date)
      .where('session', '=', input.session)
      .execute();
    const old = new Map(before.map((r) => [r.student_id, r.excused]));
    const next = new Map(input.absences.map((a) => [a.studentId, a.excused]));
    const audits: CellAudit[] = [];
    const label = (v: boolean | undefined) => (v === undefined ? 'present' : v ? 'excused' : 'unexcused');
    for (const studentId of new Set([...old.keys(), ...next.keys()])) {
      if (old.get(studentId) === next.get(studentId)) continue;
      const context = { classId: g.cls.id, date: input.date, session: input.session };
      audits.push({
        unitId: g.cls.unit_id,
        entity: 'attendance',
        entityId: studentId,
        action: 'update',
        before: { ...context, value: label(old.get(studentId)) },
        after: { ...context, value: label(next.get(studentId)) },
      });
    }
    await trx.db
      .deleteFrom('attendance')
      .where('unit_id', '=', g.cls.unit_id)
      .where('class_id', '=', g.cls.id)
      .where('date', '=', input.date)
      .where('session', '=', input.session)
      .execute();
    if (input.absences.length > 0) {
      await trx.db
        .insertInto('attendance')
        .values(
          input.absences.map((a) => ({
            unit_id: g.cls.unit_id,
            school_year: g.cls.school_year,
            class_id: g.cls.id,
            student_id: a.studentId,
            date: input.date,
            session: input.session,
            excused: a.excused,
            recorded_by: ctx.actor.userId,
          })),
        )
        .execute();
    }
    await auditCells(trx, audits);
    return getAttendance(trx, classId, input.date);
  });
}

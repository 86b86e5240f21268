import { sql } from 'kysely';
import type { EditConflict, LockState, SaveAttendanceInput } from '#contracts/gradebook.ts';
import { termOfDate, todayInVietnam, vietnameseDate } from '../../domain/calendar/index.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { ClassRow } from '../classes/queries.ts';
import { effectiveSchoolYears } from '../school-years/service.ts';
import { auditCells, type CellAudit, loadClassGradebook, lockState, rosterOf, termName } from './access.ts';
import { conflictError, lockGrid, mergeCells } from './merge.ts';
import { absenceTotals } from './reads.ts';

// Daily attendance by session (buổi sáng / buổi chiều), kept by the homeroom teacher. Only absences are stored;
// the year's total counts towards promotion (TT22 Điều 12 khoản 1 điểm c: at most 45 sessions).

type Mark = 'excused' | 'unexcused' | null;

export async function getAttendance(ctx: ServiceContext, classId: string, date: string) {
  const g = await loadClassGradebook(ctx, classId);
  if (!g.readAll && !g.homeroom) throw forbidden();
  const [roster, rows, totals, { term, lock }] = await Promise.all([
    rosterOf(ctx, g.cls),
    ctx.db
      .selectFrom('attendance')
      .select(['student_id', 'session', 'excused'])
      .where('unit_id', '=', g.cls.unit_id)
      .where('class_id', '=', g.cls.id)
      .where('date', '=', date)
      .execute(),
    absenceTotals(ctx.db, g.cls.unit_id, g.cls.school_year, [g.cls.id]),
    attendanceLock(ctx, g.cls, date),
  ]);
  const mark = (studentId: string, session: string): Mark => {
    const row = rows.find((r) => r.student_id === studentId && r.session === session);
    return row ? (row.excused ? 'excused' : 'unexcused') : null;
  };
  return {
    class: { id: g.cls.id, name: g.cls.name, schoolYear: g.cls.school_year },
    date,
    term,
    lock,
    canEdit: g.homeroom && lock.open,
    canManage: g.manage,
    students: roster.map((s) => ({
      studentId: s.studentId,
      fullName: s.fullName,
      morning: mark(s.studentId, 'morning'),
      afternoon: mark(s.studentId, 'afternoon'),
      totals: totals.get(s.studentId) ?? { excused: 0, unexcused: 0 },
    })),
  };
}

const MARK_VI: Record<string, string> = {
  present: 'có mặt',
  excused: 'vắng có phép',
  unexcused: 'vắng không phép',
};

/**
 * Sets the absences of one date and session to the list given (the others were present). Each student's mark is
 * merged with what is stored through `base`, the absences the client loaded (merge.ts): a student it did not change
 * keeps the stored mark, and a change to a mark someone else changed since is a 409 naming it, nothing written.
 */
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
    const { lock } = await attendanceLock(trx, g.cls, input.date);
    if (!lock.open) throw new AppError('conflict', lock.message as string);
    await lockGrid(trx, `${g.cls.id}:attendance:${input.date}:${input.session}`);
    const stored = await trx.db
      .selectFrom('attendance')
      .select(['student_id', 'excused'])
      .where('unit_id', '=', g.cls.unit_id)
      .where('class_id', '=', g.cls.id)
      .where('date', '=', input.date)
      .where('session', '=', input.session)
      .forUpdate()
      .execute();
    const marks = (list: readonly { student_id?: string; studentId?: string; excused: boolean }[]) =>
      Object.fromEntries(list.map((a) => [a.student_id ?? a.studentId, a.excused ? 'excused' : 'unexcused']));
    const before = marks(stored);
    // Every student the save mentions (absent now, or absent when loaded) is a cell; the others stay as stored.
    const mine: Record<string, string> = Object.fromEntries(
      input.base.map((a) => [a.studentId, 'present'] as [string, string]),
    );
    Object.assign(mine, marks(input.absences));
    const mark = (cells: Record<string, unknown>, studentId: string) =>
      (cells[studentId] as string) ?? 'present';
    const base = marks(input.base);
    const merge = mergeCells(
      mine,
      Object.fromEntries(Object.keys(mine).map((id) => [id, mark(base, id)])),
      Object.fromEntries(Object.keys(mine).map((id) => [id, mark(before, id)])),
    );
    if (merge.conflicts.length > 0) {
      const names = new Map(roster.map((s) => [s.studentId, s.fullName]));
      const conflicts: EditConflict[] = merge.conflicts.map((studentId) => ({
        studentId,
        studentName: names.get(studentId) ?? '',
        column: input.session,
        current: mark(before, studentId),
      }));
      const session = input.session === 'morning' ? 'buổi sáng' : 'buổi chiều';
      throw conflictError(
        'Điểm danh',
        conflicts,
        (c) => `${c.studentName} (${session}: ${MARK_VI[c.current as string] ?? c.current})`,
      );
    }
    const context = { classId: g.cls.id, date: input.date, session: input.session };
    const audits: CellAudit[] = merge.changed.map((studentId) => ({
      unitId: g.cls.unit_id,
      entity: 'attendance',
      entityId: studentId,
      action: 'update',
      before: { ...context, value: mark(before, studentId) },
      after: { ...context, value: mark(mine, studentId) },
    }));
    if (merge.changed.length > 0) {
      await trx.db
        .deleteFrom('attendance')
        .where('unit_id', '=', g.cls.unit_id)
        .where('class_id', '=', g.cls.id)
        .where('date', '=', input.date)
        .where('session', '=', input.session)
        .where('student_id', 'in', merge.changed)
        .execute();
    }
    const absent = merge.changed.filter((studentId) => mine[studentId] !== 'present');
    if (absent.length > 0) {
      await trx.db
        .insertInto('attendance')
        .values(
          absent.map((studentId) => ({
            unit_id: g.cls.unit_id,
            school_year: g.cls.school_year,
            class_id: g.cls.id,
            student_id: studentId,
            date: input.date,
            session: input.session,
            excused: mine[studentId] === 'excused',
            recorded_by: ctx.actor.userId,
          })),
        )
        .execute();
    }
    // The register of this date and session was taken (home page: classes not yet taken today).
    await trx.db
      .insertInto('attendance_taken')
      .values({
        unit_id: g.cls.unit_id,
        school_year: g.cls.school_year,
        class_id: g.cls.id,
        date: input.date,
        session: input.session,
        taken_by: ctx.actor.userId,
      })
      .onConflict((oc) =>
        oc
          .columns(['class_id', 'date', 'session'])
          .doUpdateSet({ taken_by: ctx.actor.userId, taken_at: sql`now()` }),
      )
      .execute();
    await auditCells(trx, audits);
    return getAttendance(trx, classId, input.date);
  });
}

/**
 * Whether attendance of a date may be changed. The date's term comes from the school-year calendar in force
 * (school_years.term1_ends_on, see termOfDate). Only the principal's term lock closes attendance: the entry
 * deadline is for scores and conduct, and absences are taken until the term's last day. An unlock of the class's
 * homeroom records (conduct and attendance) reopens it.
 */
async function attendanceLock(
  ctx: ServiceContext,
  cls: ClassRow,
  date: string,
): Promise<{ term: 1 | 2 | null; lock: LockState }> {
  const years = await effectiveSchoolYears(ctx.db, cls.unit_path);
  const calendar = years.find((y) => y.code === cls.school_year);
  const term = calendar ? termOfDate(calendar, date) : null;
  // Without a calendar the date's term is unknown: either term's lock applies, so no lock is bypassed.
  const terms = term ? [term] : [1, 2];
  const states = await Promise.all(terms.map((t) => lockState(ctx, cls, t, null)));
  const closed = states.findIndex((s) => s.locked && !s.unlock);
  const state = states[Math.max(closed, 0)] as LockState;
  const message =
    closed < 0 ? null : attendanceClosedMessage(cls, date, terms[closed] as number, calendar !== undefined);
  return { term, lock: { ...state, pastDeadline: false, open: closed < 0, message } };
}

function attendanceClosedMessage(cls: ClassRow, date: string, term: number, knownTerm: boolean): string {
  const day = vietnameseDate(date);
  const where = knownTerm
    ? `Ngày ${day} thuộc ${termName(term)} năm học ${cls.school_year}, học kì đã khoá sổ`
    : `Năm học ${cls.school_year} chưa có lịch nên không biết ngày ${day} thuộc học kì nào, và ${termName(term)} đã khoá sổ`;
  const reopen = knownTerm ? '' : 'khai báo lịch năm học, hoặc ';
  return `${where}; không điểm danh được cho lớp ${cls.name}. Đề nghị ${reopen}Ban giám hiệu mở khoá rèn luyện và điểm danh của lớp (ghi rõ lí do) nếu cần sửa.`;
}

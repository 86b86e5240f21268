import type { LockState, SaveAttendanceInput } from '#contracts/gradebook.ts';
import { termOfDate, todayInVietnam, vietnameseDate } from '../../domain/calendar/index.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { ClassRow } from '../classes/queries.ts';
import { effectiveSchoolYears } from '../school-years/service.ts';
import { auditCells, type CellAudit, loadClassGradebook, lockState, rosterOf, termName } from './access.ts';
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
    const { lock } = await attendanceLock(trx, g.cls, input.date);
    if (!lock.open) throw new AppError('conflict', lock.message as string);
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

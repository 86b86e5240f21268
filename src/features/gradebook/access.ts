import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { AuditAction, AuditEntity } from '#contracts/audit-labels.ts';
import type { LockState } from '#contracts/gradebook.ts';
import { todayInVietnam, vietnameseDate } from '../../domain/calendar/index.ts';
import { type GradeSubject, subjectsForGrade } from '../../domain/curriculum/index.ts';
import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { can } from '../../platform/authz/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { type ClassRow, selectClasses } from '../classes/queries.ts';
import { classMembers } from '../roster/queries.ts';

/**
 * Who may do what on one class's gradebook. School leaders and anyone with `gradebook.read` on the school read
 * everything; a teacher (`gradebook.enter`) reads and edits only where the school gave them the duty: the subjects
 * they are assigned to teach in the class (scores), or the class they lead (attendance, conduct, reading scores).
 */
export interface ClassGradebook {
  cls: ClassRow;
  readAll: boolean;
  manage: boolean;
  enter: boolean;
  /** The caller's staff records in the class's school (a person may be on the staff of one school only once). */
  staffIds: string[];
  homeroom: boolean;
}

/** Who teaches a subject in the class (teaching_assignments), as loadClassGradebook returns it. */
export interface SubjectAssignment {
  teacher_id: string;
  periods_per_year: number | null;
  /** THPT subjects with learning topics (chuyên đề học tập) take one more ĐĐGtx per term. */
  learning_topics: boolean;
  full_name: string;
}

/**
 * The class and what the caller may do with its gradebook, and (given a subject) who teaches that subject there:
 * the class, the caller's staff records and the assignment come in one query, so a request's access check is one
 * round trip (on the embedded database each round trip waits its turn for the one connection).
 */
export async function loadClassGradebook(
  ctx: ServiceContext,
  classId: string,
  subjectCode?: string,
): Promise<ClassGradebook & { assignment: SubjectAssignment | null }> {
  const row = await selectClasses(ctx.db)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('staff as me')
          .select('me.id')
          .whereRef('me.unit_id', '=', 'c.unit_id')
          .where('me.user_id', '=', ctx.actor.userId),
      ).as('caller_staff'),
      jsonObjectFrom(
        eb
          .selectFrom('teaching_assignments as a')
          .innerJoin('staff as at', 'at.id', 'a.teacher_id')
          .select(['a.teacher_id', 'a.periods_per_year', 'a.learning_topics', 'at.full_name'])
          .whereRef('a.unit_id', '=', 'c.unit_id')
          .whereRef('a.class_id', '=', 'c.id')
          // Without a subject this matches nothing (= null): the assignment is null.
          .where('a.subject_code', '=', subjectCode ?? null),
      ).as('assignment'),
    ])
    // scope: loaded by id to find its unit; access is checked on that unit below before anything is returned.
    .where('c.id', '=', classId)
    .executeTakeFirst();
  if (!row) throw notFound('lớp');
  const { caller_staff, assignment, ...cls } = row as typeof row & ClassRow;
  const unit = { id: cls.unit_id, path: cls.unit_path };
  const readAll = can(ctx.actor, 'gradebook.read', unit);
  const enter = can(ctx.actor, 'gradebook.enter', unit);
  if (!readAll && !enter) throw forbidden();
  const staffIds = caller_staff.map((s) => s.id);
  const homeroom = enter && cls.homeroom_teacher_id !== null && staffIds.includes(cls.homeroom_teacher_id);
  const manage = can(ctx.actor, 'gradebook.manage', unit);
  return { cls, readAll, manage, enter, staffIds, homeroom, assignment: assignment ?? null };
}

/** The caller's staff records in a school (linked through staff.user_id). */
export async function callerStaffIds(ctx: ServiceContext, unitId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('staff')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('user_id', '=', ctx.actor.userId)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * TT 22/2021 applies to grades 6–12 only (Điều 1); primary classes are evaluated under TT 27/2020 (periodic
 * evaluation, results/primary.ts). Every TT22 page of a class — score grid, conduct, "Tổng hợp điểm" — refuses a
 * primary class with 409 and says where its evaluation is entered. `what` names the refused page.
 */
export function refusePrimaryClass(cls: Pick<ClassRow, 'name' | 'grade'>, what: string): void {
  if (cls.grade >= 6) return;
  throw new AppError(
    'conflict',
    `Lớp ${cls.name} là lớp tiểu học, đánh giá theo Thông tư 27/2020: không có ${what} theo Thông tư 22. ` +
      'Nhập đánh giá ở trang "Đánh giá định kì" của lớp (Lớp tôi dạy).',
  );
}

/** A subject of the class's grade in a secondary class. */
export function subjectOfClass(
  cls: ClassRow,
  subjectCode: string,
): GradeSubject & { kind: 'score' | 'comment' } {
  refusePrimaryClass(cls, 'sổ điểm (nhập điểm ĐĐGtx, ĐĐGgk, ĐĐGck)');
  const subject = subjectOfGrade(cls, subjectCode);
  return { ...subject, kind: subject.assessment ?? 'score' };
}

/** A subject of the class's grade, any level: teaching assignments exist in primary classes too. */
export function subjectOfGrade(cls: ClassRow, subjectCode: string): GradeSubject {
  const subject = subjectsForGrade(cls.grade).find((s) => s.code === subjectCode);
  if (!subject) throw notFound(`môn học "${subjectCode}" của khối ${cls.grade}`);
  return subject;
}

export interface RosterEntry {
  studentId: string;
  fullName: string;
}

/** Students in the class now, in Vietnamese name order (given name first, then family and middle names). */
export async function rosterOf(ctx: ServiceContext, cls: ClassRow): Promise<RosterEntry[]> {
  const rows = await classMembers(ctx.db, cls.unit_id, cls.id);
  return rows
    .map((r) => ({ studentId: r.student_id, fullName: r.full_name }))
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
}

/**
 * Whether one class's records of a term may still be changed: the principal's term lock and entry deadline close
 * the term for the whole school; an unlock with a reason reopens it for one class × subject (scores), or for the
 * class's homeroom records — conduct and attendance — when `subjectCode` is null, until re-locked. A class that
 * arrived with a merged school keeps the lock its old school had set on it (gradebook_class_locks, migration 0093).
 */
export async function lockState(
  ctx: ServiceContext,
  cls: ClassRow,
  term: number,
  subjectCode: string | null,
): Promise<LockState> {
  const settings = await ctx.db
    .selectFrom('gradebook_terms')
    .select(['entry_deadline', 'locked_at'])
    .where('unit_id', '=', cls.unit_id)
    .where('school_year', '=', cls.school_year)
    .where('term', '=', term)
    .executeTakeFirst();
  const classLock = await ctx.db
    .selectFrom('gradebook_class_locks')
    .select('locked_at')
    .where('unit_id', '=', cls.unit_id)
    .where('class_id', '=', cls.id)
    .where('term', '=', term)
    .executeTakeFirst();
  const unlock = await ctx.db
    .selectFrom('gradebook_unlocks')
    .select(['id', 'reason', 'unlocked_at'])
    .where('unit_id', '=', cls.unit_id)
    .where('class_id', '=', cls.id)
    .where('term', '=', term)
    .where('kind', '=', subjectCode ? 'subject' : 'homeroom')
    .where((eb) => (subjectCode ? eb('subject_code', '=', subjectCode) : eb('subject_code', 'is', null)))
    .where('relocked_at', 'is', null)
    .orderBy('unlocked_at', 'desc')
    .executeTakeFirst();
  const locked = Boolean(settings?.locked_at) || Boolean(classLock);
  const entryDeadline = settings?.entry_deadline ?? null;
  const pastDeadline = entryDeadline !== null && todayInVietnam() > entryDeadline;
  const open = (!locked && !pastDeadline) || Boolean(unlock);
  return {
    locked,
    entryDeadline,
    pastDeadline,
    unlock: unlock ? { id: unlock.id, reason: unlock.reason, unlockedAt: unlock.unlocked_at } : null,
    open,
    message: open ? null : closedMessage(cls, term, locked, entryDeadline, subjectCode === null),
  };
}

export const termName = (term: number) => (term === 1 ? 'học kì I' : 'học kì II');

/** Why a term is closed and what the principal can reopen, for scores or for the class's homeroom records. */
function closedMessage(
  cls: ClassRow,
  term: number,
  locked: boolean,
  entryDeadline: string | null,
  homeroom: boolean,
) {
  const reason = locked
    ? `Sổ${homeroom ? '' : ' điểm'} ${termName(term)} đã khoá`
    : `Đã quá hạn nhập điểm ${termName(term)} (${vietnameseDate(entryDeadline as string)})`;
  // The entry deadline closes conduct only; attendance follows the lock alone (see attendance.ts).
  const closed = locked ? 'rèn luyện và điểm danh' : 'rèn luyện';
  return homeroom
    ? `${reason}; không sửa được ${closed} của lớp ${cls.name}. Đề nghị Ban giám hiệu mở khoá rèn luyện và điểm danh của lớp (ghi rõ lí do) nếu cần sửa.`
    : `${reason}; không sửa được. Đề nghị Ban giám hiệu mở khoá (ghi rõ lí do) nếu cần sửa.`;
}

export interface CellAudit {
  unitId: string;
  entity: AuditEntity;
  entityId: string | null;
  action: AuditAction;
  before: unknown;
  after: unknown;
}

/**
 * Audit rows of a grid save, one per changed cell, in one statement: a 45-student save can change hundreds of
 * cells, and the score history must hold each (grading.md "Records": old value, new value, who, when).
 */
export async function auditCells(ctx: ServiceContext, entries: readonly CellAudit[]): Promise<void> {
  if (entries.length === 0) return;
  await ctx.db
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        actor_user_id: ctx.actor.userId || null,
        unit_id: e.unitId,
        entity: e.entity,
        entity_id: e.entityId,
        action: e.action,
        before: e.before === undefined ? null : JSON.stringify(e.before),
        after: e.after === undefined ? null : JSON.stringify(e.after),
        ip: ctx.ip ?? null,
      })),
    )
    .execute();
}

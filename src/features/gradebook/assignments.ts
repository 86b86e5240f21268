import type { SetAssignmentInput } from '#contracts/gradebook.ts';
import { subjectsForGrade } from '../../domain/curriculum/index.ts';
import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { audit } from '../../platform/audit/audit.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import { can } from '../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { classesOf } from '../classes/queries.ts';
import { currentSchoolYearOf } from '../school-years/service.ts';
import { callerStaffIds, loadClassGradebook, subjectOfGrade } from './access.ts';
import { assignmentsOfYear } from './reads.ts';

// Phân công giảng dạy: which teacher teaches which subject to which class in a school year. The periods per year
// default from the curriculum and set the number of ĐĐGtx (TT22 Điều 6 khoản 2).

/** The classes × subjects board of a school year, with the school's teachers. */
export async function assignmentBoard(ctx: ServiceContext, filter: { unitId: string; schoolYear?: string }) {
  const unit = await requireUnitAccess(ctx, 'gradebook.read', filter.unitId);
  const schoolYear = filter.schoolYear ?? (await currentSchoolYearOf(ctx.db, unit.path));
  // The classes, the teachers and the assignments are independent reads: sent together (issue 13 §6, the page's
  // goal < 0.5 s), so on PostgreSQL they run side by side and on PGlite they queue without a round trip between.
  const [allClasses, teachers, yearAssignments] = await Promise.all([
    schoolYear ? classesOf(ctx.db, unit.id, schoolYear) : [],
    assignableTeachers(ctx, unit.id),
    schoolYear ? assignmentsOfYear(ctx.db, unit.id, schoolYear) : [],
  ]);
  const classes = allClasses.filter((c) => c.grade >= 6);
  const shown = new Set(classes.map((c) => c.id));
  const subjects = new Map<
    string,
    { code: string; name: string; shortName: string; kind: 'score' | 'comment' }
  >();
  const boardClasses = classes.map((c) => {
    const ofGrade = subjectsForGrade(c.grade);
    for (const s of ofGrade) {
      if (!subjects.has(s.code)) {
        subjects.set(s.code, {
          code: s.code,
          name: s.name,
          shortName: s.shortName,
          kind: s.assessment ?? 'score',
        });
      }
    }
    return {
      id: c.id,
      name: c.name,
      grade: c.grade,
      subjects: ofGrade.map((s) => ({ code: s.code, periodsPerYear: s.periodsPerYear })),
    };
  });
  const assignments = yearAssignments.filter((a) => shown.has(a.classId));
  return {
    schoolYear,
    canManage: can(ctx.actor, 'gradebook.manage', unit),
    subjects: [...subjects.values()],
    classes: boardClasses,
    teachers: teachers
      .sort((a, b) => compareVietnameseNames(a.full_name, b.full_name))
      .map((t) => ({ id: t.id, fullName: t.full_name, mainSubject: t.main_subject })),
    assignments,
  };
}

/** Staff who may be given a class to teach: teachers and school leaders still working at the school. */
export function assignableTeachers(ctx: ServiceContext, unitId: string) {
  return ctx.db
    .selectFrom('staff')
    .select(['id', 'full_name', 'main_subject', 'phone', 'email'])
    .where('unit_id', '=', unitId)
    .where('position', 'in', ['teacher', 'principal', 'vice_principal'])
    .where('employment_status', 'not in', ['retired', 'left'])
    .execute();
}

/** Sets (or with teacherId null, removes) the teacher of one class × subject. */
export async function setAssignment(ctx: ServiceContext, input: SetAssignmentInput) {
  const g = await loadClassGradebook(ctx, input.classId);
  if (!g.manage) throw forbidden();
  const subject = subjectOfGrade(g.cls, input.subjectCode);
  const unitId = g.cls.unit_id;
  return inTransaction(ctx, async (trx) => {
    const before = await trx.db
      .selectFrom('teaching_assignments')
      .select(['id', 'teacher_id', 'periods_per_year', 'learning_topics'])
      .where('unit_id', '=', unitId)
      .where('class_id', '=', g.cls.id)
      .where('subject_code', '=', subject.code)
      .executeTakeFirst();
    if (input.teacherId === null) {
      if (!before) return { removed: false };
      await trx.db
        .deleteFrom('teaching_assignments')
        .where('unit_id', '=', unitId)
        .where('id', '=', before.id)
        .execute();
      await audit(trx, {
        unitId,
        entity: 'teaching_assignment',
        entityId: before.id,
        action: 'delete',
        before: { classId: g.cls.id, subjectCode: subject.code, teacherId: before.teacher_id },
      });
      return { removed: true };
    }
    const teacher = await trx.db
      .selectFrom('staff')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('id', '=', input.teacherId)
      .where('employment_status', 'not in', ['retired', 'left'])
      .executeTakeFirst();
    if (!teacher) {
      const message = 'Giáo viên được phân công phải là giáo viên đang công tác tại trường.';
      throw new AppError('validation_failed', message, { teacherId: message });
    }
    const periods = input.periodsPerYear ?? before?.periods_per_year ?? subject.periodsPerYear;
    const learningTopics = input.learningTopics ?? before?.learning_topics ?? false;
    if (learningTopics && (g.cls.grade < 10 || subject.assessment !== 'score')) {
      const message = 'Chuyên đề học tập chỉ có ở các môn đánh giá bằng điểm số của lớp 10, 11, 12.';
      throw new AppError('validation_failed', message, { learningTopics: message });
    }
    const row = await trx.db
      .insertInto('teaching_assignments')
      .values({
        unit_id: unitId,
        school_year: g.cls.school_year,
        class_id: g.cls.id,
        subject_code: subject.code,
        teacher_id: input.teacherId,
        periods_per_year: periods,
        learning_topics: learningTopics,
      })
      .onConflict((oc) =>
        oc.columns(['class_id', 'subject_code']).doUpdateSet({
          teacher_id: input.teacherId as string,
          periods_per_year: periods,
          learning_topics: learningTopics,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      unitId,
      entity: 'teaching_assignment',
      entityId: row.id,
      action: before ? 'update' : 'create',
      before: before
        ? {
            teacherId: before.teacher_id,
            periodsPerYear: before.periods_per_year,
            learningTopics: before.learning_topics,
          }
        : undefined,
      after: {
        classId: g.cls.id,
        subjectCode: subject.code,
        teacherId: input.teacherId,
        periodsPerYear: periods,
        learningTopics,
      },
    });
    return { removed: false };
  });
}

/** "Lớp tôi dạy": the caller's teaching assignments and homeroom classes in the school's current year. */
export async function myClasses(ctx: ServiceContext, unitId: string) {
  const unit = await requireUnitAccess(ctx, 'classes.read', unitId);
  if (!can(ctx.actor, 'gradebook.enter', unit) && !can(ctx.actor, 'gradebook.read', unit)) throw forbidden();
  const schoolYear = await currentSchoolYearOf(ctx.db, unit.path);
  const staffIds = await callerStaffIds(ctx, unit.id);
  if (!schoolYear || staffIds.length === 0) return { schoolYear, teaching: [], homeroom: [] };
  const classes = await classesOf(ctx.db, unit.id, schoolYear);
  const byId = new Map(classes.map((c) => [c.id, c]));
  const order = new Map(classes.map((c, i) => [c.id, i]));
  const rows = await ctx.db
    .selectFrom('teaching_assignments')
    .select(['class_id', 'subject_code'])
    .where('unit_id', '=', unit.id)
    .where('school_year', '=', schoolYear)
    .where('teacher_id', 'in', staffIds)
    .execute();
  const teaching = rows
    .filter((r) => byId.has(r.class_id))
    .map((r) => {
      const cls = byId.get(r.class_id) as (typeof classes)[number];
      const subject = subjectsForGrade(cls.grade).find((s) => s.code === r.subject_code);
      return {
        classId: cls.id,
        className: cls.name,
        grade: cls.grade,
        subjectCode: r.subject_code,
        subjectName: subject?.name ?? r.subject_code,
      };
    })
    // Classes come in grade and name order; keep it, subjects by name within a class.
    .sort(
      (a, b) =>
        (order.get(a.classId) ?? 0) - (order.get(b.classId) ?? 0) ||
        a.subjectName.localeCompare(b.subjectName, 'vi'),
    );
  const homeroom = classes
    .filter((c) => c.homeroom_teacher_id !== null && staffIds.includes(c.homeroom_teacher_id))
    .map((c) => ({ classId: c.id, className: c.name, grade: c.grade }));
  return { schoolYear, teaching, homeroom };
}

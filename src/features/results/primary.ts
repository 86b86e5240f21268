import {
  type Checkpoint,
  PRIMARY_SUBJECT_LEVELS,
  PRIMARY_TRAIT_LEVELS,
  type PrimaryGridInput,
} from '#contracts/results.ts';
import { subjectsForGrade } from '../../domain/curriculum/index.ts';
import { PRIMARY_COMPETENCIES, PRIMARY_QUALITIES } from '../../domain/grading/index.ts';
import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { audit } from '../../platform/audit/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { ClassRow } from '../classes/queries.ts';
import { loadClassGradebook } from '../gradebook/access.ts';
import { currentEnrolments } from '../roster/queries.ts';

// Periodic evaluations of primary classes (TT27/2020 Điều 6–7): at mid-term 1, end of term 1, mid-term 2 and end of
// year, a level per subject (T/H/C), a test score where the circular requires a periodic test, and a level per
// quality and competence (Tốt / Đạt / Cần cố gắng), with comments. The homeroom teacher enters them.

export interface Aspect {
  aspect: string;
  label: string;
  kind: 'subject' | 'quality' | 'competence';
  /** A periodic test is due at this checkpoint (TT27 Điều 7 khoản 2; grades 4–5 also mid-term in TV and Toán). */
  test: boolean;
}

export function aspectsOf(grade: number, checkpoint: Checkpoint): Aspect[] {
  const end = checkpoint === 'end1' || checkpoint === 'end2';
  const subjects = subjectsForGrade(grade)
    .filter((s) => s.status === 'compulsory')
    .map((s) => ({
      aspect: `subject:${s.code}`,
      label: s.name,
      kind: 'subject' as const,
      test: end ? (s.periodicTests?.endOfTerm ?? false) : (s.periodicTests?.midTerm ?? false),
    }));
  return [
    ...subjects,
    ...PRIMARY_QUALITIES.map((q) => ({
      aspect: `quality:${q}`,
      label: q,
      kind: 'quality' as const,
      test: false,
    })),
    ...PRIMARY_COMPETENCIES.map((c) => ({
      aspect: `competence:${c}`,
      label: c,
      kind: 'competence' as const,
      test: false,
    })),
  ];
}

/**
 * Who may read and edit a primary class's evaluations: leaders (`gradebook.read` / `gradebook.manage`) read, and
 * the principal and vice principal correct every aspect; the homeroom teacher enters every aspect (TT27 Điều 6:
 * the homeroom teacher sums up, with the subject teachers); a teacher assigned to teach a subject in the class
 * reads the grid and enters that subject's levels, test scores and comments.
 */
async function primaryAccess(
  ctx: ServiceContext,
  classId: string,
): Promise<{ cls: ClassRow; editable: (aspect: string) => boolean }> {
  const g = await loadClassGradebook(ctx, classId);
  const cls = g.cls;
  if (cls.grade < 1 || cls.grade > 5) {
    throw new AppError(
      'conflict',
      `Lớp ${cls.name} không phải lớp tiểu học (Thông tư 27 chỉ áp dụng khối 1–5); lớp THCS, THPT nhập điểm ở sổ điểm.`,
    );
  }
  const taught =
    g.enter && g.staffIds.length > 0
      ? await ctx.db
          .selectFrom('teaching_assignments')
          .select('subject_code')
          .where('unit_id', '=', cls.unit_id)
          .where('class_id', '=', cls.id)
          .where('teacher_id', 'in', g.staffIds)
          .execute()
      : [];
  if (!g.readAll && !g.homeroom && taught.length === 0) throw forbidden();
  if (g.manage || g.homeroom) return { cls, editable: () => true };
  const subjects = new Set(taught.map((r) => `subject:${r.subject_code}`));
  return { cls, editable: (aspect) => subjects.has(aspect) };
}

/** The grid of one class at one checkpoint. */
export async function primaryGrid(ctx: ServiceContext, classId: string, checkpoint: Checkpoint) {
  const { cls, editable } = await primaryAccess(ctx, classId);
  const aspects = aspectsOf(cls.grade, checkpoint);
  const [members, rows] = await Promise.all([
    currentEnrolments(ctx.db, cls.unit_id)
      .innerJoin('students as s', 's.id', 'e.student_id')
      .select(['s.id', 's.full_name'])
      .where('e.class_id', '=', cls.id)
      .execute(),
    ctx.db
      .selectFrom('primary_evaluations')
      .select(['student_id', 'aspect', 'level', 'test_score', 'comment'])
      .where('unit_id', '=', cls.unit_id)
      .where('class_id', '=', cls.id)
      .where('school_year', '=', cls.school_year)
      .where('checkpoint', '=', checkpoint)
      .execute(),
  ]);
  members.sort((a, b) => compareVietnameseNames(a.full_name, b.full_name));
  return {
    class: { id: cls.id, name: cls.name, grade: cls.grade, schoolYear: cls.school_year },
    checkpoint,
    aspects,
    students: members.map((m) => ({
      studentId: m.id,
      fullName: m.full_name,
      values: Object.fromEntries(
        rows
          .filter((r) => r.student_id === m.id)
          .map((r) => [
            r.aspect,
            {
              level: r.level,
              testScore: r.test_score === null ? null : Number(r.test_score),
              comment: r.comment,
            },
          ]),
      ),
    })),
    canEdit: aspects.some((a) => editable(a.aspect)),
    editable: aspects.filter((a) => editable(a.aspect)).map((a) => a.aspect),
  };
}

/** Saves cells of the grid (all valid, or none), with one audit row for the batch. */
export async function savePrimaryGrid(ctx: ServiceContext, classId: string, input: PrimaryGridInput) {
  const { cls, editable } = await primaryAccess(ctx, classId);
  const aspects = new Map(aspectsOf(cls.grade, input.checkpoint).map((a) => [a.aspect, a]));
  const members = new Set(
    (
      await currentEnrolments(ctx.db, cls.unit_id)
        .select('e.student_id')
        .where('e.class_id', '=', cls.id)
        .execute()
    ).map((r) => r.student_id),
  );
  const fields: Record<string, string> = {};
  input.rows.forEach((row, i) => {
    const aspect = aspects.get(row.aspect);
    if (!members.has(row.studentId)) fields[`rows.${i}.studentId`] = 'Học sinh không thuộc lớp.';
    else if (!aspect)
      fields[`rows.${i}.aspect`] = `Nội dung "${row.aspect}" không được đánh giá ở khối ${cls.grade}.`;
    else if (!editable(row.aspect))
      fields[`rows.${i}.aspect`] =
        `${aspect.label}: chỉ giáo viên dạy môn này hoặc giáo viên chủ nhiệm được nhập.`;
    else if (
      aspect.kind === 'subject' &&
      !(PRIMARY_SUBJECT_LEVELS as readonly string[]).includes(row.level)
    ) {
      fields[`rows.${i}.level`] = `${aspect.label}: chọn Hoàn thành tốt, Hoàn thành hoặc Chưa hoàn thành.`;
    } else if (
      aspect.kind !== 'subject' &&
      !(PRIMARY_TRAIT_LEVELS as readonly string[]).includes(row.level)
    ) {
      fields[`rows.${i}.level`] = `${aspect.label}: chọn Tốt, Đạt hoặc Cần cố gắng.`;
    } else if (row.testScore != null && !aspect.test) {
      fields[`rows.${i}.testScore`] = `${aspect.label}: không có bài kiểm tra định kì ở thời điểm này.`;
    }
  });
  if (Object.keys(fields).length > 0) {
    const onlyAccess = Object.values(fields).every((m) => m.includes('chỉ giáo viên dạy môn này'));
    if (onlyAccess) throw forbidden(Object.values(fields)[0]);
    throw new AppError('validation_failed', Object.values(fields)[0] as string, fields);
  }
  return inTransaction(ctx, async (trx) => {
    if (input.rows.length > 0) {
      await trx.db
        .insertInto('primary_evaluations')
        .values(
          input.rows.map((r) => ({
            unit_id: cls.unit_id,
            school_year: cls.school_year,
            checkpoint: input.checkpoint,
            class_id: cls.id,
            student_id: r.studentId,
            aspect: r.aspect,
            level: r.level,
            test_score: r.testScore ?? null,
            comment: r.comment ?? null,
            updated_by: trx.actor.userId || null,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['student_id', 'school_year', 'checkpoint', 'aspect']).doUpdateSet((eb) => ({
            level: eb.ref('excluded.level'),
            test_score: eb.ref('excluded.test_score'),
            comment: eb.ref('excluded.comment'),
            updated_by: eb.ref('excluded.updated_by'),
            updated_at: new Date(),
          })),
        )
        .execute();
    }
    await audit(trx, {
      unitId: cls.unit_id,
      entity: 'primary_evaluations',
      entityId: cls.id,
      action: 'save',
      after: { checkpoint: input.checkpoint, rows: input.rows },
    });
    return {
      saved: input.rows.length,
      students: new Set(input.rows.map((r) => r.studentId)).size,
      testScores: input.rows.filter((r) => r.testScore != null).length,
      comments: input.rows.filter((r) => r.comment).length,
    };
  });
}

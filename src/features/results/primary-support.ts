import type { Kysely } from 'kysely';
import type {
  PrimarySupportAssessmentInput,
  PrimarySupportDecisionInput,
  PrimarySupportPlanInput,
  PrimarySupportPupil,
} from '#contracts/results.ts';
import {
  aspectsToReassess,
  checkPrimaryDecision,
  GradingInputError,
  outcomeAfterSupport,
  type PrimaryAspectMark,
  type PrimaryOutcome,
  type PrimarySupportState,
  primaryFinalPromotion,
  primarySupportStage,
} from '../../domain/grading/index.ts';
import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { audit } from '../../platform/audit/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { loadClassGradebook } from '../gradebook/access.ts';
import { aspectsOf } from './primary.ts';
import { loadYearResult, type YearResult } from './summer.ts';

// Primary pupils who do not complete the grade (TT27 Điều 11 khoản 1 điểm b, c; the rule is
// src/domain/grading/primary-support.ts): the year close lists them (outcome Chưa hoàn thành, no individual plan);
// the homeroom teacher records the support plan, then the further assessment (đánh giá bổ sung) of what held the
// pupil back; a pupil still Chưa hoàn thành goes to the principal, who decides "được lên lớp" / "chưa được lên
// lớp" with a reason. The outcome after the further assessment is stored on the year result
// (primary_outcome_after_support) and the decision in final_promotion, read by the promotion list, the summaries,
// the rollover and the học bạ. Every write is one transaction with its audit row.

type SupportRow = {
  plan: string;
  reassessed: unknown;
  decision: 'promoted' | 'retained' | null;
  decision_reason: string | null;
  version: number;
};

const parseMarks = (value: unknown): PrimaryAspectMark[] =>
  (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as PrimaryAspectMark[];

/** The end-of-year marks (checkpoint end2) of these pupils, by pupil. */
async function yearMarksOf(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
  studentIds: readonly string[],
) {
  const out = new Map<string, PrimaryAspectMark[]>();
  if (studentIds.length === 0) return out;
  const rows = await db
    .selectFrom('primary_evaluations')
    .select(['student_id', 'aspect', 'level', 'test_score'])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear)
    .where('checkpoint', '=', 'end2')
    .where('student_id', 'in', studentIds)
    .execute();
  for (const r of rows) {
    const list = out.get(r.student_id) ?? [];
    list.push({
      aspect: r.aspect,
      level: r.level as PrimaryAspectMark['level'],
      testScore: r.test_score === null ? null : Number(r.test_score),
    });
    out.set(r.student_id, list);
  }
  return out;
}

/**
 * The support rows of these pupils, or of the whole school's year when `studentIds` is absent (the close: a few
 * pupils per school), keyed by pupil.
 */
export async function primarySupportOf(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
  studentIds?: readonly string[],
): Promise<Map<string, SupportRow>> {
  if (studentIds?.length === 0) return new Map();
  let query = db
    .selectFrom('primary_support')
    .select(['student_id', 'plan', 'reassessed', 'decision', 'decision_reason', 'version'])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear);
  if (studentIds) query = query.where('student_id', 'in', studentIds);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.student_id, r]));
}

/**
 * What the close writes for a pupil whose year outcome is Chưa hoàn thành and who has a support row: the outcome
 * after the further assessment, re-derived from the stored re-assessed aspects over the current year marks, and
 * the final decision. A re-assessment that no longer applies (the year marks changed) is dropped (null).
 */
export function supportResultOf(
  marks: readonly PrimaryAspectMark[],
  outcome: PrimaryOutcome,
  support: SupportRow | undefined,
): { afterSupport: PrimaryOutcome | null; finalPromotion: 'promoted' | 'retained' | null } {
  const state = stateOf(marks, outcome, support);
  return { afterSupport: state.afterSupport, finalPromotion: primaryFinalPromotion(state) };
}

function stateOf(
  marks: readonly PrimaryAspectMark[],
  outcome: PrimaryOutcome,
  support: SupportRow | undefined,
): PrimarySupportState {
  let afterSupport: PrimaryOutcome | null = null;
  const reassessed = parseMarks(support?.reassessed ?? null);
  if (outcome === 'not_completed' && reassessed.length > 0) {
    try {
      afterSupport = outcomeAfterSupport(marks, reassessed);
    } catch (error) {
      if (!(error instanceof GradingInputError)) throw error;
    }
  }
  return { outcome, hasPlan: Boolean(support), afterSupport, decision: support?.decision ?? null };
}

/** The list of a primary class: every pupil whose year outcome is Chưa hoàn thành, on the path of Điều 11. */
export async function primarySupportList(ctx: ServiceContext, classId: string) {
  const g = await loadClassGradebook(ctx, classId);
  const cls = g.cls;
  if (cls.grade > 5) {
    throw new AppError(
      'conflict',
      `Lớp ${cls.name} không phải lớp tiểu học: học sinh THCS, THPT kiểm tra lại, rèn luyện trong hè theo Thông tư 22.`,
    );
  }
  if (!g.readAll && !g.homeroom) throw forbidden();
  const rows = await ctx.db
    .selectFrom('student_results as r')
    .innerJoin('students as s', 's.id', 'r.student_id')
    .select([
      'r.student_id',
      's.full_name',
      'r.primary_outcome',
      'r.final_promotion',
      'r.principal_decision_reason',
    ])
    .where('r.unit_id', '=', cls.unit_id)
    .where('r.school_year', '=', cls.school_year)
    .where('r.class_id', '=', cls.id)
    .where('r.term', '=', 0)
    .where('r.primary_outcome', '=', 'not_completed')
    // A pupil on an individual education plan is the principal's decision at once (individual-plans.ts).
    .where((w) => w.or([w('r.promotion', 'is', null), w('r.promotion', '!=', 'principal_decision')]))
    .execute();
  const ids = rows.map((r) => r.student_id);
  const [marks, support] = await Promise.all([
    yearMarksOf(ctx.db, cls.unit_id, cls.school_year, ids),
    primarySupportOf(ctx.db, cls.unit_id, cls.school_year, ids),
  ]);
  const names = new Map(aspectsOf(cls.grade, 'end2').map((a) => [a.aspect, a.label]));
  const pupils = rows
    .map((r): PrimarySupportPupil => {
      const mine = marks.get(r.student_id) ?? [];
      const row = support.get(r.student_id);
      const state = stateOf(mine, 'not_completed', row);
      return {
        studentId: r.student_id,
        fullName: r.full_name,
        schoolYear: cls.school_year,
        stage: primarySupportStage(state),
        outcome: 'not_completed',
        toReassess: aspectsToReassess(mine).map((m) => ({
          ...m,
          name: names.get(m.aspect) ?? m.aspect.slice(m.aspect.indexOf(':') + 1),
        })),
        plan: row?.plan ?? null,
        reassessed: parseMarks(row?.reassessed ?? null),
        outcomeAfterSupport: state.afterSupport,
        decision: row?.decision ?? null,
        decisionReason: row?.decision_reason ?? null,
        finalPromotion: r.final_promotion,
        version: row?.version ?? null,
      };
    })
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
  return {
    class: { id: cls.id, name: cls.name, grade: cls.grade, schoolYear: cls.school_year },
    canDecide: g.manage,
    canEdit: g.manage || g.homeroom,
    pupils,
  };
}

/**
 * Loads what a write needs and checks who may act: the year result of a primary pupil at Chưa hoàn thành (not on
 * an individual plan), the homeroom teacher or a leader (`decide`: a leader only), the version read.
 */
async function loadForWrite(
  ctx: ServiceContext,
  studentId: string,
  schoolYear: string,
  who: 'teacher' | 'principal',
) {
  const year = await loadYearResult(ctx, studentId, schoolYear);
  if (!year) throw notFound('kết quả cả năm của học sinh (chưa khoá sổ cả năm?)');
  const g = await loadClassGradebook(ctx, year.class_id);
  if (who === 'principal' ? !g.manage : !g.manage && !g.homeroom) throw forbidden();
  if (year.class_grade > 5) {
    throw new AppError(
      'conflict',
      'Học sinh THCS, THPT kiểm tra lại, rèn luyện trong hè theo Thông tư 22, không theo Điều 11 Thông tư 27.',
    );
  }
  if (year.primary_outcome !== 'not_completed' || year.promotion === 'principal_decision') {
    const message =
      year.primary_outcome === null
        ? 'Học sinh chưa có kết quả giáo dục cả năm (lớp chưa khoá sổ hoặc còn thiếu đánh giá cuối năm).'
        : year.promotion === 'principal_decision'
          ? 'Học sinh học theo kế hoạch giáo dục cá nhân: Hiệu trưởng quyết định ở danh sách "Hiệu trưởng quyết định".'
          : 'Học sinh đã hoàn thành chương trình lớp học: không thuộc diện hướng dẫn, giúp đỡ, đánh giá bổ sung (Điều 11 khoản 1 Thông tư 27).';
    throw new AppError('conflict', message);
  }
  const [marks, support] = await Promise.all([
    yearMarksOf(ctx.db, year.unit_id, schoolYear, [studentId]),
    primarySupportOf(ctx.db, year.unit_id, schoolYear, [studentId]),
  ]);
  return { year, marks: marks.get(studentId) ?? [], support: support.get(studentId) };
}

function checkVersion(support: SupportRow | undefined, version: number | undefined): void {
  if (support && version !== support.version) {
    throw new AppError(
      'conflict',
      'Hồ sơ hỗ trợ của học sinh vừa được người khác cập nhật. Tải lại trang để xem bản mới nhất.',
    );
  }
}

const invalid = (error: unknown): never => {
  if (error instanceof GradingInputError) {
    const field = error.field ?? 'reassessed';
    throw new AppError('validation_failed', error.message, { [field]: error.message });
  }
  throw error;
};

async function writeYear(
  trx: ServiceContext,
  year: YearResult,
  studentId: string,
  set: {
    afterSupport: PrimaryOutcome | null;
    finalPromotion: 'promoted' | 'retained' | null;
    reason: string | null;
  },
) {
  await trx.db
    .updateTable('student_results')
    .set({
      primary_outcome_after_support: set.afterSupport,
      final_promotion: set.finalPromotion,
      principal_decision_reason: set.reason,
    })
    .where('unit_id', '=', year.unit_id)
    .where('school_year', '=', year.school_year)
    .where('student_id', '=', studentId)
    .where('term', '=', 0)
    .execute();
}

/** The teacher's support plan (kế hoạch, hướng dẫn, giúp đỡ — Điều 11 khoản 1 điểm b). */
export async function recordSupportPlan(
  ctx: ServiceContext,
  studentId: string,
  input: PrimarySupportPlanInput,
) {
  const { year, support } = await loadForWrite(ctx, studentId, input.schoolYear, 'teacher');
  checkVersion(support, input.version);
  const plan = input.plan.normalize('NFC');
  return inTransaction(ctx, async (trx) => {
    const key = { unit_id: year.unit_id, school_year: input.schoolYear, student_id: studentId };
    const saved = await trx.db
      .insertInto('primary_support')
      .values({ ...key, plan, plan_by: ctx.actor.userId || null })
      .onConflict((oc) =>
        oc.columns(['unit_id', 'school_year', 'student_id']).doUpdateSet((eb) => ({
          plan,
          plan_by: ctx.actor.userId || null,
          plan_at: new Date(),
          version: eb('primary_support.version', '+', 1),
        })),
      )
      .returning('version')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      unitId: year.unit_id,
      entity: 'primary_support',
      entityId: studentId,
      action: 'support_plan',
      before: support ? { plan: support.plan } : null,
      after: { plan, schoolYear: input.schoolYear },
    });
    return { studentId, version: saved.version };
  });
}

/** The further assessment (đánh giá bổ sung, điểm b): the outcome after it and the decision it leads to. */
export async function recordFurtherAssessment(
  ctx: ServiceContext,
  studentId: string,
  input: PrimarySupportAssessmentInput,
) {
  const { year, marks, support } = await loadForWrite(ctx, studentId, input.schoolYear, 'teacher');
  if (!support) {
    const message =
      'Lập kế hoạch hướng dẫn, giúp đỡ học sinh trước khi đánh giá bổ sung (Điều 11 khoản 1 điểm b Thông tư 27).';
    throw new AppError('validation_failed', message, { plan: message });
  }
  checkVersion(support, input.version);
  const reassessed: PrimaryAspectMark[] = input.reassessed.map((m) => ({
    aspect: m.aspect,
    level: m.level,
    testScore: m.testScore ?? null,
  }));
  let afterSupport: PrimaryOutcome;
  try {
    afterSupport = outcomeAfterSupport(marks, reassessed);
  } catch (error) {
    return invalid(error);
  }
  // A new further assessment re-opens the principal's decision: it was made on the previous one.
  const state = { outcome: 'not_completed', hasPlan: true, afterSupport, decision: null } as const;
  const finalPromotion = primaryFinalPromotion(state);
  return inTransaction(ctx, async (trx) => {
    const saved = await trx.db
      .updateTable('primary_support')
      .set((eb) => ({
        reassessed: JSON.stringify(reassessed),
        assessed_by: ctx.actor.userId || null,
        assessed_at: new Date(),
        decision: null,
        decision_reason: null,
        decided_by: null,
        decided_at: null,
        version: eb('version', '+', 1),
      }))
      .where('unit_id', '=', year.unit_id)
      .where('school_year', '=', input.schoolYear)
      .where('student_id', '=', studentId)
      .returning('version')
      .executeTakeFirstOrThrow();
    await writeYear(trx, year, studentId, { afterSupport, finalPromotion, reason: null });
    await audit(trx, {
      unitId: year.unit_id,
      entity: 'primary_support',
      entityId: studentId,
      action: 'further_assessment',
      before: {
        reassessed: parseMarks(support.reassessed),
        outcomeAfterSupport: year.primary_outcome_after_support,
        finalPromotion: year.final_promotion,
      },
      after: { reassessed, outcomeAfterSupport: afterSupport, finalPromotion, schoolYear: input.schoolYear },
    });
    return {
      studentId,
      outcomeAfterSupport: afterSupport,
      finalPromotion,
      stage: primarySupportStage(state),
      version: saved.version,
    };
  });
}

/** The principal's decision, điểm c: được lên lớp / chưa được lên lớp, with the reason. */
export async function recordSupportDecision(
  ctx: ServiceContext,
  studentId: string,
  input: PrimarySupportDecisionInput,
) {
  const { year, marks, support } = await loadForWrite(ctx, studentId, input.schoolYear, 'principal');
  checkVersion(support, input.version);
  const state = stateOf(marks, 'not_completed', support);
  const reason = input.reason.normalize('NFC');
  try {
    checkPrimaryDecision(state, reason);
  } catch (error) {
    return invalid(error);
  }
  return inTransaction(ctx, async (trx) => {
    const saved = await trx.db
      .updateTable('primary_support')
      .set((eb) => ({
        decision: input.decision,
        decision_reason: reason,
        decided_by: ctx.actor.userId || null,
        decided_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('unit_id', '=', year.unit_id)
      .where('school_year', '=', input.schoolYear)
      .where('student_id', '=', studentId)
      .returning('version')
      .executeTakeFirstOrThrow();
    await writeYear(trx, year, studentId, {
      afterSupport: state.afterSupport,
      finalPromotion: input.decision,
      reason,
    });
    await audit(trx, {
      unitId: year.unit_id,
      entity: 'primary_support',
      entityId: studentId,
      action: 'principal_decision',
      before: { finalPromotion: year.final_promotion, reason: year.principal_decision_reason },
      after: { finalPromotion: input.decision, reason, schoolYear: input.schoolYear },
    });
    return { studentId, finalPromotion: input.decision, reason, version: saved.version };
  });
}

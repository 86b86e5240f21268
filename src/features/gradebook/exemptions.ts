import type { Exemption, ExemptionInput } from '#contracts/exemptions.ts';
import { vietnameseDate } from '../../domain/calendar/index.ts';
import {
  checkPracticalExemption,
  type ExemptionPeriod,
  exemptionNotice,
  exemptionPeriodsOverlap,
  GradingInputError,
} from '../../domain/grading/index.ts';
import { audit } from '../../platform/audit/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { requireStudentPermission } from '../students/access.ts';

// Exemptions from the practical part of Giáo dục thể chất / GDQP-AN (TT22 Điều 10): the principal's decision is
// recorded here (audited), listed per student, and shown on the score grid of the subject for the terms it covers.
// The scores and results do not change — the exempted student is assessed on theory, as many times (khoản 4).

type ExemptionRow = {
  id: string;
  student_id: string;
  school_year: string;
  subject_code: Exemption['subjectCode'];
  period: ExemptionPeriod;
  ground: Exemption['ground'];
  decision_number: string;
  decision_date: string;
  note: string | null;
};

const toExemption = (r: ExemptionRow): Exemption => ({
  id: r.id,
  studentId: r.student_id,
  schoolYear: r.school_year,
  subjectCode: r.subject_code,
  period: r.period,
  ground: r.ground,
  decisionNumber: r.decision_number,
  decisionDate: r.decision_date,
  note: r.note,
});

function exemptionsOf(ctx: ServiceContext, unitId: string, schoolYear: string) {
  return ctx.db
    .selectFrom('practical_exemptions')
    .select([
      'id',
      'student_id',
      'school_year',
      'subject_code',
      'period',
      'ground',
      'decision_number',
      'decision_date',
      'note',
    ])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear);
}

/** A student's exemptions of a school year (readers of the school's gradebook). */
export async function listExemptions(ctx: ServiceContext, studentId: string, schoolYear: string) {
  const student = await requireStudentPermission(ctx, studentId, 'gradebook.read');
  const rows = await exemptionsOf(ctx, student.unit_id, schoolYear)
    .where('student_id', '=', studentId)
    .orderBy('recorded_at')
    .execute();
  return { exemptions: rows.map(toExemption) };
}

/**
 * Records the principal's decision (khoản 3) after the domain rule checks the subject, the medical evidence and
 * the decision (khoản 1, 2); a decision covering a term already covered is refused (one decision per term).
 */
export async function recordExemption(ctx: ServiceContext, studentId: string, input: ExemptionInput) {
  const student = await requireStudentPermission(ctx, studentId, 'gradebook.manage');
  try {
    checkPracticalExemption({
      subjectCode: input.subjectCode,
      ground: input.ground,
      period: input.period,
      medicalEvidence: input.medicalEvidence,
      decision: input.decisionNumber,
    });
  } catch (error) {
    if (error instanceof GradingInputError) {
      const field = error.field === 'decision' ? 'decisionNumber' : (error.field ?? 'subjectCode');
      throw new AppError('validation_failed', error.message, { [field]: error.message });
    }
    throw error;
  }
  return inTransaction(ctx, async (trx) => {
    const existing = await exemptionsOf(trx, student.unit_id, input.schoolYear)
      .where('student_id', '=', studentId)
      .where('subject_code', '=', input.subjectCode)
      .forUpdate()
      .execute();
    if (existing.some((e) => exemptionPeriodsOverlap(e.period, input.period))) {
      const message = 'Học sinh đã có quyết định miễn học phần thực hành môn này cho học kì hoặc năm học đó.';
      throw new AppError('conflict', message, { period: message });
    }
    const row = await trx.db
      .insertInto('practical_exemptions')
      .values({
        unit_id: student.unit_id,
        school_year: input.schoolYear,
        student_id: studentId,
        subject_code: input.subjectCode,
        period: input.period,
        ground: input.ground,
        decision_number: input.decisionNumber,
        decision_date: input.decisionDate,
        note: input.note ?? null,
        recorded_by: ctx.actor.userId || null,
      })
      .returning(['id', 'student_id', 'school_year', 'subject_code', 'period', 'ground'])
      .returning(['decision_number', 'decision_date', 'note'])
      .executeTakeFirstOrThrow();
    const exemption = toExemption(row);
    await audit(trx, {
      unitId: student.unit_id,
      entity: 'practical_exemptions',
      entityId: studentId,
      action: 'exempt_practical',
      after: { ...exemption, medicalEvidence: input.medicalEvidence },
    });
    return exemption;
  });
}

/** Withdraws a decision recorded by mistake (audited with what it said). */
export async function withdrawExemption(ctx: ServiceContext, studentId: string, exemptionId: string) {
  const student = await requireStudentPermission(ctx, studentId, 'gradebook.manage');
  await inTransaction(ctx, async (trx) => {
    const row = await trx.db
      .deleteFrom('practical_exemptions')
      .where('unit_id', '=', student.unit_id)
      .where('student_id', '=', studentId)
      .where('id', '=', exemptionId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('quyết định miễn');
    await audit(trx, {
      unitId: student.unit_id,
      entity: 'practical_exemptions',
      entityId: studentId,
      action: 'withdraw_exemption',
      before: toExemption(row),
    });
  });
}

/**
 * The notice of each exempted student of a class for one subject and term (the score grid's label), by student;
 * empty for subjects Điều 10 does not concern. One query for the class.
 */
export async function exemptionNoticesOf(
  ctx: ServiceContext,
  unitId: string,
  schoolYear: string,
  studentIds: readonly string[],
  subjectCode: string,
  term: number,
): Promise<Map<string, string>> {
  if (studentIds.length === 0 || (term !== 1 && term !== 2)) return new Map();
  const rows = await exemptionsOf(ctx, unitId, schoolYear)
    .where('subject_code', '=', subjectCode as Exemption['subjectCode'])
    .where('student_id', 'in', studentIds)
    .execute();
  const notices = new Map<string, string>();
  for (const r of rows) {
    const decision = `QĐ số ${r.decision_number} ngày ${vietnameseDate(r.decision_date)}`;
    const list = [{ subjectCode: r.subject_code, period: r.period, decision }];
    const notice = exemptionNotice(list, subjectCode, term);
    if (notice) notices.set(r.student_id, notice);
  }
  return notices;
}

import type { PrimaryRecognitionInput } from '#contracts/results.ts';
import { primaryAward } from '../../domain/grading/index.ts';
import { audit } from '../../platform/audit/audit.ts';
import { can } from '../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { loadYearResult } from './summer.ts';

/**
 * Records (or withdraws) the class's recognition of a primary pupil for "Học sinh Tiêu biểu hoàn thành tốt trong học
 * tập và rèn luyện" (TT27 Điều 13 khoản 1 điểm a) and re-derives the title with the domain rule. The principal and
 * vice principal decide (gradebook.manage); the title needs the year outcome Hoàn thành tốt, so the year is closed
 * first. A pupil who completed excellently is already "Học sinh Xuất sắc".
 */
export async function recordPrimaryRecognition(
  ctx: ServiceContext,
  studentId: string,
  input: PrimaryRecognitionInput,
) {
  const year = await loadYearResult(ctx, studentId, input.schoolYear);
  if (!year) throw notFound('kết quả cả năm của học sinh (chưa khoá sổ cả năm?)');
  if (!can(ctx.actor, 'gradebook.manage', { id: year.unit_id, path: year.unit_path })) throw forbidden();
  if (year.primary_outcome === null) {
    throw new AppError(
      'conflict',
      'Học sinh chưa có kết quả giáo dục cả năm theo Thông tư 27 (lớp tiểu học chưa khoá sổ hoặc còn thiếu đánh giá cuối năm).',
    );
  }
  if (input.recognition !== null && year.primary_outcome !== 'completed_well') {
    throw new AppError(
      'conflict',
      year.primary_outcome === 'completed_excellently'
        ? 'Học sinh Hoàn thành xuất sắc đã được khen "Học sinh Xuất sắc"; danh hiệu Tiêu biểu dành cho học sinh Hoàn thành tốt.'
        : 'Danh hiệu "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện" chỉ dành cho học sinh có kết quả Hoàn thành tốt (Thông tư 27 Điều 13).',
      { recognition: 'Chỉ học sinh Hoàn thành tốt.' },
    );
  }
  const award = primaryAward({
    outcome: year.primary_outcome,
    recognisedByClass: input.recognition !== null,
  });
  return inTransaction(ctx, async (trx) => {
    await trx.db
      .updateTable('student_results')
      .set({ primary_recognition: input.recognition, award })
      .where('unit_id', '=', year.unit_id)
      .where('student_id', '=', studentId)
      .where('school_year', '=', input.schoolYear)
      .where('term', '=', 0)
      .execute();
    await audit(trx, {
      unitId: year.unit_id,
      entity: 'student_results',
      entityId: studentId,
      action: 'primary_recognition',
      before: { award: year.award, primaryRecognition: year.primary_recognition },
      after: { award, primaryRecognition: input.recognition },
    });
    return { studentId, award, primaryRecognition: input.recognition };
  });
}

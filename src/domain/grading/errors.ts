/**
 * What went wrong with the input of a grading rule.
 *
 * - `invalid_score`: not a number from 0 to 10 with at most one decimal (TT22 Điều 5 khoản 3 điểm b), or, for a
 *   primary test, not a whole number from 0 to 10 (TT27 Điều 7).
 * - `missing_assessment`: an assessment the formula needs is absent (e.g. no ĐĐGtx at all).
 * - `too_many_assessments`: more assessments than TT22 Điều 6 allows in one term (at most 4 ĐĐGtx).
 * - `invalid_count`: a count (periods per year, required assessments, absences) is not a whole number ≥ 0.
 * - `missing_subjects`: a list that must not be empty is empty.
 * - `invalid_retest`: a re-test result does not match a subject that had to be re-tested (TT22 Điều 14), or the
 *   student was not allowed a re-test.
 */
export type GradingInputErrorCode =
  | 'invalid_score'
  | 'missing_assessment'
  | 'too_many_assessments'
  | 'invalid_count'
  | 'missing_subjects'
  | 'invalid_retest';

/**
 * Thrown by the grading rules when their input cannot be graded. `message` is Vietnamese and names the field, so a
 * feature can show it as is; `code` is for branching and for mapping to the app's error codes.
 */
export class GradingInputError extends Error {
  override readonly name = 'GradingInputError';

  constructor(
    readonly code: GradingInputErrorCode,
    message: string,
    /** The input field at fault, e.g. `regular[2]` or `absentSessions`. */
    readonly field: string,
  ) {
    super(message);
  }
}

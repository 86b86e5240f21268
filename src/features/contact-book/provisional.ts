import { GradingInputError, type PassFail } from '../../domain/grading/index.ts';
import type { TermScoreRow } from '../gradebook/reads.ts';
import { type ClassSubject, subjectTermResult } from '../results/compute.ts';

/**
 * What a family sees for a subject's term before the stored result exists: the ĐTBmhk (or Đạt/Chưa đạt) computed
 * from the scores entered so far with the same rule the gradebook and the year close use (`subjectTermResult`, TT22
 * Điều 9), once every required assessment is there; otherwise what is still missing. A stored value wins, so
 * nothing is computed when one is present.
 */
export interface ProvisionalTerm {
  provisionalAverage: number | null;
  provisionalResult: PassFail | null;
  /** "Toán HK II: thiếu ĐĐGtx 1/4, ĐĐGgk, ĐĐGck" — null when complete or already stored. */
  missing: string | null;
}

const NOTHING: ProvisionalTerm = { provisionalAverage: null, provisionalResult: null, missing: null };

export function provisionalTerm(subject: ClassSubject | undefined, row: TermScoreRow): ProvisionalTerm {
  if (row.termAverage !== null || row.termResult !== null) return NOTHING;
  // Without the periods per year we cannot know how many ĐĐGtx are required (TT22 Điều 6 khoản 2), so we say nothing.
  if (!subject) return NOTHING;
  try {
    const outcome = subjectTermResult(subject, row, row.term);
    if ('missing' in outcome) return { ...NOTHING, missing: outcome.missing };
    const result = outcome.result;
    return result.kind === 'score'
      ? { ...NOTHING, provisionalAverage: result.average }
      : { ...NOTHING, provisionalResult: result.result };
  } catch (error) {
    // More ĐĐGtx than TT22 allows (old columns mixed in): show the rule's message instead of a wrong average.
    if (error instanceof GradingInputError) return { ...NOTHING, missing: error.message };
    throw error;
  }
}

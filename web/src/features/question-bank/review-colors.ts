import type { ReviewState } from '#contracts/questions.ts';

/** The colour of each review state's badge. */
export const REVIEW_COLORS: Record<ReviewState, string> = {
  draft: 'gray',
  submitted: 'yellow',
  approved: 'teal',
  rejected: 'red',
};

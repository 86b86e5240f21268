import type {
  Level4,
  PassFail,
  PrimaryLevel,
  PrimaryOutcome,
  PrimaryTraitLevel,
  Promotion,
  ResultAward,
  SubjectKind,
} from './types.ts';

/**
 * Vietnamese words for every grading enum, as the circulars and the transcript (học bạ) write them. UI text comes
 * from here so a level is never spelled two ways.
 */

export const LEVEL4_LABEL_VI: Readonly<Record<Level4, string>> = {
  excellent: 'Tốt',
  good: 'Khá',
  pass: 'Đạt',
  fail: 'Chưa đạt',
};

export const PASS_FAIL_LABEL_VI: Readonly<Record<PassFail, string>> = { pass: 'Đạt', fail: 'Chưa đạt' };

/** The short marks the secondary transcript uses for comment-assessed subjects: Đ / CĐ. */
export const PASS_FAIL_SHORT_VI: Readonly<Record<PassFail, string>> = { pass: 'Đ', fail: 'CĐ' };

export const SUBJECT_KIND_LABEL_VI: Readonly<Record<SubjectKind, string>> = {
  score: 'Đánh giá bằng nhận xét kết hợp với đánh giá bằng điểm số',
  comment: 'Đánh giá bằng nhận xét',
};

export const PROMOTION_LABEL_VI: Readonly<Record<Promotion, string>> = {
  promoted: 'Lên lớp',
  retest: 'Kiểm tra lại',
  summer_conduct: 'Rèn luyện trong hè',
  retained: 'Ở lại lớp',
  principal_decision: 'Hiệu trưởng quyết định',
};

/** Every stored title: TT22's two (Điều 15) and primary's Tiêu biểu (TT27 Điều 13); Xuất sắc is both. */
export const AWARD_LABEL_VI: Readonly<Record<ResultAward, string>> = {
  outstanding: 'Học sinh Xuất sắc',
  excellent: 'Học sinh Giỏi',
  exemplary: 'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện',
};

export const PRIMARY_LEVEL_LABEL_VI: Readonly<Record<PrimaryLevel, string>> = {
  completed_well: 'Hoàn thành tốt',
  completed: 'Hoàn thành',
  not_completed: 'Chưa hoàn thành',
};

/** Letters of the primary transcript (TT27, Phụ lục học bạ): T / H / C. */
export const PRIMARY_LEVEL_LETTER: Readonly<Record<PrimaryLevel, 'T' | 'H' | 'C'>> = {
  completed_well: 'T',
  completed: 'H',
  not_completed: 'C',
};

export const PRIMARY_TRAIT_LABEL_VI: Readonly<Record<PrimaryTraitLevel, string>> = {
  good: 'Tốt',
  pass: 'Đạt',
  needs_effort: 'Cần cố gắng',
};

/** Letters for qualities and competences: T / Đ / C. */
export const PRIMARY_TRAIT_LETTER: Readonly<Record<PrimaryTraitLevel, 'T' | 'Đ' | 'C'>> = {
  good: 'T',
  pass: 'Đ',
  needs_effort: 'C',
};

export const PRIMARY_OUTCOME_LABEL_VI: Readonly<Record<PrimaryOutcome, string>> = {
  completed_excellently: 'Hoàn thành xuất sắc',
  completed_well: 'Hoàn thành tốt',
  completed: 'Hoàn thành',
  not_completed: 'Chưa hoàn thành',
};

export const PRIMARY_AWARD_LABEL_VI: Readonly<Record<'outstanding' | 'exemplary', string>> = {
  outstanding: 'Học sinh Xuất sắc',
  exemplary: 'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện',
};

/** The letter and the words of a primary subject level, for the transcript and the report card. */
export function primaryLevelLabel(level: PrimaryLevel): { letter: 'T' | 'H' | 'C'; label: string } {
  return { letter: PRIMARY_LEVEL_LETTER[level], label: PRIMARY_LEVEL_LABEL_VI[level] };
}

/** Reads a transcript letter back ("T", "h", " C ") into a primary level; null for anything else. */
export function parsePrimaryLevelLetter(letter: string): PrimaryLevel | null {
  switch (letter.trim().toUpperCase()) {
    case 'T':
      return 'completed_well';
    case 'H':
      return 'completed';
    case 'C':
      return 'not_completed';
    default:
      return null;
  }
}

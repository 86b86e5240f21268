import { QUESTION_LEVELS, QUESTION_TYPES, REVIEW_STATES, SHARE_LEVELS } from '#contracts/questions.ts';
import { col, nullable, type TablesType, withDefault } from './columns.ts';

/** The question bank (migration 0102). */
export const questionBankTables = {
  questions: {
    id: col.id(),
    unit_id: col.text(),
    author_user_id: col.text(),
    department_id: nullable(col.text()),
    share_level: withDefault(col.oneOf(SHARE_LEVELS)),
    subject_code: col.text(),
    grade: col.number(),
    topic: withDefault(col.text()),
    level: nullable(col.oneOf(QUESTION_LEVELS)),
    source_level: nullable(col.text()),
    difficulty: nullable(col.number()),
    type: col.oneOf(QUESTION_TYPES),
    body: col.json(),
    search_text: col.text(),
    fingerprint: col.text(),
    review_state: withDefault(col.oneOf(REVIEW_STATES)),
    review_note: nullable(col.text()),
    reviewed_by: nullable(col.text()),
    reviewed_at: nullable(col.timestamp()),
    version: withDefault(col.number()),
    created_at: col.createdAt(),
    updated_at: col.updatedAt(),
  },
} as const;

export type QuestionBankTables = TablesType<typeof questionBankTables>;

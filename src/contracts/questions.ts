/**
 * A question of the question bank (ngân hàng câu hỏi), as the bank stores it and every format reads and writes it.
 *
 * Text fields are plain text with formulas in LaTeX between `$…$` (inline) or `$$…$$` (display), rendered by KaTeX
 * on the web and in the PDF; line breaks are kept. Points are held per item on the test, not here: the question
 * holds only what the answer key needs.
 */
import { z } from 'zod';
import { line, multiline } from './common.ts';

export const QUESTION_TYPES = [
  'single_choice',
  'true_false_group',
  'short_answer',
  'matching',
  'essay',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABELS: Readonly<Record<QuestionType, string>> = {
  single_choice: 'Trắc nghiệm nhiều lựa chọn',
  true_false_group: 'Đúng/Sai (4 ý)',
  short_answer: 'Trả lời ngắn',
  matching: 'Ghép nối',
  essay: 'Tự luận',
};

const stem = multiline('Nội dung câu hỏi').min(1, 'Nội dung câu hỏi không được để trống.').max(20_000);
const optionText = multiline('Phương án').min(1, 'Phương án không được để trống.').max(4_000);

const singleChoice = z.object({
  type: z.literal('single_choice'),
  stem,
  options: z.array(optionText).min(2, 'Cần ít nhất 2 phương án.').max(8, 'Tối đa 8 phương án.'),
  /** Index into `options` of the one right answer (A = 0). */
  correctIndex: z.number().int().min(0),
});

const trueFalseGroup = z.object({
  type: z.literal('true_false_group'),
  stem,
  statements: z
    .array(z.object({ text: optionText, correct: z.boolean() }))
    .length(4, 'Câu đúng/sai có đúng 4 ý a), b), c), d).'),
});

const numericAnswer = z.object({
  kind: z.literal('numeric'),
  value: z.number().finite(),
  tolerance: z.number().min(0).default(0),
});
const textAnswer = z.object({
  kind: z.literal('text'),
  accepted: z.array(line('Đáp án').min(1).max(500)).min(1, 'Cần ít nhất một đáp án được chấp nhận.'),
  ignoreDiacritics: z.boolean().default(false),
});

const shortAnswer = z.object({
  type: z.literal('short_answer'),
  stem,
  answer: z.discriminatedUnion('kind', [numericAnswer, textAnswer]),
});

const matching = z.object({
  type: z.literal('matching'),
  stem,
  pairs: z
    .array(z.object({ left: optionText, right: optionText }))
    .min(2, 'Câu ghép nối cần ít nhất 2 cặp.')
    .max(12),
  /** Right-hand items that match nothing (GIFT's "= -> Chat"). */
  distractors: z.array(optionText).max(12).default([]),
});

const essay = z.object({
  type: z.literal('essay'),
  stem,
  rubric: z
    .array(
      z.object({ criterion: multiline('Tiêu chí').min(1).max(2_000), points: z.number().min(0).max(100) }),
    )
    .max(30)
    .default([]),
});

export const questionBody = z
  .discriminatedUnion('type', [singleChoice, trueFalseGroup, shortAnswer, matching, essay])
  .superRefine((value, ctx) => {
    if (value.type === 'single_choice' && value.correctIndex >= value.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['correctIndex'],
        message: 'Đáp án đúng phải là một trong các phương án.',
      });
    }
  });
export type QuestionBody = z.infer<typeof questionBody>;

/** A question as a file format carries it: the body plus the name and category the file gives it, if any. */
export interface PortableQuestion {
  name?: string;
  /** Category path as the file writes it ("Toán 10/Hàm số"); the import maps it to the bank's topic. */
  category?: string;
  /** Free tags such as the level ("NB", "Vận dụng"); mapped by the import. */
  tags?: string[];
  body: QuestionBody;
}

/** A line or block of an imported file that could not be read, said so to the teacher in the preview. */
export interface FormatProblem {
  /** 1-based line (text formats) or question number (XML). */
  at: number;
  excerpt: string;
  message: string;
}

export interface FormatReadResult {
  questions: PortableQuestion[];
  problems: FormatProblem[];
}

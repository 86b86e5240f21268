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

/* ——— The bank's API ——— */

export const SHARE_LEVELS = ['private', 'department', 'school', 'office'] as const;
export type ShareLevel = (typeof SHARE_LEVELS)[number];
export const SHARE_LEVEL_LABELS: Readonly<Record<ShareLevel, string>> = {
  private: 'Chỉ mình tôi',
  department: 'Tổ chuyên môn',
  school: 'Toàn trường',
  office: 'Các trường trong phòng/sở',
};

export const REVIEW_STATES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_STATE_LABELS: Readonly<Record<ReviewState, string>> = {
  draft: 'Nháp',
  submitted: 'Chờ duyệt',
  approved: 'Đã duyệt',
  rejected: 'Cần sửa',
};

/** Levels as stored (CV 7991/BGDĐT-GDTrH): the domain's list, repeated here so the web needs no domain import. */
export const QUESTION_LEVELS = ['know', 'understand', 'apply'] as const;
export const QUESTION_LEVEL_LABELS: Readonly<Record<(typeof QUESTION_LEVELS)[number], string>> = {
  know: 'Biết',
  understand: 'Hiểu',
  apply: 'Vận dụng',
};

/** What a question is about: the catalogue's subject code, grade, topic, level, difficulty. */
const classification = z.object({
  subjectCode: line('Môn học').min(1, 'Chọn môn học.').max(40),
  grade: z.number().int().min(1, 'Khối lớp từ 1 đến 12.').max(12, 'Khối lớp từ 1 đến 12.'),
  topic: line('Chủ đề/bài').max(300).default(''),
  level: z.enum(QUESTION_LEVELS).nullable().default(null),
  difficulty: z.number().int().min(1).max(5).nullable().default(null),
  shareLevel: z.enum(SHARE_LEVELS).default('private'),
});

export const createQuestionBody = classification.extend({
  unitId: z.uuid('Chọn đơn vị.'),
  body: questionBody,
});
export type CreateQuestionInput = z.infer<typeof createQuestionBody>;

export const updateQuestionBody = classification.extend({
  body: questionBody,
  /** The version the editor loaded; a save over a newer version answers 409. */
  version: z.number().int().min(1),
});
export type UpdateQuestionInput = z.infer<typeof updateQuestionBody>;

export const reviewQuestionBody = z.object({
  decision: z.enum(['submit', 'approve', 'reject']),
  note: multiline('Nhận xét').max(2_000).optional(),
  version: z.number().int().min(1),
});
export type ReviewQuestionInput = z.infer<typeof reviewQuestionBody>;

export const listQuestionsQuery = z.object({
  unitId: z.uuid('Chọn đơn vị.'),
  subjectCode: line('Môn học').max(40).optional(),
  grade: z.coerce.number().int().min(1).max(12).optional(),
  level: z.enum(QUESTION_LEVELS).optional(),
  type: z.enum(QUESTION_TYPES).optional(),
  reviewState: z.enum(REVIEW_STATES).optional(),
  /** Searched without diacritics: "ham so" finds "hàm số". */
  q: line('Từ khoá tìm kiếm').max(100).optional(),
  mine: z.coerce.boolean().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListQuestionsQuery = z.infer<typeof listQuestionsQuery>;

export const questionSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  authorName: z.string(),
  isMine: z.boolean(),
  subjectCode: z.string(),
  subjectName: z.string(),
  grade: z.number().int(),
  topic: z.string(),
  level: z.enum(QUESTION_LEVELS).nullable(),
  sourceLevel: z.string().nullable(),
  difficulty: z.number().int().nullable(),
  shareLevel: z.enum(SHARE_LEVELS),
  departmentName: z.string().nullable(),
  reviewState: z.enum(REVIEW_STATES),
  reviewNote: z.string().nullable(),
  body: questionBody,
  /** Other questions in reach with the same normalised text. */
  duplicateCount: z.number().int(),
  version: z.number().int(),
  /** What the caller may do with it, so the page shows only buttons that work. */
  canEdit: z.boolean(),
  canReview: z.boolean(),
  updatedAt: z.string(),
});
export type Question = z.infer<typeof questionSchema>;

export const QUESTION_FILE_FORMATS = ['gift', 'moodle_xml', 'docx'] as const;
export type QuestionFileFormat = (typeof QUESTION_FILE_FORMATS)[number];

export const importPreviewSchema = z.object({
  format: z.enum(QUESTION_FILE_FORMATS),
  questions: z.array(
    z.object({
      name: z.string().optional(),
      category: z.string().optional(),
      tags: z.array(z.string()).optional(),
      level: z.enum(QUESTION_LEVELS).nullable(),
      body: questionBody,
      /** An existing question in reach with the same normalised text (the teacher decides whether to keep it). */
      duplicateOf: z.uuid().nullable(),
    }),
  ),
  problems: z.array(z.object({ at: z.number().int(), excerpt: z.string(), message: z.string() })),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importCommitBody = classification.omit({ level: true }).extend({
  unitId: z.uuid('Chọn đơn vị.'),
  questions: z
    .array(
      z.object({
        level: z.enum(QUESTION_LEVELS).nullable().default(null),
        sourceLevel: z.string().max(40).nullable().default(null),
        body: questionBody,
      }),
    )
    .min(1, 'Không có câu hỏi nào để nhập.')
    .max(2_000, 'Tối đa 2.000 câu hỏi mỗi lần nhập.'),
});
export type ImportCommitInput = z.infer<typeof importCommitBody>;

export const exportQuestionsQuery = listQuestionsQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['gift', 'moodle_xml']),
});

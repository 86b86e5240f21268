/**
 * Moving questions in and out of the bank: a file is read into a preview (every question parsed, every line it
 * could not read, duplicates of questions already in the unit's bank), the teacher reviews it and commits the
 * questions they keep — in one transaction, one statement per table, each question audited. Export writes the
 * visible questions matching the filters as GIFT or Moodle XML.
 */
import type {
  FormatReadResult,
  ImportCommitInput,
  ImportPreview,
  QuestionFileFormat,
} from '#contracts/questions.ts';
import { competenceLevelFromTag } from '../../domain/question-bank/index.ts';
import { auditMany } from '../../platform/audit/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { insertRows } from '../../platform/db/unnest-insert.ts';
import { AppError } from '../../platform/errors.ts';
import type { UploadedFile } from '../../platform/http/multipart.ts';
import { bankReach } from './access.ts';
import { readDocx } from './formats/docx.ts';
import { readGift, writeGift } from './formats/gift.ts';
import { readMoodleXml, writeMoodleXml } from './formats/moodle-xml.ts';
import { checkSubject, newQuestionId, questionsForExport } from './service.ts';
import { fingerprintOf, searchTextOf } from './text-keys.ts';

/** A bank file of 2,000 questions in GIFT is ~1 MB; Word files with formulas and pictures are larger. */
export const QUESTION_FILE_BYTES = { text: 5 * 1024 * 1024, docx: 20 * 1024 * 1024 } as const;

export function formatOf(fileName: string): QuestionFileFormat {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (extension === 'docx') return 'docx';
  if (extension === 'xml') return 'moodle_xml';
  if (extension === 'txt' || extension === 'gift') return 'gift';
  throw new AppError(
    'validation_failed',
    `Không nhận tệp «${fileName}»: chọn tệp .docx (Word), .xml (Moodle XML) hoặc .txt/.gift (GIFT).`,
    {
      file: 'Định dạng không hỗ trợ.',
    },
  );
}

function decodeText(file: UploadedFile): string {
  if (file.content.length > QUESTION_FILE_BYTES.text) {
    throw new AppError('file_too_large', `Tệp «${file.fileName}» quá lớn: tối đa 5 MB cho tệp văn bản.`, {
      file: file.fileName,
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file.content);
  } catch {
    throw new AppError(
      'validation_failed',
      `Tệp «${file.fileName}» không phải văn bản UTF-8. Hãy lưu lại với mã UTF-8.`,
      {
        file: 'Không đọc được mã ký tự.',
      },
    );
  }
}

async function readFile(format: QuestionFileFormat, file: UploadedFile): Promise<FormatReadResult> {
  if (format === 'docx') return readDocx(file.fileName, file.content);
  const text = decodeText(file);
  return format === 'gift' ? readGift(text) : readMoodleXml(text);
}

export async function previewQuestionImport(
  ctx: ServiceContext,
  unitId: string,
  file: UploadedFile,
): Promise<ImportPreview> {
  await bankReach(ctx, unitId);
  const format = formatOf(file.fileName);
  const { questions, problems } = await readFile(format, file);
  const prints = questions.map((question) => fingerprintOf(question.body));
  const existing = prints.length
    ? await ctx.db
        .selectFrom('questions')
        .select(['id', 'fingerprint'])
        .where('unit_id', '=', unitId)
        .where('fingerprint', 'in', [...new Set(prints)])
        .execute()
    : [];
  const byPrint = new Map(existing.map((row) => [row.fingerprint, row.id]));
  return {
    format,
    questions: questions.map((question, index) => ({
      ...question,
      level: question.tags?.map(competenceLevelFromTag).find((level) => level !== null) ?? null,
      duplicateOf: byPrint.get(prints[index] as string) ?? null,
    })),
    problems,
  };
}

const QUESTION_COLUMNS = {
  id: 'uuid',
  unit_id: 'uuid',
  author_user_id: 'uuid',
  department_id: 'uuid',
  share_level: 'text',
  subject_code: 'text',
  grade: 'int',
  topic: 'text',
  level: 'text',
  source_level: 'text',
  difficulty: 'int',
  type: 'text',
  body: 'jsonb',
  search_text: 'text',
  fingerprint: 'text',
  review_state: 'text',
  version: 'int',
} as const;

export async function commitQuestionImport(
  ctx: ServiceContext,
  input: ImportCommitInput,
): Promise<{ created: number }> {
  const reach = await bankReach(ctx, input.unitId);
  checkSubject(input.subjectCode, input.grade);
  const departmentId = reach.myDepartments[0] ?? null;
  if (input.shareLevel === 'department' && !departmentId) {
    throw new AppError('validation_failed', 'Bạn chưa thuộc tổ chuyên môn nào, không chia sẻ cho tổ được.', {
      shareLevel: 'Chọn mức chia sẻ khác.',
    });
  }
  const rows = input.questions.map((question) => ({
    id: newQuestionId(),
    unit_id: input.unitId,
    author_user_id: reach.userId,
    department_id: departmentId,
    share_level: input.shareLevel,
    subject_code: input.subjectCode,
    grade: input.grade,
    topic: input.topic,
    level: question.level,
    source_level: question.sourceLevel,
    difficulty: input.difficulty,
    type: question.body.type,
    body: JSON.stringify(question.body),
    search_text: searchTextOf(question.body, input.topic),
    fingerprint: fingerprintOf(question.body),
    review_state: 'draft',
    version: 1,
  }));
  await inTransaction(ctx, async (trx) => {
    await insertRows(trx.db, 'questions', QUESTION_COLUMNS, rows);
    await auditMany(
      trx,
      rows.map((row, index) => ({
        unitId: input.unitId,
        entity: 'question' as const,
        entityId: row.id,
        action: 'create' as const,
        after: {
          imported: true,
          subjectCode: input.subjectCode,
          grade: input.grade,
          body: input.questions[index]?.body,
        },
      })),
    );
  });
  return { created: rows.length };
}

export async function exportQuestions(
  ctx: ServiceContext,
  query: Parameters<typeof questionsForExport>[2] & { unitId: string; format: 'gift' | 'moodle_xml' },
): Promise<{ content: Buffer; fileName: string }> {
  const { unitId, format, ...filters } = query;
  const questions = await questionsForExport(ctx, unitId, filters);
  const portable = questions.map((question) => ({
    category: [`${question.subjectName} ${question.grade}`, question.topic].filter(Boolean).join('/'),
    tags: question.sourceLevel ? [question.sourceLevel] : question.level ? [LEVEL_TAG[question.level]] : [],
    body: question.body,
  }));
  return format === 'gift'
    ? { content: Buffer.from(writeGift(portable), 'utf8'), fileName: 'Ngân hàng câu hỏi.gift.txt' }
    : { content: Buffer.from(writeMoodleXml(portable), 'utf8'), fileName: 'Ngân hàng câu hỏi.xml' };
}

const LEVEL_TAG = { know: 'Biết', understand: 'Hiểu', apply: 'Vận dụng' } as const;

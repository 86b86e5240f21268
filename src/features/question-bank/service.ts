import { randomUUID } from 'node:crypto';
import type {
  CreateQuestionInput,
  ListQuestionsQuery,
  Question,
  QuestionBody,
  ReviewQuestionInput,
  UpdateQuestionInput,
} from '#contracts/questions.ts';
import { subjectsForGrade } from '../../domain/curriculum/index.ts';
import { foldVietnamese } from '../../domain/text/index.ts';
import { audit, changedFields } from '../../platform/audit/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { containsPattern } from '../../platform/db/sql-helpers.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { type BankReach, bankReach, mayReview, visibleTo } from './access.ts';
import { fingerprintOf, searchTextOf } from './text-keys.ts';

/** Refuses a subject the catalogue does not teach in that grade (Toán 13, Tin học lớp 1…). */
export function checkSubject(subjectCode: string, grade: number): string {
  const subject = subjectsForGrade(grade).find((s) => s.code === subjectCode);
  if (!subject) {
    throw new AppError('validation_failed', `Môn học không có trong chương trình lớp ${grade}.`, {
      subjectCode: `Chọn một môn của lớp ${grade}.`,
    });
  }
  return subject.name;
}

function subjectName(subjectCode: string, grade: number): string {
  return subjectsForGrade(grade).find((s) => s.code === subjectCode)?.name ?? subjectCode;
}

/** The department a question is filed under: the author's own at the unit; required to share with a department. */
function departmentFor(reach: BankReach, shareLevel: string): string | null {
  const department = reach.myDepartments[0] ?? null;
  if (shareLevel === 'department' && !department) {
    throw new AppError(
      'validation_failed',
      'Bạn chưa thuộc tổ chuyên môn nào của đơn vị, không chia sẻ cho tổ được.',
      {
        shareLevel: 'Chọn mức chia sẻ khác.',
      },
    );
  }
  return department;
}

const derived = (body: QuestionBody, topic: string) => ({
  type: body.type,
  body: JSON.stringify(body),
  search_text: searchTextOf(body, topic),
  fingerprint: fingerprintOf(body),
});

function baseQuery(ctx: ServiceContext, reach: BankReach) {
  return ctx.db
    .selectFrom('questions as q')
    .innerJoin('units as owner', 'owner.id', 'q.unit_id')
    .innerJoin('unit_kinds as owner_kind', 'owner_kind.code', 'owner.kind')
    .innerJoin('users as author', 'author.id', 'q.author_user_id')
    .leftJoin('departments as d', 'd.id', 'q.department_id')
    .where(visibleTo(reach));
}

type Filters = Omit<ListQuestionsQuery, 'page' | 'pageSize' | 'unitId'>;

function filtered(ctx: ServiceContext, reach: BankReach, filters: Filters) {
  let query = baseQuery(ctx, reach);
  if (filters.subjectCode) query = query.where('q.subject_code', '=', filters.subjectCode);
  if (filters.grade) query = query.where('q.grade', '=', filters.grade);
  if (filters.level) query = query.where('q.level', '=', filters.level);
  if (filters.type) query = query.where('q.type', '=', filters.type);
  if (filters.reviewState) query = query.where('q.review_state', '=', filters.reviewState);
  if (filters.mine) query = query.where('q.author_user_id', '=', reach.userId);
  const folded = filters.q ? foldVietnamese(filters.q) : '';
  if (folded) query = query.where('q.search_text', 'like', containsPattern(folded));
  return query;
}

const selection = [
  'q.id',
  'q.unit_id',
  'owner.name as unit_name',
  'author.full_name as author_name',
  'q.author_user_id',
  'q.department_id',
  'd.name as department_name',
  'q.share_level',
  'q.subject_code',
  'q.grade',
  'q.topic',
  'q.level',
  'q.source_level',
  'q.difficulty',
  'q.review_state',
  'q.review_note',
  'q.body',
  'q.version',
  'q.updated_at',
] as const;

function present(
  reach: BankReach,
  row: Awaited<ReturnType<ReturnType<typeof rowsQuery>['execute']>>[number],
): Question {
  const isMine = row.author_user_id === reach.userId;
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    authorName: row.author_name,
    isMine,
    subjectCode: row.subject_code,
    subjectName: subjectName(row.subject_code, row.grade),
    grade: row.grade,
    topic: row.topic,
    level: row.level,
    sourceLevel: row.source_level,
    difficulty: row.difficulty,
    shareLevel: row.share_level,
    departmentName: row.department_name,
    reviewState: row.review_state,
    reviewNote: row.review_note,
    body: (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as QuestionBody,
    duplicateCount: Number(row.duplicate_count ?? 0),
    version: row.version,
    canEdit: isMine,
    canReview: row.review_state === 'submitted' && mayReview(reach, row),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function rowsQuery(ctx: ServiceContext, reach: BankReach, filters: Filters) {
  return filtered(ctx, reach, filters).select((eb) => [
    ...selection,
    // Same wording already in the owning unit's bank (index on fingerprint).
    eb
      .selectFrom('questions as twin')
      .select(eb.fn.countAll<number>().as('n'))
      .whereRef('twin.fingerprint', '=', 'q.fingerprint')
      .whereRef('twin.unit_id', '=', 'q.unit_id')
      .whereRef('twin.id', '<>', 'q.id')
      .as('duplicate_count'),
  ]);
}

export async function listQuestions(ctx: ServiceContext, query: ListQuestionsQuery) {
  const reach = await bankReach(ctx, query.unitId);
  const { page, pageSize, unitId: _unit, ...filters } = query;
  const [rows, total] = await Promise.all([
    rowsQuery(ctx, reach, filters)
      .orderBy('q.updated_at', 'desc')
      .orderBy('q.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(ctx, reach, filters)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((row) => present(reach, row)), total: Number(total.n), page, pageSize };
}

/** Every visible question matching the filters, for an export (at most `limit`). */
export async function questionsForExport(
  ctx: ServiceContext,
  unitId: string,
  filters: Filters,
  limit = 5_000,
) {
  const reach = await bankReach(ctx, unitId);
  const rows = await rowsQuery(ctx, reach, filters)
    .orderBy('q.subject_code')
    .orderBy('q.grade')
    .orderBy('q.topic')
    .limit(limit)
    .execute();
  return rows.map((row) => present(reach, row));
}

async function findVisible(ctx: ServiceContext, reach: BankReach, id: string): Promise<Question> {
  const row = await rowsQuery(ctx, reach, {}).where('q.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('câu hỏi');
  return present(reach, row);
}

/** The question's unit, for the access check that comes before anything else is read. */
async function ownerUnit(ctx: ServiceContext, id: string): Promise<string> {
  // scope: looked up by id only to find its unit; bankReach checks access to that unit before anything is returned.
  const row = await ctx.db.selectFrom('questions').select('unit_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('câu hỏi');
  return row.unit_id;
}

export async function getQuestion(ctx: ServiceContext, id: string): Promise<Question> {
  const reach = await bankReach(ctx, await ownerUnit(ctx, id));
  return findVisible(ctx, reach, id);
}

export async function createQuestion(ctx: ServiceContext, input: CreateQuestionInput): Promise<Question> {
  const reach = await bankReach(ctx, input.unitId);
  checkSubject(input.subjectCode, input.grade);
  const departmentId = departmentFor(reach, input.shareLevel);
  return inTransaction(ctx, async (trx) => {
    const row = await trx.db
      .insertInto('questions')
      .values({
        unit_id: input.unitId,
        author_user_id: reach.userId,
        department_id: departmentId,
        share_level: input.shareLevel,
        subject_code: input.subjectCode,
        grade: input.grade,
        topic: input.topic,
        level: input.level,
        difficulty: input.difficulty,
        ...derived(input.body, input.topic),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      unitId: input.unitId,
      entity: 'question',
      entityId: row.id,
      action: 'create',
      after: input,
    });
    return findVisible(trx, reach, row.id);
  });
}

/** Loads a question the caller wrote, at the version they edited; anything else is refused. */
async function ownQuestion(ctx: ServiceContext, id: string) {
  const reach = await bankReach(ctx, await ownerUnit(ctx, id));
  const question = await findVisible(ctx, reach, id);
  if (!question.isMine) throw forbidden('Chỉ tác giả được sửa hoặc xoá câu hỏi này.');
  return { reach, question };
}

const staleVersion = () =>
  new AppError('conflict', 'Câu hỏi vừa được người khác thay đổi. Hãy tải lại rồi sửa tiếp.', {
    version: 'Phiên bản đã cũ.',
  });

export async function updateQuestion(
  ctx: ServiceContext,
  id: string,
  input: UpdateQuestionInput,
): Promise<Question> {
  const { reach, question } = await ownQuestion(ctx, id);
  checkSubject(input.subjectCode, input.grade);
  const departmentId = departmentFor(reach, input.shareLevel);
  const changesContent = JSON.stringify(question.body) !== JSON.stringify(input.body);
  return inTransaction(ctx, async (trx) => {
    const updated = await trx.db
      .updateTable('questions')
      .set({
        department_id: departmentId,
        share_level: input.shareLevel,
        subject_code: input.subjectCode,
        grade: input.grade,
        topic: input.topic,
        level: input.level,
        difficulty: input.difficulty,
        ...derived(input.body, input.topic),
        // An approved question whose wording or key changes must be approved again before official use.
        ...(changesContent && question.reviewState === 'approved'
          ? { review_state: 'draft' as const, reviewed_by: null, reviewed_at: null }
          : {}),
        version: input.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('unit_id', '=', question.unitId)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion();
    const { version: _v, ...after } = input;
    await audit(trx, {
      unitId: question.unitId,
      entity: 'question',
      entityId: id,
      action: 'update',
      ...changedFields(
        {
          subjectCode: question.subjectCode,
          grade: question.grade,
          topic: question.topic,
          level: question.level,
          difficulty: question.difficulty,
          shareLevel: question.shareLevel,
          body: question.body,
        },
        after,
      ),
    });
    return findVisible(trx, reach, id);
  });
}

export async function deleteQuestion(ctx: ServiceContext, id: string): Promise<void> {
  const { question } = await ownQuestion(ctx, id);
  await inTransaction(ctx, async (trx) => {
    await trx.db
      .deleteFrom('questions')
      .where('id', '=', id)
      .where('unit_id', '=', question.unitId)
      .execute();
    await audit(trx, {
      unitId: question.unitId,
      entity: 'question',
      entityId: id,
      action: 'delete',
      before: question,
    });
  });
}

const TRANSITIONS = {
  submit: { from: ['draft', 'rejected'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
} as const;

/** The author submits; a reviewer approves or returns it with a note. */
export async function reviewQuestion(
  ctx: ServiceContext,
  id: string,
  input: ReviewQuestionInput,
): Promise<Question> {
  const reach = await bankReach(ctx, await ownerUnit(ctx, id));
  const question = await findVisible(ctx, reach, id);
  const step = TRANSITIONS[input.decision];
  if (input.decision === 'submit' ? !question.isMine : !question.canReview) throw forbidden();
  if (!(step.from as readonly string[]).includes(question.reviewState)) {
    throw new AppError('conflict', 'Câu hỏi không ở trạng thái cho phép thao tác này.', {
      decision: 'Tải lại trang.',
    });
  }
  if (input.decision === 'reject' && !input.note?.trim()) {
    throw new AppError('validation_failed', 'Hãy ghi nhận xét để tác giả sửa.', {
      note: 'Bắt buộc khi trả lại.',
    });
  }
  return inTransaction(ctx, async (trx) => {
    const reviewer =
      input.decision === 'submit' ? {} : { reviewed_by: reach.userId, reviewed_at: new Date() };
    const updated = await trx.db
      .updateTable('questions')
      .set({
        review_state: step.to,
        review_note: input.note ?? null,
        ...reviewer,
        version: input.version + 1,
      })
      .where('id', '=', id)
      .where('unit_id', '=', question.unitId)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion();
    await audit(trx, {
      unitId: question.unitId,
      entity: 'question',
      entityId: id,
      action: input.decision,
      before: { reviewState: question.reviewState },
      after: { reviewState: step.to, note: input.note ?? null },
    });
    return findVisible(trx, reach, id);
  });
}

export { randomUUID as newQuestionId };

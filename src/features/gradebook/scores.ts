import type { SaveGridInput } from '#contracts/gradebook.ts';
import {
  COMMENT_SUBJECT_ASSESSMENTS_PER_TERM,
  commentSubjectTermResult,
  MAX_REGULAR_ASSESSMENTS,
  type PassFail,
  requiredRegularAssessments,
  type SubjectKind,
  termAverage,
} from '../../domain/grading/index.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import {
  auditCells,
  type CellAudit,
  type ClassGradebook,
  loadClassGradebook,
  lockState,
  rosterOf,
  subjectOfClass,
} from './access.ts';
import { exemptionNoticesOf } from './exemptions.ts';
import { publishLowScores } from './low-score-notices.ts';
import { type Cells, conflictError, lockGrid, mergeCells } from './merge.ts';
import {
  type Cell,
  columnLabel,
  type FieldErrors,
  type ParsedRow,
  parseGrid,
  type Values,
} from './score-grid-input.ts';

// The score grid of one class × subject × term (TT 22/2021 Điều 6, 7, 9): ĐĐGtx columns from the periods per
// year, one ĐĐGgk, one ĐĐGck, the computed ĐTBmhk (or Đạt / Chưa đạt) and the teacher's comment.

interface GridKey {
  classId: string;
  subjectCode: string;
  term: number;
}

async function loadSubjectAccess(ctx: ServiceContext, key: GridKey) {
  const g = await loadClassGradebook(ctx, key.classId, key.subjectCode);
  const subject = subjectOfClass(g.cls, key.subjectCode);
  const assignment = g.assignment;
  const teaches = Boolean(assignment && g.enter && g.staffIds.includes(assignment.teacher_id));
  // Leaders and the homeroom teacher read the class's scores; only the assigned teacher enters them.
  if (!teaches && !g.readAll && !g.homeroom) throw forbidden();
  const periodsPerYear = assignment?.periods_per_year ?? subject.periodsPerYear;
  const learningTopics = assignment?.learning_topics ?? false;
  const regularCount = requiredRegularAssessments({ periodsPerYear, kind: subject.kind, learningTopics });
  return { g, subject, assignment, teaches, periodsPerYear, regularCount };
}

export async function getGrid(ctx: ServiceContext, key: GridKey) {
  const { g, subject, assignment, teaches, periodsPerYear, regularCount } = await loadSubjectAccess(ctx, key);
  const [roster, stored, lock] = await Promise.all([
    rosterOf(ctx, g.cls),
    storedRows(ctx, g, key),
    lockState(ctx, g.cls, key.term, key.subjectCode),
  ]);
  // TT22 Điều 10: an exempted student is still assessed (theory for practice); the grid says so beside the name.
  const notices = await exemptionNoticesOf(
    ctx,
    g.cls.unit_id,
    g.cls.school_year,
    roster.map((s) => s.studentId),
    key.subjectCode,
    key.term,
  );
  const kind = subject.kind;
  return {
    class: { id: g.cls.id, name: g.cls.name, grade: g.cls.grade, schoolYear: g.cls.school_year },
    subject: { code: subject.code, name: subject.name, kind, periodsPerYear },
    term: key.term,
    teacherName: assignment?.full_name ?? null,
    regularCount,
    rows: roster.map((s) => {
      const row = stored.get(s.studentId);
      const values = row ? valuesOf(row, kind, regularCount) : emptyValues(regularCount);
      return {
        studentId: s.studentId,
        fullName: s.fullName,
        ...values,
        termAverage: row?.term_average ?? null,
        termResult: row?.term_result ?? null,
        missing: missingOf(values, regularCount),
        exemption: notices.get(s.studentId) ?? null,
      };
    }),
    lock,
    canEdit: teaches && lock.open,
    canManage: g.manage,
  };
}

type StoredRow = Awaited<ReturnType<typeof storedRows>> extends Map<string, infer R> ? R : never;

async function storedRows(ctx: ServiceContext, g: ClassGradebook, key: GridKey, forUpdate = false) {
  const query = ctx.db
    .selectFrom('subject_scores')
    .selectAll()
    .where('unit_id', '=', g.cls.unit_id)
    .where('school_year', '=', g.cls.school_year)
    .where('class_id', '=', g.cls.id)
    .where('subject_code', '=', key.subjectCode)
    .where('term', '=', key.term);
  // A save locks the rows it compares with its base, so no other writer changes them before it writes.
  const rows = await (forUpdate ? query.forUpdate() : query).execute();
  return new Map(rows.map((r) => [r.student_id, r]));
}

function emptyValues(regularCount: number): Values {
  return { regular: Array(regularCount).fill(null), midterm: null, final: null, makeup: [], comment: null };
}

function valuesOf(row: StoredRow, kind: 'score' | 'comment', regularCount: number): Values {
  const regular: Cell[] = kind === 'score' ? [...row.regular] : (row.regular_results as Cell[]);
  const padded = Array.from({ length: Math.max(regularCount, regular.length) }, (_, i) => regular[i] ?? null);
  return {
    regular: padded,
    midterm: kind === 'score' ? row.midterm : row.midterm_result,
    final: kind === 'score' ? row.final : row.final_result,
    makeup: row.makeup,
    comment: row.teacher_comment,
  };
}

function missingOf(v: Values, regularCount: number): string[] {
  const missing: string[] = [];
  for (let i = 0; i < regularCount; i++) if (v.regular[i] == null) missing.push(`regular:${i + 1}`);
  if (v.midterm == null) missing.push('midterm');
  if (v.final == null) missing.push('final');
  return missing;
}

/** ĐTBmhk (scored) or the term result (comment-only), once every required assessment is there. */
function computeTerm(v: Values, kind: 'score' | 'comment', regularCount: number) {
  if (missingOf(v, regularCount).length > 0) return { termAverage: null, termResult: null };
  const regular = v.regular.slice(0, regularCount);
  if (kind === 'score') {
    return {
      termAverage: termAverage({
        regular: regular as number[],
        midterm: v.midterm as number,
        final: v.final as number,
        // The required count already includes the chuyên đề ĐĐGtx when the subject has learning topics.
        learningTopics: regularCount > MAX_REGULAR_ASSESSMENTS,
      }),
      termResult: null,
    };
  }
  return {
    termAverage: null,
    termResult: commentSubjectTermResult({
      assessments: [...regular, v.midterm, v.final] as PassFail[],
      required: COMMENT_SUBJECT_ASSESSMENTS_PER_TERM,
    }),
  };
}

/** The cells of a row, keyed the way the audit and the make-up flags name them. */
function cellsOf(v: Values, regularCount: number): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  for (let i = 0; i < regularCount; i++) cells[`regular:${i + 1}`] = v.regular[i] ?? null;
  cells.midterm = v.midterm;
  cells.final = v.final;
  cells.makeup = [...v.makeup].sort();
  cells.comment = v.comment;
  return cells;
}

/**
 * Saves the whole grid in one transaction. Every cell is checked first; if any is wrong nothing is written and the
 * 400 names each bad cell by row number (the order shown), student and column. Each cell is merged with what is
 * stored now through the row's base (merge.ts): cells this client did not edit keep the stored value, and an
 * edited cell someone else changed since it loaded the grid is a 409 naming the cells, with nothing written. Rows
 * whose cells did not change are not touched; each changed cell gets an audit row with its old and new value.
 */
export async function saveGrid(ctx: ServiceContext, key: GridKey, input: SaveGridInput) {
  const { g, subject, teaches, regularCount } = await loadSubjectAccess(ctx, key);
  if (!teaches) {
    throw forbidden('Chỉ giáo viên được phân công dạy môn này ở lớp này mới nhập điểm.');
  }
  const kind = subject.kind;
  const target: GridTarget = { g, key, kind, regularCount };

  // The class list is read in the transaction: one turn for the embedded database's one connection, not two.
  return inTransaction(ctx, async (trx) => {
    const roster = await rosterOf(trx, g.cls);
    const { parsed, fields } = parseGrid(input.rows, roster, { className: g.cls.name, kind, regularCount });
    rejectBadCells(fields);
    // The lock is read inside the transaction so a lock set while the teacher typed still applies.
    const lock = await lockState(trx, g.cls, key.term, key.subjectCode);
    if (!lock.open) throw new AppError('conflict', lock.message as string);
    await lockGrid(trx, `${g.cls.id}:${key.subjectCode}:${key.term}`);
    const stored = await storedRows(trx, g, key, true);
    const { changes, audits, conflicts } = diffGrid(target, parsed, stored);
    if (conflicts.length > 0) {
      const names = new Map(roster.map((s) => [s.studentId, s.fullName]));
      throw conflictError(
        'Điểm',
        conflicts.map((c) => ({ ...c, studentName: names.get(c.studentId) ?? '' })),
        (c) => `${c.studentName} (${columnLabel(c.column)}: ${cellText(c.current)})`,
      );
    }
    if (changes.length > 0) {
      await upsertScores(trx, target, changes);
      await auditCells(trx, audits);
      const names = new Map(roster.map((s) => [s.studentId, s.fullName]));
      await publishLowScores(
        trx,
        {
          unitId: g.cls.unit_id,
          schoolYear: g.cls.school_year,
          classId: g.cls.id,
          className: g.cls.name,
          term: key.term,
          subjectCode: key.subjectCode,
          subjectName: subject.name,
        },
        audits.map((a) => {
          const after = a.after as { column: string; value: unknown };
          const studentId = a.entityId as string;
          return {
            studentId,
            studentName: names.get(studentId) ?? '',
            column: after.column,
            value: after.value,
          };
        }),
      );
    }
    return { changedCells: audits.length, changedRows: changes.length };
  });
}

/** Nothing is saved while any cell is wrong: one 400 lists them all. */
function rejectBadCells(fields: FieldErrors): void {
  const problems = Object.keys(fields).length;
  if (problems > 0) {
    throw new AppError(
      'validation_failed',
      `Có ${problems} ô không hợp lệ; chưa lưu điểm nào. Sửa các ô được đánh dấu rồi lưu lại.`,
      fields,
    );
  }
}

/** The grid a save writes to: the class, subject and term, and the subject's kind and ĐĐGtx count. */
interface GridTarget {
  g: ClassGradebook;
  key: GridKey;
  kind: SubjectKind;
  regularCount: number;
}

/** A stored value as the 409 message prints it: "7,5", Đ / CĐ, the make-up columns, or "(trống)". */
function cellText(value: unknown): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return '(trống)';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (value === 'pass') return 'Đ';
  if (value === 'fail') return 'CĐ';
  if (Array.isArray(value)) return value.map((v) => columnLabel(String(v))).join(', ');
  return `"${String(value)}"`;
}

/** A row's cells (keyed as by cellsOf) back into the row's values. */
function valuesOfCells(cells: Cells, regularCount: number): Values {
  return {
    regular: Array.from({ length: regularCount }, (_, i) => (cells[`regular:${i + 1}`] ?? null) as Cell),
    midterm: cells.midterm as Cell,
    final: cells.final as Cell,
    makeup: cells.makeup as string[],
    comment: cells.comment as string | null,
  };
}

/**
 * Each row merged with the stored one through its base (merge.ts): the rows with changed cells (merged values),
 * one audit entry per changed cell, and the cells someone else changed since the client loaded them.
 */
function diffGrid(
  target: GridTarget,
  parsed: readonly ParsedRow[],
  stored: Map<string, StoredRow>,
): {
  changes: ParsedRow[];
  audits: CellAudit[];
  conflicts: { studentId: string; column: string; current: number | string | string[] | null }[];
} {
  const { g, key, kind, regularCount } = target;
  const changes: ParsedRow[] = [];
  const audits: CellAudit[] = [];
  const conflicts: { studentId: string; column: string; current: number | string | string[] | null }[] = [];
  for (const row of parsed) {
    const { studentId } = row;
    const old = stored.get(studentId);
    const before = cellsOf(old ? valuesOf(old, kind, regularCount) : emptyValues(regularCount), regularCount);
    const merge = mergeCells(cellsOf(row.values, regularCount), cellsOf(row.base, regularCount), before);
    for (const column of merge.conflicts) {
      conflicts.push({ studentId, column, current: before[column] as number | string | string[] | null });
    }
    const { merged: after, changed } = merge;
    if (changed.length === 0) continue;
    changes.push({ ...row, values: valuesOfCells(after, regularCount) });
    for (const column of changed) {
      audits.push({
        unitId: g.cls.unit_id,
        entity: 'subject_score',
        entityId: studentId,
        action: 'update',
        before: { ...gridContext(g, key), column, value: before[column] },
        after: { ...gridContext(g, key), column, value: after[column] },
      });
    }
  }
  return { changes, audits, conflicts };
}

/** One upsert for all changed rows; the term average (or term result) is recomputed from the saved cells. */
async function upsertScores(trx: ServiceContext, target: GridTarget, changes: readonly ParsedRow[]) {
  await trx.db
    .insertInto('subject_scores')
    .values(changes.map((change) => scoreRowOf(target, change, trx.actor.userId)))
    .onConflict((oc) =>
      oc.columns(['student_id', 'school_year', 'term', 'subject_code']).doUpdateSet((eb) => ({
        class_id: eb.ref('excluded.class_id'),
        regular: eb.ref('excluded.regular'),
        midterm: eb.ref('excluded.midterm'),
        final: eb.ref('excluded.final'),
        regular_results: eb.ref('excluded.regular_results'),
        midterm_result: eb.ref('excluded.midterm_result'),
        final_result: eb.ref('excluded.final_result'),
        makeup: eb.ref('excluded.makeup'),
        term_average: eb.ref('excluded.term_average'),
        term_result: eb.ref('excluded.term_result'),
        teacher_comment: eb.ref('excluded.teacher_comment'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** A `subject_scores` row: scored subjects fill the number columns, comment subjects the Đạt / Chưa đạt ones. */
function scoreRowOf(
  target: GridTarget,
  { studentId, values }: ParsedRow,
  updatedBy: ServiceContext['actor']['userId'],
) {
  const { g, key, kind, regularCount } = target;
  const computed = computeTerm(values, kind, regularCount);
  const scored = kind === 'score';
  return {
    unit_id: g.cls.unit_id,
    school_year: g.cls.school_year,
    term: key.term,
    class_id: g.cls.id,
    student_id: studentId,
    subject_code: key.subjectCode,
    regular: scored ? (values.regular as (number | null)[]) : [],
    midterm: scored ? (values.midterm as number | null) : null,
    final: scored ? (values.final as number | null) : null,
    regular_results: scored ? [] : (values.regular as (string | null)[]),
    midterm_result: scored ? null : (values.midterm as PassFail | null),
    final_result: scored ? null : (values.final as PassFail | null),
    makeup: values.makeup,
    term_average: computed.termAverage,
    term_result: computed.termResult,
    teacher_comment: values.comment,
    updated_by: updatedBy,
    updated_at: new Date(),
  };
}

function gridContext(g: ClassGradebook, key: GridKey) {
  return { classId: g.cls.id, subjectCode: key.subjectCode, term: key.term, schoolYear: g.cls.school_year };
}

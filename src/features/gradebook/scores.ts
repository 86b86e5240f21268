import type { SaveGridInput } from '#contracts/gradebook.ts';
import {
  COMMENT_SUBJECT_ASSESSMENTS_PER_TERM,
  commentSubjectTermResult,
  type PassFail,
  parseScoreDetailed,
  requiredRegularAssessments,
  scoreProblem,
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

// The score grid of one class × subject × term (TT 22/2021 Điều 6, 7, 9): ĐĐGtx columns from the periods per
// year, one ĐĐGgk, one ĐĐGck, the computed ĐTBmhk (or Đạt / Chưa đạt) and the teacher's comment.

type Cell = number | PassFail | null;

interface GridKey {
  classId: string;
  subjectCode: string;
  term: number;
}

interface Values {
  regular: Cell[];
  midterm: Cell;
  final: Cell;
  makeup: string[];
  comment: string | null;
}

async function loadSubjectAccess(ctx: ServiceContext, key: GridKey) {
  const g = await loadClassGradebook(ctx, key.classId);
  const subject = subjectOfClass(g.cls, key.subjectCode);
  const assignment = await ctx.db
    .selectFrom('teaching_assignments as a')
    .innerJoin('staff', 'staff.id', 'a.teacher_id')
    .select(['a.teacher_id', 'a.periods_per_year', 'staff.full_name'])
    .where('a.unit_id', '=', g.cls.unit_id)
    .where('a.class_id', '=', g.cls.id)
    .where('a.subject_code', '=', key.subjectCode)
    .executeTakeFirst();
  const teaches = Boolean(assignment && g.enter && g.staffIds.includes(assignment.teacher_id));
  // Leaders and the homeroom teacher read the class's scores; only the assigned teacher enters them.
  if (!teaches && !g.readAll && !g.homeroom) throw forbidden();
  const periodsPerYear = assignment?.periods_per_year ?? subject.periodsPerYear;
  const regularCount = requiredRegularAssessments({ periodsPerYear, kind: subject.kind });
  return { g, subject, assignment, teaches, periodsPerYear, regularCount };
}

export async function getGrid(ctx: ServiceContext, key: GridKey) {
  const { g, subject, assignment, teaches, periodsPerYear, regularCount } = await loadSubjectAccess(ctx, key);
  const [roster, stored, lock] = await Promise.all([
    rosterOf(ctx, g.cls),
    storedRows(ctx, g, key),
    lockState(ctx, g.cls, key.term, key.subjectCode),
  ]);
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
      };
    }),
    lock,
    canEdit: teaches && lock.open,
    canManage: g.manage,
  };
}

type StoredRow = Awaited<ReturnType<typeof storedRows>> extends Map<string, infer R> ? R : never;

async function storedRows(ctx: ServiceContext, g: ClassGradebook, key: GridKey) {
  const rows = await ctx.db
    .selectFrom('subject_scores')
    .selectAll()
    .where('unit_id', '=', g.cls.unit_id)
    .where('school_year', '=', g.cls.school_year)
    .where('class_id', '=', g.cls.id)
    .where('subject_code', '=', key.subjectCode)
    .where('term', '=', key.term)
    .execute();
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

/** Column names as printed on the gradebook, for error messages. */
function columnLabel(column: string): string {
  if (column === 'midterm') return 'ĐĐGgk';
  if (column === 'final') return 'ĐĐGck';
  if (column === 'comment') return 'Nhận xét';
  if (column === 'makeup') return 'Kiểm tra bù';
  return `ĐĐGtx${column.split(':')[1]}`;
}

const PASS_WORDS = new Set(['đ', 'đạt', 'd', 'dat', 'pass']);
const FAIL_WORDS = new Set(['cđ', 'chưa đạt', 'cd', 'chua dat', 'fail']);

/** Reads one typed cell; returns the value or the Vietnamese reason it is not acceptable. */
function parseCell(
  raw: number | string | null,
  kind: 'score' | 'comment',
): { value: Cell } | { error: string } {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { value: null };
  if (kind === 'comment') {
    const word = String(raw).trim().toLowerCase().normalize('NFC');
    if (PASS_WORDS.has(word)) return { value: 'pass' };
    if (FAIL_WORDS.has(word)) return { value: 'fail' };
    return {
      error: `"${raw}" không hợp lệ; môn đánh giá bằng nhận xét chỉ nhận Đ (Đạt) hoặc CĐ (Chưa đạt).`,
    };
  }
  if (typeof raw === 'number') {
    const problem = scoreProblem(raw);
    return problem ? { error: problem } : { value: raw };
  }
  const parsed = parseScoreDetailed(raw);
  return parsed.ok ? { value: parsed.score } : { error: parsed.reason };
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
 * 400 names each bad cell by row number (the order shown), student and column. Rows whose cells did not change are
 * not touched; each changed cell gets an audit row with its old and new value.
 */
export async function saveGrid(ctx: ServiceContext, key: GridKey, input: SaveGridInput) {
  const { g, subject, teaches, regularCount } = await loadSubjectAccess(ctx, key);
  if (!teaches) {
    throw forbidden('Chỉ giáo viên được phân công dạy môn này ở lớp này mới nhập điểm.');
  }
  const kind = subject.kind;
  const roster = await rosterOf(ctx, g.cls);
  const position = new Map(roster.map((s, i) => [s.studentId, { row: i + 1, name: s.fullName }]));
  const fields: Record<string, string> = {};
  const parsed: { studentId: string; values: Values }[] = [];
  const validColumns = new Set([
    ...Array.from({ length: regularCount }, (_, i) => `regular:${i + 1}`),
    'midterm',
    'final',
  ]);

  input.rows.forEach((row, index) => {
    const at = position.get(row.studentId);
    if (!at) {
      fields[`rows.${index}`] = `Học sinh ở dòng dữ liệu ${index + 1} không thuộc lớp ${g.cls.name}.`;
      return;
    }
    const where = (column: string) => `Dòng ${at.row} (${at.name}), cột ${columnLabel(column)}`;
    const read = (raw: number | string | null, column: string): Cell => {
      const cell = parseCell(raw, kind);
      if ('error' in cell) {
        fields[`rows.${at.row}.${column}`] = `${where(column)}: ${cell.error}`;
        return null;
      }
      return cell.value;
    };
    row.regular.forEach((raw, i) => {
      if (i >= regularCount && raw !== null && String(raw).trim() !== '') {
        fields[`rows.${at.row}.regular:${i + 1}`] =
          `${where(`regular:${i + 1}`)}: môn này chỉ có ${regularCount} điểm ĐĐGtx mỗi học kì.`;
      }
    });
    const regular = Array.from({ length: regularCount }, (_, i) =>
      read(row.regular[i] ?? null, `regular:${i + 1}`),
    );
    const midterm = read(row.midterm, 'midterm');
    const final = read(row.final, 'final');
    for (const flag of row.makeup) {
      if (!validColumns.has(flag)) {
        fields[`rows.${at.row}.makeup`] = `${where('makeup')}: không có cột "${flag}".`;
      }
    }
    const comment = row.comment?.trim() ? row.comment.trim() : null;
    parsed.push({
      studentId: row.studentId,
      values: { regular, midterm, final, makeup: [...new Set(row.makeup)], comment },
    });
  });
  const problems = Object.keys(fields).length;
  if (problems > 0) {
    throw new AppError(
      'validation_failed',
      `Có ${problems} ô không hợp lệ; chưa lưu điểm nào. Sửa các ô được đánh dấu rồi lưu lại.`,
      fields,
    );
  }

  return inTransaction(ctx, async (trx) => {
    // The lock is read inside the transaction so a lock set while the teacher typed still applies.
    const lock = await lockState(trx, g.cls, key.term, key.subjectCode);
    if (!lock.open) throw new AppError('conflict', lock.message as string);
    const stored = await storedRows(trx, g, key);
    const changes: { studentId: string; values: Values; before: Record<string, unknown> }[] = [];
    const audits: CellAudit[] = [];
    for (const { studentId, values } of parsed) {
      const old = stored.get(studentId);
      const before = cellsOf(
        old ? valuesOf(old, kind, regularCount) : emptyValues(regularCount),
        regularCount,
      );
      const after = cellsOf(values, regularCount);
      const changed = Object.keys(after).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
      );
      if (changed.length === 0) continue;
      changes.push({ studentId, values, before });
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
    if (changes.length > 0) {
      await trx.db
        .insertInto('subject_scores')
        .values(
          changes.map(({ studentId, values }) => {
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
              updated_by: ctx.actor.userId,
              updated_at: new Date(),
            };
          }),
        )
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
      await auditCells(trx, audits);
    }
    return { changedCells: audits.length, changedRows: changes.length };
  });
}

function gridContext(g: ClassGradebook, key: GridKey) {
  return { classId: g.cls.id, subjectCode: key.subjectCode, term: key.term, schoolYear: g.cls.school_year };
}

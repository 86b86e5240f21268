import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type ClassInfo, type CloseSummary, computeBatch, lastDayOfTerm1 } from './close.ts';
import type { ColumnBatch, StudentResultRow, SubjectYearRow } from './write.ts';
import { writeStudentResults, writeSubjectYearResults } from './write.ts';

/**
 * The year results of some students of one class recomputed by the year close's own code (`computeBatch`, the
 * TT22/TT27 rules of src/domain/grading): after a transcript (học bạ) correction changes a term score, the subject
 * year averages, the learning results, the award and the promotion are derived again instead of keeping the values
 * of the close (issue 11 §2). Only students whose year was closed are recomputed: before the close there is
 * nothing derived to keep up to date. Secondary classes only (TT22): a primary học bạ (TT27) prints evaluation
 * levels, not averages derived from term scores, and its awards are decided by the school, not by the close.
 */

export interface ClassOfResults extends ClassInfo {
  unit_id: string;
  school_year: string;
}

export interface RecomputedStudent {
  /** What the rules could not classify for lack of data ("Toán HK II: thiếu ĐĐGck"); empty when complete. */
  missing: string[];
  /** Term 1, term 2 and year (0) rows as the close writes them. */
  results: StudentResultRow[];
  subjects: SubjectYearRow[];
}

function rowsOf<Row extends object>(batch: ColumnBatch<Row>): Row[] {
  const names = Object.keys(batch.columns) as (keyof Row & string)[];
  const rows: Row[] = [];
  for (let i = 0; i < batch.length; i += 1) {
    rows.push(Object.fromEntries(names.map((n) => [n, batch.columns[n][i]])) as Row);
  }
  return rows;
}

async function yearClosed(db: Kysely<DB>, cls: ClassOfResults, studentIds: readonly string[]) {
  if (studentIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('student_results')
    .select('student_id')
    .where('unit_id', '=', cls.unit_id)
    .where('school_year', '=', cls.school_year)
    .where('class_id', '=', cls.id)
    .where('term', '=', 0)
    .where('student_id', 'in', studentIds)
    .execute();
  return new Set(rows.map((r) => r.student_id));
}

async function compute(db: Kysely<DB>, cls: ClassOfResults, students: ReadonlySet<string>) {
  const input = {
    unitId: cls.unit_id,
    schoolYear: cls.school_year,
    scope: 'year' as const,
    classId: cls.id,
  };
  const summary: CloseSummary = {
    scope: 'year',
    schoolYear: cls.school_year,
    classes: 1,
    students: 0,
    classified: 0,
    incomplete: [],
  };
  const term1EndsOn = await lastDayOfTerm1(db, cls.unit_id, cls.school_year);
  const batch = { id: cls.id, name: cls.name, grade: cls.grade };
  const { out, modes } = await computeBatch(db, input, term1EndsOn, [batch], summary, students);
  return { input, out, modes, summary };
}

/** The recomputed results of these students (those whose year was closed), without writing anything. */
export async function recomputeYearResults(
  db: Kysely<DB>,
  cls: ClassOfResults,
  studentIds: readonly string[],
): Promise<Map<string, RecomputedStudent>> {
  const byStudent = new Map<string, RecomputedStudent>();
  if (cls.grade < 6) return byStudent;
  const closed = await yearClosed(db, cls, studentIds);
  if (closed.size === 0) return byStudent;
  const { out, summary } = await compute(db, cls, closed);
  for (const id of closed) byStudent.set(id, { missing: [], results: [], subjects: [] });
  for (const row of rowsOf(out.resultRows)) byStudent.get(row.student_id)?.results.push(row);
  for (const row of rowsOf(out.subjectRows)) byStudent.get(row.student_id)?.subjects.push(row);
  for (const s of summary.incomplete) byStudent.get(s.studentId)?.missing.push(...s.missing);
  return byStudent;
}

/**
 * Recomputes and stores the year results of these students, as a re-run of the year close would (re-test scores
 * and summer conduct kept). A student the rules cannot classify (a required assessment missing) keeps the stored
 * results: writing the close's empty row would erase what the school decided; the caller reports what is missing.
 */
export async function storeRecomputedYearResults(
  db: Kysely<DB>,
  cls: ClassOfResults,
  studentIds: readonly string[],
): Promise<Map<string, RecomputedStudent>> {
  const recomputed = await recomputeYearResults(db, cls, studentIds);
  const complete = new Set([...recomputed].filter(([, r]) => r.missing.length === 0).map(([id]) => id));
  if (complete.size === 0) return recomputed;
  const { input, out } = await compute(db, cls, complete);
  await writeStudentResults(db, 'upsert', input, out.resultRows);
  await writeSubjectYearResults(db, 'upsert', input, out.subjectRows);
  return recomputed;
}

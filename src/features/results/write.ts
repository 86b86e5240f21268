import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { currentEnrolments } from '../roster/queries.ts';

type PgType = 'uuid' | 'text' | 'int' | 'numeric';

/** The school and school year every row of one write belongs to: a close writes one school's year at a time. */
export interface ResultScope {
  unitId: string;
  schoolYear: string;
}

/** A student's term (1, 2) or year (0) result as the close writes it. */
export interface StudentResultRow {
  term: 0 | 1 | 2;
  class_id: string;
  student_id: string;
  learning_result: string | null;
  conduct_result: string | null;
  absent_sessions: number;
  promotion: string | null;
  award: string | null;
  final_promotion: string | null;
  learning_after_retest: string | null;
  primary_outcome_after_support: string | null;
  primary_outcome: string | null;
}

/** A subject's year result (ĐTBmcn or Đạt/Chưa đạt) of a student. */
export interface SubjectYearRow {
  class_id: string;
  student_id: string;
  subject_code: string;
  year_average: number | null;
  year_result: string | null;
}

/**
 * Rows kept as one array per column, ready to be sent as array parameters: a province close writes two million
 * rows, and an object per row read back column by column cost more than computing the results.
 */
export class ColumnBatch<Row extends object> {
  readonly columns: Record<keyof Row & string, unknown[]>;
  length = 0;

  constructor(readonly types: Readonly<Record<keyof Row & string, PgType>>) {
    this.columns = Object.fromEntries(Object.keys(types).map((name) => [name, []])) as never;
  }

  add(row: Row): void {
    for (const name in this.columns) this.columns[name as keyof Row & string].push(row[name as keyof Row]);
    this.length += 1;
  }
}

export const studentResultBatch = () =>
  new ColumnBatch<StudentResultRow>({
    term: 'int',
    class_id: 'uuid',
    student_id: 'uuid',
    learning_result: 'text',
    conduct_result: 'text',
    absent_sessions: 'int',
    promotion: 'text',
    award: 'text',
    final_promotion: 'text',
    learning_after_retest: 'text',
    primary_outcome_after_support: 'text',
    primary_outcome: 'text',
  });

export const subjectYearBatch = () =>
  new ColumnBatch<SubjectYearRow>({
    class_id: 'uuid',
    student_id: 'uuid',
    subject_code: 'text',
    year_average: 'numeric',
    year_result: 'text',
  });

/** What an array element can be written as without quotes (and is not the word NULL). */
const BARE_ELEMENT = /^(?!null$)[\w.:-]+$/i;

/**
 * The text of a PostgreSQL array ('{a,b,NULL}') for a `$1::uuid[]` parameter. node-postgres would escape every
 * element of a JavaScript array with two regular expressions; uuids and numbers never need it (`bare`), and text
 * is quoted only when it is more than a code.
 */
export function arrayLiteral(values: readonly unknown[], bare = false): string {
  const elements = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (value === null || value === undefined) elements[i] = 'NULL';
    else {
      const text = String(value);
      elements[i] = bare || BARE_ELEMENT.test(text) ? text : `"${text.replace(/["\\]/g, '\\$&')}"`;
    }
  }
  return `{${elements.join(',')}}`;
}

/**
 * How rows meet the table: `insert` when none of the batch's students has results of the year yet (a first close;
 * a plain insert is a third faster than an upsert), `upsert` on a re-run — conflicting on `key`, updating `update`.
 */
export type WriteMode = 'insert' | 'upsert';

interface Target {
  table: 'student_results' | 'subject_year_results';
  key: readonly string[];
  update: readonly string[];
}

/**
 * One `insert … select from unnest(…)` for rows `from`–`to` of a batch: a parameter per column however many rows,
 * so the close writes a school's results in a few statements instead of one per student. On conflict, columns not
 * in `update` keep their value — the re-test scores and the summer conduct survive a re-run of the year close —
 * and a re-run (after one correction) rewrites only the rows whose results changed.
 */
async function writeSlice<Row extends object>(
  db: Kysely<DB>,
  { table, key, update }: Target,
  mode: WriteMode,
  scope: ResultScope,
  batch: ColumnBatch<Row>,
  range: { from: number; to: number },
): Promise<void> {
  const names = Object.keys(batch.types) as (keyof Row & string)[];
  const aliases = names.map((_, i) => sql.ref(`c${i}`));
  const arrays = names.map((name) => {
    const type = batch.types[name];
    const values = batch.columns[name].slice(range.from, range.to);
    return sql`${arrayLiteral(values, type !== 'text')}::${sql.raw(type)}[]`;
  });
  const insert = sql`insert into ${sql.table(table)} (unit_id, school_year, ${sql.join(names.map((n) => sql.ref(n)))})
    select ${scope.unitId}::uuid, ${scope.schoolYear}::text, ${sql.join(aliases)}
    from unnest(${sql.join(arrays)}) as t(${sql.join(aliases)})`;
  if (mode === 'insert') {
    await insert.execute(db);
    return;
  }
  const sets = update.map((name) => sql`${sql.ref(name)} = excluded.${sql.ref(name)}`);
  if (table === 'student_results') sets.push(sql`computed_at = now()`);
  const current = update.map((name) => sql`${sql.table(table)}.${sql.ref(name)}`);
  const incoming = update.map((name) => sql`excluded.${sql.ref(name)}`);
  await sql`${insert}
    on conflict (${sql.join(key.map((c) => sql.ref(c)))}) do update set ${sql.join(sets)}
    where (${sql.join(current)}) is distinct from (${sql.join(incoming)})`.execute(db);
}

async function writeBatch<Row extends object>(
  db: Kysely<DB>,
  target: Target,
  mode: WriteMode,
  scope: ResultScope,
  batch: ColumnBatch<Row>,
): Promise<void> {
  // Statements of ten thousand rows: large enough to amortise a round trip, small enough to keep memory flat.
  for (let from = 0; from < batch.length; from += 10_000) {
    const range = { from, to: Math.min(from + 10_000, batch.length) };
    await writeSlice(db, target, mode, scope, batch, range);
  }
}

const STUDENT_RESULTS: Target = {
  table: 'student_results',
  key: ['student_id', 'school_year', 'term'],
  update: [
    'unit_id',
    'class_id',
    'learning_result',
    'conduct_result',
    'absent_sessions',
    'promotion',
    'award',
    'final_promotion',
    'learning_after_retest',
    'primary_outcome_after_support',
    'primary_outcome',
  ],
};

const SUBJECT_YEAR_RESULTS: Target = {
  table: 'subject_year_results',
  key: ['student_id', 'school_year', 'subject_code'],
  update: ['unit_id', 'class_id', 'year_average', 'year_result'],
};

export function writeStudentResults(
  db: Kysely<DB>,
  mode: WriteMode,
  scope: ResultScope,
  batch: ColumnBatch<StudentResultRow>,
) {
  return writeBatch(db, STUDENT_RESULTS, mode, scope, batch);
}

export function writeSubjectYearResults(
  db: Kysely<DB>,
  mode: WriteMode,
  scope: ResultScope,
  batch: ColumnBatch<SubjectYearRow>,
) {
  return writeBatch(db, SUBJECT_YEAR_RESULTS, mode, scope, batch);
}

/** Whether any student enrolled in these classes already has results of the year in each table (see WriteMode). */
export async function existingResults(db: Kysely<DB>, scope: ResultScope, classIds: readonly string[]) {
  // Driven from the batch's enrolments, probing each table's primary key (student first): on a first close nothing
  // matches, and a semi-join the other way round scanned every result row of the province to prove it.
  const anyIn = (table: Target['table']) =>
    currentEnrolments(db, scope.unitId)
      .select('e.student_id')
      .where('e.class_id', 'in', classIds)
      .where((eb) =>
        eb.exists(
          // scope: by student across units — a transferred student's rows elsewhere would make an insert collide.
          eb
            .selectFrom(table)
            .select('student_id')
            .whereRef('student_id', '=', 'e.student_id')
            .where('school_year', '=', scope.schoolYear),
        ),
      );
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(anyIn('student_results')).as('studentResults'),
      eb.exists(anyIn('subject_year_results')).as('subjectResults'),
    ])
    .executeTakeFirstOrThrow();
  const mode = (exists: unknown): WriteMode => (exists === true || exists === 1 ? 'upsert' : 'insert');
  return { studentResults: mode(row.studentResults), subjectResults: mode(row.subjectResults) };
}

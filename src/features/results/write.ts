import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

type PgType = 'uuid' | 'text' | 'int' | 'numeric';

/**
 * One `insert … select from unnest(…) on conflict do update` for a whole batch: a parameter per column however many
 * rows, so the close writes a school's results in a few statements instead of one per student (same idea as the
 * demo seeder's unnest writer). Columns not in `update` keep their value on conflict — the re-test scores and the
 * summer conduct survive a re-run of the year close.
 */
export async function upsertRows(
  db: Kysely<DB>,
  table: 'student_results' | 'subject_year_results',
  columns: readonly (readonly [string, PgType])[],
  rows: readonly Record<string, unknown>[],
  conflict: readonly string[],
  update: readonly string[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => sql.ref(name));
  const aliases = columns.map((_, i) => sql.ref(`c${i}`));
  const arrays = columns.map(
    ([name, type]) => sql`${arrayLiteral(rows.map((row) => row[name]))}::${sql.raw(type)}[]`,
  );
  const sets = update.map((name) => sql`${sql.ref(name)} = excluded.${sql.ref(name)}`);
  if (table === 'student_results') sets.push(sql`computed_at = now()`);
  // A re-run (after one correction) rewrites only the rows whose results changed.
  const current = update.map((name) => sql`${sql.table(table)}.${sql.ref(name)}`);
  const incoming = update.map((name) => sql`excluded.${sql.ref(name)}`);
  await sql`insert into ${sql.table(table)} (${sql.join(names)})
    select ${sql.join(aliases)} from unnest(${sql.join(arrays)}) as t(${sql.join(aliases)})
    on conflict (${sql.join(conflict.map((c) => sql.ref(c)))}) do update set ${sql.join(sets)}
    where (${sql.join(current)}) is distinct from (${sql.join(incoming)})`.execute(db);
}

/** What an array element can be written as without quotes (and is not the word NULL). */
const BARE_ELEMENT = /^(?!null$)[\w.:-]+$/i;

/**
 * The text of a PostgreSQL array ('{a,b,NULL}') for a `$1::uuid[]` parameter. node-postgres would escape every
 * element of a JavaScript array with two regular expressions; the close passes millions of uuids, numbers and codes
 * that need no quoting, so only anything else is quoted.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  const elements = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (value === null || value === undefined) {
      elements[i] = 'NULL';
      continue;
    }
    const text = String(value);
    elements[i] = BARE_ELEMENT.test(text) ? text : `"${text.replace(/["\\]/g, '\\$&')}"`;
  }
  return `{${elements.join(',')}}`;
}

export const STUDENT_RESULT_COLUMNS = [
  ['unit_id', 'uuid'],
  ['school_year', 'text'],
  ['term', 'int'],
  ['class_id', 'uuid'],
  ['student_id', 'uuid'],
  ['learning_result', 'text'],
  ['conduct_result', 'text'],
  ['absent_sessions', 'int'],
  ['promotion', 'text'],
  ['award', 'text'],
  ['final_promotion', 'text'],
  ['primary_outcome', 'text'],
] as const;

export const SUBJECT_YEAR_COLUMNS = [
  ['unit_id', 'uuid'],
  ['school_year', 'text'],
  ['class_id', 'uuid'],
  ['student_id', 'uuid'],
  ['subject_code', 'text'],
  ['year_average', 'numeric'],
  ['year_result', 'text'],
] as const;

export async function upsertStudentResults(db: Kysely<DB>, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += 5000) {
    await upsertRows(
      db,
      'student_results',
      STUDENT_RESULT_COLUMNS,
      rows.slice(i, i + 5000),
      ['student_id', 'school_year', 'term'],
      [
        'unit_id',
        'class_id',
        'learning_result',
        'conduct_result',
        'absent_sessions',
        'promotion',
        'award',
        'final_promotion',
        'primary_outcome',
      ],
    );
  }
}

export async function upsertSubjectYearResults(db: Kysely<DB>, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += 10000) {
    await upsertRows(
      db,
      'subject_year_results',
      SUBJECT_YEAR_COLUMNS,
      rows.slice(i, i + 10000),
      ['student_id', 'school_year', 'subject_code'],
      ['unit_id', 'class_id', 'year_average', 'year_result'],
    );
  }
}

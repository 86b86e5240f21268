import type { ColumnType, Generated } from 'kysely';

// Column types shared by the table declarations. Dates are 'YYYY-MM-DD' strings and int8/numeric are numbers
// (see database.ts).

export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string | undefined | null, string | null>;
export type Id = Generated<string>;
export type NumericArray = ColumnType<(number | null)[], (number | null)[] | undefined, (number | null)[]>;
export type TextArray = ColumnType<(string | null)[], (string | null)[] | undefined, (string | null)[]>;

/*
 * Each table is declared once, as a run-time description of its columns; its Kysely type is derived from it.
 * Types are erased at run time, so this description is what src/platform/db/schema-drift.test.ts compares with
 * the migrated database: the columns, which of them may be null, and the values each CHECK (… in (…)) allows.
 * An enum column takes its values from the `as const` list in src/contracts or src/domain that the API and the
 * rules use, so the list, the column type and (through the drift test) the migration cannot disagree.
 */

declare const kyselyType: unique symbol;

/** One column: whether the database allows null, the values of its CHECK list if it has one, and (type only) its Kysely type. */
export interface Column<T> {
  readonly nullable: boolean;
  readonly values?: readonly string[];
  readonly [kyselyType]?: T;
}

export type TableColumns = Record<string, Column<unknown>>;

/** The Kysely row type of a table description. */
export type TableType<D extends TableColumns> = {
  -readonly [K in keyof D]: D[K] extends Column<infer T> ? T : never;
};

/** The Kysely table types of a group of table descriptions (keyed by table name). */
export type TablesType<G extends Record<string, TableColumns>> = {
  -readonly [K in keyof G]: TableType<G[K]>;
};

const column = <T>(values?: readonly string[]): Column<T> =>
  values ? { nullable: false, values } : { nullable: false };

/** Column constructors, by Kysely type; `text` also serves uuid and date columns. Every one is `not null`. */
export const col = {
  id: () => column<Id>(),
  text: () => column<string>(),
  number: () => column<number>(),
  boolean: () => column<boolean>(),
  timestamp: () => column<Date>(),
  createdAt: () => column<CreatedAt>(),
  updatedAt: () => column<UpdatedAt>(),
  json: () => column<Json>(),
  bytes: () => column<Uint8Array>(),
  numericArray: () => column<NumericArray>(),
  textArray: () => column<TextArray>(),
  /** A column with another Kysely type (an array with a default, …). */
  typed: <T>() => column<T>(),
  /** A text column whose CHECK allows exactly `values`. */
  oneOf: <const V extends readonly string[]>(values: V) => column<V[number]>(values),
  /**
   * A text[] column whose CHECK (column <@ array[…]) allows only `values` as elements. Typed as plain text for
   * now: the score grid (gradebook/scores.ts) writes the cells it parsed as strings.
   */
  textArrayOf: (values: readonly string[]) => column<TextArray>(values),
};

/** The column allows null. */
export const nullable = <T>(c: Column<T>): Column<T | null> => ({ ...c, nullable: true }) as Column<T | null>;

/** The column has a default, so an insert may leave it out. */
export const withDefault = <T>(c: Column<T>): Column<Generated<T>> => c as Column<Generated<T>>;

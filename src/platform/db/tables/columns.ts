import type { ColumnType, Generated } from 'kysely';

// Column types shared by the table declarations. Dates are 'YYYY-MM-DD' strings and int8/numeric are numbers
// (see database.ts).

export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string | undefined | null, string | null>;
export type Id = Generated<string>;
export type Level4 = 'excellent' | 'good' | 'pass' | 'fail';
export type PassFail = 'pass' | 'fail';
export type NumericArray = ColumnType<(number | null)[], (number | null)[] | undefined, (number | null)[]>;
export type TextArray = ColumnType<(string | null)[], (string | null)[] | undefined, (string | null)[]>;

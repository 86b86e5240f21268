import type { Insertable, Selectable, Updateable } from 'kysely';
import { type AssessmentTables, assessmentTables } from './tables/assessments.ts';
import type { TableColumns } from './tables/columns.ts';
import { type FoundationTables, foundationTables } from './tables/foundation.ts';
import { type GradebookTables, gradebookTables } from './tables/gradebook.ts';
import { type NotificationTables, notificationTables } from './tables/notifications.ts';
import { type PeopleTables, peopleTables } from './tables/people.ts';
import { type PlatformTables, platformTables } from './tables/platform.ts';
import { type QuestionBankTables, questionBankTables } from './tables/question-bank.ts';

// Kysely table types. Each feature area describes its tables in one file under tables/ (columns, nullability,
// enum values, see tables/columns.ts); the types are derived from those descriptions and DB joins them.
// schema-drift.test.ts compares the descriptions with the migrated database.

export type * from './tables/assessments.ts';
export type * from './tables/foundation.ts';
export type * from './tables/gradebook.ts';
export type * from './tables/notifications.ts';
export type * from './tables/people.ts';
export type * from './tables/platform.ts';
export type * from './tables/question-bank.ts';

export interface DB
  extends FoundationTables,
    PeopleTables,
    PlatformTables,
    GradebookTables,
    AssessmentTables,
    NotificationTables,
    QuestionBankTables {}

/** The run-time description of every table of DB (the drift test reads it). */
export const TABLES: { readonly [T in keyof DB]: TableColumns } = {
  ...foundationTables,
  ...peopleTables,
  ...platformTables,
  ...gradebookTables,
  ...assessmentTables,
  ...notificationTables,
  ...questionBankTables,
};

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>;

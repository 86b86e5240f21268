import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AssessmentTables } from './tables/assessments.ts';
import type { FoundationTables } from './tables/foundation.ts';
import type { GradebookTables } from './tables/gradebook.ts';
import type { PeopleTables } from './tables/people.ts';
import type { PlatformTables } from './tables/platform.ts';

// Kysely table types. Each feature area declares its tables in one file under tables/; DB joins them.

export type * from './tables/assessments.ts';
export type * from './tables/foundation.ts';
export type * from './tables/gradebook.ts';
export type * from './tables/people.ts';
export type * from './tables/platform.ts';

export interface DB
  extends FoundationTables,
    PeopleTables,
    PlatformTables,
    GradebookTables,
    AssessmentTables {}

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>;

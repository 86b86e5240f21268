import type { Kysely } from 'kysely';
import type { DB, Row } from '../../platform/db/schema.ts';

export type TranscriptRow = Row<'transcripts'>;

/** Every version of the transcripts of a class and school year, oldest version first. */
export function transcriptsOfClass(db: Kysely<DB>, unitId: string, classId: string, schoolYear: string) {
  return db
    .selectFrom('transcripts')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('class_id', '=', classId)
    .where('school_year', '=', schoolYear)
    .orderBy('version')
    .execute();
}

/** The version in force per student: the newest one not superseded. */
export function currentVersions(rows: readonly TranscriptRow[]): Map<string, TranscriptRow> {
  const current = new Map<string, TranscriptRow>();
  for (const row of rows) if (row.status !== 'superseded') current.set(row.student_id, row);
  return current;
}

export function findTranscript(db: Kysely<DB>, id: string) {
  return (
    db
      // scope: loaded by id to find its class; the caller checks access on the class's school before using it.
      .selectFrom('transcripts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
  );
}

/** Names of the signers (homeroom teacher, principal): the assessments feature's lookup. */
export { userNames } from '../dx-assessments/queries.ts';

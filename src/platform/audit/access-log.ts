import type { ServiceContext } from '../context.ts';
import type { DataAccessLogTable } from '../db/schema.ts';

export interface PersonalDataAccess {
  unitId: string;
  subjectKind: DataAccessLogTable['subject_kind'];
  subjectIds: readonly string[];
  action: DataAccessLogTable['action'];
  detail?: string;
}

/** Records who viewed, exported or erased a person's data (Law 91/2025/QH15; Decree 356/2025). */
export async function logPersonalDataAccess(ctx: ServiceContext, access: PersonalDataAccess): Promise<void> {
  if (access.subjectIds.length === 0) return;
  await ctx.db
    .insertInto('data_access_log')
    .values(
      access.subjectIds.map((subjectId) => ({
        actor_user_id: ctx.actor.userId || null,
        unit_id: access.unitId,
        subject_kind: access.subjectKind,
        subject_id: subjectId,
        action: access.action,
        detail: access.detail ?? null,
      })),
    )
    .execute();
}

import { z } from 'zod';
import { isoDate, line, pageOf, pageQuery } from '#contracts/common.ts';

/** Whose personal data was looked at, and what was done with it (data_access_log). */
export const DATA_SUBJECT_KINDS = ['student', 'staff', 'guardian'] as const;
export const DATA_ACCESS_ACTIONS = ['view', 'export', 'erase', 'list_export'] as const;

const logFilter = pageQuery.extend({
  unitId: z.uuid('Chọn đơn vị.'),
  /** Username (or part of the name) of who acted, or their user id. */
  actor: line('Người thực hiện').max(100).optional(),
  /** Calendar days in Vietnam (UTC+7), both inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditQuery = logFilter.extend({ entity: z.string().trim().max(50).optional() });
export type AuditQuery = z.infer<typeof auditQuery>;

export const dataAccessQuery = logFilter.extend({
  subjectKind: z.enum(DATA_SUBJECT_KINDS).optional(),
});
export type DataAccessQuery = z.infer<typeof dataAccessQuery>;

const actorSchema = z.object({ id: z.uuid(), username: z.string(), fullName: z.string() }).nullable();

export const auditEntrySchema = z.object({
  id: z.uuid(),
  occurredAt: z.string(),
  /** Null for changes made by the system or the command line. */
  actor: actorSchema,
  unitId: z.uuid(),
  unitName: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const dataAccessEntrySchema = z.object({
  id: z.uuid(),
  occurredAt: z.string(),
  actor: actorSchema,
  unitId: z.uuid(),
  unitName: z.string(),
  subjectKind: z.enum(DATA_SUBJECT_KINDS),
  subjectId: z.uuid(),
  /** The person's name, while the record exists. */
  subjectName: z.string().nullable(),
  action: z.enum(DATA_ACCESS_ACTIONS),
  detail: z.string().nullable(),
});
export type DataAccessEntry = z.infer<typeof dataAccessEntrySchema>;

export const auditPageSchema = pageOf(auditEntrySchema);
export const dataAccessPageSchema = pageOf(dataAccessEntrySchema);

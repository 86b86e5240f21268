import { z } from 'zod';
import { AUDIT_AREAS } from '#contracts/audit-labels.ts';
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

export const auditQuery = logFilter.extend({
  entity: z.string().trim().max(50).optional(),
  /** An area of work (scores, attendance, conduct…): the entities of AUDIT_AREA_ENTITIES. */
  area: z.enum(AUDIT_AREAS, 'Chọn lĩnh vực trong danh sách.').optional(),
});
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
  /** The entity and action in Vietnamese (audit-labels.ts). */
  entityLabel: z.string(),
  actionLabel: z.string(),
  /** Where a cell change happened ("Môn Toán · Học kì I · năm học 2025-2026"), for score/attendance/conduct rows. */
  context: z.string().nullable(),
  /** Old → new in words (audit-words.ts): field names in Vietnamese, dates dd/mm/yyyy, decimals "7,5", enums. */
  changes: z.array(
    z.object({
      field: z.string(),
      label: z.string(),
      before: z.string().nullable(),
      after: z.string().nullable(),
    }),
  ),
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
  actionLabel: z.string(),
  subjectKindLabel: z.string(),
  /** The detail code in words ("Sổ liên lạc"); free text (an erasure's reason) as written. */
  detailLabel: z.string().nullable(),
});
export type DataAccessEntry = z.infer<typeof dataAccessEntrySchema>;

export const auditPageSchema = pageOf(auditEntrySchema);
export const dataAccessPageSchema = pageOf(dataAccessEntrySchema);

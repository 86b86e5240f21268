import { z } from 'zod';
import {
  ASSESSMENT_STATUSES,
  campaignSchema,
  ITEM_PROGRESS,
  itemAnswerSchema,
} from '#contracts/dx-assessments/campaigns.ts';
import { assessmentResultSchema, groupLevelSchema } from '#contracts/dx-assessments/scoring.ts';
import { catalogueSchema } from '../../domain/assessment-catalogue/index.ts';

/** One unit's assessment: the school's self-assessment and the office's external review of it. */

const text = (max: number) => z.string().trim().max(max);

export const assessmentParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
export const itemParams = assessmentParams.extend({ itemId: text(64).min(1) });
export const evidenceParams = assessmentParams.extend({ evidenceId: z.uuid('Mã không hợp lệ.') });
export const metricParams = assessmentParams.extend({ metricId: text(64).min(1) });

/** A link, an uploaded file, a value the platform measured, or a written statement. */
export const EVIDENCE_KINDS = ['file', 'link', 'metric', 'text'] as const;

export const evidenceSchema = z.object({
  id: z.uuid(),
  itemId: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  fileId: z.uuid().nullable(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  url: z.string().nullable(),
  metricId: z.string().nullable(),
  /** The measured value when the metric was attached. */
  metricSummary: z.string().nullable(),
  description: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const assessmentItemSchema = z.object({
  itemId: z.string(),
  assigneeUserId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  answer: itemAnswerSchema.nullable(),
  note: z.string().nullable(),
  progress: z.enum(ITEM_PROGRESS),
  /** The claim's version (0 before the first claim): sent back with a save, see saveItemBody. */
  version: z.number().int(),
  agreedAnswer: itemAnswerSchema.nullable(),
  externalComment: z.string().nullable(),
  returnComment: z.string().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string().nullable(),
  evidence: z.array(evidenceSchema),
});
export type AssessmentItem = z.infer<typeof assessmentItemSchema>;

export const measureSchema = z.object({
  metricId: z.string(),
  label: z.string(),
  /** False when no feature measures this metric yet ("chưa đo được"). */
  available: z.boolean(),
  kind: z.enum(['ratio', 'count']).nullable(),
  value: z.number().nullable(),
  summary: z.string(),
});
export type Measure = z.infer<typeof measureSchema>;

export const assessmentEventSchema = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  comment: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});

export const assessmentDetailSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  campaign: campaignSchema.omit({ units: true, submitted: true, recognised: true }),
  catalogue: catalogueSchema,
  items: z.array(assessmentItemSchema),
  measures: z.array(measureSchema),
  selfResult: assessmentResultSchema.nullable(),
  externalResult: assessmentResultSchema.nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  recognisedLevel: z.number().nullable(),
  recognisedLabel: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  events: z.array(assessmentEventSchema),
  /** What the caller may do now, so the UI shows only the actions that work. */
  can: z.object({
    editItems: z.array(z.string()),
    assign: z.boolean(),
    approve: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    documents: z.boolean(),
  }),
});
export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;

export const assessmentSummarySchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  campaignId: z.uuid(),
  campaignTitle: z.string(),
  schoolYear: z.string(),
  officeName: z.string(),
  submissionDeadline: z.string(),
  catalogueTitle: z.string(),
  itemsDone: z.number().int(),
  itemsTotal: z.number().int(),
  assignedToMe: z.number().int(),
  recognisedLevel: z.number().nullable(),
  recognisedLabel: z.string().nullable(),
  groups: z.array(groupLevelSchema),
});
export const listAssessmentsQuery = z.object({ unitId: z.uuid('Chọn đơn vị.') });

// ---- Self-assessment ----

export const saveItemBody = z.object({
  answer: itemAnswerSchema.nullable(),
  note: text(4000).nullable().optional(),
  progress: z.enum(ITEM_PROGRESS).optional(),
  /**
   * The criterion's `version` as the client loaded it (0 for one never claimed). A save over a claim changed since
   * (another version, and a different answer, note or progress) is a 409 whose details name the criterion and its
   * claim now (itemConflictsSchema); nothing is written. Sending the version from the 409 saves over it knowingly.
   */
  version: z.number().int().min(0),
});
export type SaveItemInput = z.infer<typeof saveItemBody>;

/** The `details` of a 409 when a save would overwrite a claim someone else changed after the client loaded it. */
export const itemConflictsSchema = z.object({
  conflicts: z.array(
    z.object({
      itemId: z.string(),
      itemTitle: z.string(),
      /** The claim stored now, and its version (send it to save over this claim). */
      version: z.number().int(),
      answer: itemAnswerSchema.nullable(),
      note: z.string().nullable(),
      progress: z.enum(ITEM_PROGRESS),
      updatedByName: z.string().nullable(),
      updatedAt: z.string().nullable(),
    }),
  ),
});
export type ItemConflict = z.infer<typeof itemConflictsSchema>['conflicts'][number];

export const assignItemBody = z.object({ userId: z.uuid().nullable() });
export const commentBody = z.object({ comment: text(4000).optional() });

export const addEvidenceBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('link'),
    url: z
      .url('Liên kết không hợp lệ (cần bắt đầu bằng http:// hoặc https://).')
      .max(2000)
      .refine((url) => /^https?:\/\//i.test(url), 'Liên kết cần bắt đầu bằng http:// hoặc https://.'),
    description: text(1000).optional(),
  }),
  z.object({ kind: z.literal('text'), description: text(4000).min(1, 'Nhập nội dung minh chứng.') }),
  z.object({ kind: z.literal('metric'), metricId: text(64).min(1), description: text(1000).optional() }),
]);
export type AddEvidenceInput = z.infer<typeof addEvidenceBody>;

export const metricDrillDownSchema = z.object({
  metricId: z.string(),
  label: z.string(),
  rows: z.array(z.object({ label: z.string(), detail: z.string().nullable(), ok: z.boolean() })),
});

// ---- External review ----

export const reviewItemBody = z.object({
  agreedAnswer: itemAnswerSchema.nullable().optional(),
  externalComment: text(4000).nullable().optional(),
});
export type ReviewItemInput = z.infer<typeof reviewItemBody>;

export const returnBody = z.object({
  comment: text(4000).min(1, 'Nhập nhận xét chung khi trả lại.'),
  items: z
    .array(z.object({ itemId: text(64).min(1), comment: text(2000).min(1, 'Nhập nhận xét cho tiêu chí.') }))
    .max(500)
    .default([]),
});
export type ReturnInput = z.infer<typeof returnBody>;

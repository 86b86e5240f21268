import { z } from 'zod';
import { isoDate } from '#contracts/common.ts';
import { groupLevelSchema } from '#contracts/dx-assessments/scoring.ts';
import { schoolYearCode } from '#contracts/units.ts';
import { CATALOGUE_SUBJECT_KINDS, catalogueSchema } from '../../domain/assessment-catalogue/index.ts';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '../../domain/dx-index/workflow.ts';

/**
 * Request and response shapes of criteria-based assessments (DX index first; quality accreditation and library
 * standards later). Shared with the web forms. Scoring results mirror `AssessmentResult` of the domain engine.
 */

export { ASSESSMENT_STATUSES, type AssessmentStatus };

/** Where a catalogue comes from: the ministry's national text, or a province's revised version imported from a file. */
export const CATALOGUE_SOURCES = ['national', 'imported'] as const;
/** A campaign is prepared (draft), runs (open), stops taking changes (closed), then its results are public. */
export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed', 'published'] as const;

export const ASSESSMENT_STATUS_LABEL_VI: Record<AssessmentStatus, string> = {
  not_started: 'Chưa bắt đầu',
  in_progress: 'Đang tự đánh giá',
  approved: 'Đã phê duyệt, chưa nộp',
  submitted: 'Đã nộp',
  returned: 'Bị trả lại',
  under_review: 'Đang đánh giá ngoài',
  assessed: 'Đã đánh giá ngoài',
  recognised: 'Đã công nhận',
};

/** A unit's position against the campaign calendar (campaign board, reminders). */
export const LATENESS = ['not_open', 'on_track', 'due_soon', 'late', 'review_overdue', 'done'] as const;
export type Lateness = (typeof LATENESS)[number];

export const TEAM_ROLES = ['head', 'deputy', 'secretary', 'member'] as const;

export const ITEM_PROGRESS = ['todo', 'in_progress', 'done'] as const;

const text = (max: number) => z.string().trim().max(max);
const uuidList = z.array(z.uuid()).max(5000);

// ---- Answers (the unit's claim or the office's agreed value for one criterion) ----

const measureShape = {
  points: z.number().min(-1000).max(10_000).optional(),
  ratio: z.number().min(0, 'Tỷ lệ từ 0 đến 1.').max(1, 'Tỷ lệ từ 0 đến 1.').optional(),
  percent: z.number().min(0, 'Tỷ lệ từ 0% đến 100%.').max(100, 'Tỷ lệ từ 0% đến 100%.').optional(),
  count: z.number().int('Số lượng là số nguyên.').min(0, 'Số lượng không âm.').optional(),
};
export const measureAnswerSchema = z.object(measureShape);
export const itemAnswerSchema = z.object({
  met: z.boolean().optional(),
  ...measureShape,
  subItems: z.record(z.string().max(64), z.union([z.number(), measureAnswerSchema])).optional(),
});
export type ItemAnswerInput = z.infer<typeof itemAnswerSchema>;

// ---- Catalogues ----

export const unitIdQuery = z.object({ unitId: z.uuid('Chọn đơn vị.') });
export const catalogueParams = z.object({ code: text(64).min(1), version: text(64).min(1) });
export const templateQuery = unitIdQuery.extend({
  code: text(64).min(1).optional(),
  version: text(64).min(1).optional(),
});

export const catalogueSummarySchema = z.object({
  /** Null for a national catalogue no campaign of this office's tree has used yet. */
  id: z.uuid().nullable(),
  code: z.string(),
  version: z.string(),
  title: z.string(),
  subjectKind: z.enum(CATALOGUE_SUBJECT_KINDS),
  source: z.enum(CATALOGUE_SOURCES),
  legalBasis: z.string().nullable(),
  publishedByUnitName: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** Criteria and sub-criteria rows, and how many are still marked "to verify". */
  rows: z.number().int(),
  rowsToVerify: z.number().int(),
});
export type CatalogueSummary = z.infer<typeof catalogueSummarySchema>;
export const catalogueDetailSchema = catalogueSummarySchema.extend({ content: catalogueSchema });

export const importIssueSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export const importCatalogueResponse = z.object({
  catalogue: catalogueSummarySchema,
  warnings: z.array(importIssueSchema),
});

// ---- Campaigns ----

const DATE_ORDER = [
  ['selfAssessmentStartsOn', 'Ngày bắt đầu tự đánh giá'],
  ['submissionDeadline', 'Hạn nộp kết quả tự đánh giá'],
  ['externalEndsOn', 'Ngày kết thúc đánh giá ngoài'],
  ['publicationOn', 'Ngày công khai kết quả'],
] as const;

export const campaignDatesSchema = z
  .object({
    selfAssessmentStartsOn: isoDate,
    submissionDeadline: isoDate,
    externalStartsOn: isoDate,
    externalEndsOn: isoDate,
    publicationOn: isoDate,
  })
  .superRefine((dates, ctx) => {
    for (let i = 1; i < DATE_ORDER.length; i++) {
      const [before, beforeLabel] = DATE_ORDER[i - 1] as (typeof DATE_ORDER)[number];
      const [field, label] = DATE_ORDER[i] as (typeof DATE_ORDER)[number];
      if (dates[field] < dates[before])
        ctx.addIssue({ code: 'custom', path: [field], message: `${label} không được trước ${beforeLabel}.` });
    }
    if (dates.externalEndsOn < dates.externalStartsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['externalEndsOn'],
        message: 'Ngày kết thúc đánh giá ngoài không được trước ngày bắt đầu.',
      });
  });
export type CampaignDates = z.infer<typeof campaignDatesSchema>;

export const createCampaignBody = z
  .object({
    unitId: z.uuid('Chọn đơn vị.'),
    catalogueCode: text(64).min(1, 'Chọn bộ tiêu chí.'),
    catalogueVersion: text(64).min(1, 'Chọn phiên bản bộ tiêu chí.'),
    schoolYear: schoolYearCode,
    title: text(300).min(3, 'Nhập tên đợt đánh giá.'),
    /** The units assessed; all the units of the catalogue's kind below the office when omitted. */
    unitIds: uuidList.optional(),
  })
  .and(campaignDatesSchema);
export type CreateCampaignInput = z.infer<typeof createCampaignBody>;

export const updateCampaignBody = z
  .object({ title: text(300).min(3, 'Nhập tên đợt đánh giá.') })
  .and(campaignDatesSchema);
export type UpdateCampaignInput = z.infer<typeof updateCampaignBody>;

export const campaignSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  catalogue: z.object({
    id: z.uuid(),
    code: z.string(),
    version: z.string(),
    title: z.string(),
    subjectKind: z.enum(CATALOGUE_SUBJECT_KINDS),
  }),
  schoolYear: z.string(),
  title: z.string(),
  selfAssessmentStartsOn: z.string(),
  submissionDeadline: z.string(),
  externalStartsOn: z.string(),
  externalEndsOn: z.string(),
  publicationOn: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  createdAt: z.string(),
  units: z.number().int(),
  submitted: z.number().int(),
  recognised: z.number().int(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const boardUnitSchema = z.object({
  assessmentId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  unitCode: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  lateness: z.enum(LATENESS),
  submittedAt: z.string().nullable(),
  itemsDone: z.number().int(),
  itemsTotal: z.number().int(),
  selfLevel: z.number().nullable(),
  selfGroups: z.array(groupLevelSchema),
  externalLevel: z.number().nullable(),
  externalGroups: z.array(groupLevelSchema),
  recognisedLevel: z.number().nullable(),
  recognisedLabel: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  teamName: z.string().nullable(),
});
export type BoardUnit = z.infer<typeof boardUnitSchema>;

export const campaignBoardSchema = campaignSchema.extend({
  today: z.string(),
  /** Reminders this view sent automatically (deadline within 3 days; at most once a day per unit). */
  remindersSent: z.number().int(),
  levelLabels: z.array(z.object({ level: z.number(), label: z.string() })),
  groups: z.array(z.object({ id: z.string(), title: z.string() })),
  permissions: z.array(z.string()),
  board: z.array(boardUnitSchema),
});

export const reminderResponse = z.object({
  sent: z.number().int(),
  alreadyRemindedToday: z.number().int(),
});

// ---- Teams ----

export const saveTeamBody = z
  .object({
    name: text(200).min(2, 'Nhập tên đoàn đánh giá.'),
    members: z
      .array(z.object({ userId: z.uuid(), role: z.enum(TEAM_ROLES) }))
      .min(1, 'Đoàn cần ít nhất một thành viên.')
      .max(50),
    unitIds: uuidList,
  })
  .superRefine((team, ctx) => {
    if (team.members.filter((m) => m.role === 'head').length !== 1)
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'Đoàn cần đúng một trưởng đoàn.' });
    if (new Set(team.members.map((m) => m.userId)).size !== team.members.length)
      ctx.addIssue({
        code: 'custom',
        path: ['members'],
        message: 'Mỗi người chỉ có một vai trò trong đoàn.',
      });
  });
export type SaveTeamInput = z.infer<typeof saveTeamBody>;

export const teamSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  name: z.string(),
  members: z.array(z.object({ userId: z.uuid(), fullName: z.string(), role: z.enum(TEAM_ROLES) })),
  units: z.array(z.object({ unitId: z.uuid(), unitName: z.string() })),
});

export const userOptionSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  username: z.string(),
  roles: z.array(z.string()),
});

// ---- Recognition ----

export const createRecognitionBody = z.object({
  decisionNumber: text(60).min(1, 'Nhập số quyết định.'),
  decidedOn: isoDate,
  signerName: text(120).min(2, 'Nhập họ tên người ký.'),
  signerTitle: text(120).min(2, 'Nhập chức vụ người ký.'),
  assessmentIds: uuidList.min(1, 'Chọn ít nhất một đơn vị.'),
});
export type CreateRecognitionInput = z.infer<typeof createRecognitionBody>;

export const recognitionSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  decisionNumber: z.string(),
  decidedOn: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  createdAt: z.string(),
  units: z.array(
    z.object({
      assessmentId: z.uuid(),
      unitName: z.string(),
      level: z.number().nullable(),
      levelLabel: z.string().nullable(),
      groups: z.array(groupLevelSchema),
    }),
  ),
});
export type Recognition = z.infer<typeof recognitionSchema>;

// ---- Public results ----

export const publicResultSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  officeName: z.string(),
  campaignTitle: z.string(),
  schoolYear: z.string(),
  catalogueTitle: z.string(),
  legalBasis: z.string().nullable(),
  level: z.number().nullable(),
  levelLabel: z.string().nullable(),
  groups: z.array(groupLevelSchema),
  decisionNumber: z.string(),
  decidedOn: z.string(),
});
export const publicResultsSchema = z.object({
  unit: z.object({ id: z.uuid(), name: z.string(), category: z.enum(['ministry', 'office', 'school']) }),
  /** The unit's own recognised results. */
  own: z.array(publicResultSchema),
  /** Recognised results of the units it manages (offices only). */
  managed: z.array(publicResultSchema),
});
export const publicParams = z.object({ unitId: z.uuid('Mã đơn vị không hợp lệ.') });

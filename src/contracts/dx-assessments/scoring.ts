import { z } from 'zod';
import type { ScoringErrorCode } from '../../domain/assessment-catalogue/index.ts';

// ---- Scoring results (mirrors AssessmentResult of src/domain/assessment-catalogue) ----

const SCORING_ERROR_CODES = [
  'unknown_item',
  'unknown_sub_item',
  'not_a_number',
  'negative_points',
  'above_max',
  'ratio_out_of_range',
  'invalid_count',
  'no_bands',
  'points_mismatch',
  'points_on_mandatory',
  'met_on_scored',
  'sub_items_not_defined',
] as const satisfies readonly ScoringErrorCode[];

const levelReasonSchema = z.object({
  code: z.enum(['mandatory_not_met', 'lowest_group', 'total_score']),
  itemIds: z.array(z.string()),
  groupIds: z.array(z.string()),
  message: z.string(),
});
export const groupResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  maxPoints: z.number(),
  total: z.number(),
  scoreLevel: z.number().nullable(),
  level: z.number().nullable(),
  label: z.string().nullable(),
  mandatoryNotMet: z.array(z.string()),
  capped: z.boolean(),
  reasons: z.array(levelReasonSchema),
});
const itemResultSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  kind: z.enum(['mandatory', 'scored']),
  answered: z.boolean(),
  met: z.boolean().nullable(),
  maxPoints: z.number(),
  claimedPoints: z.number().nullable(),
  points: z.number(),
  capped: z.boolean(),
  level: z.number().nullable(),
  subItems: z.array(
    z.object({
      id: z.string(),
      maxPoints: z.number(),
      answered: z.boolean(),
      claimedPoints: z.number().nullable(),
      points: z.number(),
    }),
  ),
  missingSubItems: z.array(z.string()),
});
export const assessmentResultSchema = z.object({
  catalogueCode: z.string(),
  catalogueVersion: z.string(),
  items: z.array(itemResultSchema),
  groups: z.array(groupResultSchema),
  totalPoints: z.number(),
  maxTotalPoints: z.number(),
  unitLevel: z.number().nullable(),
  unitLabel: z.string().nullable(),
  unitReasons: z.array(levelReasonSchema),
  completeness: z.object({
    answeredItems: z.number(),
    totalItems: z.number(),
    percent: z.number(),
    unanswered: z.array(
      z.object({ itemId: z.string(), groupId: z.string(), missingSubItems: z.array(z.string()) }),
    ),
  }),
  errors: z.array(
    z.object({ path: z.array(z.string()), code: z.enum(SCORING_ERROR_CODES), message: z.string() }),
  ),
});

/** Totals and levels only (campaign boards, public page, dashboards). */
export const groupLevelSchema = z.object({
  id: z.string(),
  title: z.string(),
  total: z.number(),
  maxPoints: z.number(),
  level: z.number().nullable(),
  label: z.string().nullable(),
});
export type GroupLevel = z.infer<typeof groupLevelSchema>;

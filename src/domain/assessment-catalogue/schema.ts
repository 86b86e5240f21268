import { z } from 'zod';

/**
 * The catalogue of a criteria-based evaluation (DX index, quality accreditation, library standard…), as data.
 *
 * A catalogue is versioned and importable: a province office may publish its own scoring guidance on top of the
 * national text, so nothing here is hard-coded to one decision. Cross-field rules (unique ids, point sums, band
 * order) live in `validate.ts`; this schema only checks shapes, and `validate.ts` turns its issues into
 * Vietnamese messages.
 */

/** Whether a row was checked against the official text ('confirmed') or still comes from secondary sources. */
export const rowStatusSchema = z.enum(['confirmed', 'to_verify']);

const idSchema = z.string().trim().min(1).max(64);
const titleSchema = z.string().trim().min(1).max(1000);
const noteSchema = z.string().trim().min(1).max(2000);
const pointsSchema = z.number().min(0).max(10_000);
const positivePointsSchema = z.number().positive().max(10_000);

/**
 * A level is reached when the total is ≥ `minTotal` (inclusive) or > `minTotal` (not inclusive). The lowest level
 * (1) needs no threshold. QĐ 4725 mục 4: "< 50 → Mức 1; 50–75 → Mức 2; > 75 → Mức 3" is
 * [{ level: 2, minTotal: 50, inclusive: true }, { level: 3, minTotal: 75, inclusive: false }].
 */
export const levelThresholdSchema = z.object({
  level: z.number().int().min(2).max(10),
  minTotal: pointsSchema,
  inclusive: z.boolean(),
});

/** Share (0–1) → points; the first band whose `minRatio` the share reaches wins, below every band gives 0. */
export const ratioBandSchema = z.object({ minRatio: z.number().min(0).max(1), points: pointsSchema });

/** Count (e.g. lessons, uses, tests held) → points; same rule as ratio bands. */
export const countBandSchema = z.object({ minCount: z.number().int().min(0), points: pointsSchema });

/** What a unit hands in as evidence (minh chứng). `metric` means the platform measures it itself. */
export const evidenceSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), label: titleSchema.optional() }),
  z.object({ kind: z.literal('link'), label: titleSchema.optional() }),
  z.object({ kind: z.literal('text'), label: titleSchema.optional() }),
  z.object({ kind: z.literal('metric'), metricId: idSchema, label: titleSchema.optional() }),
]);

/** Optional parts shared by a scored item and a sub-item: how a measured value turns into points. */
const measureFields = {
  ratioBands: z.array(ratioBandSchema).min(1).optional(),
  countBands: z.array(countBandSchema).min(1).optional(),
  metricId: idSchema.optional(),
  evidence: z.array(evidenceSpecSchema).default([]),
  status: rowStatusSchema.default('confirmed'),
  note: noteSchema.optional(),
};

export const subItemSchema = z.object({
  id: idSchema,
  title: titleSchema,
  maxPoints: positivePointsSchema,
  ...measureFields,
});

/** Điều kiện bắt buộc: met / not met, no points. */
export const mandatoryItemSchema = z.object({
  kind: z.literal('mandatory'),
  id: idSchema,
  title: titleSchema,
  metricId: idSchema.optional(),
  evidence: z.array(evidenceSpecSchema).default([]),
  status: rowStatusSchema.default('confirmed'),
  note: noteSchema.optional(),
});

export const scoredItemSchema = z.object({
  kind: z.literal('scored'),
  id: idSchema,
  title: titleSchema,
  maxPoints: positivePointsSchema,
  subItems: z.array(subItemSchema).min(1).optional(),
  /**
   * When true the sub-items' maxima may add up to more than the item's ("any three of five functions"): the sum
   * is capped at the item max. When false (default) such a catalogue is rejected as inconsistent.
   */
  capSubItemSum: z.boolean().default(false),
  /** Item-level "Mức độ" column, e.g. QĐ 4725 tiêu chí 1.3: < 10 → 1, 10–20 → 2, > 20 → 3. Informative only. */
  levelThresholds: z.array(levelThresholdSchema).min(1).optional(),
  ...measureFields,
});

export const itemSchema = z.discriminatedUnion('kind', [mandatoryItemSchema, scoredItemSchema]);

export const groupSchema = z.object({
  id: idSchema,
  title: titleSchema,
  maxPoints: positivePointsSchema,
  /** Absent when only the unit total is graded (combine rule `total_score`). */
  levelThresholds: z.array(levelThresholdSchema).min(1).optional(),
  note: noteSchema.optional(),
  items: z.array(itemSchema),
});

export const levelLabelSchema = z.object({ level: z.number().int().min(1).max(10), label: titleSchema });

/**
 * How the groups' results make one label for the unit:
 * - `lowest_group`: the unit's level is the lowest group level (our default for QĐ 4725, which grades each group
 *   but does not say how to combine them);
 * - `total_score`: the sum of all group totals is graded with `unitLevelThresholds` (for indexes scored out of
 *   100 over all groups together). A group capped by an unmet mandatory condition still caps the unit.
 */
export const combineRuleSchema = z.enum(['lowest_group', 'total_score']);

export const catalogueSettingsSchema = z.object({
  combineRule: combineRuleSchema.default('lowest_group'),
  /** An unmet (or unanswered) mandatory condition caps its group at level 1. */
  capGroupOnUnmetMandatory: z.boolean().default(true),
  unitLevelThresholds: z.array(levelThresholdSchema).min(1).optional(),
});

/** Who a catalogue assesses: schools (QĐ 4725) or offices (QĐ 3806). */
export const CATALOGUE_SUBJECT_KINDS = ['school', 'office'] as const;

export const catalogueSchema = z.object({
  code: idSchema,
  version: idSchema,
  title: titleSchema,
  subjectKind: z.enum(CATALOGUE_SUBJECT_KINDS),
  /** Legal basis shown with every result, e.g. "Quyết định 4725/QĐ-BGDĐT ngày 30/12/2022". */
  source: titleSchema.optional(),
  /**
   * Printed on every page of every document made with this catalogue, and shown with it. A catalogue that is not
   * yet the decision's own table (a criterion missing, proposed rows) carries one; only such a catalogue may be
   * published while a group's criteria do not add up to the group's maximum (`cross-checks.ts`).
   */
  draftNotice: noteSchema.optional(),
  levelLabels: z.array(levelLabelSchema).default([]),
  settings: catalogueSettingsSchema.default({ combineRule: 'lowest_group', capGroupOnUnmetMandatory: true }),
  groups: z.array(groupSchema).min(1),
});

export type RowStatus = z.output<typeof rowStatusSchema>;
export type LevelThreshold = z.output<typeof levelThresholdSchema>;
export type RatioBand = z.output<typeof ratioBandSchema>;
export type CountBand = z.output<typeof countBandSchema>;
export type EvidenceSpec = z.output<typeof evidenceSpecSchema>;
export type SubItem = z.output<typeof subItemSchema>;
export type MandatoryItem = z.output<typeof mandatoryItemSchema>;
export type ScoredItem = z.output<typeof scoredItemSchema>;
export type CatalogueItem = z.output<typeof itemSchema>;
export type CatalogueGroup = z.output<typeof groupSchema>;
export type LevelLabel = z.output<typeof levelLabelSchema>;
export type CombineRule = z.output<typeof combineRuleSchema>;
export type CatalogueSettings = z.output<typeof catalogueSettingsSchema>;
export type Catalogue = z.output<typeof catalogueSchema>;
/** What an author writes: fields with defaults may be left out. */
export type CatalogueInput = z.input<typeof catalogueSchema>;

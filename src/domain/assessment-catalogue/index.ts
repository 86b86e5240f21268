/**
 * Criteria-based evaluations as data: a versioned catalogue (groups → items → sub-items), its validation, a
 * spreadsheet layout for import/export, and the scoring engine. The DX maturity index (QĐ 4725, QĐ 3806) is
 * the first user; quality accreditation and library-standard recognition can reuse the same model.
 */
export { levelForTotal, pointsForCount, pointsForRatio, roundPoints } from './bands.ts';
export { type GroupSumGap, groupSumGap } from './cross-checks.ts';
export { LARGE_GAP_SHARE, type MeasuredGap, type MeasuredValue, measuredGaps } from './measured-gap.ts';
export { printedCatalogueNotice } from './printed-notice.ts';
export {
  CATALOGUE_ROW_COLUMNS,
  type CatalogueColumn,
  type CatalogueFromRowsResult,
  type CatalogueMeta,
  type CatalogueRow,
  type RowIssue,
} from './rows-layout.ts';
export { catalogueFromRows } from './rows-read.ts';
export { catalogueToRows } from './rows-write.ts';
export {
  CATALOGUE_SUBJECT_KINDS,
  type Catalogue,
  type CatalogueGroup,
  type CatalogueInput,
  type CatalogueItem,
  type CatalogueSettings,
  type CombineRule,
  type CountBand,
  catalogueSchema,
  type EvidenceSpec,
  type LevelLabel,
  type LevelThreshold,
  type MandatoryItem,
  type RatioBand,
  type RowStatus,
  type ScoredItem,
  type SubItem,
} from './schema.ts';
export {
  type AssessmentAnswers,
  type AssessmentResult,
  type GroupResult,
  type ItemAnswer,
  type ItemResult,
  type LevelReason,
  levelLabel,
  type MeasureAnswer,
  type ScoringError,
  type ScoringErrorCode,
  type SubItemAnswer,
  type SubItemResult,
  scoreAssessment,
} from './score.ts';
export {
  type CatalogueIssue,
  type CatalogueValidation,
  publishableCatalogue,
  validateCatalogue,
} from './validate.ts';

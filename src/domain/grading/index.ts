/**
 * Grading rules: Thông tư 22/2021/TT-BGDĐT (grades 6–12) and Thông tư 27/2020/TT-BGDĐT (grades 1–5).
 * Pure functions, no I/O. Subjects, periods per year and timetables are configuration passed in by the features.
 */

export { type AbsenceMark, type AbsenceSession, absentSessions, fullDaysAbsent } from './absences.ts';
export {
  COMMENT_SUBJECT_ASSESSMENTS_PER_TERM,
  COMMENT_SUBJECT_REGULAR_ASSESSMENTS,
  commentSubjectTermResult,
  commentSubjectYearResult,
  LEARNING_TOPIC_REGULAR_ASSESSMENTS,
  MAX_REGULAR_ASSESSMENTS,
  MAX_REGULAR_ASSESSMENTS_WITH_TOPICS,
  PERIODIC_ASSESSMENTS_PER_TERM,
  periodicTestMinutes,
  regularAssessmentCount,
  requiredRegularAssessments,
} from './assessments.ts';
export { termAverage, yearAverage } from './averages.ts';
export { award, OUTSTANDING_SUBJECT_AVERAGE } from './awards.ts';
export {
  COMBINED_SUBJECTS,
  type CombinedSubject,
  combinedContentResult,
  combinedSubjectOf,
  type SubjectGroup,
  subjectGroups,
  withCombinedSubjects,
} from './combined-subjects.ts';
export { yearConduct } from './conduct.ts';
export { roundDecimalStringToTenths, roundRatioToTenths } from './decimal.ts';
export { GradingInputError, type GradingInputErrorCode } from './errors.ts';
export {
  checkPracticalExemption,
  EXEMPTION_GROUNDS,
  EXEMPTION_PERIODS,
  type ExemptionGround,
  type ExemptionPeriod,
  exemptionCoversTerm,
  exemptionNotice,
  exemptionPeriodsOverlap,
  PRACTICAL_EXEMPTION_SUBJECTS,
  type PracticalExemption,
  type PracticalExemptionSubject,
  requiredAssessmentsWhenExempted,
} from './exemptions.ts';
export { checkPrincipalDecision, PRINCIPAL_DECIDES, yearDecision } from './individual-plan.ts';
export {
  AWARD_LABEL_VI,
  LEVEL4_LABEL_VI,
  PASS_FAIL_LABEL_VI,
  PASS_FAIL_SHORT_VI,
  PRIMARY_AWARD_LABEL_VI,
  PRIMARY_LEVEL_LABEL_VI,
  PRIMARY_LEVEL_LETTER,
  PRIMARY_OUTCOME_LABEL_VI,
  PRIMARY_TRAIT_LABEL_VI,
  PRIMARY_TRAIT_LETTER,
  PROMOTION_LABEL_VI,
  parsePrimaryLevelLetter,
  primaryLevelLabel,
  SUBJECT_KIND_LABEL_VI,
} from './labels.ts';
export {
  type LearningResultDetail,
  learningResult,
  learningResultByThresholds,
  learningResultDetailed,
  MIN_SUBJECTS_AT_THRESHOLD,
} from './learning-result.ts';
export {
  completesGrade,
  PRIMARY_COMPETENCIES,
  PRIMARY_QUALITIES,
  PRIMARY_TEST_SUBJECTS,
  primaryAward,
  primaryYearOutcome,
} from './primary.ts';
export {
  aspectsToReassess,
  checkPrimaryDecision,
  outcomeAfterSupport,
  outcomeOfMarks,
  PRIMARY_SUPPORT_STAGES,
  type PrimaryAspectMark,
  type PrimarySupportStage,
  type PrimarySupportState,
  primaryFinalPromotion,
  primarySupportStage,
} from './primary-support.ts';
export {
  applyRetestResults,
  MAX_ABSENT_SESSIONS,
  promotion,
  RETEST_BELOW,
  retestOutcome,
  subjectsToRetest,
  summerConductOutcome,
} from './promotion.ts';
export {
  assertScore,
  formatAverage,
  formatScore,
  MAX_SCORE,
  MIN_SCORE,
  type ParsedScore,
  parseScore,
  parseScoreDetailed,
  scoreProblem,
} from './scores.ts';
export {
  type AfterSummer,
  completesLevel,
  decisionAfterSummer,
  retestDue,
  SUMMER_STEPS,
  type SummerStep,
  summerSteps,
  TRANSCRIPT_DECISIONS,
  type TranscriptDecision,
  transcriptDecision,
  transcriptDecisionLabels,
  type YearStanding,
} from './summer.ts';
export type {
  Award,
  Level4,
  PassFail,
  PrimaryAward,
  PrimaryCheckpoint,
  PrimaryLevel,
  PrimaryOutcome,
  PrimaryTraitLevel,
  Promotion,
  ResultAward,
  SubjectKind,
  SubjectResult,
} from './types.ts';
export {
  AWARDS,
  assertLevel4,
  FINAL_PROMOTIONS,
  LEVEL4,
  LEVEL4_ASCENDING,
  levelAtLeast,
  levelRank,
  PASS_FAIL,
  PRIMARY_AWARDS,
  PRIMARY_CHECKPOINTS,
  PRIMARY_LEVELS,
  PRIMARY_OUTCOMES,
  PRIMARY_TRAIT_LEVELS,
  PROMOTIONS,
  RESULT_AWARDS,
} from './types.ts';

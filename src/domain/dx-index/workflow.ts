/**
 * The life of one unit's assessment in a campaign (QĐ 4725 / QĐ 3806 procedure, docs/assessments.md):
 * the unit fills in its self-assessment, its head approves it (the claims are frozen) and submits it to the
 * managing office; the office reviews it, may return it for more evidence, closes the external assessment and
 * finally recognises the level by a decision. This module is the one list of the statuses, their order, the
 * allowed moves between them and who makes each move; the server, the demo seed and the web app read it.
 */

/** In the order of the database CHECK (migration 0030) and of the status labels. */
export const ASSESSMENT_STATUSES = [
  'not_started',
  'in_progress',
  'approved',
  'submitted',
  'returned',
  'under_review',
  'assessed',
  'recognised',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/**
 * How far along the procedure a status is, first to last. A returned file ranks after "in progress" and before
 * "approved": the unit is working on it again.
 */
export const ASSESSMENT_STATUS_PROGRESS = [
  'not_started',
  'in_progress',
  'returned',
  'approved',
  'submitted',
  'under_review',
  'assessed',
  'recognised',
] as const satisfies readonly AssessmentStatus[];

/** Who moves an assessment; the server maps each to a permission (dx-assessments/access.ts). */
export const WORKFLOW_ACTORS = [
  /** Anyone filling in the unit's claims: its leaders, or a staff member assigned a criterion. */
  'unit_editor',
  /** The head of the assessed unit (hiệu trưởng): approves and submits. */
  'unit_head',
  /** A reviewer of the managing office (external assessment team). */
  'reviewer',
  /** The managing office's administrator: issues the recognition decision. */
  'campaign_manager',
] as const;
export type WorkflowActor = (typeof WORKFLOW_ACTORS)[number];

export interface AssessmentTransition {
  /** The event recorded in the assessment's history (a second submission is recorded as "resubmitted"). */
  action: 'started' | 'approved' | 'submitted' | 'review_started' | 'returned' | 'assessed' | 'recognised';
  from: readonly AssessmentStatus[];
  to: AssessmentStatus;
  by: WorkflowActor;
}

/** The unit may change its claims only while it works on them, or after the office returned them. */
export const EDITABLE_STATUSES = [
  'not_started',
  'in_progress',
  'returned',
] as const satisfies readonly AssessmentStatus[];
/** The office reviews what was submitted, until it closes the external assessment. */
export const REVIEWABLE_STATUSES = [
  'submitted',
  'under_review',
] as const satisfies readonly AssessmentStatus[];
/** Still with the unit: not yet sent to the office (a returned file must be sent again). */
export const NOT_SUBMITTED_STATUSES = [
  'not_started',
  'in_progress',
  'approved',
  'returned',
] as const satisfies readonly AssessmentStatus[];
/** Sent to the office, whatever it has done with it since. */
export const SUBMITTED_STATUSES = [
  'submitted',
  'under_review',
  'assessed',
  'recognised',
] as const satisfies readonly AssessmentStatus[];
/** The external assessment is closed: the office's result is final (and may be recognised). */
export const ASSESSED_STATUSES = ['assessed', 'recognised'] as const satisfies readonly AssessmentStatus[];

/** Every allowed move. Each (from, to) pair appears once, so the pair alone says who may make it. */
export const ASSESSMENT_TRANSITIONS: readonly AssessmentTransition[] = [
  // Saving the first criterion starts the self-assessment.
  { action: 'started', from: ['not_started'], to: 'in_progress', by: 'unit_editor' },
  // Approval freezes the claims; it needs every criterion answered (checked by the scoring engine).
  { action: 'approved', from: EDITABLE_STATUSES, to: 'approved', by: 'unit_head' },
  { action: 'submitted', from: ['approved'], to: 'submitted', by: 'unit_head' },
  // The office's first review action shows the unit that its file is being read.
  { action: 'review_started', from: ['submitted'], to: 'under_review', by: 'reviewer' },
  { action: 'returned', from: REVIEWABLE_STATUSES, to: 'returned', by: 'reviewer' },
  { action: 'assessed', from: REVIEWABLE_STATUSES, to: 'assessed', by: 'reviewer' },
  { action: 'recognised', from: ['assessed'], to: 'recognised', by: 'campaign_manager' },
];

const has = (list: readonly AssessmentStatus[], status: AssessmentStatus) => list.includes(status);

export const isEditable = (status: AssessmentStatus) => has(EDITABLE_STATUSES, status);
export const isReviewable = (status: AssessmentStatus) => has(REVIEWABLE_STATUSES, status);
export const isSubmitted = (status: AssessmentStatus) => has(SUBMITTED_STATUSES, status);
export const isAssessed = (status: AssessmentStatus) => has(ASSESSED_STATUSES, status);

/** Position in the procedure (0 = not started): of two files of a unit, the higher one is further along. */
export function progressRank(status: AssessmentStatus): number {
  return ASSESSMENT_STATUS_PROGRESS.indexOf(status);
}

/** The allowed move from one status to another, or undefined when the workflow forbids it. */
export function findTransition(
  from: AssessmentStatus,
  to: AssessmentStatus,
): AssessmentTransition | undefined {
  return ASSESSMENT_TRANSITIONS.find((t) => t.to === to && has(t.from, from));
}

/** The moves `actor` may make on a file in `status`. */
export function transitionsFor(status: AssessmentStatus, actor: WorkflowActor): AssessmentTransition[] {
  return ASSESSMENT_TRANSITIONS.filter((t) => t.by === actor && has(t.from, status));
}

import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_STATUS_PROGRESS,
  ASSESSMENT_STATUSES,
  ASSESSMENT_TRANSITIONS,
  type AssessmentStatus,
  findTransition,
  isAssessed,
  isEditable,
  isReviewable,
  isSubmitted,
  progressRank,
  transitionsFor,
  WORKFLOW_ACTORS,
  type WorkflowActor,
} from './workflow.ts';

/** Every allowed move as "from → to: who", the procedure of docs/assessments.md written out. */
const ALLOWED: [AssessmentStatus, AssessmentStatus, WorkflowActor][] = [
  ['not_started', 'in_progress', 'unit_editor'],
  ['not_started', 'approved', 'unit_head'],
  ['in_progress', 'approved', 'unit_head'],
  ['returned', 'approved', 'unit_head'],
  ['approved', 'submitted', 'unit_head'],
  ['submitted', 'under_review', 'reviewer'],
  ['submitted', 'returned', 'reviewer'],
  ['under_review', 'returned', 'reviewer'],
  ['submitted', 'assessed', 'reviewer'],
  ['under_review', 'assessed', 'reviewer'],
  ['assessed', 'recognised', 'campaign_manager'],
];

const allowedKey = new Set(ALLOWED.map(([from, to]) => `${from}→${to}`));
const REFUSED = ASSESSMENT_STATUSES.flatMap((from) =>
  ASSESSMENT_STATUSES.filter((to) => !allowedKey.has(`${from}→${to}`)).map((to) => [from, to] as const),
);

describe('quy trình tự đánh giá, đánh giá ngoài và công nhận (QĐ 4725)', () => {
  it.each(ALLOWED)('%s → %s is allowed, made by %s', (from, to, actor) => {
    expect(findTransition(from, to)?.by).toBe(actor);
  });

  it.each(REFUSED)('%s → %s is refused', (from, to) => {
    expect(findTransition(from, to)).toBeUndefined();
  });

  it('lists exactly the allowed moves, each (from, to) pair once', () => {
    const listed = ASSESSMENT_TRANSITIONS.flatMap((t) => t.from.map((from) => `${from}→${t.to}`));
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...allowedKey].sort());
  });

  it.each(WORKFLOW_ACTORS)('%s may make only its own moves, from the statuses that allow them', (actor) => {
    for (const status of ASSESSMENT_STATUSES) {
      const mine = ALLOWED.filter(([from, , by]) => from === status && by === actor).map(([, to]) => to);
      expect(transitionsFor(status, actor).map((t) => t.to)).toEqual(mine);
    }
  });

  it('a recognised file is final: nobody moves it', () => {
    for (const actor of WORKFLOW_ACTORS) expect(transitionsFor('recognised', actor)).toEqual([]);
  });

  it('the unit edits only before approval or after a return; the office reviews only submitted files', () => {
    expect(ASSESSMENT_STATUSES.filter(isEditable)).toEqual(['not_started', 'in_progress', 'returned']);
    expect(ASSESSMENT_STATUSES.filter(isReviewable)).toEqual(['submitted', 'under_review']);
  });

  it('an approved file not yet sent, or a returned one, counts as not submitted', () => {
    expect(ASSESSMENT_STATUSES.filter(isSubmitted)).toEqual([
      'submitted',
      'under_review',
      'assessed',
      'recognised',
    ]);
    expect(ASSESSMENT_STATUSES.filter(isAssessed)).toEqual(['assessed', 'recognised']);
  });

  it('progress order puts a returned file after "in progress" and before "approved", recognised last', () => {
    expect([...ASSESSMENT_STATUS_PROGRESS].sort()).toEqual([...ASSESSMENT_STATUSES].sort());
    expect(progressRank('not_started')).toBe(0);
    expect(progressRank('returned')).toBeGreaterThan(progressRank('in_progress'));
    expect(progressRank('returned')).toBeLessThan(progressRank('approved'));
    expect(progressRank('recognised')).toBe(ASSESSMENT_STATUSES.length - 1);
  });

  it('every allowed move goes forward in the procedure, except a return to the unit', () => {
    for (const [from, to] of ALLOWED) {
      if (to === 'returned') expect(progressRank(to)).toBeLessThan(progressRank(from));
      else expect(progressRank(to)).toBeGreaterThan(progressRank(from));
    }
  });
});

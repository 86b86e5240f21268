import { describe, expect, it } from 'vitest';
import { GradingInputError } from './errors.ts';
import {
  aspectsToReassess,
  checkPrimaryDecision,
  outcomeAfterSupport,
  outcomeOfMarks,
  type PrimaryAspectMark,
  primaryFinalPromotion,
  primarySupportStage,
} from './primary-support.ts';

// A pupil at the end of the year: Toán Chưa hoàn thành with 4 on the test, Chăm chỉ Cần cố gắng, the rest fine.
const year: PrimaryAspectMark[] = [
  { aspect: 'subject:vietnamese', level: 'completed', testScore: 6 },
  { aspect: 'subject:math', level: 'not_completed', testScore: 4 },
  { aspect: 'subject:ethics', level: 'completed_well', testScore: null },
  { aspect: 'quality:Chăm chỉ', level: 'needs_effort', testScore: null },
  { aspect: 'quality:Trung thực', level: 'good', testScore: null },
  { aspect: 'competence:Tự chủ và tự học', level: 'pass', testScore: null },
];

describe('học sinh chưa hoàn thành chương trình lớp học (TT27 Điều 11 khoản 1)', () => {
  it('điểm a: the year outcome is Chưa hoàn thành; điểm b re-assesses only what held the pupil back', () => {
    expect(outcomeOfMarks(year)).toBe('not_completed');
    expect(aspectsToReassess(year).map((m) => m.aspect)).toEqual(['subject:math', 'quality:Chăm chỉ']);
  });

  it('điểm b: after the help, the further assessment that reaches Hoàn thành completes the grade → lên lớp', () => {
    const after = outcomeAfterSupport(year, [
      { aspect: 'subject:math', level: 'completed', testScore: 6 },
      { aspect: 'quality:Chăm chỉ', level: 'pass', testScore: null },
    ]);
    expect(after).toBe('completed');
    const state = { outcome: 'not_completed', hasPlan: true, afterSupport: after, decision: null } as const;
    expect(primarySupportStage(state)).toBe('decided');
    expect(primaryFinalPromotion(state)).toBe('promoted');
  });

  it('điểm c: still Chưa hoàn thành after the help → the principal decides, with a reason', () => {
    const after = outcomeAfterSupport(year, [{ aspect: 'subject:math', level: 'completed', testScore: 5 }]);
    expect(after).toBe('not_completed');
    const state = { outcome: 'not_completed', hasPlan: true, afterSupport: after, decision: null } as const;
    expect(primarySupportStage(state)).toBe('principal_decision');
    expect(primaryFinalPromotion(state)).toBeNull();
    expect(() => checkPrimaryDecision(state, 'Chưa đọc, viết được')).not.toThrow();
    expect(() => checkPrimaryDecision(state, '  ')).toThrow(GradingInputError);
    expect(primaryFinalPromotion({ ...state, decision: 'retained' })).toBe('retained');
    expect(primarySupportStage({ ...state, decision: 'promoted' })).toBe('decided');
  });

  it('the path runs in order: plan first, then the further assessment, then the decision', () => {
    const base = { outcome: 'not_completed', afterSupport: null, decision: null } as const;
    expect(primarySupportStage({ ...base, hasPlan: false })).toBe('support_plan');
    expect(primarySupportStage({ ...base, hasPlan: true })).toBe('further_assessment');
    expect(() => checkPrimaryDecision({ ...base, hasPlan: false }, 'x')).toThrow(/chưa lập kế hoạch/);
    expect(() => checkPrimaryDecision({ ...base, hasPlan: true }, 'x')).toThrow(/chưa được đánh giá bổ sung/);
    const done = { outcome: 'completed', hasPlan: false, afterSupport: null, decision: null } as const;
    expect(primarySupportStage(done)).toBe('completed');
    expect(primaryFinalPromotion(done)).toBe('promoted');
    expect(() => checkPrimaryDecision(done, 'x')).toThrow(/đã hoàn thành/);
  });

  it('a decision made before a later further assessment that completes the grade no longer applies', () => {
    const state = {
      outcome: 'not_completed',
      hasPlan: true,
      afterSupport: 'completed',
      decision: 'retained',
    } as const;
    expect(primaryFinalPromotion(state)).toBe('promoted');
  });

  it('refuses re-assessing an aspect that did not hold the pupil back, a wrong level, and a bad test score', () => {
    const attempt = (m: PrimaryAspectMark) => () => outcomeAfterSupport(year, [m]);
    expect(attempt({ aspect: 'subject:vietnamese', level: 'completed_well', testScore: 9 })).toThrow(
      /không thuộc diện đánh giá bổ sung/,
    );
    expect(attempt({ aspect: 'quality:Chăm chỉ', level: 'completed', testScore: null })).toThrow(
      /không hợp lệ/,
    );
    expect(attempt({ aspect: 'subject:math', level: 'completed', testScore: null })).toThrow(/nhập điểm/);
    expect(attempt({ aspect: 'subject:math', level: 'completed', testScore: 7.5 })).toThrow(/số nguyên/);
    expect(() => outcomeAfterSupport(year, [])).toThrow(/Chưa nhập/);
  });
});

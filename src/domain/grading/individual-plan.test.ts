import { describe, expect, it } from 'vitest';
import { checkPrincipalDecision, PRINCIPAL_DECIDES, yearDecision } from './individual-plan.ts';
import { transcriptDecision } from './summer.ts';

describe('học sinh khuyết tật đánh giá theo kế hoạch giáo dục cá nhân (TT22 Điều 11, Điều 12 khoản 4)', () => {
  it('khoản 4: the principal decides — the rule of khoản 1 is not applied, whatever the results', () => {
    for (const learning of ['excellent', 'fail'] as const) {
      for (const absentSessions of [0, 80]) {
        expect(yearDecision({ learning, conduct: 'fail', absentSessions, individualPlan: true })).toBe(
          PRINCIPAL_DECIDES,
        );
      }
    }
  });

  it('a student not on an individual plan follows Điều 12 khoản 1–3 as before', () => {
    const base = { conduct: 'good', absentSessions: 3, individualPlan: false } as const;
    expect(yearDecision({ ...base, learning: 'good' })).toBe('promoted');
    expect(yearDecision({ ...base, learning: 'fail' })).toBe('retest');
    expect(yearDecision({ ...base, learning: 'good', absentSessions: 46 })).toBe('retained');
  });

  it('the decision is recorded only for a student listed as "Hiệu trưởng quyết định", with its reason', () => {
    expect(() =>
      checkPrincipalDecision({
        promotion: PRINCIPAL_DECIDES,
        decision: 'promoted',
        reason: 'Tiến bộ theo KHGD',
      }),
    ).not.toThrow();
    expect(() =>
      checkPrincipalDecision({ promotion: 'retest', decision: 'promoted', reason: 'Tiến bộ' }),
    ).toThrow(/Điều 12 khoản 4/);
    expect(() =>
      checkPrincipalDecision({ promotion: PRINCIPAL_DECIDES, decision: 'retained', reason: '  ' }),
    ).toThrow(/căn cứ quyết định/);
  });

  it('the học bạ marks the principal’s decision as it is, never as a summer outcome', () => {
    expect(transcriptDecision({ promotion: PRINCIPAL_DECIDES, finalPromotion: null })).toBeNull();
    expect(transcriptDecision({ promotion: PRINCIPAL_DECIDES, finalPromotion: 'promoted' })).toBe('promoted');
    expect(transcriptDecision({ promotion: PRINCIPAL_DECIDES, finalPromotion: 'retained' })).toBe('retained');
  });
});

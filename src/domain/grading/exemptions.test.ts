import { describe, expect, it } from 'vitest';
import { requiredRegularAssessments } from './assessments.ts';
import {
  checkPracticalExemption,
  exemptionCoversTerm,
  type PracticalExemption,
  requiredAssessmentsWhenExempted,
} from './exemptions.ts';

const exemption = (over: Partial<PracticalExemption> = {}): PracticalExemption => ({
  subjectCode: 'physical-education',
  ground: 'chronic_illness',
  period: 'year',
  medicalEvidence: true,
  decision: 'Quyết định số 12/QĐ-THPT ngày 05/9/2025',
  ...over,
});

describe('miễn học phần thực hành GDTC, GDQP-AN (TT22 Điều 10)', () => {
  it('khoản 1: only the practical part of Giáo dục thể chất or GDQP-AN is exempted', () => {
    expect(() => checkPracticalExemption(exemption())).not.toThrow();
    expect(() => checkPracticalExemption(exemption({ subjectCode: 'national-defence' }))).not.toThrow();
    expect(() => checkPracticalExemption(exemption({ subjectCode: 'arts-music' }))).toThrow(
      /Chỉ miễn học phần thực hành của môn Giáo dục thể chất hoặc Giáo dục quốc phòng và an ninh/,
    );
  });

  it('khoản 2 and 3: a medical record from a district hospital and the principal’s decision are required', () => {
    expect(() => checkPracticalExemption(exemption({ medicalEvidence: false }))).toThrow(
      /bệnh viện từ cấp huyện/,
    );
    expect(() => checkPracticalExemption(exemption({ decision: '  ' }))).toThrow(/quyết định cho miễn/);
  });

  it('khoản 3: for one term or for the school year', () => {
    expect(exemptionCoversTerm('term1', 1)).toBe(true);
    expect(exemptionCoversTerm('term1', 2)).toBe(false);
    expect(exemptionCoversTerm('term2', 2)).toBe(true);
    expect(exemptionCoversTerm('year', 1)).toBe(true);
    expect(exemptionCoversTerm('year', 2)).toBe(true);
  });

  it('khoản 4: theory replaces practice "để có đủ số lần kiểm tra, đánh giá": GDTC still needs 2 ĐĐGtx, GDQP-AN 2', () => {
    const pe = requiredRegularAssessments({ periodsPerYear: 70, kind: 'comment' });
    const defence = requiredRegularAssessments({ periodsPerYear: 35, kind: 'score' });
    expect(requiredAssessmentsWhenExempted(pe)).toBe(2);
    expect(requiredAssessmentsWhenExempted(defence)).toBe(2);
  });
});

describe('exemption periods and the grid’s notice (TT22 Điều 10 khoản 3, 4)', () => {
  it('a year exemption overlaps either term; the two terms do not overlap each other', async () => {
    const { exemptionPeriodsOverlap } = await import('./exemptions.ts');
    expect(exemptionPeriodsOverlap('year', 'term1')).toBe(true);
    expect(exemptionPeriodsOverlap('term2', 'year')).toBe(true);
    expect(exemptionPeriodsOverlap('term1', 'term1')).toBe(true);
    expect(exemptionPeriodsOverlap('term1', 'term2')).toBe(false);
  });

  it('the notice names the decision for the term it covers, and nothing for another term or subject', async () => {
    const { exemptionNotice } = await import('./exemptions.ts');
    const list = [
      { subjectCode: 'physical-education', period: 'term1' as const, decision: 'QĐ số 12 ngày 05/9/2025' },
    ];
    expect(exemptionNotice(list, 'physical-education', 1)).toMatch(
      /Miễn học phần thực hành \(HK I, QĐ số 12/,
    );
    expect(exemptionNotice(list, 'physical-education', 1)).toMatch(/lí thuyết/);
    expect(exemptionNotice(list, 'physical-education', 2)).toBeNull();
    expect(exemptionNotice(list, 'national-defence', 1)).toBeNull();
  });
});

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
